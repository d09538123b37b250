// Projector view for trainers: one step at a time, large, without navigation.
//
// The contract's projector flag in the address (…/drei-wege/?beamer#schritt-id) shows only
// the heading in the fragment and what follows it up to the next heading of the same level.
// The arrow keys (and the bar's buttons) move to the next or previous heading of that level.
// setUpProjector runs on every page (deep-links.mjs) and returns what undoes it: the key and
// hashchange listeners, the bar and the view itself, so nothing is left for the next page.
import { deepLink } from "../contract.mjs";

const VIEW_CLASS = "kx-beamer"; // on <html>; deep-links.css hides everything but the slide
const SLIDE_CLASS = "kx-slide";

function wanted() {
  return new URLSearchParams(window.location.search).has(deepLink.projectorFlag);
}

function articleOf(root) {
  return root.querySelector(".md-content__inner");
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

function currentHeading(article) {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  return target && target.parentElement === article && level(target) ? target : null;
}

function button(text, onClick) {
  const control = document.createElement("button");
  control.type = "button";
  control.textContent = text;
  control.addEventListener("click", onClick);
  return control;
}

/** Binds the projector view to the page; returns its tear-down. */
export function setUpProjector(root) {
  const article = articleOf(root);
  let bar = null;
  let position = null;

  function show(heading) {
    for (const node of article.querySelectorAll(`.${SLIDE_CLASS}`)) node.classList.remove(SLIDE_CLASS);
    for (const node of slideOf(heading)) node.classList.add(SLIDE_CLASS);
    const all = peers(heading);
    position.textContent = `${all.indexOf(heading) + 1} von ${all.length}`;
    document.documentElement.classList.add(VIEW_CLASS);
    window.scrollTo(0, 0);
  }

  function move(step) {
    const heading = currentHeading(article);
    if (!heading) return;
    const all = peers(heading);
    const next = all[all.indexOf(heading) + step];
    if (!next) return;
    window.history.replaceState(window.history.state, "", `#${next.id}`);
    show(next);
  }

  function addBar() {
    if (bar) return;
    bar = document.createElement("nav");
    bar.className = "kx-beamer-bar";
    bar.setAttribute("aria-label", "Beamer-Ansicht");
    position = document.createElement("span");
    position.className = "kx-beamer-position";
    const leave = document.createElement("a");
    const plain = new URL(window.location.href);
    plain.searchParams.delete(deepLink.projectorFlag);
    leave.href = plain.href;
    leave.textContent = "Beamer-Ansicht beenden";
    bar.append(button("← Zurück", () => move(-1)), position, button("Weiter →", () => move(1)), leave);
    article.before(bar);
  }

  function apply() {
    const heading = article && wanted() ? currentHeading(article) : null;
    if (!heading) {
      document.documentElement.classList.remove(VIEW_CLASS);
      return;
    }
    addBar();
    show(heading);
  }

  function onKey(event) {
    if (!document.documentElement.classList.contains(VIEW_CLASS)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") move(1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") move(-1);
    else return;
    event.preventDefault();
  }

  apply();
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", apply);
  return () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("hashchange", apply);
    bar?.remove();
    document.documentElement.classList.remove(VIEW_CLASS);
  };
}
