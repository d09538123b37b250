// Deep links for trainers (see issue 6): a visible "Link kopieren" control on every chapter,
// section and step heading, and a projector view that shows one step at a time.
//
// Anchors are the YAML ids, written at build time; this script only copies them. The copied
// address never carries anything typed into a calculator: it is the page address and the
// heading id, nothing else.
//
// Projector view: "?beamer" in the address (…/drei-wege/?beamer#schritt-id) shows only the
// heading in the fragment and what follows it up to the next heading of the same level,
// enlarged, without navigation. The arrow keys move to the next or previous heading of that
// level. Material's instant navigation swaps pages without reloading scripts, so everything
// is applied again on each page (document$).
(() => {
  "use strict";

  const HEADINGS = ".md-content .md-typeset :is(h1, h2, h3)[id]";
  const COPIED_MS = 2000;
  const BEAMER = "beamer";

  function addressOf(heading) {
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = heading.tagName === "H1" ? "" : heading.id;
    return url.href;
  }

  function nameOf(heading) {
    const copy = heading.cloneNode(true);
    for (const extra of copy.querySelectorAll(".headerlink, .kx-copy-link")) extra.remove();
    return copy.textContent.trim();
  }

  function addCopyControls() {
    for (const heading of document.querySelectorAll(HEADINGS)) {
      if (heading.querySelector(".kx-copy-link") || heading.closest(".kx-calculator")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "kx-copy-link";
      button.dataset.kxAction = "copy-link";
      button.textContent = "Link kopieren";
      // The visible words come first in the name, as voice control users say them (WCAG 2.5.3).
      button.setAttribute("aria-label", `Link kopieren: ${nameOf(heading)}`);
      heading.append(button);
    }
  }

  function announce(button, message) {
    let status = document.getElementById("kx-copy-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "kx-copy-status";
      status.className = "kx-visually-hidden";
      status.setAttribute("role", "status");
      document.body.append(status);
    }
    status.textContent = message;
    const label = button.getAttribute("aria-label");
    button.textContent = message;
    button.setAttribute("aria-label", message);
    window.setTimeout(() => {
      button.textContent = "Link kopieren";
      button.setAttribute("aria-label", label);
    }, COPIED_MS);
  }

  // Without a secure context (plain http on a team server) there is no clipboard API: the
  // address is then shown in a selected field, ready for Ctrl+C.
  function offerByHand(button, address) {
    let field = button.parentElement.querySelector(".kx-copy-field");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "kx-copy-field";
      field.setAttribute("aria-label", "Adresse zum Kopieren");
      button.after(field);
    }
    field.value = address;
    field.focus();
    field.select();
  }

  async function copy(button) {
    const heading = button.closest("h1, h2, h3");
    if (!heading) return;
    const address = addressOf(heading);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(address);
      announce(button, "Link kopiert");
    } catch {
      offerByHand(button, address);
      announce(button, "Adresse markiert: mit Strg+C kopieren");
    }
  }

  // Projector view -------------------------------------------------------------------------

  function beamerWanted() {
    return new URLSearchParams(window.location.search).has(BEAMER);
  }

  function articleOf() {
    return document.querySelector(".md-content__inner");
  }

  function level(node) {
    const match = /^H([1-6])$/.exec(node.tagName);
    return match ? Number(match[1]) : 0;
  }

  // The heading and its content: direct children of the article up to the next heading of
  // the same or a higher level.
  function slideOf(heading) {
    const slide = [heading];
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      const depth = level(node);
      if (depth && depth <= level(heading)) break;
      slide.push(node);
    }
    return slide;
  }

  // The headings of the same level in the same section: the steps of one sequence.
  function peers(heading) {
    const depth = level(heading);
    let start = heading;
    while (start.previousElementSibling) {
      const before = level(start.previousElementSibling);
      if (before && before < depth) break;
      start = start.previousElementSibling;
    }
    const all = [];
    for (let node = start; node; node = node.nextElementSibling) {
      const here = level(node);
      if (here && here < depth) break;
      if (node.tagName === heading.tagName && node.id) all.push(node);
    }
    return all;
  }

  function currentHeading() {
    const article = articleOf();
    if (!article) return null;
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    return target && target.parentElement === article && level(target) ? target : null;
  }

  function show(heading) {
    const article = articleOf();
    for (const node of article.querySelectorAll(".kx-slide")) node.classList.remove("kx-slide");
    for (const node of slideOf(heading)) node.classList.add("kx-slide");
    const all = peers(heading);
    const position = all.indexOf(heading);
    const counter = document.querySelector(".kx-beamer-position");
    if (counter) counter.textContent = `${position + 1} von ${all.length}`;
    document.documentElement.classList.add("kx-beamer");
    window.scrollTo(0, 0);
  }

  function move(step) {
    const heading = currentHeading();
    if (!heading) return;
    const all = peers(heading);
    const next = all[all.indexOf(heading) + step];
    if (!next) return;
    window.history.replaceState(window.history.state, "", `#${next.id}`);
    show(next);
  }

  function addBeamerBar() {
    if (document.querySelector(".kx-beamer-bar")) return;
    const bar = document.createElement("nav");
    bar.className = "kx-beamer-bar";
    bar.setAttribute("aria-label", "Beamer-Ansicht");
    const back = document.createElement("button");
    back.type = "button";
    back.dataset.kxAction = "beamer-back";
    back.textContent = "← Zurück";
    const position = document.createElement("span");
    position.className = "kx-beamer-position";
    const next = document.createElement("button");
    next.type = "button";
    next.dataset.kxAction = "beamer-next";
    next.textContent = "Weiter →";
    const leave = document.createElement("a");
    const plain = new URL(window.location.href);
    plain.searchParams.delete(BEAMER);
    leave.href = plain.href;
    leave.textContent = "Beamer-Ansicht beenden";
    bar.append(back, position, next, leave);
    articleOf().before(bar);
  }

  function applyBeamer() {
    const heading = beamerWanted() ? currentHeading() : null;
    if (!heading) {
      document.documentElement.classList.remove("kx-beamer");
      return;
    }
    addBeamerBar();
    show(heading);
  }

  function apply() {
    addCopyControls();
    applyBeamer();
  }

  document.addEventListener("click", (event) => {
    const control = event.target instanceof Element ? event.target.closest("[data-kx-action]") : null;
    if (!control) return;
    const action = control.dataset.kxAction;
    if (action === "copy-link") {
      event.preventDefault();
      copy(control);
    } else if (action === "beamer-next") {
      move(1);
    } else if (action === "beamer-back") {
      move(-1);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (!document.documentElement.classList.contains("kx-beamer")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") move(1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") move(-1);
    else return;
    event.preventDefault();
  });

  window.addEventListener("hashchange", applyBeamer);

  if (window.document$) window.document$.subscribe(apply);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
