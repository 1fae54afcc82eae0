/* Soil Biodiversity Knowledge Graph catalogue: Chinese queries in the site search.
 * Chinese is written without spaces between words. The search index is cut into words at build time
 * (jieba, word ends marked with zero-width spaces, which are among the search's separators:
 * mkdocs.yml); a query typed as a phrase ("已发布") was one unknown word and found nothing. Here a
 * query is cut into the index's own words (window.SKG_ZH_WORDS, written by the build: longest match
 * first), and what none of them covers by the browser's word segmenter (Intl.Segmenter), joined by
 * zero-width spaces, so the box still shows what the reader typed. Capture phase: before the theme
 * reads the box. Never while an input method is composing (changing the text then would break it). */
(function () {
  "use strict";

  var ZWSP = "\u200b";
  var HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";  /* as soilkg/sitegen/mkdocs_hooks.py */
  var HAN = new RegExp("[" + HAN_CHARS + "]");
  var HAN_RUNS = new RegExp("([" + HAN_CHARS + "]+)");
  var TWO_HAN = new RegExp("[" + HAN_CHARS + "]{2,}");
  var VOCABULARY = new Set(window.SKG_ZH_WORDS || []);
  var LONGEST = 1;
  VOCABULARY.forEach(function (word) { LONGEST = Math.max(LONGEST, word.length); });
  var segmenter = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  /* Words no index word covers: the browser's segmenter, else one word. */
  function unknownWords(text) {
    if (!text) return [];
    return segmenter ? Array.from(segmenter.segment(text), function (s) { return s.segment; }) : [text];
  }

  /* A run of Han characters as words: at each place the longest word of the index, else gathered up
   * for the segmenter. */
  function hanWords(run) {
    var out = [];
    var unknown = "";
    var at = 0;
    while (at < run.length) {
      var length = Math.min(LONGEST, run.length - at);
      while (length > 0 && !VOCABULARY.has(run.substr(at, length))) length -= 1;
      if (length === 0) {
        unknown += run.charAt(at);
        at += 1;
        continue;
      }
      out = out.concat(unknownWords(unknown));
      unknown = "";
      out.push(run.substr(at, length));
      at += length;
    }
    return out.concat(unknownWords(unknown));
  }

  /* The query with its Han runs cut into words, and where a caret after `before` plain characters lands. */
  function cut(plain, before) {
    var out = "";
    var caret = -1;
    var seen = 0;
    var afterHan = false;
    plain.split(HAN_RUNS).forEach(function (piece) {
      var han = HAN.test(piece);
      (han ? hanWords(piece) : [piece]).forEach(function (word) {
        if (!word) return;
        if (out && (han || afterHan)) out += ZWSP;  // a word end wherever a Chinese word begins or ends
        if (caret < 0 && seen + word.length >= before) caret = out.length + (before - seen);
        out += word;
        seen += word.length;
        afterHan = han;
      });
    });
    return { text: out, caret: caret < 0 ? out.length : caret };
  }

  function segmentBox(box) {
    var value = box.value;
    var plain = value.split(ZWSP).join("");
    if (!TWO_HAN.test(plain)) return;
    var before = value.slice(0, box.selectionStart === null ? value.length : box.selectionStart)
      .split(ZWSP).join("").length;
    var result = cut(plain, before);
    if (result.text === value) return;
    box.value = result.text;
    box.setSelectionRange(result.caret, result.caret);
  }

  function isSearchBox(target) {
    return target instanceof HTMLInputElement && target.classList.contains("md-search__input");
  }

  document.addEventListener("input", function (event) {
    if (isSearchBox(event.target) && !event.isComposing) segmentBox(event.target);
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (isSearchBox(event.target)) segmentBox(event.target);
  }, true);
  /* The theme reads the box on key events too: a key that changed nothing (End, an arrow) must
   * still find the text cut. */
  document.addEventListener("keyup", function (event) {
    if (isSearchBox(event.target) && !event.isComposing) segmentBox(event.target);
  }, true);
}());
