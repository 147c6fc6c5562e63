// Explore page: the whole corpus under one filter (the page URL's query string).
// Map (Leaflet, clustered at low zoom, countries outlined), network (Cytoscape.js, top N
// actors with "show more"), histogram (SVG; a click lists the bar's incidents).
// Every text from the store goes in with textContent or as a DOM node, never as HTML.
(function () {
  "use strict";
  var ew = window.eventwire;
  var el = ew.el;
  var data = ew.readData();
  var filter = data.filter || "";
  var PALETTE = ["#c92a2a", "#1971c2", "#2b8a3e", "#e8590c", "#7048e8", "#0c8599", "#d6336c",
                 "#5c940d", "#862e9c", "#495057"];
  var POLARITY = { positive: "#2b8a3e", negative: "#c92a2a", neutral: "#868e96", negated: "#7048e8" };

  function api(path, extra) {
    var query = [filter, extra || ""].filter(Boolean).join("&");
    return fetch(path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
  }

  function failed(container, what) {
    return function (err) {
      container.appendChild(el("p", "error-message", "Could not load the " + what + " (" + err.message + ")."));
    };
  }

  function colourOf(types) {
    var colours = {};
    types.forEach(function (t, i) { colours[t] = PALETTE[i % PALETTE.length]; });
    return function (t) { return colours[t] || PALETTE[PALETTE.length - 1]; };
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // "3 incidents, 4 killed, 7 wounded, 5 sources": the casualties and the reports (each
  // incident's sources, summed) a tooltip or title adds
  function casualties(x) {
    var out = "";
    if (x.killed) out += ", " + x.killed + " killed";
    if (x.wounded) out += ", " + x.wounded + " wounded";
    if (x.displaced) out += ", " + x.displaced + " displaced";
    if (x.sources) out += ", " + plural(x.sources, "source");
    return out;
  }

  function placeSummary(p) {
    var box = el("div", "popup");
    box.appendChild(ew.link("/places/" + ew.seg(p.id), p.name));
    var facts = plural(p.incidents, "incident");
    if (p.killed) facts += " · " + p.killed + " killed";
    if (p.wounded) facts += " · " + p.wounded + " wounded";
    if (p.displaced) facts += " · " + p.displaced + " displaced";
    facts += " · " + plural(p.sources || 0, "source");
    box.appendChild(el("div", "facts", facts));
    var list = el("ul");
    Object.keys(p.types).slice(0, 6).forEach(function (t) { list.appendChild(el("li", null, t + ": " + p.types[t])); });
    box.appendChild(list);
    box.appendChild(ew.link("/incidents?" + [filter, "place=" + encodeURIComponent(p.id)].filter(Boolean).join("&"), "list them"));
    return box;
  }

  // --- map ------------------------------------------------------------------------------
  function drawMap(container, places) {
    var map = ew.baseMap(container);
    var colour = colourOf(Object.keys(places.reduce(function (acc, p) { acc[p.type] = 1; return acc; }, {})).sort());
    var points = places.filter(function (p) { return !p.country_numeric; });
    var countries = places.filter(function (p) { return p.country_numeric; });
    var layer = L.layerGroup().addTo(map);
    container.setAttribute("data-places", String(places.length));

    // the outlines' finer shapes only when a place is a whole country
    (countries.length ? ew.countries("50m") : Promise.resolve([])).then(function (features) {
      countries.forEach(function (p) {
        var feature = features.filter(function (f) { return String(f.id) === p.country_numeric; })[0];
        if (!feature) { points.push(p); return; }
        var outline = L.geoJSON(feature, { style: { color: colour(p.type), weight: 2, fillColor: colour(p.type), fillOpacity: 0.12, className: "country-outline" } });
        outline.bindPopup(placeSummary(p));
        outline.bindTooltip(el("span", null, p.name + ": " + plural(p.incidents, "incident") + casualties(p)), { sticky: true });
        outline.addTo(map);
      });
      cluster();
    });

    function radius(p) { return Math.min(4 + 2.5 * Math.sqrt(p.killed || p.incidents), 28); }

    // Grid clustering: places closer than CELL pixels at the current zoom share a marker.
    var CELL = 64;
    function cluster() {
      layer.clearLayers();
      var cells = {};
      points.forEach(function (p) {
        var at = map.project([p.lat, p.lon], map.getZoom());
        var key = Math.floor(at.x / CELL) + ":" + Math.floor(at.y / CELL);
        (cells[key] = cells[key] || []).push(p);
      });
      Object.keys(cells).sort().forEach(function (key) {
        var group = cells[key];
        if (group.length === 1) {
          var p = group[0];
          var marker = L.circleMarker([p.lat, p.lon], {
            radius: radius(p), color: "#343a40", weight: 1, fillColor: colour(p.type), fillOpacity: 0.75,
            className: "event-marker",
          });
          marker.bindPopup(placeSummary(p));
          marker.bindTooltip(el("span", null, p.name + ": " + plural(p.incidents, "incident") + casualties(p)));
          layer.addLayer(marker);
          return;
        }
        var n = 0, sums = { killed: 0, wounded: 0, displaced: 0, sources: 0 }, lat = 0, lon = 0;
        group.forEach(function (p) {
          n += p.incidents; lat += p.lat * p.incidents; lon += p.lon * p.incidents;
          sums.killed += p.killed; sums.wounded += p.wounded; sums.displaced += p.displaced;
          sums.sources += p.sources || 0;
        });
        var badge = el("span", "cluster-count", String(n));
        var size = Math.min(22 + 6 * Math.log2(1 + n), 56);
        var icon = L.divIcon({ html: badge, className: "cluster", iconSize: [size, size] });
        var m = L.marker([lat / n, lon / n], { icon: icon, keyboard: true, title: "" });
        m.bindTooltip(el("span", null, plural(group.length, "place") + ", " + plural(n, "incident") + casualties(sums) + ": zoom in"));
        m.on("click", function () {
          map.fitBounds(L.latLngBounds(group.map(function (p) { return [p.lat, p.lon]; })).pad(0.4), { maxZoom: map.getZoom() + 3 });
        });
        layer.addLayer(m);
      });
    }
    map.on("zoomend", cluster);
    if (places.length) {
      // at once, not animated: the first picture is drawn the same way on every load
      map.fitBounds(L.latLngBounds(places.map(function (p) { return [p.lat, p.lon]; })).pad(0.3), { maxZoom: 7, animate: false });
    } else {
      container.appendChild(el("p", "viz-note muted", "No located incidents."));
    }
    cluster();
  }

  // --- network --------------------------------------------------------------------------
  // actors per page: "show more" asks for the next page of the same ranking; the first
  // page's URL is the one the page preloads
  var top = data.top || 40;
  var cy = null;
  var shown = null;  // the pages drawn so far, as one graph
  function drawNetwork(container, graph) {
    performance.mark("network:data");  // the phases bench/page_timing.py reports
    if (cy) cy.destroy();
    var maxDegree = graph.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 1);
    var width = ew.sourcesWidth(graph.edges);  // by sources, relative to the heaviest edge
    var elements = ew.orderedElements(graph.nodes.map(function (n) {
      return { data: { id: n.id, label: shortLabel(n.label), size: 14 + 26 * Math.sqrt(n.degree / maxDegree) } };
    }), graph.edges.map(function (e) {
      return {
        data: { id: e.id, source: e.source, target: e.target, colour: POLARITY[e.polarity] || POLARITY.neutral,
                width: width(e.sources), label: edgeLabel(e) },
        classes: (e.modality ? "uncertain " : "") + e.polarity,
      };
    }));
    cy = cytoscape({
      container: container, elements: elements, minZoom: 0.15, maxZoom: 2.5,
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
          "background-color": "#4c6ef5", "font-size": 14, "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
          "min-zoomed-font-size": 7 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
        { selector: "edge.uncertain", style: { "line-style": "dashed" } },
        { selector: "edge:selected, edge.hover", style: { label: "data(label)", "font-size": 10, "text-background-color": "#fff", "text-background-opacity": 0.9 } },
      ],
      layout: { name: "preset" },
    });
    performance.mark("network:elements");
    ew.seededLayout(cy, layoutFor(graph));  // the same data, the same picture
    performance.mark("network:layout");
    cy.on("tap", "node", function (evt) { window.location.href = "/actors/" + encodeURIComponent(evt.target.id()); });
    cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
    container.setAttribute("data-edges", String(graph.edges.length));
    var overlaps = ew.labelOverlaps(cy);
    if (overlaps) {  // the forces left names on names
      ew.seededLayout(cy, ringsFor(graph));
      overlaps = ew.labelOverlaps(cy);
    }
    container.setAttribute("data-label-overlaps", String(overlaps));
    performance.mark("network:labels");
    container.setAttribute("data-nodes", String(graph.nodes.length));
    document.getElementById("network-count").textContent =
      graph.shown + " of " + graph.total + " actors and the " + graph.edges_shown +
      " heaviest links of " + graph.pairs + " linked pairs (most sources first)";
    document.getElementById("network-more").hidden = !graph.next_after;
    if (!graph.nodes.length) container.appendChild(el("p", "viz-note muted", "No actors linked by these incidents."));
  }

  // The labels count in the layout's spacing, so that names do not lie on each other. A
  // force layout spreads a sparse graph; a dense one (more than two links an actor, as
  // the busiest actors of a large store are) becomes a hairball that hides its names, so
  // its actors go round rings, the most linked in the middle (eventwire.ringLayout), as do
  // those of a sparse graph whose forces still leave a name on another. Every layout runs
  // seeded (eventwire.seededLayout), so the same data always draws the same picture.
  function layoutFor(graph) {
    if (graph.nodes.length > 3 && graph.edges.length <= 2 * graph.nodes.length) {
      return { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
               nodeRepulsion: function () { return 6000; }, idealEdgeLength: function () { return 60; },
               componentSpacing: 30, padding: 10 };
    }
    return ringsFor(graph);
  }

  function ringsFor(graph) {
    var ranked = graph.nodes.slice().sort(function (a, b) { return b.degree - a.degree || (a.id < b.id ? -1 : 1); });
    return ew.ringLayout(ranked.map(function (n) { return n.id; }));
  }

  // A long name cut to LABEL_CHARS with an ellipsis, here: Cytoscape's own "text-wrap:
  // ellipsis" measures a label a character at a time, which cost more than the rest of
  // drawing a 40-actor network (the full name is on the actor's page a click away).
  var LABEL_CHARS = 22;
  function shortLabel(label) {
    var text = String(label);
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1).trimEnd() + "…" : text;
  }

  // "support (alleged) · 3 sources": what an edge shows when hovered or selected
  function edgeLabel(e) {
    return e.label + (e.modality ? " (" + e.modality + ")" : "") + " · " + plural(e.sources, "source");
  }

  function loadNetwork() {
    var container = document.getElementById("network");
    api("/api/network", "top=" + top).then(function (g) { shown = g; drawNetwork(container, g); }).catch(failed(container, "network"));
  }
  function moreNetwork() {
    var container = document.getElementById("network");
    if (!shown || !shown.next_after) return;
    api("/api/network", "top=" + top + "&after=" + encodeURIComponent(shown.next_after)).then(function (g) {
      // the next actors and their links to every actor drawn, added to the pages before
      shown = { nodes: shown.nodes.concat(g.nodes), edges: shown.edges.concat(g.edges),
                shown: shown.shown + g.shown, total: g.total, edges_shown: shown.edges_shown + g.edges_shown,
                pairs: shown.pairs + g.pairs, more_edges: shown.more_edges || g.more_edges, next_after: g.next_after };
      drawNetwork(container, shown);
    }).catch(failed(container, "network"));
  }
  document.getElementById("network-more").addEventListener("click", moreNetwork);

  // --- histogram ------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function drawHistogram(container, h) {
    container.textContent = "";
    var note = [];
    if (h.coarser) note.push(plural(h.coarser, "incident") + " dated less precisely than a " + h.unit);
    if (h.undated) note.push(h.undated + " undated");
    document.getElementById("timeline-note").textContent = note.length ? "(not drawn: " + note.join(", ") + ")" : "";
    document.querySelectorAll("button.unit").forEach(function (b) { b.classList.toggle("active", b.getAttribute("data-unit") === h.unit); });
    container.setAttribute("data-bars", String(h.bars.length));
    if (!h.bars.length) { container.appendChild(el("p", "muted", "No dated incidents.")); return; }
    var W = Math.max(container.clientWidth - 16, 300), H = 200, pad = 28;
    var maxN = Math.max.apply(null, h.bars.map(function (b) { return b.incidents; }).concat([1]));
    var maxK = Math.max.apply(null, h.bars.map(function (b) { return b.killed; }).concat([1]));
    var step = (W - pad) / h.bars.length;
    var root = svg("svg", { width: W, height: H + 24, role: "img" });
    root.appendChild(svg("line", { x1: pad, y1: H, x2: W, y2: H, stroke: "#adb5bd" }));
    var maxLabel = svg("text", { x: 2, y: 12, "font-size": 10, fill: "#6c757d" });
    maxLabel.textContent = String(maxN);
    root.appendChild(maxLabel);
    var every = Math.ceil(h.bars.length / Math.max(1, Math.floor(W / 90)));
    h.bars.forEach(function (b, i) {
      var x = pad + i * step;
      var group = svg("g", { "class": "bar", "data-since": b.since, "data-until": b.until, tabindex: b.incidents ? 0 : -1 });
      var hN = (H - 10) * b.incidents / maxN;
      group.appendChild(svg("rect", { x: x, y: 0, width: Math.max(step, 1), height: H, fill: "transparent" }));
      group.appendChild(svg("rect", { "class": "incidents", x: x + step * 0.1, y: H - hN, width: Math.max(step * 0.8, 1), height: hN }));
      if (b.killed) {
        var hK = (H - 10) * b.killed / maxK;
        group.appendChild(svg("rect", { "class": "killed", x: x + step * 0.35, y: H - hK, width: Math.max(step * 0.3, 1), height: hK }));
      }
      var title = svg("title");
      title.textContent = b.label + ": " + plural(b.incidents, "incident") + ", " + b.killed + " killed, " + b.wounded + " wounded, " + b.displaced + " displaced, " + plural(b.sources || 0, "source");
      group.appendChild(title);
      if (b.incidents) {
        group.addEventListener("click", function () { listBar(b); });
        group.addEventListener("keydown", function (evt) { if (evt.key === "Enter") listBar(b); });
      }
      root.appendChild(group);
      if (i % every === 0 && x + 70 <= W) {  // a label that would run off the right edge is left out
        var label = svg("text", { x: x, y: H + 16, "font-size": 10, fill: "#495057" });
        label.textContent = b.label;
        root.appendChild(label);
      }
    });
    container.appendChild(root);
  }

  // the incident records of a clicked bar: one row per real-world occurrence, each with
  // its casualties, sources and a link to its member events
  function sideName(ref) { return ref ? ref.name : ""; }
  function incidentTable(items) {
    var table = el("table", "events incidents");
    var head = el("tr");
    ["When", "Incident", "Where", "Killed", "Wounded", "Displaced", "Sources", "Events"].forEach(function (t) { head.appendChild(el("th", null, t)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    items.forEach(function (i) {
      var row = el("tr", "incident-row");
      row.setAttribute("data-incident", i.id);
      row.appendChild(el("td", "when", i.when));
      var cell = el("td");
      var sides = [sideName(i.source), sideName(i.target)].filter(Boolean).join(" → ");
      var a = ew.link("/incidents/" + ew.seg(i.id), i.type + (sides ? ": " + sides : ""));
      a.className = "incident-link";
      cell.appendChild(a);
      if (i.modality) { cell.appendChild(document.createTextNode(" ")); cell.appendChild(el("span", "tag modality", i.modality)); }
      row.appendChild(cell);
      var where = el("td");
      if (i.place) where.appendChild(ew.link("/places/" + ew.seg(i.place.id), i.place.name));
      row.appendChild(where);
      [i.killed, i.wounded, i.displaced].forEach(function (n) { row.appendChild(el("td", "num", n || "")); });
      row.appendChild(el("td", "num", i.source_count));
      var members = el("td", "num");
      members.appendChild(ew.link("/incidents/" + ew.seg(i.id) + "#members", String(i.events)));
      row.appendChild(members);
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function listBar(b) {
    var panel = document.getElementById("bar-incidents");
    panel.textContent = "";
    panel.appendChild(el("p", "muted", "Loading…"));
    var range = "since=" + encodeURIComponent(b.since) + "&until=" + encodeURIComponent(b.until);
    api("/api/incidents", range + "&limit=100").then(function (page) {
      panel.textContent = "";
      panel.appendChild(el("h3", null, b.label + ": " + plural(page.total, "incident")));
      panel.appendChild(incidentTable(page.items));
      var all = ew.link("/incidents?" + [filter, range].filter(Boolean).join("&"),
                        page.total > page.items.length ? "all " + page.total + " in the list" : "in the list");
      all.className = "incident-records";
      panel.appendChild(all);
      panel.appendChild(document.createTextNode(" · "));
      panel.appendChild(ew.link("/events?" + [filter, range].filter(Boolean).join("&"), "the events reporting them"));
    }).catch(function (err) { panel.textContent = ""; failed(panel, "incidents")(err); });
  }

  var unit = null;
  function loadHistogram() {
    var container = document.getElementById("histogram");
    api("/api/timeline", unit ? "unit=" + unit : "").then(function (h) { unit = h.unit; drawHistogram(container, h); })
      .catch(failed(container, "timeline"));
  }
  document.querySelectorAll("button.unit").forEach(function (b) {
    b.addEventListener("click", function () { unit = b.getAttribute("data-unit"); loadHistogram(); });
  });

  function showTotals(t) {
    var box = document.getElementById("totals");
    box.textContent = "";
    function figure(n, text) {
      box.appendChild(el("strong", null, n.toLocaleString("en")));
      box.appendChild(document.createTextNode(" " + text));
    }
    figure(t.incidents, (t.incidents === 1 ? "incident" : "incidents") + " (" + t.dated.toLocaleString("en") + " dated) · ");
    figure(t.killed, "killed, ");
    figure(t.wounded, "wounded and ");
    figure(t.displaced, "displaced in them");
  }

  api("/api/totals").then(showTotals).catch(failed(document.getElementById("totals"), "totals"));
  var mapBox = document.getElementById("map");
  api("/api/map").then(function (places) { drawMap(mapBox, places); }).catch(failed(mapBox, "map"));
  loadNetwork();
  loadHistogram();
})();
