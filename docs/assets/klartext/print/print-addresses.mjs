// Printed pages cannot be clicked: print.css prints a link's address after its text.
//
// Material's instant navigation already turns internal links into absolute URLs (printed by
// print.css's a[href^="http"] rule); links still relative here get their full address as
// data-kx-url, which only print.css reads. Same-page anchors keep just their text.
import { onPage } from "../page/on-page.mjs";

onPage((root) => {
  for (const link of root.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
    const href = link.getAttribute("href");
    if (href.startsWith("#") || /^[a-z]+:/i.test(href)) continue;
    link.dataset.kxUrl = link.href;
  }
});
