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
  window.soilkgYasgui = yasgui;
}());
