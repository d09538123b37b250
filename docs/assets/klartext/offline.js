// Registers the service worker (offline use) and offers a new version when one is waiting.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  const SW_URL = new URL("../../sw.js", document.currentScript.src);

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
    button.addEventListener("click", () => registration.waiting?.postMessage("skip-waiting"));
    banner.append(text, button);
    document.body.append(banner);
  }

  // Precaching downloads the whole site; it waits until the calculators' runtime has loaded
  // (or failed), so a cold visit never fetches the WebAssembly twice at the same time, and
  // has settled (calculator-boot.js), then until the browser is idle: the first clicks and
  // keystrokes after the first result must not compete with it. Pages where no runtime starts
  // register a little after loading.
  const FALLBACK_MS = 8000;
  const IDLE_WAIT_MS = 2000;
  let started = false;
  window.addEventListener("load", () => setTimeout(register, FALLBACK_MS));
  // Without calculator-boot.js (a blocked or failed download) the fallback above still applies.
  window.klartextRuntime?.settled.then(() => {
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: IDLE_WAIT_MS });
    else register();
  });

  async function register() {
    if (started) return;
    started = true;
    let registration;
    try {
      registration = await navigator.serviceWorker.register(SW_URL, { scope: new URL("./", SW_URL) });
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
      if (hadController) location.reload();
    });
  }
})();
