/* Share of Latin-script words in the visible interface text of the page, in the page's language.
 * Left out: text marked with another language than the page's (lang="en" on a quotation of the
 * source document, a name that has no translation yet, both isolated in <bdi>/<blockquote lang>),
 * code and identifiers (<code>, <pre>, <kbd>, web addresses), acronyms (two or more capitals:
 * FAO, CSV, SDG), scripts and hidden elements. A name the page marks as English in one place (the
 * heading of a resource without a translated name) is a name wherever it recurs unmarked (the tab
 * title, the navigation), so such repeats are left out too. Counted: the browser tab title and every other visible text node.
 * Chinese has no spaces: two CJK characters count as one word (modern Chinese words average
 * 1.5-2 characters), so the share is not flattered by counting each character as a word. */
() => {
  const page = (document.documentElement.getAttribute("lang") || "en").split("-")[0];
  const SKIP = "script,style,noscript,code,pre,kbd,samp,template,svg";
  /* A word starts with a letter and may go on with digits: "M49", "ISO" are codes, not English words. */
  const latinWord = /[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’-]*/g;
  const arabicWord = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
  const cyrillicWord = /[\u0400-\u04FF]+/g;
  const cjkChar = /[\u3400-\u9FFF\uF900-\uFAFF]/g;
  const acronym = /^[A-Z][A-Z0-9-]*[A-Z0-9]$/;
  /* Proper names of systems and datasets that stay in Latin script inside translated text, as UN
   * texts leave them: the Handle System (an identifier scheme), Natural Earth (the map data). */
  const properNames = new Set(["Handle", "Natural", "Earth"]);
  const tally = { latin: 0, own: 0, foreign: 0, latinSamples: {} };

  const url = /\b(?:https?:\/\/|www\.)\S+/g;

  function count(text, where) {
    text = text.replace(url, " ");
    const latin = (text.match(latinWord) || []).filter((w) => !acronym.test(w) && !properNames.has(w));
    tally.latin += latin.length;
    latin.forEach((w) => { tally.latinSamples[where + ": " + w] = (tally.latinSamples[where + ": " + w] || 0) + 1; });
    tally.own += (text.match(arabicWord) || []).length + (text.match(cyrillicWord) || []).length
      + (text.match(cjkChar) || []).length / 2;
  }

  /* PAGE_TEXT */

  const nodes = [];
  const names = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent;
    if (!el || !text.trim() || el.closest(SKIP) || !visible(el)) continue;
    if (marked(el)) { names.add(text.trim()); tally.foreign += (text.match(latinWord) || []).length; continue; }
    nodes.push([el, text]);
  }
  function isName(text) {
    if (!names.has(text.trim())) return false;
    tally.foreign += (text.match(latinWord) || []).length;
    return true;
  }
  /* A title the page composes around a marked name ("26 بلدا: countries in which ...") repeats it in
     the tab title, which cannot mark it: the marked runs are left out of the title as elsewhere. */
  function withoutNames(part) {
    let rest = part;
    [...names].sort((a, b) => b.length - a.length).forEach((name) => {
      if (name.length > 2 && rest.includes(name)) {
        tally.foreign += (name.match(latinWord) || []).length;
        rest = rest.split(name).join(" ");
      }
    });
    return rest;
  }
  document.title.split(" - ").forEach((part) => { if (!isName(part)) count(withoutNames(part), "title"); });
  for (const [el, text] of nodes) {
    if (isName(text)) continue;
    count(text, el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""));
  }
  const total = tally.latin + tally.own;
  const samples = Object.entries(tally.latinSamples).sort((a, b) => b[1] - a[1]).slice(0, 40);
  return { lang: page, latin: tally.latin, own: tally.own, foreign: tally.foreign,
           share: total ? tally.latin / total : 0, samples: samples };
}
