// allygraph web pages: search suggestions (from the API's own GET /search) and PNG
// export of the timeline. No library, no network
// beyond this origin.
(() => {
  "use strict";

  const PAGES = {
    Alliance: "/alliance/",
    Company: "/organization/",
    University: "/organization/",
    ResearchInstitute: "/organization/",
    GovernmentBody: "/organization/",
    Person: "/person/",
    Agreement: "/agreement/",
  };

  function entityHref(entity) {
    const base = PAGES[entity.type];
    return base ? base + encodeURIComponent(entity.id) : null;
  }

  function setUpSuggestions(input) {
    const form = input.form;
    const list = form.querySelector(".suggestions");
    const korean = document.documentElement.lang === "ko";
    const kinds = JSON.parse(input.dataset.kinds || "{}");
    let timer = null;
    let asked = "";

    function show(hits) {
      list.replaceChildren();
      for (const hit of hits) {
        const href = entityHref(hit.entity);
        if (!href) continue;
        const item = document.createElement("li");
        item.setAttribute("role", "option");
        const link = document.createElement("a");
        link.href = href;
        const e = hit.entity;
        link.textContent = (korean ? e.name || e.name_en : e.name_en || e.name) || e.id;
        const kind = document.createElement("small");
        kind.textContent = " " + (kinds[e.type] || e.type);
        link.append(kind);
        item.append(link);
        list.append(item);
      }
      list.hidden = list.children.length === 0;
    }

    async function ask(text) {
      asked = text;
      try {
        const response = await fetch("/search?limit=8&q=" + encodeURIComponent(text));
        if (!response.ok || asked !== text) return;
        const body = await response.json();
        if (asked === text) show(body.hits || []);
      } catch (_) {
        list.hidden = true; // suggestions are a help; the form still works without them
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (!text) { list.hidden = true; asked = ""; return; }
      timer = setTimeout(() => ask(text), 150);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a")?.focus();
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
    list.addEventListener("keydown", (event) => {
      const current = document.activeElement.closest("li");
      if (event.key === "ArrowDown" && current?.nextElementSibling) {
        event.preventDefault();
        current.nextElementSibling.querySelector("a").focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (current?.previousElementSibling?.querySelector("a") || input).focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (!form.contains(event.target)) list.hidden = true;
    });
  }

  function exportPng(button) {
    const svg = document.querySelector("figure.timeline svg");
    if (!svg) return;
    const data = new XMLSerializer().serializeToString(svg);
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = svg.width.baseVal.value * scale;
      canvas.height = svg.height.baseVal.value * scale;
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      const link = document.createElement("a");
      link.download = button.dataset.exportPng;
      link.href = canvas.toDataURL("image/png");
      link.click();
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data);
  }

  // The ingest page's file picker: the file is read here, into the text box, so the form
  // stays a plain urlencoded post.
  function setUpFileInput(input) {
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      if (!file) return;
      input.form.elements[input.dataset.into].value = await file.text();
      const title = input.form.elements.title;
      if (title && !title.value) title.value = file.name.replace(/\.[a-z]+$/i, "");
    });
  }

  // The API refuses request bodies over 64 KB before any page sees them; say so here
  // instead of letting the browser show that refusal.
  function guardSize(form) {
    const limit = Number(form.dataset.maxBytes);
    form.addEventListener("submit", (event) => {
      const size = new URLSearchParams(new FormData(form, event.submitter)).toString().length;
      const note = form.querySelector(".size-warning");
      if (size > limit) {
        event.preventDefault();
        note.hidden = false;
      } else {
        note.hidden = true;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[type=file][data-into]").forEach(setUpFileInput);
    document.querySelectorAll("form[data-max-bytes]").forEach(guardSize);
    document.querySelectorAll("input[data-suggest]").forEach(setUpSuggestions);
    document.querySelectorAll("[data-export-png]").forEach((button) => {
      button.addEventListener("click", () => exportPng(button));
    });
  });
})();
