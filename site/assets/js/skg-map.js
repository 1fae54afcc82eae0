/* The catalogue's map (map/index.html): countries the source names for each initiative, drawn from the
 * vendored world map (window.SKG_WORLD), the facts (window.SKG_MAP) and the areas and boundaries FAO
 * and UN practice draw apart (window.SKG_MAP_APART, soilkg/sitegen/mapdata.py). Drawn again in the
 * reader's language on skg.js's "skg:lang" event, and at a new width. */
(function () {
  "use strict";

  var current = "en";

  function tr(key) {
    var text = window.SKG_TEXT.tr(key, current);
    return text || key;
  }


  var SVG = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* The map data's countries, with the parts that are not UN member states merged into the one the UN
     recognises (window.SKG_MAP_APART.partOf, from soilkg/sitegen/mapdata.py). */
  function mapFeatures(world, partOf) {
    var geometries = world.objects.countries.geometries;
    var extra = {};
    geometries.forEach(function (g) {
      var into = partOf[(g.properties || {}).name];
      if (into) (extra[into] = extra[into] || []).push(g);
    });
    return geometries.filter(function (g) { return !partOf[(g.properties || {}).name]; }).map(function (g) {
      if (!extra[g.id]) return window.topojson.feature(world, g);
      return { type: "Feature", id: g.id, properties: g.properties, geometry: window.topojson.merge(world, [g].concat(extra[g.id])) };
    });
  }

  /* Boundaries not yet agreed: the shared border of two countries, kept inside a box where only part
     of it is in question (a line leaving the box is cut at its last point inside). */
  function disputedLines(world, boundary) {
    var a = boundary.between[0], b = boundary.between[1], box = boundary.box;
    var mesh = window.topojson.mesh(world, world.objects.countries, function (x, y) {
      return (x.id === a && y.id === b) || (x.id === b && y.id === a);
    });
    if (!box) return mesh.coordinates;
    var inside = function (p) { return p[0] >= box[0] && p[1] >= box[1] && p[0] <= box[2] && p[1] <= box[3]; };
    var lines = [];
    mesh.coordinates.forEach(function (line) {
      var run = [];
      line.forEach(function (p) {
        if (inside(p)) { run.push(p); return; }
        if (run.length > 1) lines.push(run);
        run = [];
      });
      if (run.length > 1) lines.push(run);
    });
    return lines;
  }

  function drawMap(container) {
    var canvas = container.querySelector(".skg-map__canvas");
    if (!canvas || !window.SKG_WORLD || !window.topojson || !window.d3 || !window.d3.geoPath) return;
    var root = container.getAttribute("data-root") || "";
    var active = {};
    (window.SKG_MAP || []).forEach(function (c) { if (c.m49) active[String(c.m49).padStart(3, "0")] = c; });
    var width = 960, height = 500;
    var world = window.SKG_WORLD;
    var apart = window.SKG_MAP_APART || { areas: [], partOf: {}, boundaries: [] };
    var areasApart = {};
    apart.areas.forEach(function (id) { areasApart[id] = true; });
    var features = mapFeatures(world, apart.partOf);
    var projection = window.d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    var path = window.d3.geoPath(projection);
    var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, "class": "skg-map__svg", focusable: "false" });
    var defs = svgEl("defs");
    var hatch = svgEl("pattern", { id: "skg-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    hatch.appendChild(svgEl("rect", { width: 6, height: 6, "class": "skg-hatch__bg" }));
    hatch.appendChild(svgEl("line", { x1: 0, y1: 0, x2: 0, y2: 6, "class": "skg-hatch__line" }));
    defs.appendChild(hatch);
    svg.appendChild(defs);
    svg.appendChild(svgEl("path", { d: path({ type: "Sphere" }), "class": "skg-map__sea" }));
    var marked = [];
    var disputed = [];
    features.forEach(function (feature) {
      var id = feature.id === undefined ? "" : String(feature.id).padStart(3, "0");
      var d = path(feature);
      if (!d) return;
      if (areasApart[id]) { disputed.push({ d: d, id: id }); return; }
      var info = active[id];
      if (!info) {
        svg.appendChild(svgEl("path", { d: d, "class": "skg-country", "aria-hidden": "true" }));
        return;
      }
      var relations = info.relations || [];
      var kinds = {};
      relations.forEach(function (x) { kinds[x.relation] = true; });
      var style = kinds.implemented ? "implemented" : kinds.joined ? "joined" : "case_study";
      var name = (info.labels || {})[current] || info.label;
      var what = relations.map(function (x) { return tr("map.rel." + x.relation) + " " + x.label; }).join("; ");
      var link = svgEl("a", { href: root + info.path + "index.html", "aria-label": name + ": " + what, "data-m49": id });
      var shape = svgEl("path", { d: d, "class": "skg-country skg-country--active skg-country--" + style, "data-m49": id });
      var title = svgEl("title");
      title.textContent = name + " — " + what;
      shape.appendChild(title);
      link.appendChild(shape);
      svg.appendChild(link);
      marked.push({ shape: shape, link: link, name: name, style: style, m49: id });
    });
    /* Areas drawn apart last, over their neighbours' shared border: neutral, with a dashed outline,
       never a country's colour nor a link; then the boundaries not yet agreed, dashed. */
    disputed.forEach(function (area) {
      svg.appendChild(svgEl("path", { d: area.d, "class": "skg-country skg-country--disputed", "data-m49": area.id, "aria-hidden": "true" }));
    });
    apart.boundaries.forEach(function (boundary) {
      var lines = disputedLines(world, boundary);
      if (!lines.length) return;
      svg.appendChild(svgEl("path", { d: path({ type: "MultiLineString", coordinates: lines }), "class": "skg-map__disputed-boundary",
        "data-between": boundary.between.join("-"), "aria-hidden": "true" }));
    });
    var overlay = svgEl("g", { "class": "skg-map__overlay" });
    svg.appendChild(overlay);
    canvas.textContent = "";
    canvas.appendChild(svg);
    /* What a screen reader says of the map, in the reader's language with the countries' names in it. */
    var names = (window.SKG_MAP || []).map(function (c) { return (c.labels || {})[current] || c.label; });
    canvas.setAttribute("aria-label", tr("map_alt").replace("{names}", names.join(current === "zh" ? "、" : ", ")));
    /* Names stay readable (at least 12 px) on a phone, where the map is drawn at a third of its size. */
    var shown = svg.getBoundingClientRect().width || width;
    var k = Math.max(1, (12 / 17) * width / shown);
    container.setAttribute("data-drawn-width", Math.round(shown));
    placeLabels(overlay, marked, k, width, height);
  }

  /* A point well inside a country's outline (the sampled point farthest from its edge) and how far it
     is from the edge: a centroid can fall outside (a crescent) or near a neighbour's border. */
  function interiorPoint(shape) {
    var box = shape.getBBox();
    var length = shape.getTotalLength();
    var edge = [];
    for (var i = 0; i < 240; i++) { var q = shape.getPointAtLength(length * i / 240); edge.push([q.x, q.y]); }
    var best = null;
    var steps = 16;
    for (var gx = 0; gx <= steps; gx++) {
      for (var gy = 0; gy <= steps; gy++) {
        var x = box.x + box.width * gx / steps, y = box.y + box.height * gy / steps;
        if (!shape.isPointInFill(new DOMPoint(x, y))) continue;
        var clear = Infinity;
        edge.forEach(function (e) { clear = Math.min(clear, Math.hypot(e[0] - x, e[1] - y)); });
        if (!best || clear > best.clear) best = { x: x, y: y, clear: clear };
      }
    }
    return best || { x: box.x + box.width / 2, y: box.y + box.height / 2, clear: 0 };
  }

  function overlaps(a, b, gap) {
    return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
  }

  var BOX_POINTS = [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0], [0.5, 1], [0, 0.5], [1, 0.5], [0.5, 0.5]];

  function boxPoints(box) {
    return BOX_POINTS.map(function (p) { return new DOMPoint(box.x + box.width * p[0], box.y + box.height * p[1]); });
  }

  function boxInside(shape, box) {
    return boxPoints(box).every(function (point) { return shape.isPointInFill(point); });
  }

  function boxClear(shape, box) {
    return boxPoints(box).every(function (point) { return !shape.isPointInFill(point); });
  }

  /* Every marked country gets its name: inside its own outline where the name fits there, otherwise
     beside a marker on the country with a leader line, at the first of several positions that
     overlaps no other name and stays on the map. Names that fit inside are placed first. */
  function placeLabels(overlay, marked, k, width, height) {
    var placed = [];
    var items = marked.map(function (mark) {
      var anchor = interiorPoint(mark.shape);
      var group = svgEl("a", { href: mark.link.getAttribute("href"), "aria-hidden": "true", tabindex: "-1",
        "class": "skg-map__mark", "data-m49": mark.m49, "data-anchor": anchor.x.toFixed(1) + "," + anchor.y.toFixed(1) });
      overlay.appendChild(group);
      var label = svgEl("text", { x: anchor.x, y: anchor.y, "class": "skg-map__label" });
      label.style.fontSize = (17 * k) + "px";
      label.style.strokeWidth = (3 * k) + "px";
      label.textContent = mark.name;
      group.appendChild(label);
      return { mark: mark, anchor: anchor, group: group, label: label };
    });
    function moveTo(label, cx, cy) {
      /* Centre the name's box on (cx, cy), whatever the direction of its script. */
      var box = label.getBBox();
      label.setAttribute("x", Number(label.getAttribute("x")) + cx - (box.x + box.width / 2));
      label.setAttribute("y", Number(label.getAttribute("y")) + cy - (box.y + box.height / 2));
      return label.getBBox();
    }
    function free(box) {
      if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) return false;
      return placed.every(function (other) { return !overlaps(box, other, 2); });
    }
    /* A name beside its marker should not sit on another marked country, where it would read as that
       country's name (Uzbekistan's over Kazakhstan). */
    function onAnother(box, own) {
      return items.some(function (other) {
        return other.mark !== own && !boxClear(other.mark.shape, box);
      });
    }
    var outside = [];
    items.forEach(function (item) {
      var box = moveTo(item.label, item.anchor.x, item.anchor.y);
      if (boxInside(item.mark.shape, box) && free(box)) {
        item.label.classList.add("skg-map__label--inside");
        placed.push(box);
      } else {
        outside.push(item);
      }
    });
    outside.sort(function (a, b) { return a.anchor.y - b.anchor.y; });
    var dot = 4 * Math.sqrt(k);
    outside.forEach(function (item) {
      var a = item.anchor;
      var size = item.label.getBBox();
      var gap = 10 * k;
      var marker = { x: a.x - dot, y: a.y - dot, width: 2 * dot, height: 2 * dot };
      var best = null;
      /* Near positions off every other marked country first, then the nearest free position. */
      var passes = [[1, 3], [0, 6]];
      for (var pass = 0; pass < passes.length && !best; pass++) {
        var strict = passes[pass][0];
        for (var ring = 0; ring < passes[pass][1] && !best; ring++) {
          var dx = size.width / 2 + gap + ring * 14 * k, dy = size.height / 2 + gap / 2 + ring * 12 * k;
          var candidates = [[dx, 0], [-dx, 0], [0, dy + size.height / 2], [0, -dy - size.height / 2], [dx, dy], [dx, -dy], [-dx, dy], [-dx, -dy]];
          for (var c = 0; c < candidates.length; c++) {
            var box = moveTo(item.label, a.x + candidates[c][0], a.y + candidates[c][1]);
            if (free(box) && !overlaps(box, marker, 1) && !(strict && onAnother(box, item.mark))) { best = box; break; }
          }
        }
      }
      /* Crowded: below the lowest name so far, never over another. */
      if (!best) {
        var lowest = placed.reduce(function (y, b) { return Math.max(y, b.y + b.height); }, a.y);
        best = moveTo(item.label, a.x + size.width / 2 + gap, lowest + 2 + size.height / 2);
      }
      placed.push(best);
      item.group.insertBefore(svgEl("circle", { cx: a.x, cy: a.y, r: dot, "class": "skg-map__dot skg-map__dot--" + item.mark.style }), item.label);
      var ex = Math.max(best.x, Math.min(a.x, best.x + best.width)), ey = Math.max(best.y, Math.min(a.y, best.y + best.height));
      var leader = svgEl("line", { x1: a.x, y1: a.y, x2: ex, y2: ey, "class": "skg-map__leader" });
      leader.style.strokeWidth = (0.9 * k) + "px";
      item.group.insertBefore(leader, item.label);
    });
  }

  /* A map drawn at another width (a phone turned, a window resized) is drawn again for its names' size. */
  var redrawTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(redrawTimer);
    redrawTimer = setTimeout(function () {
      document.querySelectorAll(".skg-map").forEach(function (map) {
        var canvas = map.querySelector(".skg-map__canvas");
        var drawn = Number(map.getAttribute("data-drawn-width") || 0);
        if (canvas && Math.abs(canvas.getBoundingClientRect().width - drawn) > 40) drawMap(map);
      });
    }, 200);
  });

  document.addEventListener("skg:lang", function (event) {
    current = event.detail;
    document.querySelectorAll(".skg-map").forEach(function (map) { drawMap(map); });
  });
})();
