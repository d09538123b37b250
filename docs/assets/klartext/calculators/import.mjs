// "CSV-Datei importieren": a CRM or spreadsheet export into a list input, read on the device.
//
// The file is read in the browser (File.arrayBuffer) and its bytes go to the worker, where
// Python reads them (calculators/table_import.py, import_json: encoding, separator, header
// names, number formats, every problem by row and column). Nothing is uploaded or fetched.
// This module only shows Python's preview (how each column was read, the first rows) with a
// select per column to correct the mapping, and hands the text over on "Übernehmen".
import { action, part, rows as names } from "../contract.mjs";
import { importTable } from "../runtime/client.mjs";

function partOf(root, name) {
  return root.querySelector(`[${part.attribute}="${name}"]`);
}

// Bytes as Base64, in slices (a spread of a whole large file would overflow the call stack).
function base64(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * Binds the file picker and the drop zone of one row editor.
 * @param {Element} editor the row editor (templates/calculators/rows.html.j2)
 * @param {{calculatorId: string, fieldName: string, signal: AbortSignal,
 *   announce: (message: string) => void}} options
 * @param {(text: string) => Promise<void>} takeOver sets the field's value to the rows read
 */
export function bindImport(editor, { calculatorId, fieldName, signal, announce }, takeOver) {
  const picker = editor.querySelector(`[${names.importAttribute}]`);
  const zone = partOf(editor, names.dropZone);
  const preview = partOf(editor, names.preview);
  let file = null; // { name, data } of the file being previewed
  let answer = null;

  async function read(mapping = {}) {
    const message = await importTable(preview, { calculator: calculatorId, field: fieldName, data: file.data, mapping });
    if (!message) return; // overtaken by a newer file or mapping
    answer = message.failure ? { ok: false, message: "Die Datei konnte nicht gelesen werden." } : message.answer;
    show();
  }

  async function open(chosen) {
    if (!chosen) return;
    preview.hidden = false;
    preview.replaceChildren(element("p", `„${chosen.name}“ wird gelesen …`));
    file = { name: chosen.name, data: base64(new Uint8Array(await chosen.arrayBuffer())) };
    await read();
  }

  function mapping() {
    return Object.fromEntries(
      [...preview.querySelectorAll("select")].map((select) => [select.dataset.column, select.value]),
    );
  }

  function show() {
    const nodes = [element("p", `Import aus „${file.name}“`, { class: "kx-import-title" })];
    if (!answer.ok) {
      nodes.push(element("p", answer.message, { class: "kx-import-problem" }));
      nodes.push(button("Schließen", names.discard, "kx-secondary"));
      preview.replaceChildren(...nodes);
      announce(answer.message);
      return;
    }
    const labels = Object.fromEntries(answer.cells.map((cell) => [cell.name, cell.label]));
    const count = answer.count === 1 ? "1 Zeile" : `${answer.count} Zeilen`;
    nodes.push(
      element(
        "p",
        `${count} erkannt. Trennzeichen: ${answer.separator}; Zeichensatz: ${answer.encoding}; ` +
          `Zahlen: ${answer.numbers}${answer.header ? "" : "; ohne Kopfzeile, Spalten nach Reihenfolge"}.`,
      ),
    );
    // How each column of the file was read, correctable by hand.
    const columns = element("fieldset", undefined, { class: "kx-import-columns" });
    columns.append(element("legend", "So werden die Spalten gelesen"));
    answer.columns.forEach((column, index) => {
      const id = `${editor.closest("form").id || calculatorId}-${fieldName}-spalte-${index}`;
      const row = element("div", undefined, { class: "kx-import-column" });
      const label = element("label", `Spalte „${column.header}“${column.cell && !column.sure ? " (bitte prüfen)" : ""}`, { for: id });
      const select = element("select", undefined, { id });
      select.dataset.column = String(index);
      select.append(new Option("nicht übernehmen", ""));
      for (const cell of answer.cells) select.append(new Option(cell.label, cell.name));
      select.value = column.cell;
      row.append(label, select);
      columns.append(row);
    });
    nodes.push(columns);
    // The first rows as they will be taken over.
    if (answer.preview.length) {
      const table = element("table", undefined, { class: "kx-import-table" });
      table.append(element("caption", `Die ersten ${answer.preview.length} Zeilen, wie sie übernommen werden`));
      const head = element("tr");
      for (const cell of answer.cells) head.append(element("th", labels[cell.name], { scope: "col" }));
      table.append(element("thead"));
      table.tHead.append(head);
      const body = element("tbody");
      for (const cells of answer.preview) {
        const row = element("tr");
        for (const value of cells) row.append(element("td", value));
        body.append(row);
      }
      table.append(body);
      const scroller = element("div", undefined, { class: "kx-import-scroll", tabindex: "0", role: "region", "aria-label": "Vorschau" });
      scroller.append(table);
      nodes.push(scroller);
    }
    if (answer.problems.length) {
      nodes.push(element("p", "Bitte prüfen:", { class: "kx-import-problem" }));
      const list = element("ul", undefined, { class: "kx-import-problems" });
      for (const problem of answer.problems) list.append(element("li", problem));
      nodes.push(list);
    }
    nodes.push(element("p", "„Übernehmen“ ersetzt die bisherigen Zeilen.", { class: "kx-help" }));
    const tools = element("div", undefined, { class: "kx-import-actions" });
    tools.append(button("Übernehmen", names.takeOver), button("Verwerfen", names.discard, "kx-secondary"));
    nodes.push(tools);
    preview.replaceChildren(...nodes);
    announce(`Vorschau: ${count} erkannt${answer.problems.length ? `, ${answer.problems.length} Hinweise` : ""}.`);
  }

  function button(text, name, className = "") {
    const node = element("button", text, { type: "button", [action.attribute]: name });
    if (className) node.className = className;
    return node;
  }

  function close() {
    preview.hidden = true;
    preview.replaceChildren();
    file = null;
    answer = null;
    picker.value = "";
  }

  picker.addEventListener("change", () => open(picker.files[0]), { signal });
  preview.addEventListener(
    "change",
    (event) => {
      if (event.target.tagName === "SELECT" && file) read(mapping());
    },
    { signal },
  );
  preview.addEventListener(
    "click",
    async (event) => {
      const kind = event.target.closest(`[${action.attribute}]`)?.getAttribute(action.attribute);
      if (kind === names.discard) {
        close();
        picker.focus();
      } else if (kind === names.takeOver && answer?.ok) {
        const { count } = answer;
        await takeOver(answer.text);
        close();
        announce(count === 1 ? "1 Zeile übernommen." : `${count} Zeilen übernommen.`);
        editor.querySelector(`[${names.cellAttribute}]`)?.focus();
      }
    },
    { signal },
  );
  // Drag and drop onto the tools or the rows: the file is read here, never sent.
  for (const target of [zone, partOf(editor, names.rowList)]) {
    target.addEventListener(
      "dragover",
      (event) => {
        if (![...(event.dataTransfer?.types || [])].includes("Files")) return;
        event.preventDefault();
        zone.classList.add("kx-dragging");
      },
      { signal },
    );
    target.addEventListener("dragleave", () => zone.classList.remove("kx-dragging"), { signal });
    target.addEventListener(
      "drop",
      (event) => {
        const dropped = event.dataTransfer?.files?.[0];
        if (!dropped) return;
        event.preventDefault();
        zone.classList.remove("kx-dragging");
        open(dropped);
      },
      { signal },
    );
  }
}
