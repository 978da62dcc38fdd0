/* asiaai_graph explorer: search, filters, language switch and the side panel over Cytoscape.js. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("asiaai-data").textContent);
  var LANGS = ["en", "ko", "zh", "ja"];
  var state = { lang: document.documentElement.lang || "en", selected: null };

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

  var byId = {};
  DATA.nodes.forEach(function (n) {
    byId[n.id] = n;
    var names = [n.id].concat(Object.keys(n.names).map(function (k) { return n.names[k]; }), n.aliases);
    var keys = {};
    names.forEach(function (name) { var k = normalize(name); if (k) { keys[k] = true; } });
    n.keys = Object.keys(keys);
  });

  function label(n, lang) {
    return (n.names && (n.names[lang || state.lang] || n.names.en)) || n.id;
  }
  function countryName(code) {
    var names = DATA.countries[code];
    return names ? (names[state.lang] || names.en) : code;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return e;
  }
  function pretty(word) { return String(word).replace(/_/g, " "); }

  /* --- the graph -------------------------------------------------------------------------- */

  var elements = DATA.nodes.map(function (n) {
    return { group: "nodes", data: { id: n.id, label: label(n), type: n.type, color: DATA.colors[n.type] || "#999" } };
  }).concat(DATA.edges.map(function (e, i) {
    return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, relation: pretty(e.relation) } };
  }));

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", "border-width": 1, "border-color": "#333", width: 16, height: 16,
        label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
        "text-outline-color": "#fff", "text-outline-width": 2, color: "#222",
        "font-family": "Noto Sans, Noto Sans CJK KR, Noto Sans CJK SC, Noto Sans CJK JP, sans-serif",
        "min-zoomed-font-size": 6 } },
      { selector: "node[type = 'country']", style: { width: 28, height: 28, "font-size": 13, "font-weight": "bold" } },
      { selector: "edge", style: {
        width: 1, "line-color": "#c4c4c4", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "target-arrow-color": "#c4c4c4", "arrow-scale": 0.7 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#000", width: 26, height: 26, "z-index": 10 } },
      { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.1 } },
      { selector: "edge.near", style: {
        label: "data(relation)", "font-size": 9, color: "#555", "text-rotation": "autorotate",
        "text-outline-color": "#fff", "text-outline-width": 2, "line-color": "#777", "target-arrow-color": "#777", width: 1.5 } }
    ],
    layout: { name: "preset" }
  });

  /* A seeded random source, so the same data gives the same picture. */
  function seeded(seed) {
    return function () {
      seed |= 0; seed = seed + 0x6D2B79F5 | 0;
      var t = Math.imul(seed ^ seed >>> 15, 1 | seed);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }
  function runLayout() {
    var random = Math.random;
    Math.random = seeded(20250121);
    try {
      cy.elements(":visible").layout({
        name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: false,
        idealEdgeLength: function () { return 60; }, nodeRepulsion: function () { return 20000; },
        gravity: 1, componentSpacing: 80, numIter: 2500, padding: 20, fit: true
      }).run();
    } finally {
      Math.random = random;
    }
  }

  /* --- filters ------------------------------------------------------------------------------ */

  var kindsBox = document.getElementById("kinds");
  var hidden = {};
  DATA.hidden.forEach(function (t) { hidden[t] = true; });
  DATA.types.forEach(function (t) {
    var box = el("input", { type: "checkbox", "data-type": t });
    box.checked = !hidden[t];
    box.addEventListener("change", function () { hidden[t] = !box.checked; applyFilters(true); });
    var count = DATA.nodes.filter(function (n) { return n.type === t; }).length;
    kindsBox.appendChild(el("label", {}, [box, el("span", { class: "swatch", style: "background:" + DATA.colors[t] }),
      pretty(t) + " (" + count + ")"]));
  });
  var countrySelect = document.getElementById("country");
  Object.keys(DATA.countries).forEach(function (code) {
    countrySelect.appendChild(el("option", { value: code, "data-code": code, text: code }));
  });
  function refreshCountryNames() {
    Array.prototype.forEach.call(countrySelect.options, function (o) {
      if (o.value) { o.textContent = countryName(o.value) + " (" + o.value + ")"; }
    });
  }
  countrySelect.addEventListener("change", function () { applyFilters(true); });

  function visible(n) {
    if (hidden[n.type]) { return false; }
    var c = countrySelect.value;
    return !c || n.countries.indexOf(c) >= 0;
  }
  function applyFilters(relayout) {
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = byId[node.id()];
        var show = visible(n) || node.id() === state.selected;
        node.style("display", show ? "element" : "none");
      });
    });
    var shown = cy.nodes(":visible").length;
    document.getElementById("counts").textContent = shown + " of " + DATA.nodes.length + " entities shown";
    if (relayout) { runLayout(); }
  }
  document.getElementById("fit").addEventListener("click", function () { cy.fit(cy.elements(":visible"), 20); });

  /* --- language ------------------------------------------------------------------------------ */

  var langSelect = document.getElementById("lang");
  langSelect.value = LANGS.indexOf(state.lang) >= 0 ? state.lang : "en";
  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    cy.batch(function () { cy.nodes().forEach(function (node) { node.data("label", label(byId[node.id()])); }); });
    refreshCountryNames();
    if (state.selected) { showPanel(state.selected); }
    if (!results.hidden) { showResults(); }
  }
  langSelect.addEventListener("change", function () { setLang(langSelect.value); });

  /* --- search ------------------------------------------------------------------------------- */

  function search(query, limit) {
    var key = normalize(query);
    if (!key) { return []; }
    var hits = [];
    DATA.nodes.forEach(function (n) {
      var rank = 3;
      n.keys.forEach(function (k) {
        if (k === key) { rank = 0; }
        else if (k.indexOf(key) === 0) { rank = Math.min(rank, 1); }
        else if (k.indexOf(key) > 0) { rank = Math.min(rank, 2); }
      });
      if (rank < 3) { hits.push([rank, n.names.en.length, n.id]); }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return hits.slice(0, limit || 12).map(function (h) { return byId[h[2]]; });
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
        el("span", { class: "type", style: "background:" + (DATA.colors[n.type] || "#999"), text: pretty(n.type) }),
        el("span", { class: "name", text: label(n) }),
        alt ? el("span", { class: "alt", text: alt }) : null
      ]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(n.id); });
      results.appendChild(li);
    });
    if (!hits.length && searchInput.value.trim()) {
      results.appendChild(el("li", { class: "none", text: "Nothing matches" }));
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

  /* --- selection and the side panel -------------------------------------------------------- */

  function select(id) {
    var node = cy.getElementById(id);
    if (!node.length) { return; }
    var n = byId[id];
    var wasHidden = node.style("display") === "none";
    state.selected = id;
    if (wasHidden) { node.style("display", "element"); }
    cy.elements().unselect();
    node.select();
    var near = node.closedNeighborhood();
    cy.batch(function () {
      cy.elements().removeClass("faded near");
      cy.elements().not(near).addClass("faded");
      near.edges().addClass("near");
    });
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    showPanel(id);
    return n;
  }
  function clearSelection() {
    state.selected = null;
    cy.elements().removeClass("faded near");
    panel.textContent = "";
    panel.appendChild(el("p", { class: "hint", text: "Search or click a node to see its facts and sources." }));
    applyFilters(false);
  }
  cy.on("tap", "node", function (ev) { select(ev.target.id()); });
  cy.on("tap", function (ev) { if (ev.target === cy) { clearSelection(); } });

  var panel = document.getElementById("panel");
  function relLink(id) {
    var other = byId[id];
    var a = el("a", { class: "rel", "data-id": id, text: other ? label(other) : id });
    a.addEventListener("click", function () { select(id); });
    return a;
  }
  function showPanel(id) {
    var n = byId[id];
    panel.textContent = "";
    panel.appendChild(el("span", { class: "badge", style: "background:" + (DATA.colors[n.type] || "#999"),
      text: pretty(n.type) + (n.kind ? " · " + pretty(n.kind) : "") }));
    panel.appendChild(el("h2", { class: "name", text: label(n) }));
    var others = [];
    Object.keys(n.names).forEach(function (k) { var v = n.names[k]; if (v !== label(n) && others.indexOf(v) < 0) { others.push(v); } });
    n.aliases.forEach(function (v) { if (others.indexOf(v) < 0) { others.push(v); } });
    if (others.length) { panel.appendChild(el("p", { class: "other-names", text: others.join(" · ") })); }

    var rows = [el("tr", {}, [el("th", { text: "id" }), el("td", { text: n.id })])];
    n.facts.forEach(function (f) { rows.push(el("tr", {}, [el("th", { text: pretty(f[0]) }), el("td", { text: f[1] })])); });
    if (n.countries.length) {
      rows.push(el("tr", {}, [el("th", { text: "countries" }), el("td", { text: n.countries.map(countryName).join(", ") })]));
    }
    panel.appendChild(el("h3", { text: "Facts" }));
    panel.appendChild(el("table", { class: "facts" }, rows));

    var rels = [];
    DATA.edges.forEach(function (e) {
      if (e.source === id) {
        rels.push(el("li", {}, [el("b", { text: label(n) }), " — " + pretty(e.relation) + " → ", relLink(e.target)]));
      }
      if (e.target === id) {
        rels.push(el("li", {}, [relLink(e.source), " — " + pretty(e.relation) + " → ", el("b", { text: label(n) })]));
      }
    });
    if (rels.length) {
      panel.appendChild(el("h3", { text: "Relations" }));
      panel.appendChild(el("ul", { class: "relations" }, rels));
    }

    panel.appendChild(el("h3", { text: "Sources" }));
    var box = el("div", { class: "sources" });
    var order = [];
    var bySource = {};
    n.citations.forEach(function (c) {
      if (!bySource[c.source]) { bySource[c.source] = []; order.push(c.source); }
      bySource[c.source].push(c);
    });
    order.forEach(function (sid) {
      var s = DATA.sources[sid] || {};
      var publisher = (state.lang === "ko" && s.publisher_ko) || s.publisher || "";
      var title = s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer", text: s.title || sid })
        : el("span", { text: s.title || sid });
      var div = el("div", { class: "source", "data-source": sid }, [
        el("div", {}, [el("span", { class: "publisher", text: publisher }), publisher ? ", " : "", title,
          s.published ? el("span", { class: "date", text: " (" + s.published + ")" }) : null]),
        s.title_en && s.title_en !== s.title ? el("div", { class: "note", text: s.title_en }) : null
      ]);
      bySource[sid].forEach(function (c) {
        if (c.quote) { div.appendChild(el("blockquote", { text: "“" + c.quote + "”" })); }
        if (c.note) { div.appendChild(el("div", { class: "note", text: "Note: " + c.note })); }
      });
      box.appendChild(div);
    });
    panel.appendChild(box);
  }

  /* --- start -------------------------------------------------------------------------------- */

  refreshCountryNames();
  if (state.lang !== "en") { setLang(state.lang); }
  applyFilters(true);
  window.asiaaiExplorer = { cy: cy, select: select, search: search, normalize: normalize, setLang: setLang };
  document.body.setAttribute("data-ready", "true");
})();
