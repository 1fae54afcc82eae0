  /* Shared by english_share.js and latin_share.js, written into each where it says PAGE_TEXT (tests/i18n/
   * measure_script.py): which text a reader sees, and which the page marks as another language than its
   * own (`page`, the page's language, is set by the script before this). */
  function visible(el) {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none" && Number(style.opacity) !== 0;
  }
  function marked(el) {
    const holder = el.closest("[lang]");
    return (holder ? holder.getAttribute("lang").split("-")[0] : page) !== page;
  }
