/* Words the catalogue writes around its data, in the reader's language (skg.js announces the
 * language with a "skg:lang" event):
 * - Material for MkDocs' own interface (search box, result counts, "Back to top", "Skip to content",
 *   header and navigation titles): its vetted translations, shipped in assets/lang/<code>.js as
 *   "md.<key>" (read from the theme at build time). The theme writes them in English; they are
 *   swapped where it writes them, without changing the theme.
 * - Reported figures: whole templates ("more than {value} {unit}", "as of {date}"), numbers and
 *   dates formatted by Intl for the language (soilkg/sitegen/figtext.py writes the English). */
(function () {
  "use strict";

  var I18N = window.SKG_I18N = window.SKG_I18N || {};
  var current = "en";
  /* UN Arabic documents write numbers with the digits 0-9. */
  var LOCALES = { ar: "ar-u-nu-latn", zh: "zh-CN", en: "en-GB", fr: "fr", es: "es", ru: "ru" };

  function tr(key, code) {
    var table = I18N[code || current] || {};
    var english = I18N.en || {};
    return table[key] !== undefined ? table[key] : english[key];
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? values[name] : all; });
  }

  function number(lexical, code) {
    var n = Number(lexical);
    if (lexical === "" || isNaN(n)) return lexical;
    return new Intl.NumberFormat(LOCALES[code] || code, { maximumFractionDigits: 3 }).format(n);
  }
  /* "2024-06-30" -> "30 June 2024" / "2024年6月30日"; a year or a year-month likewise; a note ("to date") by its key. */
  function date(lexical, code) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(lexical || "");
    if (!m) return tr("as_of_note." + lexical, code) || lexical;
    var options = { year: "numeric", timeZone: "UTC" };
    if (m[2]) options.month = "long";
    if (m[3]) options.day = "numeric";
    var when = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
    return new Intl.DateTimeFormat(LOCALES[code] || code, options).format(when);
  }
  function amount(fig, code) {
    var unit = tr("unit." + fig.u, code) || fig.u;
    var template = tr(fig.q ? "fig.amount_" + fig.q : "fig.amount", code) || "{value} {unit}";
    return fill(template, { value: number(fig.n, code), unit: unit }).trim();
  }
  function when(fig, code) {
    if (fig.d) return fill(tr("fig.as_of", code), { date: date(fig.d, code) });
    var note = fig.w ? (tr("as_of_note." + fig.w, code) || fig.w) : "";
    /* "to date", as reported in the month of the document that states it (soilkg/sitegen/figtext.py). */
    if (note && fig.r) return fill(tr("fig.note_as_reported", code), { note: note, date: date(fig.r, code) });
    return note || (fig.r ? fill(tr("fig.as_reported", code), { date: date(fig.r, code) }) : "");
  }
  function caption(fig, code) {
    var held = when(fig, code);
    return held ? amount(fig, code) + " (" + held + ")" : amount(fig, code);
  }
  /* A composed title (soilkg/sitegen/titles.py) is a list of segments: text in the language, or
     [text, lang], an inserted run (a symbol, a number, an English literal) isolated in <bdi>. */
  function draw(el, label) {
    el.textContent = "";
    label.forEach(function (s) {
      if (typeof s === "string") { el.appendChild(document.createTextNode(s)); return; }
      var run = document.createElement("bdi");
      if (s[1]) { run.setAttribute("lang", s[1]); run.setAttribute("dir", "ltr"); }
      else run.className = "skg-run"; /* a symbol or number: never broken across lines ("CGRFA-" / "20") */
      run.textContent = s[0];
      el.appendChild(run);
    });
  }
  /* The same as text, each inserted run between Unicode isolates (an <option> holds no markup). */
  function flat(label) {
    if (!Array.isArray(label)) return label;
    return label.map(function (s) { return typeof s === "string" ? s : "\u2068" + s[0] + "\u2069"; }).join("");
  }
  /* For skg.js and skg-map.js: the one lookup of interface strings, and the figures' words. */
  window.SKG_TEXT = { tr: tr, amount: amount, when: when, number: number, date: date, draw: draw, flat: flat };

  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }

  /* Each element keeps its English text (data-en) so that English comes back exactly as built. */
  function swap(el, make) {
    if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.textContent);
    el.textContent = current === "en" ? el.getAttribute("data-en") : make();
  }
  function figures(root) {
    [["data-fig", amount], ["data-fig-when", when], ["data-fig-caption", caption]].forEach(function (pair) {
      root.querySelectorAll("[" + pair[0] + "]").forEach(function (el) {
        var fig = parse(el.getAttribute(pair[0]));
        if (fig) swap(el, function () { return pair[1](fig, current); });
      });
    });
    root.querySelectorAll("[data-num]").forEach(function (el) {
      swap(el, function () { return number(el.getAttribute("data-num"), current); });
    });
    root.querySelectorAll("[data-date]").forEach(function (el) {
      swap(el, function () { return date(el.getAttribute("data-date"), current); });
    });
    root.querySelectorAll("[data-part]").forEach(function (el) {
      var kind = el.getAttribute("data-part");
      swap(el, function () { return fill(tr("part." + kind), { n: el.getAttribute("data-n") }); });
    });
  }

  /* --- Material's interface ---------------------------------------------------------------- */
  var ATTRIBUTES = ["placeholder", "aria-label", "title"];
  var TEXTS = ".md-skip, .md-top, .md-search-result__meta, .md-search-result__more summary > div, .md-nav__title[for=__toc], .md-nav--secondary > .md-nav__title";

  /* English text -> [key, number]: "12 matching documents" -> ["md.search.result.other", "12"]. */
  function materialKey(text) {
    var english = I18N.en || {};
    var found = null;
    Object.keys(english).some(function (key) {
      if (key.indexOf("md.") !== 0) return false;
      var pattern = english[key].replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "(\\d+)");
      var m = new RegExp("^" + pattern + "$").exec(text.trim());
      if (m) found = [key, m[1]];
      return !!m;
    });
    return found;
  }
  function material(text, code) {
    var found = materialKey(text);
    if (!found) return null;
    var translated = tr(found[0], code);
    return found[1] !== undefined ? translated.replace("#", found[1]) : translated;
  }
  function materialAttributes(root) {
    ATTRIBUTES.forEach(function (name) {
      root.querySelectorAll("[" + name + "]").forEach(function (el) {
        if (el.closest("[data-i18n], .md-typeset")) return;
        var keep = "data-en-" + name;
        if (!el.hasAttribute(keep)) el.setAttribute(keep, el.getAttribute(name));
        var english = el.getAttribute(keep);
        /* "Search" is both the search box's placeholder and its button's title in Material. */
        var shown = name === "placeholder" && english === (I18N.en || {})["md.search.placeholder"]
          ? tr("md.search.placeholder", current) : material(english, current);
        if (shown) el.setAttribute(name, shown);
      });
    });
  }
  /* A text node of Material's (beside an icon): the last non-empty one of the element. */
  function materialTexts(root) {
    root.querySelectorAll(TEXTS).forEach(function (el) {
      var nodes = Array.prototype.filter.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
      var node = nodes[nodes.length - 1];
      if (!node) return;
      if (node._skgEn === undefined || (node.textContent !== node._skgShown)) node._skgEn = node.textContent;
      var shown = material(node._skgEn, current);
      if (shown && node.textContent !== shown) { node._skgShown = shown; node.textContent = shown; }
    });
  }

  /* Navigation entries skg.js could not translate: the current resource's own (its heading's
     label), else a name with no translation, marked English so an Arabic line isolates it. */
  function navigation() {
    var heading = document.querySelector("h1 [data-iri]");
    document.querySelectorAll(".md-nav__link .md-ellipsis, .md-header__topic .md-ellipsis").forEach(function (el) {
      if (el.children.length && !el.hasAttribute("data-skg-drawn")) return;
      var english = el.getAttribute("data-en") || el.textContent.trim();
      /* The current resource's entry follows its heading in every language a reader switches to. */
      if (heading && english === heading.getAttribute("data-en")) {
        /* As the heading shows it: a composed title keeps its English literals marked. */
        el.textContent = "";
        heading.childNodes.forEach(function (n) { el.appendChild(n.cloneNode(true)); });
        el.setAttribute("data-skg-drawn", "");
        if (el.children.length) return;
      } else if (el.textContent.trim() !== english && current !== "en") return; /* translated by skg.js */
      var same = current === "en" || el.textContent.trim() !== english || !/[A-Za-z]/.test(english);
      if (same) { el.removeAttribute("lang"); el.removeAttribute("dir"); }
      else { el.setAttribute("lang", "en"); el.setAttribute("dir", "ltr"); }
    });
  }

  function apply() {
    navigation();
    figures(document);
    materialAttributes(document);
    materialTexts(document);
  }
  document.addEventListener("skg:lang", function (event) {
    current = event.detail;
    apply();
  });
  /* Material's search writes the result count and the list of results after each keystroke. */
  function watch() {
    var results = document.querySelector(".md-search-result");
    if (!results || !window.MutationObserver) return;
    new MutationObserver(function () { if (current !== "en") materialTexts(results); })
      .observe(results, { childList: true, subtree: true, characterData: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
