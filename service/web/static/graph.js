// The neighbourhood picture: the nodes and edges the API's GET /graph gives, embedded in
// the page as JSON, drawn with the vendored cytoscape.js. Clicking an entity opens its
// page; the picture exports as PNG (cytoscape's own) or SVG (written here from the
// positions on screen, so a dragged node stays where the reader put it).
(() => {
  "use strict";

  const COLOURS = {
    Alliance: "#c0392b",
    Company: "#2e6fbd",
    University: "#39a37a",
    ResearchInstitute: "#8e44ad",
    GovernmentBody: "#d68910",
    Person: "#566573",
    Agreement: "#7f8c8d",
    Product: "#16a085",
  };
  // Ties by kind: the legend under the picture uses the same colours.
  const TIES = {
    MEMBER_OF: "#9aa6b8",
    LEADS: "#e67e22",
    COMPETES_WITH: "#c0392b",
    PARTNERS_WITH: "#27ae60",
    PARTY_TO: "#8e44ad",
    SIGNED: "#8e44ad",
    HOLDS_POSITION: "#566573",
    DEVELOPS: "#16a085",
  };
  const PAGES = {
    Alliance: "/alliance/",
    Company: "/organization/",
    University: "/organization/",
    ResearchInstitute: "/organization/",
    GovernmentBody: "/organization/",
    Person: "/person/",
    Agreement: "/agreement/",
  };

  function draw(container, data) {
    const korean = document.documentElement.lang === "ko";
    const label = (n) => (korean ? n.name || n.name_en : n.name_en || n.name) || n.id;
    const elements = [
      ...data.nodes.map((n) => ({
        data: {
          id: n.id,
          label: label(n),
          colour: COLOURS[n.type] || "#999",
          href: PAGES[n.type] ? PAGES[n.type] + encodeURIComponent(n.id) : "",
          center: n.id === data.center ? "yes" : "no",
        },
      })),
      ...data.edges.map((e, i) => ({
        data: {
          id: "e" + i,
          source: e.from,
          target: e.to,
          colour: TIES[e.type] || "#b8c2d1",
          dashed: e.type === "COMPETES_WITH" ? "dashed" : "solid",
        },
      })),
    ];
    const font = getComputedStyle(document.documentElement).fontFamily;
    const cy = cytoscape({
      container,
      elements,
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            label: "data(label)",
            "font-family": font,
            "font-size": 12,
            "text-valign": "bottom",
            "text-margin-y": 4,
            width: 22,
            height: 22,
          },
        },
        { selector: "node[center = 'yes']", style: { width: 38, height: 38, "font-weight": "bold" } },
        {
          selector: "edge",
          style: {
            width: 2,
            "line-color": "data(colour)",
            "line-style": "data(dashed)",
            "target-arrow-color": "data(colour)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
          },
        },
      ],
      maxZoom: 1.4,
      layout: {
        name: "concentric",
        animate: false,
        minNodeSpacing: 30,
        concentric: (node) => (node.data("center") === "yes" ? 100 : node.degree()),
        levelWidth: () => 2,
        padding: 30,
      },
    });
    cy.on("tap", "node", (event) => {
      const href = event.target.data("href");
      if (href) window.location.href = href;
    });
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.ready = "true";
    return cy;
  }

  const escape = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  // The picture as a stand-alone SVG document: edges as lines (rivalries dashed), nodes as
  // circles in their kind's colour, names under them.
  function toSvg(cy) {
    const box = cy.elements().boundingBox({ includeLabels: true });
    const pad = 20;
    const x = (v) => (v - box.x1 + pad).toFixed(1);
    const y = (v) => (v - box.y1 + pad).toFixed(1);
    const font = getComputedStyle(document.documentElement).fontFamily;
    const parts = cy.edges().map((e) => {
      const a = e.source().position();
      const b = e.target().position();
      const dash = e.data("dashed") === "dashed" ? ' stroke-dasharray="6 4"' : "";
      return `<line x1="${x(a.x)}" y1="${y(a.y)}" x2="${x(b.x)}" y2="${y(b.y)}" stroke="${e.data("colour")}" stroke-width="2"${dash}/>`;
    });
    cy.nodes().forEach((n) => {
      const p = n.position();
      const r = n.data("center") === "yes" ? 19 : 11;
      const weight = n.data("center") === "yes" ? ' font-weight="bold"' : "";
      parts.push(
        `<g class="node" data-id="${escape(n.id())}"><circle cx="${x(p.x)}" cy="${y(p.y)}" r="${r}" fill="${n.data("colour")}"/>` +
          `<text x="${x(p.x)}" y="${(p.y - box.y1 + pad + r + 14).toFixed(1)}" text-anchor="middle" font-size="12"${weight}>${escape(n.data("label"))}</text></g>`,
      );
    });
    const width = (box.w + 2 * pad).toFixed(0);
    const height = (box.h + 2 * pad).toFixed(0);
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(font)}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>\n`
    );
  }

  function download(name, href) {
    const link = document.createElement("a");
    link.download = name;
    link.href = href;
    link.click();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("graph");
    const source = document.getElementById("graph-data");
    if (!container || !source) return;
    const cy = draw(container, JSON.parse(source.textContent));
    const png = document.querySelector("[data-export-graph]");
    if (png) {
      png.addEventListener("click", () =>
        download(png.dataset.exportGraph, cy.png({ full: true, scale: 2, bg: "#ffffff" })),
      );
    }
    const svg = document.querySelector("[data-export-graph-svg]");
    if (svg) {
      svg.addEventListener("click", () => {
        const blob = new Blob([toSvg(cy)], { type: "image/svg+xml" });
        const url = URL.createObjectURL(blob);
        download(svg.dataset.exportGraphSvg, url);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      });
    }
  });
})();
