/* The contribution form (curators/contribute/): checks each field with the validator's own messages
 * and gives the contributor the case-study file and its spreadsheet row to send to a curator.
 * Everything it uses is in the page's spec (soilkg/sitegen/contribute.py): the fields in the
 * schema's order, the shapes' patterns and messages, the file's skeleton (made by the same renderer
 * as `soilkg new case-study`), the spreadsheet's columns. No server and no network: nothing leaves
 * the browser except the two files the contributor downloads. */
(function () {
  "use strict";

  var form = document.getElementById("skg-contribute");
  var specNode = document.getElementById("skg-contribute-spec");
  if (!form || !specNode) return;
  var SPEC = JSON.parse(specNode.textContent);
  var RE = {};
  Object.keys(SPEC.patterns).forEach(function (name) { RE[name] = new RegExp(SPEC.patterns[name]); });
  var TOKEN = new RegExp("<?" + SPEC.open + "([a-z0-9_]+)" + SPEC.close + ">?", "g");
  var FIELDS = [];
  SPEC.sections.forEach(function (s) { FIELDS = FIELDS.concat(s.fields); });
  SPEC.impacts.forEach(function (slot) { FIELDS = FIELDS.concat(slot); });
  var BY_COLUMN = {};
  FIELDS.forEach(function (f) { BY_COLUMN[f.column] = f; });

  function lang() { return document.documentElement.getAttribute("lang") || "en"; }
  function tr(key) { return (window.SKG_TEXT && window.SKG_TEXT.tr(key, lang())) || key; }

  /* ------------------------------------------------------------ reading the form */

  function control(f) { return form.querySelector("[name='" + f.column + "']"); }

  function values(f) {
    if (f.controlled && f.many) {
      return Array.prototype.map.call(form.querySelectorAll("input[name='" + f.column + "']:checked"),
        function (box) { return box.value; });
    }
    var text = control(f).value;
    var parts = f.many ? text.split(/\r?\n/).join(SPEC.separator).split(SPEC.separator) : [text];
    return parts.map(function (p) { return p.trim(); }).filter(Boolean);
  }

  /* An impact other than the first counts only once something of it is filled in. */
  function slotUsed(slot) {
    return SPEC.impacts[slot - 1].some(function (f) { return values(f).length > 0; });
  }

  /* ------------------------------------------------------------ checking, with the shapes' messages */

  function realDate(text) {
    var m = RE.date.exec(text);
    if (!m) return false;
    var year = +m[1], month = m[2] ? +m[2] : 1, day = m[3] ? +m[3] : 1;
    var d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  }

  function orcidIri(text) {
    var m = RE.orcid.exec(text);
    return m ? SPEC.orcid_base + m[1] : text;
  }

  /* [message, is a warning] for one field, or null when it is right. */
  function problem(f) {
    var r = f.rules, found = values(f);
    if (!found.length) {
      var needed = f.required && (f.slot <= 1 || slotUsed(f.slot));
      /* An empty short name gets the importer's message for it, as a spreadsheet row would. */
      if (needed && f.column === "slug") return ["\"\" " + SPEC.slug_message + ".", false];
      return needed ? [r.required, false] : null;
    }
    for (var i = 0; i < found.length; i++) {
      var v = found[i];
      if (f.column === "slug" && (!RE.slug.test(v) || v.length > SPEC.slug_length)) {
        return ["\"" + v + "\" " + SPEC.slug_message + ".", false];
      }
      if (f.number && !RE.number.test(v)) return [r.number, false];
      if (f.kind === "date" && !realDate(v)) return [r.date, false];
      var checked = f.kind === "orcid" ? orcidIri(v) : v;
      if (r.pattern && !new RegExp(r.pattern).test(checked)) return [r.pattern_message, false];
      if (r.max_length && v.length > r.max_length) return [r.length_message, true];
    }
    return null;
  }

  /* Rules over several fields (sh:or of the node shapes), each told on the field to fill in. */
  function nodeProblems() {
    var found = {};
    var filled = function (column) { return values(BY_COLUMN[column]).length > 0; };
    if (!filled("dois") && !filled("reference_urls")) found.reference_urls = SPEC.node.CaseStudyShape;
    if (filled("latitude") !== filled("longitude")) {
      found[filled("latitude") ? "longitude" : "latitude"] = SPEC.node.CaseStudyCoordinatesShape;
    }
    if (filled("cost_amount") && !filled("cost_currency")) found.cost_currency = SPEC.node.CaseStudyCostShape;
    SPEC.impacts.forEach(function (slot, index) {
      var n = index + 1;
      if (!filled("impact_" + n + "_value")) return;
      ["indicator", "unit"].forEach(function (name) {
        if (!filled("impact_" + n + "_" + name)) found["impact_" + n + "_" + name] = SPEC.node.ImpactShape;
      });
    });
    return found;
  }

  function show(f, issue) {
    var box = form.querySelector(".skg-field[data-column='" + f.column + "']");
    var note = document.getElementById("e-" + f.column);
    var message = issue && issue[0] ? issue[0] : "";
    note.hidden = !message;
    note.querySelector(".skg-field__message").textContent = message;
    note.classList.toggle("skg-field__warning", !!(issue && issue[1]));
    var invalid = !!message && !issue[1];
    box.classList.toggle("skg-field--invalid", invalid);
    var input = document.getElementById("f-" + f.column);
    if (invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    return invalid;
  }

  function checkAll() {
    var nodes = nodeProblems(), first = null, count = 0;
    FIELDS.forEach(function (f) {
      var issue = problem(f) || (nodes[f.column] ? [nodes[f.column], false] : null);
      if (show(f, issue)) {
        count += 1;
        if (!first) first = f;
      }
    });
    return { count: count, first: first };
  }

  /* ------------------------------------------------------------ the two files */

  var ESCAPES = { "\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

  /* A Turtle string: quotes, backslashes, line breaks and every other control character escaped. */
  function literal(text, tag) {
    var body = text.replace(/[\\"\u0000-\u001f\u007f]/g, function (c) {
      return ESCAPES[c] || "\\u" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4);
    });
    return "\"" + body + "\"" + (tag ? "@" + tag : "");
  }

  /* A Turtle IRI: the characters an IRI may not hold, percent-encoded. */
  function iri(text) {
    return "<" + text.replace(/[\u0000-\u0020<>"{}|^`\\]/g, function (c) { return encodeURIComponent(c); }) + ">";
  }

  function turtle(f, v, tag) {
    if (f.controlled) return f.turtle[v] || "";
    if (f.column === "slug") return v;
    if (f.number) return v;
    if (f.kind === "text") return literal(v, tag);
    if (f.kind === "date") {
      var parts = v.split("-").length;
      return literal(v) + "^^xsd:" + (parts === 3 ? "date" : parts === 2 ? "gYearMonth" : "gYear");
    }
    if (f.kind === "url") return iri(v);
    if (f.kind === "orcid") return iri(orcidIri(v));
    return literal(v);
  }

  /* A cell as `soilkg import` reads it back into the same value (an address as the file writes it). */
  function cell(f, found) {
    if (f.kind === "orcid") return found.map(function (v) { return RE.orcid.exec(v)[1]; }).join(SPEC.separator);
    if (f.kind === "url") return found.map(function (v) { return iri(v).slice(1, -1); }).join(SPEC.separator);
    return found.join(SPEC.separator);
  }

  /* column -> [Turtle value, spreadsheet cell], impacts renumbered 1.. in the order filled in. */
  function collect() {
    var tag = values(BY_COLUMN.language)[0] || "en";
    var out = {};
    Object.keys(SPEC.fixed).forEach(function (column) { out[column] = ["", SPEC.fixed[column]]; });
    var put = function (f, column) {
      var found = values(f);
      out[column] = [found.map(function (v) { return turtle(f, v, tag); }).join(" , "), cell(f, found)];
    };
    SPEC.sections.forEach(function (s) { s.fields.forEach(function (f) { put(f, f.column); }); });
    var n = 0;
    SPEC.impacts.forEach(function (slot, index) {
      if (index > 0 && !slotUsed(index + 1)) return;
      n += 1;
      slot.forEach(function (f) { put(f, f.column.replace(/^impact_\d+_/, "impact_" + n + "_")); });
    });
    return { values: out, impacts: n };
  }

  /* The skeleton with each token replaced; the line of a field left empty is left out. */
  function turtleFile(collected) {
    var vals = collected.values;
    return SPEC.skeletons[collected.impacts].split("\n").filter(function (line) {
      var keep = true;
      line.replace(TOKEN, function (all, column) {
        if (!vals[column] || !vals[column][0]) keep = false;
        return all;
      });
      return keep;
    }).map(function (line) {
      return line.replace(TOKEN, function (all, column) { return vals[column][0]; });
    }).join("\n");
  }

  /* A cell a spreadsheet would run as a formula is made inert as soilkg/curation/csvfile.py does. */
  function csvCell(text) {
    var safe = RE.formula.test(text) && !RE.number.test(text) ? SPEC.inert + text : text;
    return "\"" + safe.replace(/"/g, "\"\"") + "\"";
  }

  function csvFile(collected) {
    var row = SPEC.columns.map(function (column) {
      var v = collected.values[column];
      return csvCell(v ? v[1] : "");
    });
    /* A byte-order mark, so that Excel reads the UTF-8 (Arabic, Chinese, Russian) as it is. */
    return "\ufeff" + SPEC.columns.map(csvCell).join(",") + "\r\n" + row.join(",") + "\r\n";
  }

  function offer(id, text, type, name) {
    var link = document.getElementById(id);
    if (link.href && link.href.indexOf("blob:") === 0) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.setAttribute("download", name);
  }

  /* ------------------------------------------------------------ events */

  function status(key, vars) {
    var node = document.getElementById("skg-contribute-status");
    node.setAttribute("data-i18n", key);
    if (vars) node.setAttribute("data-i18n-vars", JSON.stringify(vars));
    else node.removeAttribute("data-i18n-vars");
    node.textContent = tr(key).replace(/\{(\w+)\}/g, function (all, name) { return vars && name in vars ? vars[name] : all; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var done = document.getElementById("skg-contribute-done");
    var result = checkAll();
    if (result.count) {
      done.hidden = true;
      status("contribute.errors", { n: result.count });
      var target = document.getElementById("f-" + result.first.column);
      (target.matches("fieldset") ? target.querySelector("input") : target).focus();
      return;
    }
    var collected = collect();
    var slug = values(BY_COLUMN.slug)[0];
    var text = turtleFile(collected);
    offer("skg-download-ttl", text, "text/turtle;charset=utf-8", slug + ".ttl");
    offer("skg-download-csv", csvFile(collected), "text/csv;charset=utf-8", slug + ".csv");
    document.getElementById("skg-contribute-preview").textContent = text;
    done.hidden = false;
    status("contribute.ready");
    document.getElementById("send").scrollIntoView();
  });

  /* A field is checked when the contributor leaves it, and again as they fix it. */
  form.addEventListener("focusout", function (event) {
    var box = event.target.closest && event.target.closest(".skg-field");
    if (box && BY_COLUMN[box.getAttribute("data-column")]) {
      var f = BY_COLUMN[box.getAttribute("data-column")];
      show(f, problem(f));
    }
  });
  var slugTouched = false, languageTouched = false;
  form.addEventListener("input", function (event) {
    var name = event.target.name;
    if (name === "slug") slugTouched = true;
    if (name === "language") languageTouched = true;
    if (name === "title" && !slugTouched) control(BY_COLUMN.slug).value = slugify(event.target.value);
    var f = BY_COLUMN[name];
    if (f && form.querySelector(".skg-field[data-column='" + name + "'] .skg-field__error:not([hidden])")) show(f, problem(f));
  });

  /* As soilkg.curation.render.slugify: ASCII lower case letters, digits and single hyphens. */
  function slugify(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "").slice(0, SPEC.slug_length).replace(/-+$/, "");
  }

  /* Term and concept labels in the reader's language (the graph's translations); the language of
     the case study follows the reader's until the contributor sets it. */
  function relabel(code) {
    var table = SPEC.labels[code] || {}, english = SPEC.labels.en || {};
    document.querySelectorAll("[data-skg-label]").forEach(function (el) {
      var key = el.getAttribute("data-skg-label");
      el.textContent = table[key] || english[key] || el.textContent;
      if (table[key] || code === "en") { el.removeAttribute("lang"); el.removeAttribute("dir"); }
      else { el.setAttribute("lang", "en"); el.setAttribute("dir", "ltr"); }
    });
    if (!languageTouched) control(BY_COLUMN.language).value = code;
  }

  document.addEventListener("skg:lang", function (event) { relabel(event.detail); });
  relabel(lang());
}());
