// Old addresses (content/redirects.yml) forward with <meta http-equiv="refresh">, which would
// drop the "#step" of a deep link. This script carries it over, unless the redirect names an
// anchor of its own, and replaces the history entry so "back" skips the old address.
(() => {
  "use strict";
  const refresh = document.querySelector('meta[http-equiv="refresh"]');
  if (!refresh) return;
  const match = /^\s*\d+\s*;\s*url=(.+)$/i.exec(refresh.content);
  if (!match) return;
  const target = new URL(match[1].trim(), window.location.href);
  if (window.location.hash && !target.hash) target.hash = window.location.hash;
  window.location.replace(target.href);
})();
