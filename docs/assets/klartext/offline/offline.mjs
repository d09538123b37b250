// Registers the service worker (the offline copy) and offers a new version when one waits.
//
// Registration is once per tab, not once per page: it is bound when the module loads. The
// service worker itself is written at build time (content_model/offline.py); its address,
// cache names and the message that lets a waiting version take over come from the contract.
import { manifest, offline } from "../contract.mjs";
import { settled } from "../runtime/client.mjs";

// The service worker sits at the site's root so that its scope covers every page. The root is
// found from the head's link to the web app manifest (templates/theme/main.html), whose address
// under the root the contract knows: this module cannot use its own address, because the build
// bundles it into the entry module (bundler/script_bundle.py), which is served elsewhere.
function siteRoot() {
  const address = document.querySelector('link[rel="manifest"]')?.href;
  if (!address?.endsWith(`/${manifest.manifestUri}`)) return null;
  return new URL(address.slice(0, address.length - manifest.manifestUri.length));
}

function offerUpdate(registration) {
  if (document.querySelector(".kx-update")) return;
  const banner = document.createElement("div");
  banner.className = "kx-update";
  banner.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "Neue Version verfügbar.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Jetzt laden";
  button.addEventListener("click", () => registration.waiting?.postMessage(offline.skipWaiting));
  banner.append(text, button);
  document.body.append(banner);
}

let started = false;

async function register() {
  if (started) return;
  started = true;
  const root = siteRoot();
  if (!root) return; // not a page of this site's theme: nothing to register for
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL(offline.serviceWorkerUri, root), { scope: root });
  } catch {
    return; // e.g. under `mkdocs serve`, where no service worker is written
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  if (registration.waiting && hadController) offerUpdate(registration);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed" && navigator.serviceWorker.controller) offerUpdate(registration);
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) window.location.reload();
  });
}

function registerWhenIdle() {
  if ("requestIdleCallback" in window) window.requestIdleCallback(register, { timeout: offline.idleWaitMs });
  else register();
}

// Precaching downloads the whole site; it waits until the calculators' runtime has loaded
// (or failed), so a cold visit never fetches the WebAssembly twice at the same time, and
// has settled, then until the browser is idle: the first clicks and keystrokes after the
// first result must not compete with it. Pages where no runtime starts, and pages where
// the runtime's boot script failed or was blocked (its promise then never settles), register
// a little after loading.
if ("serviceWorker" in navigator) {
  const fallback = () => window.setTimeout(register, offline.fallbackMs);
  if (document.readyState === "complete") fallback();
  else window.addEventListener("load", fallback, { once: true });
  settled.then(registerWhenIdle);
}
