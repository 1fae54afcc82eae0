/* Share of English in the text the catalogue composes on a page in another language (issue 21).
 * Called with the words of the same page in English (lower-cased), gathered by `words` below.
 * Counted: every visible letter of the page's own text (the tab title and every visible text node),
 * except what the page marks as another language (quoted source passages, titles of works, names
 * and literals that exist only in English: lang="en", lang="mul", identifiers lang="zxx"), code,
 * and acronyms (FAO, COP, CSV). A word is English when the English page has it and the language's
 * own strings and labels (window.SKG_I18N[lang], window.SKG_LABELS[lang]) do not: "Source" and
 * "Date" are French words too, "of" and "progress" are not. Letters, not words, are summed, so a
 * Chinese page (no spaces) and a French one are measured alike. A name the page marks as English
 * where it shows it (the heading of a resource with no translated name) is a name in the tab title
 * too, which cannot carry a language of its own. */
(english) => {
  const page = (document.documentElement.getAttribute("lang") || "en").split("-")[0];
  const SKIP = "script,style,noscript,code,pre,kbd,samp,template";
  const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  const han = /\p{Script=Han}/u;
  const acronym = /^[\p{Lu}][\p{Lu}0-9-]*[\p{Lu}0-9]$/u;
  const url = /\b(?:https?:\/\/|www\.)\S+/g;
  const known = new Set(english);
  const own = new Set();
  const addWords = (text) => { (String(text).match(word) || []).forEach((w) => own.add(w.toLowerCase())); };
  Object.values((window.SKG_I18N || {})[page] || {}).forEach(addWords);
  Object.values((window.SKG_LABELS || {})[page] || {}).forEach(addWords);
  Object.values(window.SKG_CHROME_WORDS || {}).forEach(addWords);

  const tally = { english: 0, letters: 0, left: {} };
  function count(text, where) {
    (text.replace(url, " ").match(word) || []).forEach((w) => {
      if (acronym.test(w)) return;
      const letters = han.test(w) ? w.length : [...w].length;
      tally.letters += letters;
      const lower = w.toLowerCase();
      if (known.has(lower) && !own.has(lower) && !han.test(w)) {
        tally.english += letters;
        tally.left[where + ": " + w] = (tally.left[where + ": " + w] || 0) + 1;
      }
    });
  }
  /* PAGE_TEXT */
  const names = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || el.closest(SKIP) || !visible(el)) continue;
    if (marked(el)) { names.add(el.closest("[lang]").textContent.trim()); continue; }
    const name = el.tagName.toLowerCase() + (typeof el.className === "string" && el.className
      ? "." + el.className.split(" ")[0] : "");
    count(node.textContent, name);
  }
  /* The tab title repeats what the page marks (a name, or an English literal inside a composed title). */
  const longest = [...names].filter((n) => n.length > 2).sort((a, b) => b.length - a.length);
  document.title.split(" - ").forEach((part) => {
    if (names.has(part.trim())) return;
    longest.forEach((name) => { part = part.split(name).join(" "); });
    count(part, "title");
  });
  const left = Object.entries(tally.left).sort((a, b) => b[1] - a[1]).slice(0, 40);
  return { lang: page, english: tally.english, letters: tally.letters,
           share: tally.letters ? tally.english / tally.letters : 0, left: left };
}
