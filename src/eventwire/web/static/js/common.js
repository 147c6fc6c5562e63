// Shared helpers for eventwire pages: page data, the offline map, the evidence panel.
// Everything from the store is inserted with textContent, never as HTML.
(function () {
  "use strict";

  function readData() {
    var node = document.getElementById("page-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }

  function seg(id) {
    return encodeURIComponent(String(id));
  }

  // Country shapes from world-atlas (Natural Earth), fetched once per page when asked for:
  // "50m" (756 kB, every country) outlines a country-level place; the basemap is drawn
  // from "110m" (108 kB), whose fetch, parse and paint hold the page's one thread a
  // fraction as long while the other views draw
  var shapes = {};
  function countries(scale) {
    var name = scale || "50m";
    if (!shapes[name]) {
      shapes[name] = fetch("/static/vendor/world-atlas/countries-" + name + ".json")
        .then(function (r) { return r.json(); })
        .then(function (topo) { return topojson.feature(topo, topo.objects.countries).features; });
    }
    return shapes[name];
  }

  // Leaflet map with a Natural Earth basemap (world-atlas TopoJSON), no tile server.
  function baseMap(container) {
    var map = L.map(container, { worldCopyJump: true, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.setView([27, 17], 5); // Libya until the markers say otherwise
    countries("110m")
      .then(function (features) {
        var layer = L.geoJSON({ type: "FeatureCollection", features: features }, {
          style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0e6", fillOpacity: 1 },
          interactive: false,
        });
        layer.addTo(map);
        layer.bringToBack();
      })
      .catch(function () { container.classList.add("no-basemap"); });
    return map;
  }

  function drawMap(container, points, onSelect) {
    var map = baseMap(container);
    var markers = [];
    var byPlace = {};
    points.forEach(function (p) {
      var key = p.lat + "," + p.lon;
      (byPlace[key] = byPlace[key] || []).push(p);
    });
    Object.keys(byPlace).forEach(function (key) {
      var group = byPlace[key];
      var first = group[0];
      var marker = L.circleMarker([first.lat, first.lon], {
        radius: Math.min(6 + 2 * Math.log2(group.length), 16),
        color: "#7a1f1f", weight: 1.5, fillColor: "#d9480f", fillOpacity: 0.75,
        className: "event-marker",
      });
      var box = el("div", "popup");
      box.appendChild(link("/places/" + seg(first.place_id), first.place));
      var list = el("ul");
      group.slice(0, 8).forEach(function (p) {
        var item = el("li");
        if (p.id) {
          var a = link("/events/" + seg(p.id), p.label + (p.when ? " (" + p.when + ")" : "") + (p.counts ? ", " + p.counts : ""));
          if (onSelect) {
            a.addEventListener("click", function (ev) { ev.preventDefault(); onSelect(p.id); });
          }
          item.appendChild(a);
        }
        list.appendChild(item);
      });
      if (group.length > 8) list.appendChild(el("li", "muted", "and " + (group.length - 8) + " more"));
      box.appendChild(list);
      marker.bindPopup(box);
      marker.addTo(map);
      markers.push(marker);
    });
    if (markers.length) {
      var bounds = L.featureGroup(markers).getBounds();
      map.fitBounds(bounds.pad(0.3), { maxZoom: 8, animate: false });  // the same first picture each load
    }
    return map;
  }

  // Fill the evidence panel with the sentences reporting one event.
  function showEvidence(panel, eventId) {
    panel.textContent = "";
    panel.appendChild(el("p", "muted", "Loading…"));
    fetch("/api/events/" + seg(eventId), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (d) {
        panel.textContent = "";
        var heading = el("h3");
        heading.appendChild(link("/events/" + seg(d.event.id), d.label || d.event.type.toLowerCase()));
        if (d.modality) {
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(el("span", "tag modality " + d.polarity, d.modality));
        }
        panel.appendChild(heading);
        if (d.counts) panel.appendChild(el("p", "counts-line", d.counts));
        d.articles.forEach(function (item) {
          var block = el("div", "evidence-item");
          block.appendChild(link("/articles/" + seg(item.article.id), item.article.title || item.article.id));
          item.evidence.forEach(function (ev) {
            block.appendChild(el("blockquote", "evidence-sentence", ev.sentence));
          });
          panel.appendChild(block);
        });
        if (!d.articles.length) {
          d.event.evidence.forEach(function (ev) {
            panel.appendChild(el("blockquote", "evidence-sentence", ev.sentence));
          });
        }
        document.querySelectorAll(".event-row.selected").forEach(function (row) {
          row.classList.remove("selected");
        });
        document.querySelectorAll('.event-row[data-event="' + CSS.escape(eventId) + '"]').forEach(function (row) {
          row.classList.add("selected");
        });
      })
      .catch(function (err) {
        panel.textContent = "";
        panel.appendChild(el("p", "error-message", "Could not load the evidence (" + err.message + ")."));
      });
  }

  // Cytoscape layout of nodes on rings, ``ids`` in order: ring 0 holds the first, ring k
  // the next 6k, so no ring is long; the labels count in the spacing, so names are never
  // drawn over each other.
  function ringLayout(ids) {
    var ring = {};
    ids.forEach(function (id, rank) {
      var k = 0, filled = 1;
      while (rank >= filled) { k++; filled += 6 * k; }
      ring[id] = k;
    });
    return { name: "concentric", animate: false, avoidOverlap: true, nodeDimensionsIncludeLabels: true,
             padding: 10, minNodeSpacing: 2, concentric: function (n) { return 100 - ring[n.id()]; },
             levelWidth: function () { return 1; } };
  }

  // An edge's width from its sources, relative to the heaviest of ``edges`` drawn (1 to
  // 7 px at full size): a function of an edge's sources.
  function sourcesWidth(edges) {
    var max = edges.reduce(function (m, e) { return Math.max(m, e.sources); }, 1);
    return function (sources) { return 1 + 6 * Math.log(1 + sources) / Math.log(1 + max); };
  }

  // The same picture for the same data: a force layout draws random numbers (cose jitters
  // nodes that sit on each other), so a layout runs with Math.random replaced by a
  // generator (mulberry32) seeded from the ids it lays out, its nodes placed first on a
  // circle in id order. ``run`` is synchronous (layouts with animate: false are).
  function seedOf(ids) {
    var h = 2166136261;  // FNV-1a over the ids, in order
    ids.join("\n").split("").forEach(function (c) { h = Math.imul(h ^ c.charCodeAt(0), 16777619); });
    return h >>> 0;
  }
  function seededRandom(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function seededLayout(cy, options) {
    var ids = cy.nodes().map(function (n) { return n.id(); }).sort();
    var at = {};
    ids.forEach(function (id, k) {
      var angle = 2 * Math.PI * k / Math.max(ids.length, 1);
      at[id] = { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) };
    });
    cy.nodes().positions(function (n) { return at[n.id()]; });
    var saved = Math.random;
    Math.random = seededRandom(seedOf(ids));
    try {
      cy.layout(options).run();
    } finally {
      Math.random = saved;
    }
  }

  // Elements in id order: a layout's result depends on the order it reads its input in.
  function byId(a, b) { return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0; }
  function orderedElements(nodes, edges) {
    return nodes.slice().sort(byId).concat(edges.slice().sort(byId));
  }

  // Pairs of node labels drawn over each other (the pages keep it at 0; tests read it).
  function labelOverlaps(cy) {
    var boxes = cy.nodes().map(function (n) { return n.boundingBox({ includeLabels: true, includeOverlays: false }); });
    var count = 0;
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
      }
    }
    return count;
  }

  window.eventwire = {
    readData: readData, drawMap: drawMap, baseMap: baseMap, countries: countries,
    showEvidence: showEvidence, el: el, link: link, seg: seg, ringLayout: ringLayout,
    labelOverlaps: labelOverlaps, sourcesWidth: sourcesWidth, seededLayout: seededLayout,
    orderedElements: orderedElements,
  };
})();
