// Fillable templates: placeholders become fields, the filled text can be copied or saved.
//
// Only moves data: the field values go to calculators.boundary.fill_json in the page's
// worker (window.klartext from calculators.js) and the text it answers goes on the page.
// Values a calculator on the same page already knows arrive as "klartext:fills" events and
// fill fields the reader has not typed into. Nothing is stored or sent anywhere.
(() => {
  "use strict";

  function valuesOf(form) {
    const values = {};
    for (const field of form.querySelectorAll("[data-kx-placeholder]")) values[field.name] = field.value;
    return values;
  }

  function notify(form, text) {
    form.querySelector(".kx-notice").textContent = text;
  }

  function fileName(id) {
    return `${id}.txt`;
  }

  function bind(container) {
    if (container.dataset.bound) return;
    container.dataset.bound = "1";
    const form = container.querySelector(".kx-template-form");
    const output = container.querySelector(".kx-template-output");
    const source = JSON.parse(container.querySelector(".kx-template-source").textContent);
    let latest = 0;

    async function update() {
      const ticket = ++latest;
      const message = await window.klartext.fillTemplate(source, valuesOf(form));
      if (ticket !== latest) return; // a newer keystroke already asked
      if (message.failure || !message.answer.ok) {
        notify(form, "Das Ausfüllen ist gerade nicht möglich. Die Vorlage oben können Sie weiter kopieren.");
        return;
      }
      output.textContent = message.answer.text;
      container.dataset.filled = String(Number(container.dataset.filled || 0) + 1);
    }

    container.kxUpdate = update;
    form.addEventListener("input", (event) => {
      const field = event.target.closest("[data-kx-placeholder]");
      if (field) {
        field.dataset.typed = "1";
        delete field.dataset.fromCalculator;
        field.parentElement.querySelector(".kx-template-source-note").hidden = true;
      }
      update();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("click", async (event) => {
      const action = event.target.closest("[data-kx-action]")?.dataset.kxAction;
      if (action === "copy-template") {
        try {
          await navigator.clipboard.writeText(output.textContent);
          notify(form, "Text kopiert.");
        } catch {
          getSelection().selectAllChildren(output);
          notify(form, "Der Text ist markiert: Kopieren Sie ihn mit Strg+C (Mac: Cmd+C).");
        }
      } else if (action === "download-template") {
        const blob = new Blob([output.textContent + "\n"], { type: "text/plain;charset=utf-8" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName(container.dataset.kxTemplate);
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
        notify(form, `Gespeichert als ${fileName(container.dataset.kxTemplate)}.`);
      } else if (action === "clear-template") {
        for (const field of form.querySelectorAll("[data-kx-placeholder]")) {
          field.value = "";
          delete field.dataset.typed;
          delete field.dataset.fromCalculator;
          field.parentElement.querySelector(".kx-template-source-note").hidden = true;
        }
        notify(form, "Felder geleert.");
        update();
      }
    });
    form.hidden = false; // bound: Enter can no longer submit the form natively
    update();
  }

  // A calculator on this page answered: take over what it knows where nobody typed.
  document.addEventListener("klartext:fills", (event) => {
    for (const container of document.querySelectorAll(".kx-template[data-bound]")) {
      let changed = false;
      for (const [name, value] of Object.entries(event.detail)) {
        const field = container.querySelector(`[data-kx-placeholder][name="${CSS.escape(name)}"]`);
        if (!field || field.dataset.typed || field.value === value) continue;
        field.value = value;
        field.dataset.fromCalculator = "1";
        field.parentElement.querySelector(".kx-template-source-note").hidden = false;
        changed = true;
      }
      if (changed) container.kxUpdate();
    }
  });

  function bindAll() {
    if (!window.klartext) return;
    for (const container of document.querySelectorAll(".kx-template")) bind(container);
  }

  if (window.document$) window.document$.subscribe(bindAll);
  else document.addEventListener("DOMContentLoaded", bindAll);
})();
