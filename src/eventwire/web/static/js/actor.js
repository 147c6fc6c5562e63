// Actor page: relation network (Cytoscape.js), timeline (vis-timeline), map (Leaflet).
(function () {
  "use strict";
  var ew = window.eventwire;
  var data = ew.readData();
  var panel = document.getElementById("evidence");
  function select(id) { ew.showEvidence(panel, id); }

  var COLOURS = { positive: "#2b8a3e", negative: "#c92a2a", neutral: "#868e96", negated: "#7048e8" };

  // node ids, the focus first, then by the sources of the links drawn to each
  function ranked(graph) {
    var weight = {};
    graph.edges.forEach(function (e) {
      weight[e.source] = (weight[e.source] || 0) + e.sources;
      weight[e.target] = (weight[e.target] || 0) + e.sources;
    });
    return graph.nodes.slice().sort(function (a, b) {
      return (b.focus - a.focus) || ((weight[b.id] || 0) - (weight[a.id] || 0)) || (a.id < b.id ? -1 : 1);
    }).map(function (n) { return n.id; });
  }

  function drawNetwork(container, graph) {
    var nodes = [], edges = [];
    var width = ew.sourcesWidth(graph.edges);  // by sources, relative to the heaviest link
    graph.nodes.forEach(function (n) {
      nodes.push({ data: { id: n.id, label: n.label, type: n.type }, classes: n.focus ? "focus" : "" });
    });
    graph.edges.forEach(function (e) {
      edges.push({
        data: {
          id: e.id, source: e.source, target: e.target, label: e.type,
          colour: COLOURS[e.polarity] || COLOURS.neutral,
          width: width(e.sources),
        },
        classes: e.polarity + (e.events ? " from-events" : ""),
      });
    });
    var cy = cytoscape({
      container: container,
      elements: ew.orderedElements(nodes, edges),
      maxZoom: 1.6,
      minZoom: 0.2,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 13, "text-valign": "bottom", "text-margin-y": 4,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
          "background-color": "#4c6ef5", width: 18, height: 18, "text-wrap": "ellipsis", "text-max-width": 120 } },
        { selector: "node.focus", style: { "background-color": "#e8590c", width: 28, height: 28, "font-weight": "bold" } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
          "font-size": 9, color: "#495057", "text-rotation": "autorotate" } },
        { selector: "edge.negated", style: { "line-style": "dashed" } },
        { selector: "edge.from-events", style: { "line-style": "dotted", "font-size": 8 } },
      ],
      // the actor in the middle, its counterparts on rings by the sources linking them
      layout: { name: "preset" },
    });
    ew.seededLayout(cy, graph.nodes.length > 2 ? ew.ringLayout(ranked(graph)) : { name: "grid", padding: 20 });
    cy.on("tap", "node", function (evt) {
      var id = evt.target.id();
      if (!evt.target.hasClass("focus")) window.location.href = "/actors/" + encodeURIComponent(id);
    });
    container.setAttribute("data-label-overlaps", String(ew.labelOverlaps(cy)));
    container.setAttribute("data-nodes", String(cy.nodes().length));
    if (!graph.edges.length) container.appendChild(ew.el("p", "viz-note muted", "No relations found yet."));
    return cy;
  }

  function drawTimeline(container, items) {
    if (!items.length) {
      container.appendChild(ew.el("p", "muted", "No dated events."));
      return null;
    }
    // content and title as DOM nodes: a string would be inserted as HTML by vis-timeline
    var safe = items.map(function (item) {
      var copy = {};
      Object.keys(item).forEach(function (k) { if (k !== "text" && k !== "when") copy[k] = item[k]; });
      copy.content = ew.el("span", "item-text", item.text);
      copy.title = ew.el("span", null, item.when + ": " + item.text);
      return copy;
    });
    var timeline = new vis.Timeline(container, new vis.DataSet(safe), {
      stack: true, maxHeight: 320, zoomMin: 1000 * 60 * 60 * 24 * 7, tooltip: { followMouse: true },
    });
    timeline.on("select", function (props) { if (props.items.length) select(props.items[0]); });
    return timeline;
  }

  document.querySelectorAll("a.event-link").forEach(function (a) {
    a.addEventListener("click", function (evt) {
      if (evt.ctrlKey || evt.metaKey || evt.shiftKey) return;
      evt.preventDefault();
      select(a.getAttribute("data-event"));
    });
  });
  drawNetwork(document.getElementById("network"), data.graph);
  drawTimeline(document.getElementById("timeline"), data.timeline);
  ew.drawMap(document.getElementById("map"), data.points, select);
})();
