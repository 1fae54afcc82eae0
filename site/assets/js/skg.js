/* Soil Biodiversity Knowledge Graph catalogue: interface language and list filters (the map: skg-map.js).
 * No server and no network: everything this script reads was generated next to the page
 * (window.SKG_I18N, SKG_LABELS, SKG_INDEX, SKG_MAP, SKG_WORLD). */
(function () {
  "use strict";

  var I18N = window.SKG_I18N = window.SKG_I18N || {};
  var LABELS = window.SKG_LABELS = window.SKG_LABELS || {};
  var KNOWN = ["en", "fr", "es", "ar", "zh", "ru"];
  /* The site root, from this script's own address (assets/js/skg.js): pages work from disk too. */
  var BASE = document.currentScript ? new URL("../../", document.currentScript.src).href : "";
  var STORE_KEY = "skg-lang";
  var PAGE = 100;

  function lang() {
    var fromHash = /#lang=([a-z]{2})/.exec(location.hash);
    if (fromHash && KNOWN.indexOf(fromHash[1]) >= 0) {
      try { localStorage.setItem(STORE_KEY, fromHash[1]); } catch (e) { /* private mode */ }
      return fromHash[1];
    }
    var stored = null;
    try { stored = localStorage.getItem(STORE_KEY); } catch (e) { stored = null; }
    return stored && KNOWN.indexOf(stored) >= 0 ? stored : "en";
  }

  /* A language's strings and labels (assets/lang/<code>.js) are loaded when a reader picks it. */
  function loadLanguage(code, then) {
    if (I18N[code] || !BASE) { then(); return; }
    var script = document.createElement("script");
    script.src = BASE + "assets/lang/" + code + ".js";
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  function tr(key, code) {
    var text = window.SKG_TEXT.tr(key, code || current);
    return text || key;
  }

  var current = lang();

  /* Swap interface strings, resource labels and navigation titles to the chosen language. */
  function applyLanguage(code) {
    current = code;
    var html = document.documentElement;
    html.setAttribute("lang", code);
    html.setAttribute("dir", tr("_dir", code) === "rtl" ? "rtl" : "ltr");
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      var text = tr(el.getAttribute("data-i18n"), code);
      var vars = el.hasAttribute("data-i18n-vars") ? JSON.parse(el.getAttribute("data-i18n-vars")) : null;
      /* A whole sentence with placeholders ("{quads} quads from {files} files"), filled in each language. */
      el.textContent = vars ? text.replace(/\{(\w+)\}/g, function (all, name) { return name in vars ? vars[name] : all; }) : text;
    });
    /* Column names shown above each value when a table becomes cards on a narrow screen. */
    document.querySelectorAll("[data-i18n-label]").forEach(function (el) {
      el.setAttribute("data-label", tr(el.getAttribute("data-i18n-label"), code));
    });
    document.querySelectorAll("[data-iri]").forEach(function (el) {
      if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.textContent);
      var label = (LABELS[code] || {})[el.getAttribute("data-iri")];
      if (Array.isArray(label)) window.SKG_TEXT.draw(el, label);
      else el.textContent = label || el.getAttribute("data-en");
      /* A name with no label in the reader's language stays English: mark it so an Arabic line isolates it. */
      if (label || code === "en") { el.removeAttribute("lang"); el.removeAttribute("dir"); }
      else { el.setAttribute("lang", "en"); el.setAttribute("dir", "ltr"); }
    });
    var english = I18N.en || {};
    var byText = {};
    Object.keys(english).forEach(function (key) { byText[english[key]] = key; });
    /* The browser tab title: "<page> - <site name>", each part in the reader's language. */
    if (!html.hasAttribute("data-title-en")) html.setAttribute("data-title-en", document.title);
    var heading = document.querySelector("h1 [data-iri]");
    document.title = html.getAttribute("data-title-en").split(" - ").map(function (part) {
      if (byText[part]) return tr(byText[part], code);
      return heading && part === heading.getAttribute("data-en") ? heading.textContent : part;
    }).join(" - ");
    document.querySelectorAll(".md-nav__link .md-ellipsis, .md-tabs__link, .md-nav__title, .md-header__topic .md-ellipsis").forEach(function (el) {
      if (el.children.length) return;
      if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.textContent.trim());
      var key = byText[el.getAttribute("data-en")];
      if (key) el.textContent = tr(key, code);
    });
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (a) {
      if (a.getAttribute("hreflang") === code) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    document.querySelectorAll(".skg-list").forEach(function (list) { if (list._skgRender) list._skgRender(); });
    /* Material's own strings and the figures' words (assets/js/skg-text.js), the map (skg-map.js). */
    document.dispatchEvent(new CustomEvent("skg:lang", { detail: code }));
  }

  function setLanguage(code) {
    try { localStorage.setItem(STORE_KEY, code); } catch (e) { /* private mode */ }
    /* A copied address opens in the same language (unless the address points at an anchor). */
    if (!location.hash || /^#lang=/.test(location.hash)) {
      history.replaceState(null, "", location.pathname + location.search + "#lang=" + code);
    }
    loadLanguage(code, function () { applyLanguage(code); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || KNOWN.indexOf(link.getAttribute("hreflang")) < 0) return;
    event.preventDefault();
    setLanguage(link.getAttribute("hreflang"));
  });

  /* ---------------------------------------------------------------- lists */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }


  /* A cell value is its text, or [text, path], [text, "", url] or [text, "", "", sort key]. */
  function vText(v) { return Array.isArray(v) ? v[0] : v; }
  function vKey(v) { return Array.isArray(v) && v[3] ? v[3] : vText(v); }

  /* A value's label in the reader's language: the row's own, a linked resource's, or a term's; a
     composed title is a list of segments (soilkg/sitegen/titles.py). */
  function vLabel(v, row) {
    if (!Array.isArray(v)) return null;
    if (v[1] && v[1] === row.path) return (row.labels || {})[current] || null;
    if (v[4] && v[1]) return (LABELS[current] || {})[v[1]] || null;
    var key = v[3] && v[3].indexOf("term:") === 0 ? v[3] : "";
    return (LABELS[current] || {})[key] || null;
  }
  /* The same as text (filters, sorting, the list's own search). */
  function vShown(v, row) {
    if (!Array.isArray(v)) return v;
    if (v[5] && window.SKG_TEXT && current !== "en") {
      var fig = JSON.parse(v[5]);
      return v[6] === "when" ? window.SKG_TEXT.when(fig, current) : window.SKG_TEXT.amount(fig, current);
    }
    return window.SKG_TEXT.flat(vLabel(v, row)) || v[0];
  }

  function hrefOf(root, path) {
    var parts = path.split("#");
    return root + parts[0] + "index.html" + (parts.length > 1 ? "#" + parts[1] : "");
  }

  function paramName(key) { return key.replace(/^col\./, ""); }

  function setupList(list) {
    var kind = list.getAttribute("data-kind");
    var data = (window.SKG_INDEX || {})[kind];
    if (!data) return;
    var root = list.getAttribute("data-root") || "";
    var columns = data.columns;
    var facets = data.facets || [];
    var controls = list.querySelector(".skg-list__controls");
    var status = list.querySelector(".skg-list__status");
    var tbody = list.querySelector("tbody");
    var params = new URLSearchParams(location.search);
    var state = { text: params.get("q") || "", sort: -1, dir: 1, limit: PAGE, filters: {} };
    columns.forEach(function (key, i) { if (paramName(key) === params.get("sort")) state.sort = i; });
    if (params.get("dir") === "desc") state.dir = -1;

    /* The list's state in the address (?q=&year=2024&sort=year&dir=desc): a filtered view can be shared. */
    function saveState() {
      var out = new URLSearchParams();
      if (state.text) out.set("q", state.text);
      facets.forEach(function (f) { if (state.filters[f]) out.set(paramName(f), state.filters[f]); });
      if (state.sort >= 0) { out.set("sort", paramName(columns[state.sort])); if (state.dir < 0) out.set("dir", "desc"); }
      var query = out.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    var search = el("input", { type: "search", id: "skg-filter-text-" + kind, "data-facet": "text" });
    search.value = state.text;
    var searchLabel = el("label", { "for": search.id });
    searchLabel.appendChild(el("span", { "data-i18n": "search_list" }, tr("search_list")));
    var box = el("div", { "class": "skg-control" });
    box.appendChild(searchLabel);
    box.appendChild(search);
    controls.appendChild(box);
    search.addEventListener("input", function () { state.text = search.value; state.limit = PAGE; render(); });

    var selects = [];
    facets.forEach(function (facet) {
      var index = columns.indexOf(facet);
      var values = {};
      data.rows.forEach(function (row) {
        (row.cells[index] || []).forEach(function (v) { values[vText(v)] = values[vText(v)] || { v: v, row: row }; });
      });
      var select = el("select", { id: "skg-filter-" + paramName(facet) + "-" + kind, "data-facet": paramName(facet) });
      select.appendChild(el("option", { value: "", "data-i18n": "all" }, tr("all")));
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); })
        .forEach(function (text) {
          var option = el("option", { value: text }, text);
          option._skgValue = values[text];
          select.appendChild(option);
        });
      var wanted = params.get(paramName(facet));
      if (wanted && values[wanted]) { select.value = wanted; state.filters[facet] = wanted; }
      var label = el("label", { "for": select.id });
      label.appendChild(el("span", { "data-i18n": facet }, tr(facet)));
      var wrap = el("div", { "class": "skg-control" });
      wrap.appendChild(label);
      wrap.appendChild(select);
      controls.appendChild(wrap);
      selects.push(select);
      select.addEventListener("change", function () { state.filters[facet] = select.value; state.limit = PAGE; render(); });
    });
    var reset = el("button", { type: "button", "class": "md-button skg-reset", "data-i18n": "reset" }, tr("reset"));
    reset.addEventListener("click", function () {
      state.text = ""; state.filters = {}; state.limit = PAGE; state.sort = -1; search.value = "";
      selects.forEach(function (s) { s.value = ""; });
      list.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      render();
    });
    controls.appendChild(reset);

    /* Column headers become sort buttons (keyboard reachable, state announced with aria-sort). */
    list.querySelectorAll("thead th").forEach(function (th, i) {
      var button = el("button", { type: "button", "class": "skg-sort" });
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      if (i === state.sort) th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      button.addEventListener("click", function () {
        state.dir = state.sort === i ? -state.dir : 1;
        state.sort = i;
        list.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        render();
      });
    });

    var more = el("button", { type: "button", "class": "md-button skg-more", "data-i18n": "show_more" }, tr("show_more"));
    more.addEventListener("click", function () { state.limit += PAGE; render(); });
    list.appendChild(more);

    function matches(row) {
      if (state.text) {
        var needle = state.text.toLowerCase();
        var hay = (row.names || []).join(" ");
        Object.keys(row.labels || {}).forEach(function (k) { hay += " " + window.SKG_TEXT.flat(row.labels[k]); });
        row.cells.forEach(function (cell) { cell.forEach(function (v) { hay += " " + vText(v) + " " + vShown(v, row); }); });
        if (hay.toLowerCase().indexOf(needle) < 0) return false;
      }
      return facets.every(function (facet) {
        var wanted = state.filters[facet];
        if (!wanted) return true;
        return (row.cells[columns.indexOf(facet)] || []).some(function (v) { return vText(v) === wanted; });
      });
    }

    function sortValue(row) {
      return (row.cells[state.sort] || []).map(function (v) { return String(vKey(v)); }).join(", ");
    }

    function cellNode(key, cell, row) {
      var td = el("td", { "data-label": tr(key) });
      cell.forEach(function (v, n) {
        if (n) td.appendChild(document.createTextNode(", "));
        var shown = vShown(v, row);
        var node;
        if (Array.isArray(v) && v[1]) node = td.appendChild(el("a", { href: hrefOf(root, v[1]) }, shown));
        else if (Array.isArray(v) && v[2] && /^https?:\/\//.test(v[2])) node = td.appendChild(el("a", { href: v[2], "class": "skg-ext", rel: "noopener" }, shown));
        else node = td.appendChild(el("span", {}, shown));
        /* Data text with no translation (a name, a title) stays English: marked, so Arabic isolates it;
           a composed title is drawn with its English literals marked (skg-text.js). */
        var label = current !== "en" ? vLabel(v, row) : null;
        if (Array.isArray(label)) window.SKG_TEXT.draw(node, label);
        else if (current !== "en" && shown === vText(v) && /[A-Za-z]/.test(shown)) { node.setAttribute("lang", "en"); node.setAttribute("dir", "ltr"); }
      });
      return td;
    }

    function render() {
      var rows = data.rows.filter(matches);
      if (state.sort >= 0) {
        rows = rows.slice().sort(function (a, b) {
          var x = sortValue(a), y = sortValue(b);
          if (!x !== !y) return x ? -1 : 1; /* empty cells last, either way */
          return state.dir * x.localeCompare(y, undefined, { numeric: true });
        });
      }
      var fragment = document.createDocumentFragment();
      rows.slice(0, state.limit).forEach(function (row) {
        var tr_ = el("tr");
        columns.forEach(function (key, i) { tr_.appendChild(cellNode(key, row.cells[i] || [], row)); });
        fragment.appendChild(tr_);
      });
      tbody.textContent = "";
      tbody.appendChild(fragment);
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (o) { if (o._skgValue) o.textContent = vShown(o._skgValue.v, o._skgValue.row); });
      });
      status.textContent = Math.min(rows.length, state.limit) + " / " + rows.length + " " + tr("shown") +
        (rows.length !== data.rows.length ? " (" + data.rows.length + ")" : "");
      more.hidden = rows.length <= state.limit;
      saveState();
    }

    list._skgRender = render;
    render();
  }

  /* The query page is served by `soilkg serve`: opened from disk, its links would be dead, so they
     become plain text and the note saying so stays; served, the note goes. */
  function queryLinks() {
    var fromDisk = location.protocol === "file:";
    document.querySelectorAll("a.skg-run").forEach(function (a) {
      if (fromDisk) { a.removeAttribute("href"); a.setAttribute("aria-disabled", "true"); }
    });
    document.querySelectorAll("[data-serve-note]").forEach(function (note) { note.hidden = !fromDisk; });
  }

  function start() {
    queryLinks();
    document.querySelectorAll(".skg-list").forEach(setupList);
    loadLanguage(current, function () { applyLanguage(current); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
