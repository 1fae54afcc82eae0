/* The query page: YASGUI on /sparql, the named queries as examples, a shared query from ?query=. */
(function () {
  "use strict";
  var endpoint = window.location.origin + "/sparql";
  var start = "PREFIX skg: <https://w3id.org/soilkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\n" +
              "SELECT ?network ?label WHERE {\n  ?network a skg:Network ; rdfs:label ?label .\n}\nORDER BY ?label\n";
  // Autocompletion that asks prefix.cc or other sites is switched off: the page must work offline.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.Yasqe.defaults.value = start;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "soilkg-yasgui"
  });
  function openExample(q) {
    // Parameters are bound to their defaults by a VALUES line: edit it to change them.
    var tab = yasgui.addTab(true, { name: q.title, requestConfig: { endpoint: endpoint } });
    tab.setQuery(q.example);
  }
  // Links from the catalogue's query pages (and shared links) carry the query: /query?query=...
  var shared = new URLSearchParams(window.location.search).get("query");
  if (shared) {
    var sharedTab = yasgui.addTab(true, { name: "Linked query", requestConfig: { endpoint: endpoint } });
    sharedTab.setQuery(shared);
  }
  fetch("/queries").then(function (r) { return r.json(); }).then(function (data) {
    var nav = document.getElementById("examples");
    data.queries.forEach(function (q) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = q.title;
      b.title = q.description;
      b.dataset.query = q.name;
      b.addEventListener("click", function () { openExample(q); });
      nav.appendChild(b);
    });
  });
  /* YASGUI draws its fields (the editor, the endpoint box, a tab's name, the results' filter and
     options) without labels, and draws more as tabs and results appear: each field without a name
     gets one in the reader's language (bar.js translates data-i18n-aria when a language loads). */
  /* [fields, string key, the English the page shows until (or unless) the site's strings load, as the
     page's own markup does for its other text] */
  var FIELDS = [[".yasqe textarea", "chrome.field_query", "SPARQL query"],
                ["input.endpoint, .controlbar input", "chrome.field_endpoint", "SPARQL endpoint address"],
                [".tabPanel input, .tab input, .tabs input", "chrome.field_tab", "Name of this query tab"],
                [".yasr input", "chrome.field_filter", "Filter the results"],
                [".yasr select", "chrome.field_option", "Results display option"]];
  var labelCount = 0;
  function named(el) {
    return el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") ||
           (el.id && document.querySelector("label[for='" + el.id + "']")) || el.closest("label");
  }
  function labelFields() {
    var root = document.getElementById("yasgui");
    FIELDS.forEach(function (field) {
      root.querySelectorAll(field[0]).forEach(function (el) {
        if (named(el)) return;
        el.setAttribute("data-i18n-aria", field[1]);
        el.setAttribute("aria-label", field[2]);
      });
    });
    /* Named from the strings of the page's language once they have loaded (bar.js loads them while
       YASGUI draws; the observer below comes back when the page's language is set). */
    root.querySelectorAll("[data-i18n-aria]").forEach(function (el) {
      var key = el.getAttribute("data-i18n-aria"), text = window.SKG_CHROME.tr(key);
      if (text !== key) el.setAttribute("aria-label", text);
    });
    /* The request settings show their own (English) labels beside their fields: tie them together. */
    root.querySelectorAll(".requestConfigWrapper select, .requestConfigWrapper input").forEach(function (el) {
      if (named(el)) return;
      var wrapper = el.closest(".requestConfigWrapper");
      var ids = [wrapper.querySelector(":scope > .label"), el.parentElement.querySelector(".selectorLabel")]
        .filter(Boolean).map(function (label) {
          if (!label.id) label.id = "skg-yasgui-label-" + (++labelCount);
          return label.id;
        });
      if (ids.length) el.setAttribute("aria-labelledby", ids.join(" "));
    });
  }
  labelFields();
  new MutationObserver(labelFields).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
  new MutationObserver(labelFields).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  window.soilkgYasgui = yasgui;
}());
