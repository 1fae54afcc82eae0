/* Keyboard and screen-reader fixes the markup cannot carry by itself (tests/site/test_a11y.py, axe-core):
 * Material's search dialog is named as its search box is, in the reader's language; a table too wide
 * for the screen scrolls inside its frame, and a keyboard can reach that frame to scroll it. */
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (!dialog || !input) return;
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "");
  }

  function reachScrollFrames() {
    document.querySelectorAll(".skg-scroll").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth && !frame.hasAttribute("tabindex")) frame.setAttribute("tabindex", "0");
    });
  }

  function ready() {
    nameSearchDialog();
    reachScrollFrames();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  /* skg.js puts the search box's label in the reader's language first, then says so. */
  document.addEventListener("skg:lang", function () { setTimeout(ready, 0); });
})();
