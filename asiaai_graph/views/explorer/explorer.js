/* asiaai_graph explorer: a map of the graph drawn with Cytoscape.js, search, filters, the side panel,
   and the interface in four languages.

   Positions, sizes and detail levels come from Python (asiaai_graph/explorer/layout.py). Cytoscape holds
   only what the view needs: the country discs, the entities whose detail level the zoom reaches inside the
   visible area (at most MAX_SHOWN), and the selected entity with its neighbours. Every lookup keyed by data
   (ids, kinds, relations, countries, sources) goes through a Map, so an id such as "constructor" is just a key. */
(function () {
  "use strict";

  var T0 = performance.now();
  var DATA = JSON.parse(document.getElementById("asiaai-data").textContent);
  /* edges come as [source index, target index, relation index] (see _compact in __init__.py) */
  DATA.edges = DATA.edges.map(function (e) {
    return { source: DATA.nodes[e[0]].id, target: DATA.nodes[e[1]].id, relation: DATA.relations[e[2]] };
  });
  var STRINGS = JSON.parse(document.getElementById("asiaai-strings").textContent);
  var LANGS = ["en", "ko", "zh", "ja"];
  var MAX_SHOWN = 1000;      /* entities in the drawing at once, besides the selection */
  var MAX_PINNED = 40;       /* neighbours of the selection drawn even when the zoom would hide them */
  var MAX_RELATIONS = 300;   /* relations listed in the side panel (a country has thousands) */
  var state = { lang: LANGS.indexOf(document.documentElement.lang) >= 0 ? document.documentElement.lang : "en",
                selected: null };

  function mapOf(obj) { return new Map(Object.entries(obj || {})); }

  /* --- interface text ------------------------------------------------------------------------- */

  var TEXT = new Map();
  Object.keys(STRINGS).forEach(function (section) { TEXT.set(section, mapOf(STRINGS[section])); });
  function pretty(word) { return String(word).replace(/_/g, " "); }
  /* The text of `key` in `section` in the current language; English, then the key itself, if missing. */
  function tr(section, key) {
    var table = TEXT.get(section);
    var entry = table ? table.get(key) : undefined;
    if (!entry) { return pretty(key); }
    return entry[state.lang] || entry.en || pretty(key);
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values.has(k) ? values.get(k) : m; });
  }
  var numberFormat = new Intl.NumberFormat(state.lang);
  function num(n) { return numberFormat.format(n); }

  /* The same normalisation as asiaai_graph.search.normalize: Unicode NFKC, case-folded
     (upper- then lower-casing folds ß to ss as Python's casefold does), letters and digits only. */
  var ALNUM = /[\p{L}\p{N}]/u;
  function normalize(text) {
    var folded = String(text).normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
    var out = "";
    for (var ch of folded) { if (ALNUM.test(ch)) { out += ch; } }
    return out;
  }
  window.asiaaiNormalize = normalize;

  /* --- the data, indexed ------------------------------------------------------------------------ */

  /* Cytoscape re-renders the whole graph into layer textures while its zoom is below 4. Drawing the map
     MAP_UNITS across keeps the zoom above that on any screen wider than about 400 px, where each element is
     drawn from its own cached texture: cheaper for the few hundred elements shown. */
  var MAP_UNITS = 100;
  var UNIT = (function () {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    DATA.regions.forEach(function (r) {
      x1 = Math.min(x1, r.x - r.r); y1 = Math.min(y1, r.y - r.r); x2 = Math.max(x2, r.x + r.r); y2 = Math.max(y2, r.y + r.r);
    });
    return MAP_UNITS / Math.max(x2 - x1, y2 - y1, 1e-9);
  })();
  DATA.nodes.forEach(function (n) { n.pos = [n.pos[0] * UNIT, n.pos[1] * UNIT, n.pos[2] * UNIT, n.pos[3]]; });
  DATA.regions.forEach(function (r) { r.x *= UNIT; r.y *= UNIT; r.r *= UNIT; });

  var nodes = new Map();
  DATA.nodes.forEach(function (n) { nodes.set(n.id, n); });
  var colors = mapOf(DATA.colors);
  var countries = mapOf(DATA.countries);
  var sources = mapOf(DATA.sources);
  var regions = new Map();
  DATA.regions.forEach(function (r) { regions.set(r.id, r); });
  var adjacency = new Map();   /* id -> indexes into DATA.edges */
  DATA.edges.forEach(function (e, i) {
    [e.source, e.target].forEach(function (id) {
      var list = adjacency.get(id);
      if (!list) { list = []; adjacency.set(id, list); }
      if (list[list.length - 1] !== i) { list.push(i); }
    });
  });
  var typeCounts = new Map();
  DATA.nodes.forEach(function (n) { typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1); });
  /* the entities in the order the zoom reveals them (Python writes them so) */
  var byDetail = DATA.nodes;
  for (var k = 1; k < byDetail.length; k++) {
    if (byDetail[k].pos[3] < byDetail[k - 1].pos[3]) {
      byDetail = DATA.nodes.slice().sort(function (a, b) { return a.pos[3] - b.pos[3]; });
      break;
    }
  }

  function label(n, lang) {
    return (n.names && (n.names[lang || state.lang] || n.names.en)) || n.id;
  }
  function countryName(code) {
    if (code === "") { return tr("ui", "no_country"); }
    var names = countries.get(code);
    return names ? (names[state.lang] || names.en) : code;
  }
  function color(type) { return colors.get(type) || "#999"; }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return e;
  }

  /* --- the drawing --------------------------------------------------------------------------------- */

  var FONT = "Noto Sans, Noto Sans CJK KR, Noto Sans CJK SC, Noto Sans CJK JP, sans-serif";
  /* Styles depend on data only, and sizes are in model units, so zooming needs no restyle of the entities;
     labels appear when their font is large enough on screen (min-zoomed-font-size). */
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: [],
    autoungrabify: true,
    /* while the hand pans or zooms, move a snapshot of the drawing (a frame costs a copy, not a redraw);
       without it a drag over the 1k overview took 80-100 ms a frame in headless Chromium */
    textureOnViewport: true,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", "border-width": "data(border)", "border-color": "#333",
        width: "data(w)", height: "data(w)", label: "data(label)", "font-size": "data(fs)",
        "text-valign": "bottom", "text-margin-y": "data(tm)", "text-outline-color": "#fff",
        "text-outline-width": "data(to)", color: "#222", "font-family": FONT, "min-zoomed-font-size": 8,
        "z-index-compare": "manual", "z-index": 20 } },
      { selector: "node[type = 'country']", style: { "font-weight": "bold" } },
      { selector: "node.labelled", style: { "min-zoomed-font-size": 0 } },
      { selector: "node.region", style: {
        "background-color": "#f1f3f6", "border-color": "#d5dae1", "text-valign": "top", color: "#5b6573",
        "font-weight": "bold", "z-index": 0, "overlay-opacity": 0, "text-outline-width": 0, "min-zoomed-font-size": 0 } },
      { selector: "node.veil", style: {
        shape: "rectangle", "background-color": "#fff", "background-opacity": 0.8, "border-width": 0,
        label: "", events: "no", "z-index": 22, display: "none" } },
      { selector: "node.veil.on", style: { display: "element" } },
      { selector: "edge", style: {
        width: "data(w)", "line-color": "#c4c4c4", "curve-style": "haystack", "haystack-radius": 0,
        "z-index-compare": "manual", "z-index": 10, "font-family": FONT } },
      { selector: "node.near", style: { "z-index": 30, "min-zoomed-font-size": 0 } },
      { selector: "node.quiet", style: { "text-opacity": 0 } },
      { selector: "node:selected", style: { "border-width": "data(selBorder)", "border-color": "#000", "z-index": 40 } },
      { selector: "edge.near", style: {
        "line-color": "#666", "z-index": 25, "curve-style": "straight", "target-arrow-shape": "triangle",
        "target-arrow-color": "#666", "arrow-scale": "data(as)" } },
      { selector: "edge.near.told", style: {
        label: "data(relation)", "font-size": "data(fs)", color: "#444", "text-rotation": "autorotate",
        "text-outline-color": "#fff", "text-outline-width": "data(to)" } }
    ],
    layout: { name: "preset" }
  });

  var view = { base: 1, zrel: 1, zb: 1, labelAll: false, zoomed: 0, marked: null };
  var shown = new Set();             /* entity ids in the drawing */
  var shownEdges = new Set();        /* indexes into DATA.edges in the drawing */
  var pinned = new Set();            /* the selection and its neighbours */
  var hidden = new Set(DATA.hidden); /* kinds turned off */
  var moreToSee = false;

  /* How an entity looks: its size from Python (it shrinks with the level it appears at). Past 1.6 times the
     zoom it appears at, it stops growing on screen (checked in steps of √2 of zoom, so zooming rarely
     restyles). Entities that must be readable (the selection, its neighbours, all of a small graph) get
     a font of at least 10 px at the current zoom. */
  function nodeLook(n) {
    var appear = Math.max(n.pos[3], 1);
    var w = n.pos[2] * Math.min(1, 1.6 * appear / view.zb);
    var fs = 0.36 * w + 3 * UNIT * w / (n.pos[2] * appear);
    if (view.labelAll || pinned.has(n.id)) { fs = Math.max(fs, 10.5 / cy.zoom()); }
    return { w: w, border: 0.07 * w, selBorder: 0.22 * w, fs: fs, tm: 0.2 * fs, to: 0.16 * fs, label: label(n) };
  }
  function regionLabel(r) { return countryName(r.id) + " · " + num(r.count); }
  function regionLook(r) {
    var z = cy.zoom();
    return { w: 2 * r.r, border: 1.5 / z, fs: 14 / z, tm: 6 / z, to: 0, label: regionLabel(r) };
  }
  /* relations: thinner between entities of deeper levels, and never more than 1.3 px on screen (per zoom step) */
  function edgeWidth(e) {
    return Math.min(0.9 * UNIT / Math.max(nodes.get(e.source).pos[3], nodes.get(e.target).pos[3], 1),
                    1.3 / (view.base * view.zb));
  }
  /* the selection's relations: 1.6 px, arrows about 9 px (Cytoscape draws them at least 29 model units), labels
     10 px, at the current zoom */
  function nearLook() {
    var z = cy.zoom();
    return { w: 1.6 / z, as: Math.min(1, 9 / (29 * z)), fs: 10 / z, to: 2 / z };
  }

  function nodeElement(n) {
    var data = nodeLook(n);
    data.id = n.id; data.type = n.type; data.color = color(n.type);
    var labelled = view.labelAll || pinned.has(n.id);
    return { group: "nodes", data: data, position: { x: n.pos[0], y: n.pos[1] }, classes: labelled ? "labelled" : "" };
  }
  function edgeElement(i) {
    var e = DATA.edges[i];
    /* "@" is never in an id (ids are slugs), so edges cannot clash with entities such as "e1" */
    return { group: "edges", data: { id: "@e" + i, index: i, source: e.source, target: e.target, w: edgeWidth(e),
                                     relation: tr("relations", e.relation), fs: 10, to: 2, as: 1 } };
  }

  /* the country discs: always drawn, under everything; the veil dims all but the selection */
  cy.add(DATA.regions.map(function (r) {
    var data = regionLook(r);
    data.id = "@region:" + r.id; data.region = r.id; data.color = "#f1f3f6";
    return { group: "nodes", classes: "region", data: data, position: { x: r.x, y: r.y } };
  }));
  var veil = (function () {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    DATA.regions.forEach(function (r) {
      x1 = Math.min(x1, r.x - r.r); y1 = Math.min(y1, r.y - r.r); x2 = Math.max(x2, r.x + r.r); y2 = Math.max(y2, r.y + r.r);
    });
    var side = 3 * Math.max(x2 - x1, y2 - y1, 100);
    return cy.add({ group: "nodes", classes: "veil", data: { id: "@veil", w: side, color: "#fff", border: 0, fs: 1, tm: 0, to: 0, label: "" },
                    position: { x: (x1 + x2) / 2 || 0, y: (y1 + y2) / 2 || 0 } });
  })();
  cy.nodes().lock();
  cy.nodes().unselectify();

  function passes(n) {
    if (hidden.has(n.type)) { return false; }
    var c = countrySelect.value;
    return !c || n.countries.indexOf(c) >= 0;
  }

  /* Which entities the current view should draw. */
  function wanted() {
    var ext = cy.extent();
    var mx = (ext.x2 - ext.x1) * 0.15, my = (ext.y2 - ext.y1) * 0.15;
    var x1 = ext.x1 - mx, x2 = ext.x2 + mx, y1 = ext.y1 - my, y2 = ext.y2 + my;
    var want = new Set();
    var zrel = view.zrel * 1.0001;
    moreToSee = false;
    for (var i = 0; i < byDetail.length; i++) {
      var n = byDetail[i];
      var x = n.pos[0], y = n.pos[1];
      var inside = x >= x1 && x <= x2 && y >= y1 && y <= y2;
      if (n.pos[3] > zrel) {
        if (inside && passes(n)) { moreToSee = true; break; }
        continue;
      }
      if (!inside || !passes(n)) { continue; }
      if (want.size >= MAX_SHOWN) { moreToSee = true; break; }
      want.add(n.id);
    }
    pinned.forEach(function (id) { if (id === state.selected || passes(nodes.get(id))) { want.add(id); } });
    return want;
  }

  /* Bring the drawing in line with the view: add and remove entities and their relations, restyle
     what the zoom changed. */
  function refresh() {
    view.zrel = cy.zoom() / view.base;
    var want = wanted();
    var labelAll = want.size <= 200;
    var zb = Math.pow(2, Math.round(2 * Math.log2(view.zrel)) / 2);
    var zoomChanged = cy.zoom() !== view.zoomed;
    var styleAll = zb !== view.zb || labelAll !== view.labelAll;
    view.zb = zb; view.labelAll = labelAll; view.zoomed = cy.zoom();
    var addedEles = null;
    cy.batch(function () {
      var gone = [];
      shown.forEach(function (id) { if (!want.has(id)) { gone.push(id); } });
      if (gone.length) {
        var out = cy.collection();
        gone.forEach(function (id) {
          out.merge(cy.getElementById(id));
          shown.delete(id);
          (adjacency.get(id) || []).forEach(function (i) { shownEdges.delete(i); });
        });
        cy.remove(out);
      }
      if (zoomChanged) { restyle(styleAll); }
      var add = [];
      var added = [];
      want.forEach(function (id) {
        if (!shown.has(id)) { shown.add(id); added.push(id); add.push(nodeElement(nodes.get(id))); }
      });
      added.forEach(function (id) {
        (adjacency.get(id) || []).forEach(function (i) {
          var e = DATA.edges[i];
          if (!shownEdges.has(i) && shown.has(e.source) && shown.has(e.target)) {
            shownEdges.add(i);
            add.push(edgeElement(i));
          }
        });
      });
      if (add.length) { addedEles = cy.add(add); }
      if (state.selected && addedEles) { markSelection(addedEles); }
    });
    declutter();
    updateCounts();
  }
  /* No label over another: the labels on screen, most important first (the selection and its neighbours,
     the discs' names by size, then entities by detail level), each kept only if its box is free;
     the others are hidden until a zoom makes room. */
  function declutter() {
    var z = cy.zoom();
    var rank = function (node) {
      if (node.selected() || node.hasClass("near") || pinned.has(node.id())) { return -1e9; }
      if (node.hasClass("region")) { return -1e6 - regions.get(node.data("region")).count; }
      var n = nodes.get(node.id());
      return n ? n.pos[3] : 1e9;
    };
    var candidates = [];
    cy.nodes().not(".veil").forEach(function (node) {
      var shows = node.hasClass("region") || node.hasClass("labelled") || node.hasClass("near") ||
        node.data("fs") * z >= 8;
      if (shows && node.data("label")) { candidates.push(node); } else if (node.hasClass("quiet")) { node.removeClass("quiet"); }
    });
    candidates.sort(function (a, b) { return rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1); });
    var kept = [];
    var clear = function (b, boxes) {
      return boxes.every(function (k) { return b.x2 <= k.x1 || k.x2 <= b.x1 || b.y2 <= k.y1 || k.y2 <= b.y1; });
    };
    cy.batch(function () {
      candidates.forEach(function (node) {
        // measured now: a cached box can date from before this zoom's restyle, and two labels it kept apart then may meet
        var b = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false,
                                   useCache: false });
        var free = rank(node) === -1e9 || clear(b, kept);
        if (free) { kept.push(b); }
        if (free === node.hasClass("quiet")) { node.toggleClass("quiet", !free); }
      });
    });
  }
  /* After a zoom: the discs' text and borders, the readable labels; every entity only when the zoom
     step (or labelling everything) changed. */
  function restyle(all) {
    cy.batch(function () {
      cy.nodes(".region").forEach(function (node) { node.data(regionLook(regions.get(node.data("region")))); });
      cy.nodes().not(".region, .veil").forEach(function (node) {
        var id = node.id();
        var labelled = view.labelAll || pinned.has(id);
        if (all || labelled) {
          var look = nodeLook(nodes.get(id));
          if (all && !labelled && Math.abs(look.w - node.data("w")) < 1e-6 * look.w) { return; }
          node.data(look);
        }
        if (labelled !== node.hasClass("labelled")) { node.toggleClass("labelled", labelled); }
      });
      if (all) {
        cy.edges().not(".near").forEach(function (edge) {
          var w = edgeWidth(DATA.edges[edge.data("index")]);
          if (Math.abs(w - edge.data("w")) > 1e-6 * w) { edge.data("w", w); }
        });
      }
      var look = nearLook();
      cy.edges(".near").forEach(function (edge) { edge.data(look); });
    });
  }
  var settle = null;
  cy.on("viewport", function () {
    if (settle !== null) { clearTimeout(settle); }
    settle = setTimeout(function () { settle = null; refresh(); }, 90);
  });

  /* The view that shows the discs (not their labels, whose size depends on the zoom) with `padding` px around. */
  function discsView(list, padding) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    list.forEach(function (r) {
      x1 = Math.min(x1, r.x - r.r); y1 = Math.min(y1, r.y - r.r); x2 = Math.max(x2, r.x + r.r); y2 = Math.max(y2, r.y + r.r);
    });
    var zoom = Math.min((cy.width() - 2 * padding) / Math.max(x2 - x1, 1e-9), (cy.height() - 2 * padding) / Math.max(y2 - y1, 1e-9));
    zoom = Math.min(Math.max(zoom, cy.minZoom()), cy.maxZoom());
    return { zoom: zoom, pan: { x: cy.width() / 2 - zoom * (x1 + x2) / 2, y: cy.height() / 2 - zoom * (y1 + y2) / 2 } };
  }
  function fitAll() {
    cy.viewport(discsView(DATA.regions, 16));
  }

  /* --- filters ------------------------------------------------------------------------------------ */

  var kindsBox = document.getElementById("kinds");
  DATA.types.forEach(function (t) {
    var box = el("input", { type: "checkbox", "data-type": t });
    box.checked = !hidden.has(t);
    box.addEventListener("change", function () {
      if (box.checked) { hidden.delete(t); } else { hidden.add(t); }
      refresh();
    });
    kindsBox.appendChild(el("label", {}, [box, el("span", { class: "swatch", style: "background:" + color(t) }),
      el("span", { class: "kind-name", "data-type": t })]));
  });
  var countrySelect = document.getElementById("country");
  countries.forEach(function (names, code) {
    countrySelect.appendChild(el("option", { value: code }));
  });
  countrySelect.addEventListener("change", function () {
    var region = regions.get(countrySelect.value);
    if (countrySelect.value && region) {
      cy.viewport(discsView([region], 24));
    } else if (!countrySelect.value) {
      fitAll();
    }
    refresh();
  });
  function updateCounts() {
    var total = 0;
    if (countrySelect.value) {
      nodes.forEach(function (n) { if (passes(n)) { total += 1; } });
    } else {
      DATA.types.forEach(function (t) { if (!hidden.has(t)) { total += typeCounts.get(t) || 0; } });
    }
    var text = fmt(tr("ui", "counts"), new Map([["shown", num(shown.size)], ["total", num(total)]]));
    if (moreToSee) { text += " " + tr("ui", "zoom_more"); }
    document.getElementById("counts").textContent = text;
  }
  document.getElementById("fit").addEventListener("click", function () { fitAll(); });

  /* --- language ------------------------------------------------------------------------------------- */

  var langSelect = document.getElementById("lang");
  function translatePage() {
    document.documentElement.lang = state.lang;
    numberFormat = new Intl.NumberFormat(state.lang);
    var title = tr("ui", "title") + (DATA.country ? " · " + countryName(DATA.country) : "");
    document.title = title;
    document.getElementById("title").textContent = title;
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = tr("ui", e.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (e) {
      e.setAttribute("placeholder", tr("ui", e.getAttribute("data-i18n-placeholder")));
    });
    document.querySelectorAll("[data-i18n-aria]").forEach(function (e) {
      e.setAttribute("aria-label", tr("ui", e.getAttribute("data-i18n-aria")));
    });
    var about = document.getElementById("about");
    about.textContent = "";
    var link = el("a", { href: "#cytoscape-licence", id: "licence-link", text: about.getAttribute("data-library") });
    var parts = tr("ui", "about").split(/(\{library\})/);
    parts.forEach(function (p) {
      if (p === "{library}") { about.appendChild(link); }
      else { about.appendChild(document.createTextNode(p.replace("{version}", about.getAttribute("data-version")))); }
    });
    kindsBox.querySelectorAll(".kind-name").forEach(function (s) {
      var t = s.getAttribute("data-type");
      s.textContent = tr("types", t) + " (" + num(typeCounts.get(t) || 0) + ")";
    });
    Array.prototype.forEach.call(countrySelect.options, function (o) {
      if (o.value) { o.textContent = countryName(o.value) + " (" + o.value + ")"; }
    });
  }
  function setLang(lang) {
    if (LANGS.indexOf(lang) < 0) { return; }
    state.lang = lang;
    langSelect.value = lang;
    translatePage();
    cy.batch(function () {
      cy.nodes(".region").forEach(function (node) { node.data("label", regionLabel(regions.get(node.data("region")))); });
      cy.nodes().not(".region, .veil").forEach(function (node) { node.data("label", label(nodes.get(node.id()))); });
      cy.edges().forEach(function (edge) {
        edge.data("relation", tr("relations", DATA.edges[edge.data("index")].relation));
      });
    });
    updateCounts();
    if (state.selected) { showPanel(state.selected); } else { showHint(); }
    if (!results.hidden) { showResults(); }
  }
  langSelect.addEventListener("change", function () { setLang(langSelect.value); });

  /* --- search ----------------------------------------------------------------------------------------- */

  function search(query, limit) {
    var key = normalize(query);
    if (!key) { return []; }
    var hits = [];
    for (var i = 0; i < DATA.nodes.length; i++) {
      var n = DATA.nodes[i];
      var rank = 3;
      for (var j = 0; j < n.keys.length && rank > 0; j++) {
        var at = n.keys[j].indexOf(key);
        if (at === 0) { rank = n.keys[j].length === key.length ? 0 : Math.min(rank, 1); }
        else if (at > 0) { rank = Math.min(rank, 2); }
      }
      if (rank < 3) { hits.push([rank, n.names.en.length, n.id]); }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return hits.slice(0, limit || 12).map(function (h) { return nodes.get(h[2]); });
  }
  window.asiaaiSearch = function (q) { return search(q).map(function (n) { return n.id; }); };

  var searchInput = document.getElementById("search");
  var results = document.getElementById("results");
  function showResults() {
    var hits = search(searchInput.value);
    results.textContent = "";
    hits.forEach(function (n, i) {
      var alt = n.names.en !== label(n) ? n.names.en : "";
      var li = el("li", { "data-id": n.id, class: i === 0 ? "active" : "" }, [
        el("span", { class: "type", style: "background:" + color(n.type), text: tr("types", n.type) }),
        el("span", { class: "name", text: label(n) }),
        alt ? el("span", { class: "alt", text: alt }) : null
      ]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(n.id); });
      results.appendChild(li);
    });
    if (!hits.length && searchInput.value.trim()) {
      results.appendChild(el("li", { class: "none", text: tr("ui", "nothing") }));
    }
    results.hidden = !searchInput.value.trim();
  }
  function choose(id) {
    results.hidden = true;
    select(id);
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = results.querySelector("li[data-id]");
      if (first) { choose(first.getAttribute("data-id")); }
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  searchInput.addEventListener("blur", function () { results.hidden = true; });
  searchInput.addEventListener("focus", function () { if (searchInput.value) { showResults(); } });

  /* --- selection and the side panel ------------------------------------------------------------------ */

  function neighbours(id) {
    var out = new Map();
    (adjacency.get(id) || []).forEach(function (i) {
      var e = DATA.edges[i];
      var other = e.source === id ? e.target : e.source;
      if (other !== id && nodes.has(other)) { out.set(other, nodes.get(other)); }
    });
    return Array.from(out.values()).sort(function (a, b) { return a.pos[3] - b.pos[3] || (a.id < b.id ? -1 : 1); });
  }
  /* The selection and its relations above a veil that dims the rest; with `added`, only mark what was just drawn. */
  function markSelection(added) {
    if (!added) {
      if (view.marked) {
        view.marked.edges().forEach(function (edge) { edge.data("w", edgeWidth(DATA.edges[edge.data("index")])); });
        view.marked.removeClass("near told");
        view.marked = null;
      }
      veil.removeClass("on");
      cy.$(":selected").unselect();
    }
    if (!state.selected) { return; }
    var node = cy.getElementById(state.selected);
    if (!node.length) { return; }
    var near = node.closedNeighborhood();
    if (added) { near = near.intersection(added); }
    if (!added) { node.select(); veil.addClass("on"); }
    var look = nearLook();
    near.edges().forEach(function (edge) { edge.data(look); });
    near.addClass("near");
    if (node.connectedEdges().length <= 24) { near.edges().addClass("told"); }
    view.marked = view.marked ? view.marked.union(near) : near;
  }
  /* pin `next` (drawn whatever the zoom, labelled) and restyle the entities whose pinning changed */
  function repin(next) {
    var before = pinned;
    pinned = next;
    refresh();
    cy.batch(function () {
      [before, next].forEach(function (set) {
        set.forEach(function (id) {
          var node = cy.getElementById(id);
          if (node.length) {
            node.data(nodeLook(nodes.get(id)));
            node.toggleClass("labelled", view.labelAll || pinned.has(id));
          }
        });
      });
    });
    markSelection(null);
  }
  function select(id) {
    var n = nodes.get(id);
    if (!n) { return undefined; }
    state.selected = id;
    var next = new Set([id]);
    neighbours(id).slice(0, MAX_PINNED).forEach(function (m) { if (passes(m)) { next.add(m.id); } });
    repin(next);
    /* show the entity with its nearest three quarters of neighbours (a country far away does not stop the
       zoom), zoomed in at least as far as the level the entity appears at */
    var others = [];
    next.forEach(function (m) { if (m !== id) { others.push(nodes.get(m)); } });
    var dist = function (m) { return Math.hypot(m.pos[0] - n.pos[0], m.pos[1] - n.pos[1]); };
    others.sort(function (a, b) { return dist(a) - dist(b); });
    var x1 = n.pos[0], x2 = n.pos[0], y1 = n.pos[1], y2 = n.pos[1], deepest = n.pos[3];
    others.slice(0, Math.max(1, Math.ceil(0.75 * others.length))).forEach(function (m) {
      x1 = Math.min(x1, m.pos[0]); x2 = Math.max(x2, m.pos[0]); y1 = Math.min(y1, m.pos[1]); y2 = Math.max(y2, m.pos[1]);
      deepest = Math.max(deepest, m.pos[3]);
    });
    var fitZoom = 0.8 * Math.min(cy.width() / Math.max(x2 - x1, 1), cy.height() / Math.max(y2 - y1, 1));
    var zoom = Math.max(view.base * Math.max(n.pos[3], 1) * 1.25,
                        Math.min(fitZoom, view.base * Math.max(3, 1.5 * deepest)));
    cy.stop();
    cy.animate({ zoom: zoom, center: { eles: cy.getElementById(id) } }, { duration: 250 });
    showPanel(id);
    return n;
  }
  function clearSelection() {
    state.selected = null;
    repin(new Set());
    showHint();
  }
  cy.on("tap", "node", function (ev) {
    var region = ev.target.data("region");
    if (region === undefined) { select(ev.target.id()); return; }
    var r = regions.get(region);
    if (cy.zoom() * 2 * r.r < 0.8 * Math.min(cy.width(), cy.height())) { cy.animate(discsView([r], 24), { duration: 250 }); }
    else if (state.selected) { clearSelection(); }
  });
  cy.on("tap", function (ev) { if (ev.target === cy && state.selected) { clearSelection(); } });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== searchInput && state.selected) { clearSelection(); }
  });

  var panel = document.getElementById("panel");
  function showHint() {
    panel.textContent = "";
    panel.appendChild(el("p", { class: "hint", text: tr("ui", "hint") }));
  }
  function relLink(id) {
    var other = nodes.get(id);
    var a = el("a", { class: "rel", "data-id": id, text: other ? label(other) : id });
    a.addEventListener("click", function () { select(id); });
    return a;
  }
  var CODE_FIELDS = new Map([["kind", "kinds"], ["measure", "kinds"], ["accessibility", "kinds"], ["category", "kinds"],
                             ["status", "kinds"], ["certainty", "kinds"], ["sector", "kinds"], ["region", "regions"]]);
  var YES_NO = new Map([["yes", "yes"], ["no", "no"]]);
  function factValue(field, value) {
    var section = CODE_FIELDS.get(field);
    if (section) { return tr(section, value); }
    if (YES_NO.has(value)) { return tr("ui", YES_NO.get(value)); }
    return value;
  }
  function showPanel(id) {
    var n = nodes.get(id);
    panel.textContent = "";
    panel.appendChild(el("span", { class: "badge", style: "background:" + color(n.type),
      text: tr("types", n.type) + (n.kind ? " · " + tr("kinds", n.kind) : "") }));
    panel.appendChild(el("h2", { class: "name", text: label(n) }));
    var others = [];
    Object.keys(n.names).forEach(function (k) { var v = n.names[k]; if (v !== label(n) && others.indexOf(v) < 0) { others.push(v); } });
    n.aliases.forEach(function (v) { if (others.indexOf(v) < 0) { others.push(v); } });
    if (others.length) { panel.appendChild(el("p", { class: "other-names", text: others.join(" · ") })); }

    var rows = [el("tr", {}, [el("th", { text: tr("ui", "id") }), el("td", { text: n.id })])];
    n.facts.forEach(function (f) {
      var cell = el("td", { text: factValue(f[0], f[1]) });
      if (f[2] && f[2].length) { cell.appendChild(el("span", { class: "fact-sources", text: " [" + f[2].join("; ") + "]" })); }
      rows.push(el("tr", { "data-field": f[0] }, [el("th", { text: tr("fields", f[0]) }), cell]));
    });
    if (n.countries.length) {
      rows.push(el("tr", {}, [el("th", { text: tr("ui", "countries") }), el("td", { text: n.countries.map(countryName).join(", ") })]));
    }
    panel.appendChild(el("h3", { "data-heading": "facts", text: tr("ui", "facts") }));
    panel.appendChild(el("table", { class: "facts" }, rows));

    var rels = [];
    var edgeIds = adjacency.get(id) || [];
    edgeIds.slice(0, MAX_RELATIONS).forEach(function (i) {
      var e = DATA.edges[i];
      var rel = " — " + tr("relations", e.relation) + " → ";
      if (e.source === id) { rels.push(el("li", {}, [el("b", { text: label(n) }), rel, relLink(e.target)])); }
      else { rels.push(el("li", {}, [relLink(e.source), rel, el("b", { text: label(n) })])); }
    });
    if (edgeIds.length > rels.length) {
      rels.push(el("li", { class: "more", text: fmt(tr("ui", "more"), new Map([["count", num(edgeIds.length - rels.length)]])) }));
    }
    if (rels.length) {
      panel.appendChild(el("h3", { "data-heading": "relations", text: tr("ui", "relations") + " (" + num(edgeIds.length) + ")" }));
      panel.appendChild(el("ul", { class: "relations" }, rels));
    }

    if (n.disputes && n.disputes.length) {
      panel.appendChild(el("h3", { "data-heading": "disputes", text: tr("ui", "disputes") }));
      var list = el("div", { class: "disputes" });
      n.disputes.forEach(function (d) {
        var values = d[2].map(function (v) {
          return el("li", { class: v[2] ? "kept" : "" }, [v[0] + " [" + v[1].join("; ") + "]",
            v[2] ? el("b", { text: " · " + tr("ui", "kept") }) : null]);
        });
        list.appendChild(el("div", { class: "dispute", "data-field": d[0] }, [
          el("div", { class: "field", text: tr("fields", d[0]) }), el("ul", {}, values),
          el("div", { class: "note", text: tr("ui", "why") + ": " + d[1] })]));
      });
      panel.appendChild(list);
    }

    panel.appendChild(el("h3", { "data-heading": "sources", text: tr("ui", "sources") }));
    var box = el("div", { class: "sources" });
    var bySource = new Map();
    n.citations.forEach(function (c) {
      if (!bySource.has(c.source)) { bySource.set(c.source, []); }
      bySource.get(c.source).push(c);
    });
    bySource.forEach(function (cites, sid) {
      var s = sources.get(sid) || {};
      var publisher = (state.lang === "ko" && s.publisher_ko) || s.publisher || "";
      var title = s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer", text: s.title || sid })
        : el("span", { text: s.title || sid });
      var div = el("div", { class: "source", "data-source": sid }, [
        el("div", {}, [el("span", { class: "publisher", text: publisher }), publisher ? ", " : "", title,
          s.published ? el("span", { class: "date", text: " (" + s.published + ")" }) : null,
          s.kind ? el("span", { class: "source-kind", text: " · " + tr("kinds", s.kind) }) : null]),
        s.title_en && s.title_en !== s.title ? el("div", { class: "note", text: s.title_en }) : null
      ]);
      cites.forEach(function (c) {
        if (c.quote) { div.appendChild(el("blockquote", { text: "“" + c.quote + "”" })); }
        if (c.locator) { div.appendChild(el("div", { class: "locator", text: tr("ui", "row") + ": " + c.locator })); }
        (c.links || []).forEach(function (u) {
          if (/^https?:\/\//.test(u)) {
            div.appendChild(el("div", { class: "link" }, [el("a", { href: u, target: "_blank", rel: "noopener noreferrer", text: u })]));
          }
        });
        if (c.fields) { div.appendChild(el("div", { class: "note", text: tr("ui", "states") + ": " + c.fields.map(function (f) { return tr("fields", f); }).join(", ") })); }
        if (c.note) { div.appendChild(el("div", { class: "note", text: tr("ui", "note") + ": " + c.note })); }
      });
      box.appendChild(div);
    });
    panel.appendChild(box);
  }

  /* --- start ---------------------------------------------------------------------------------------------- */

  langSelect.value = state.lang;
  translatePage();
  showHint();
  cy.resize();
  fitAll();
  view.base = cy.zoom();
  cy.minZoom(view.base * 0.5);
  cy.maxZoom(view.base * Math.max(8, 2.5 * (byDetail.length ? byDetail[byDetail.length - 1].pos[3] : 1)));
  refresh();
  if (DATA.country && regions.has(DATA.country)) { cy.viewport(discsView([regions.get(DATA.country)], 24)); }

  var timings = { script: T0, ready: performance.now(), firstRender: null };
  cy.one("render", function () { timings.firstRender = performance.now(); });
  window.asiaaiExplorer = {
    cy: cy, select: select, clear: clearSelection, search: search, normalize: normalize, setLang: setLang, refresh: refresh,
    shown: function () { return Array.from(shown); }, timings: timings, view: view
  };
  document.body.setAttribute("data-ready", "true");
})();
