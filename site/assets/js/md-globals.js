/* Material for MkDocs' storage helpers (its partials/javascripts/base.html), as a file instead of an
 * inline script so that served pages can forbid inline scripts. The scope is the site root: this file
 * lives at assets/js/, two folders below it. */
var __md_scope = new URL("../../", document.currentScript.src),
  __md_hash = function (e) { return Array.prototype.reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) { _ = _ || localStorage; t = t || __md_scope; return JSON.parse(_.getItem(t.pathname + "." + e)); },
  __md_set = function (e, v, s, a) { s = s || localStorage; a = a || __md_scope; try { s.setItem(a.pathname + "." + e, JSON.stringify(v)); } catch (err) { /* private mode */ } };
