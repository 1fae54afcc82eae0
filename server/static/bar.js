/* The header bar of the pages the API serves (/query, /docs), written once here for both, and their
   words in the reader's language: the one the catalogue remembers (localStorage "skg-lang", or
   #lang=<code> in the address), its strings loaded from the site's own assets/lang/<code>.js.
   Text the page cannot translate (YASGUI's editor, the API's own descriptions) carries lang="en".
   Built with DOM calls and textContent only. Styles: the site's assets/css/skg-bar.css. */
(function () {
  "use strict";
  var KNOWN = ["en", "fr", "es", "ar", "zh", "ru"];
  var LINKS = [["/index.html", "chrome.back", ""], ["/query", "chrome.query", "query"], ["/docs", "chrome.api", "docs"]];

  function language() {
    var fromHash = /#lang=([a-z]{2})/.exec(location.hash);
    var stored = null;
    try { stored = localStorage.getItem("skg-lang"); } catch (e) { stored = null; }
    var code = fromHash ? fromHash[1] : stored;
    return KNOWN.indexOf(code) >= 0 ? code : "en";
  }

  function bar(header, english) {
    var home = document.createElement("a");
    home.className = "skg-bar__home";
    home.href = "/index.html";
    home.setAttribute("data-i18n", "site_name");
    home.textContent = english.site_name || "Soil Biodiversity Knowledge Graph";
    var nav = document.createElement("nav");
    nav.className = "skg-bar__nav";
    nav.setAttribute("data-i18n-aria", "chrome.site_nav");
    LINKS.forEach(function (link) {
      var a = document.createElement("a");
      a.href = link[0];
      a.setAttribute("data-i18n", link[1]);
      a.textContent = english[link[1]] || link[1];
      if (link[2] && link[2] === header.getAttribute("data-current")) a.setAttribute("aria-current", "page");
      nav.appendChild(a);
    });
    header.appendChild(home);
    header.appendChild(nav);
  }

  function apply(code) {
    var table = (window.SKG_I18N || {})[code] || {};
    var english = (window.SKG_I18N || {}).en || {};
    function tr(key) { return table[key] || english[key]; }
    document.documentElement.setAttribute("lang", code);
    document.documentElement.setAttribute("dir", table._dir === "rtl" ? "rtl" : "ltr");
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      var text = tr(el.getAttribute("data-i18n"));
      if (text) el.textContent = text;
    });
    document.querySelectorAll("[data-i18n-aria]").forEach(function (el) {
      var text = tr(el.getAttribute("data-i18n-aria"));
      if (text) el.setAttribute("aria-label", text);
    });
    var title = document.documentElement.getAttribute("data-i18n-title");
    if (title && tr(title)) document.title = tr(title);
  }

  function load(code, then) {
    var script = document.createElement("script");
    script.src = "/assets/lang/" + code + ".js";
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  var code = language();
  load("en", function () {
    var header = document.querySelector("header.skg-bar");
    if (header) bar(header, (window.SKG_I18N || {}).en || {});
    if (code === "en") { apply("en"); return; }
    load(code, function () { apply(code); });
  });
  window.SKG_CHROME = { tr: function (key) {
    var table = (window.SKG_I18N || {})[document.documentElement.lang] || {};
    return table[key] || ((window.SKG_I18N || {}).en || {})[key] || key;
  } };
}());
