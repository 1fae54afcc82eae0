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

  /* Countries smaller than this (in projected square pixels) get a labelled marker. */
  var SMALL_AREA = 900;

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
    var small = [];
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
      if (path.area(feature) < SMALL_AREA) small.push({ centre: path.centroid(feature), link: link, name: name, style: style });
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
    /* Small countries: a marker on each, its name beside it; names moved down until none overlaps
       another (their boxes measured once drawn). */
    small.sort(function (a, b) { return a.centre[1] - b.centre[1]; });
    /* Names stay readable (at least 12 px) on a phone, where the map is drawn at a third of its size. */
    var shown = svg.getBoundingClientRect().width || width;
    var k = Math.max(1, (12 / 17) * width / shown);
    container.setAttribute("data-drawn-width", Math.round(shown));
    var placed = [];
    small.forEach(function (mark) {
      if (isNaN(mark.centre[0])) return;
      /* Drawn over every country (a later country would hide a name), linked like the country. */
      var group = svgEl("a", { href: mark.link.getAttribute("href"), "aria-hidden": "true", tabindex: "-1" });
      overlay.appendChild(group);
      group.appendChild(svgEl("circle", { cx: mark.centre[0], cy: mark.centre[1], r: 4 * Math.sqrt(k), "class": "skg-map__dot skg-map__dot--" + mark.style }));
      var x = mark.centre[0] + 16 * k, y = mark.centre[1] + 5 * k;
      var label = svgEl("text", { x: x, y: y, "class": "skg-map__label" });
      label.style.fontSize = (17 * k) + "px";
      label.style.strokeWidth = (3 * k) + "px";
      label.textContent = mark.name;
      group.appendChild(label);
      var box = label.getBBox();
      var moved = true;
      while (moved) {
        moved = false;
        for (var i = 0; i < placed.length; i++) {
          var other = placed[i];
          if (box.x < other.x + other.width + 2 && other.x < box.x + box.width + 2 &&
              box.y < other.y + other.height + 1 && other.y < box.y + box.height + 1) {
            y = other.y + other.height + 1 - (box.y - y);
            label.setAttribute("y", y);
            box = label.getBBox();
            moved = true;
          }
        }
      }
      placed.push({ x: box.x, y: box.y, width: box.width, height: box.height });
      group.insertBefore(svgEl("line", { x1: mark.centre[0] + 4 * Math.sqrt(k), y1: mark.centre[1], x2: x - 2 * k, y2: y - 5 * k, "class": "skg-map__leader" }), label);
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
