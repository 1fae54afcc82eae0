/* The API reference: each operation of /openapi.json with its parameters, answers and media types.
   Built with DOM calls and textContent only, so nothing in the document can become markup. */
(function () {
  "use strict";
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function render(spec) {
    var root = document.getElementById("operations");
    root.textContent = "";
    Object.keys(spec.paths).sort().forEach(function (path) {
      var ops = spec.paths[path];
      Object.keys(ops).forEach(function (method) {
        var op = ops[method];
        var section = el("section", null, "skg-op");
        var title = el("h2");
        title.appendChild(el("code", method.toUpperCase() + " " + path));
        section.appendChild(title);
        if (op.summary) { section.appendChild(el("p", op.summary)); }
        if (op.description) { section.appendChild(el("p", op.description, "note")); }
        var params = op.parameters || [];
        if (params.length) {
          var list = el("ul");
          params.forEach(function (p) {
            var item = el("li");
            item.appendChild(el("code", p.name));
            item.appendChild(document.createTextNode(" (" + p.in + (p.required ? ", required" : "") + ")" +
              (p.description ? ": " + p.description : "")));
            list.appendChild(item);
          });
          section.appendChild(el("h3", "Parameters"));
          section.appendChild(list);
        }
        var answers = el("ul");
        Object.keys(op.responses || {}).sort().forEach(function (status) {
          var r = op.responses[status];
          var types = Object.keys(r.content || {});
          answers.appendChild(el("li", status + " " + (r.description || "") +
            (types.length ? " — " + types.join(", ") : "")));
        });
        section.appendChild(el("h3", "Answers"));
        section.appendChild(answers);
        root.appendChild(section);
      });
    });
  }
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(render).catch(function () {
    var root = document.getElementById("operations");
    root.textContent = window.SKG_CHROME ? window.SKG_CHROME.tr("chrome.docs_failed") : "The API description could not be loaded.";
    root.removeAttribute("lang");
  });
}());
