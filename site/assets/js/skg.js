/* Soil Biodiversity Knowledge Graph catalogue: interface language, list filters, map.
 * No server and no network: everything this script reads was generated next to the page
 * (window.SKG_I18N, SKG_LABELS, SKG_INDEX, SKG_MAP, SKG_WORLD). */
(function () {
  "use strict";

  var I18N = window.SKG_I18N || {};
  var LABELS = window.SKG_LABELS || {};
  var STORE_KEY = "skg-lang";
  var PAGE = 100;

  function lang() {
    var fromHash = /#lang=([a-z]{2})/.exec(location.hash);
    if (fromHash && I18N[fromHash[1]]) {
      try { localStorage.setItem(STORE_KEY, fromHash[1]); } catch (e) { /* private mode */ }
      return fromHash[1];
    }
    var stored = null;
    try { stored = localStorage.getItem(STORE_KEY); } catch (e) { stored = null; }
    return stored && I18N[stored] ? stored : "en";
  }

  function tr(key, code) {
    var table = I18N[code || current] || {};
    return table[key] || (I18N.en || {})[key] || key;
  }

  var current = lang();

  /* Swap interface strings, resource labels and navigation titles to the chosen language. */
  function applyLanguage(code) {
    current = code;
    var html = document.documentElement;
    html.setAttribute("lang", code);
    html.setAttribute("dir", tr("_dir", code) === "rtl" ? "rtl" : "ltr");
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      el.textContent = tr(el.getAttribute("data-i18n"), code);
    });
    document.querySelectorAll("[data-iri]").forEach(function (el) {
      if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.textContent);
      var labels = LABELS[el.getAttribute("data-iri")] || {};
      el.textContent = labels[code] || el.getAttribute("data-en");
    });
    var english = I18N.en || {};
    var byText = {};
    Object.keys(english).forEach(function (key) { byText[english[key]] = key; });
    document.querySelectorAll(".md-nav__link .md-ellipsis, .md-tabs__link, .md-nav__title, .md-header__topic .md-ellipsis").forEach(function (el) {
      if (el.children.length) return;
      if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.textContent.trim());
      var key = byText[el.getAttribute("data-en")];
      if (key) el.textContent = tr(key, code);
    });
    /* Material's own "Table of contents" title: its text node follows an icon span. */
    document.querySelectorAll(".md-nav--secondary > .md-nav__title").forEach(function (title) {
      var text = Array.prototype.filter.call(title.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); })[0];
      if (text) text.textContent = tr("toc", code);
    });
    var search = document.querySelector(".md-search__input");
    if (search) search.setAttribute("placeholder", tr("search", code) === "search" ? search.placeholder : tr("search", code));
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (a) {
      if (a.getAttribute("hreflang") === code) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    document.querySelectorAll(".skg-list").forEach(function (list) { if (list._skgRender) list._skgRender(); });
  }

  function setLanguage(code) {
    try { localStorage.setItem(STORE_KEY, code); } catch (e) { /* private mode */ }
    applyLanguage(code);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !I18N[link.getAttribute("hreflang")]) return;
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

  function asList(value) { return Array.isArray(value) ? value : (value ? [value] : []); }

  function setupList(list) {
    var kind = list.getAttribute("data-kind");
    var data = (window.SKG_INDEX || {})[kind];
    if (!data) return;
    var root = list.getAttribute("data-root") || "";
    var col = {};
    data.columns.forEach(function (name, i) { col[name] = i; });
    var facets = (list.getAttribute("data-facets") || "").split(",").filter(Boolean);
    var controls = list.querySelector(".skg-list__controls");
    var status = list.querySelector(".skg-list__status");
    var tbody = list.querySelector("tbody");
    var state = { text: "", sort: 0, dir: 1, limit: PAGE, filters: {} };

    var search = el("input", { type: "search", id: "skg-filter-text-" + kind, "data-facet": "text" });
    var searchLabel = el("label", { "for": search.id });
    searchLabel.appendChild(el("span", { "data-i18n": "search_list" }, tr("search_list")));
    var box = el("div", { "class": "skg-control" });
    box.appendChild(searchLabel);
    box.appendChild(search);
    controls.appendChild(box);
    search.addEventListener("input", function () { state.text = search.value.toLowerCase(); state.limit = PAGE; render(); });

    facets.forEach(function (facet) {
      var values = {};
      data.rows.forEach(function (row) { asList(row[col[facet]]).forEach(function (v) { values[v] = true; }); });
      var select = el("select", { id: "skg-filter-" + facet + "-" + kind, "data-facet": facet });
      select.appendChild(el("option", { value: "", "data-i18n": "all" }, tr("all")));
      Object.keys(values).sort().forEach(function (v) { select.appendChild(el("option", { value: v }, v)); });
      var label = el("label", { "for": select.id });
      label.appendChild(el("span", { "data-i18n": facet }, tr(facet)));
      var wrap = el("div", { "class": "skg-control" });
      wrap.appendChild(label);
      wrap.appendChild(select);
      controls.appendChild(wrap);
      select.addEventListener("change", function () { state.filters[facet] = select.value; state.limit = PAGE; render(); });
    });
    var reset = el("button", { type: "button", "class": "md-button skg-reset", "data-i18n": "reset" }, tr("reset"));
    reset.addEventListener("click", function () {
      state.text = ""; state.filters = {}; state.limit = PAGE; search.value = "";
      controls.querySelectorAll("select").forEach(function (s) { s.value = ""; });
      render();
    });
    controls.appendChild(reset);

    /* Column headers become sort buttons (keyboard reachable, state announced with aria-sort). */
    var sortKeys = ["label", "type", "year", "status", "country"];
    list.querySelectorAll("thead th").forEach(function (th, i) {
      var button = el("button", { type: "button", "class": "skg-sort" });
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
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

    function label(row) {
      var other = row[col.labels] || {};
      return other[current] || row[col.label];
    }

    function matches(row) {
      if (state.text) {
        var hay = [row[col.label], row[col.type]].concat(asList(row[col.names])).join(" ").toLowerCase();
        var other = row[col.labels] || {};
        Object.keys(other).forEach(function (k) { hay += " " + other[k].toLowerCase(); });
        if (hay.indexOf(state.text) < 0) return false;
      }
      return facets.every(function (facet) {
        var wanted = state.filters[facet];
        return !wanted || asList(row[col[facet]]).indexOf(wanted) >= 0;
      });
    }

    function sortValue(row) {
      var key = sortKeys[state.sort];
      if (key === "label") return label(row).toLowerCase();
      if (key === "country") return asList(row[col.country]).concat(asList(row[col.network]), asList(row[col.theme])).join(", ");
      return asList(row[col[key]]).join(", ").toLowerCase();
    }

    function render() {
      var rows = data.rows.filter(matches);
      rows.sort(function (a, b) {
        var x = sortValue(a), y = sortValue(b);
        return x < y ? -state.dir : x > y ? state.dir : 0;
      });
      var fragment = document.createDocumentFragment();
      rows.slice(0, state.limit).forEach(function (row) {
        var tr_ = el("tr");
        var name = el("td");
        var a = el("a", { href: root + row[col.path] + "index.html", "data-iri": row[col.path], "data-en": row[col.label] }, label(row));
        name.appendChild(a);
        tr_.appendChild(name);
        tr_.appendChild(el("td", {}, row[col.type] || ""));
        tr_.appendChild(el("td", {}, row[col.year] || ""));
        tr_.appendChild(el("td", {}, asList(row[col.status]).join(", ")));
        tr_.appendChild(el("td", {}, asList(row[col.country]).concat(asList(row[col.network]), asList(row[col.theme])).join(", ")));
        fragment.appendChild(tr_);
      });
      tbody.textContent = "";
      tbody.appendChild(fragment);
      status.textContent = Math.min(rows.length, state.limit) + " / " + rows.length + " " + tr("shown") +
        (rows.length !== data.rows.length ? " (" + data.rows.length + ")" : "");
      more.hidden = rows.length <= state.limit;
    }

    list._skgRender = render;
    render();
  }

  /* ------------------------------------------------------------------ map */

  var SVG = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function drawMap(container) {
    var canvas = container.querySelector(".skg-map__canvas");
    if (!canvas || !window.SKG_WORLD || !window.topojson || !window.d3 || !window.d3.geoPath) return;
    var root = container.getAttribute("data-root") || "";
    var active = {};
    (window.SKG_MAP || []).forEach(function (c) { if (c.m49) active[String(c.m49).padStart(3, "0")] = c; });
    var width = 960, height = 500;
    var world = window.SKG_WORLD;
    var land = window.topojson.feature(world, world.objects.countries);
    var projection = window.d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    var path = window.d3.geoPath(projection);
    var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, "class": "skg-map__svg", focusable: "false" });
    svg.appendChild(svgEl("path", { d: path({ type: "Sphere" }), "class": "skg-map__sea" }));
    var marks = [];
    land.features.forEach(function (feature) {
      var id = String(feature.id || "").padStart(3, "0");
      var d = path(feature);
      if (!d) return;
      var info = active[id];
      if (!info) {
        svg.appendChild(svgEl("path", { d: d, "class": "skg-country", "aria-hidden": "true" }));
        return;
      }
      var what = (info.what || []).map(function (w) { return w.label + " (" + w.relation + ")"; }).join("; ");
      var name = (info.labels || {})[current] || info.label;
      var link = svgEl("a", { href: root + info.path + "index.html", "aria-label": name + ": " + what, "data-m49": id });
      var shape = svgEl("path", { d: d, "class": "skg-country skg-country--active", "data-m49": id });
      var title = svgEl("title");
      title.textContent = name + " — " + what;
      shape.appendChild(title);
      link.appendChild(shape);
      svg.appendChild(link);
      var centre = path.centroid(feature);
      marks.push({ centre: centre, link: link });
    });
    /* Small countries vanish at world scale: a dot on each highlighted one keeps it visible. */
    marks.forEach(function (mark) {
      if (isNaN(mark.centre[0])) return;
      mark.link.appendChild(svgEl("circle", { cx: mark.centre[0], cy: mark.centre[1], r: 4, "class": "skg-map__dot" }));
    });
    canvas.textContent = "";
    canvas.appendChild(svg);
  }

  function start() {
    document.querySelectorAll(".skg-list").forEach(setupList);
    document.querySelectorAll(".skg-map").forEach(drawMap);
    applyLanguage(current);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
