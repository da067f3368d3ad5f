// The neighbourhood picture: the nodes and edges the API's GET /graph gives, embedded in
// the page as JSON, drawn with the vendored cytoscape.js. Clicking an entity opens its
// page; the picture exports as PNG.
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

  document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("graph");
    const source = document.getElementById("graph-data");
    if (!container || !source) return;
    const cy = draw(container, JSON.parse(source.textContent));
    const button = document.querySelector("[data-export-graph]");
    if (button) {
      button.addEventListener("click", () => {
        const link = document.createElement("a");
        link.download = button.dataset.exportGraph;
        link.href = cy.png({ full: true, scale: 2, bg: "#ffffff" });
        link.click();
      });
    }
  });
})();
