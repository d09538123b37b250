// Fillable templates: placeholders become fields, the filled text can be copied or saved.
//
// Only moves data: the field values go to calculators.boundary.fill_json in the runtime's
// worker (runtime/client.mjs) and the text it answers goes on the page, so the placeholder
// rule lives in Python only. Values a calculator on the same page already knows arrive
// through calculators/fills.mjs and fill fields the reader has not typed into. Nothing is
// stored or sent anywhere. The markup comes from templates/text_templates/form.html.j2;
// elements are found by the contract's data attributes, never by CSS class.
import { action, part, textTemplate } from "../contract.mjs";
import { onFills } from "../calculators/fills.mjs";
import { onPage } from "../page/on-page.mjs";
import { cancel, fillTemplate } from "../runtime/client.mjs";

const CONTAINERS = `[${textTemplate.containerAttribute}]`;
const PLACEHOLDERS = `[${textTemplate.placeholderAttribute}]`;

function partOf(root, name) {
  return root.querySelector(`[${part.attribute}="${name}"]`);
}

function fileName(id) {
  return `${id}.txt`;
}

/** Binds one template form; returns its tear-down. */
function bind(container) {
  const templateId = container.getAttribute(textTemplate.containerAttribute);
  const form = container.querySelector("form");
  const output = partOf(container, part.templateOutput);
  const notice = partOf(form, part.notice);
  const source = JSON.parse(partOf(container, part.templateSource).textContent);
  const fields = [...form.querySelectorAll(PLACEHOLDERS)];
  /** Fields the reader typed into: a calculator never overwrites them. */
  const typed = new WeakSet();
  const unbound = new AbortController();
  const { signal } = unbound;

  const sourceNote = (field) => partOf(field.parentElement, part.sourceNote);
  const notify = (text) => {
    notice.textContent = text;
  };

  async function update() {
    const values = Object.fromEntries(fields.map((field) => [field.name, field.value]));
    const message = await fillTemplate(container, source, values);
    if (!message) return; // a newer keystroke already asked
    if (message.failure || !message.answer.ok) {
      notify("Das Ausfüllen ist gerade nicht möglich. Die Vorlage oben können Sie weiter kopieren.");
      return;
    }
    output.textContent = message.answer.text;
  }

  // A calculator on this page answered: take over what it knows where nobody typed.
  function takeOver(values) {
    let changed = false;
    for (const field of fields) {
      const value = values[field.name];
      if (value === undefined || typed.has(field) || field.value === value) continue;
      field.value = value;
      sourceNote(field).hidden = false;
      changed = true;
    }
    if (changed) update();
  }

  function act(name) {
    if (name === action.copyTemplate) copy();
    else if (name === action.downloadTemplate) download();
    else if (name === action.clearTemplate) clear();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(output.textContent);
      notify("Text kopiert.");
    } catch {
      getSelection().selectAllChildren(output);
      notify("Der Text ist markiert: Kopieren Sie ihn mit Strg+C (Mac: Cmd+C).");
    }
  }

  function download() {
    const blob = new Blob([output.textContent + "\n"], { type: "text/plain;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName(templateId);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    notify(`Gespeichert als ${fileName(templateId)}.`);
  }

  function clear() {
    for (const field of fields) {
      field.value = "";
      typed.delete(field);
      sourceNote(field).hidden = true;
    }
    notify("Felder geleert.");
    update();
  }

  form.addEventListener(
    "input",
    (event) => {
      const field = event.target.closest(PLACEHOLDERS);
      if (field) {
        typed.add(field);
        sourceNote(field).hidden = true;
      }
      update();
    },
    { signal },
  );
  form.addEventListener("submit", (event) => event.preventDefault(), { signal });
  form.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest(`[${action.attribute}]`);
      if (button) act(button.getAttribute(action.attribute));
    },
    { signal },
  );
  const stopTakingOver = onFills(takeOver);
  form.hidden = false; // bound: Enter can no longer submit the form natively
  update();

  return () => {
    unbound.abort();
    stopTakingOver();
    cancel(container);
  };
}

onPage((root) => {
  const teardowns = [...root.querySelectorAll(CONTAINERS)].map(bind);
  return () => {
    for (const teardown of teardowns) teardown();
  };
});
