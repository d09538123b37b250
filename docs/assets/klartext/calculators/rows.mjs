// The row editor of a list input (kind "lines"): contacts, incidents, measures as rows with
// labelled cells instead of semicolons typed on a phone keyboard.
//
// The field's textarea stays the one value the calculator reads, the shareable link carries
// and "Als Text bearbeiten" shows. The rows only present it:
//   rows -> text  cells joined with "; ", one line per row, a cell holding ";" in quotes
//                 (writing, not parsing; the contract's cell names come from Python);
//   text -> rows  split by Python in the worker (calculators/table_import.py, rows_json),
//                 also for a block pasted into a cell (tabs from a sheet, or semicolons).
// The markup, with every label and keyboard from the declaration, is the build's
// (templates/calculators/rows.html.j2); elements are found by the contract's attributes.
import { action, part, rows as names } from "../contract.mjs";
import { splitRows } from "../runtime/client.mjs";
import { bindImport } from "./import.mjs";

const PASTED_BLOCK = /[\t\n;]/;

// A cell as Python reads it back (calculators/fields.py, split_cells): "Preise prüfen; Angebot
// senden" typed into one cell is written in quotes, or it would come back as two cells; so is
// a cell that starts with a quote („Nordlicht“), or its quotes could be read as the cell's.
function cellText(value) {
  const quote = names.cellQuote;
  const holdsSeparator = [...names.cellSeparators].some((separator) => value.includes(separator));
  const startsQuoted = [...names.cellOpeningQuotes].some((opening) => value.startsWith(opening));
  if (!holdsSeparator && !startsQuoted) return value;
  return quote + value.replaceAll(quote, quote + quote) + quote;
}

function partOf(root, name) {
  return root.querySelector(`[${part.attribute}="${name}"]`);
}

function actionOf(root, name) {
  return root.querySelector(`[${action.attribute}="${name}"]`);
}

/**
 * Binds the row editors of one calculator form.
 * @returns {{ refresh(): Promise<void> }} rebuilds every editor's rows from its textarea
 *   (after the form was filled from a link or cleared)
 */
export function bindRows(container, calculatorId, signal) {
  const editors = [...container.querySelectorAll(`[${names.editorAttribute}]`)].map((editor) =>
    bindEditor(editor, calculatorId, signal),
  );
  return {
    refresh: () => Promise.all(editors.map((editor) => editor.refresh())).then(() => undefined),
  };
}

function bindEditor(editor, calculatorId, signal) {
  const fieldName = editor.getAttribute(names.editorAttribute);
  const textarea = editor.closest("form").querySelector(`textarea[name="${fieldName}"]`);
  const list = partOf(editor, names.rowList).querySelector("ol");
  const rowList = partOf(editor, names.rowList);
  const template = partOf(editor, names.rowTemplate);
  const status = partOf(editor, names.status);
  const toggle = actionOf(editor, names.toggleText);
  const rowsOf = () => [...list.querySelectorAll(`[${names.rowAttribute}]`)];
  const cellsOf = (row) => [...row.querySelectorAll(`[${names.cellAttribute}]`)];

  const announce = (message) => {
    status.textContent = message;
  };

  // Ids, legends and button names follow the row's place: "Zeile 3 entfernen".
  function renumber() {
    rowsOf().forEach((row, index) => {
      const number = index + 1;
      row.querySelector("legend").textContent = `Zeile ${number}`;
      for (const cell of cellsOf(row)) {
        const id = `${textarea.id}-${number}-${cell.getAttribute(names.cellAttribute)}`;
        cell.closest("div").querySelector("label").htmlFor = id;
        cell.id = id;
      }
      actionOf(row, names.moveUp).setAttribute("aria-label", `Zeile ${number} nach oben`);
      actionOf(row, names.moveDown).setAttribute("aria-label", `Zeile ${number} nach unten`);
      actionOf(row, names.removeRow).setAttribute("aria-label", `Zeile ${number} entfernen`);
    });
  }

  function setCell(input, value) {
    if (input.tagName === "SELECT" && value && ![...input.options].some((option) => option.value === value)) {
      // a value the choices do not name stays visible, so its check can say why
      input.add(new Option(value, value));
    }
    input.value = value;
  }

  function newRow(cells = []) {
    const row = template.content.firstElementChild.cloneNode(true);
    cellsOf(row).forEach((input, index) => setCell(input, cells[index] ?? ""));
    return row;
  }

  // The value: one line per row that has anything in it, cells joined with "; ".
  function writeText() {
    const lines = rowsOf().map((row) => {
      const cells = cellsOf(row).map((input) => input.value.trim());
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      return cells.map(cellText).join(names.cellJoiner);
    });
    textarea.value = lines.filter((line) => line).join("\n");
  }

  // The form computes on "input": announce the new value as a reader's own edit would.
  function changed() {
    writeText();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function render(rows) {
    list.replaceChildren(...rows.map((cells) => newRow(cells)));
    if (!rows.length) list.append(newRow());
    renumber();
  }

  async function split(text) {
    const message = await splitRows(editor, { calculator: calculatorId, field: fieldName, text });
    if (!message || message.failure || !message.answer.ok) return null;
    return message.answer.rows;
  }

  async function refresh() {
    const rows = await split(textarea.value);
    if (rows) render(rows);
  }

  function focusCell(row) {
    cellsOf(row)[0]?.focus();
  }

  editor.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest(`[${action.attribute}]`);
      if (!button || !editor.contains(button)) return;
      const kind = button.getAttribute(action.attribute);
      const row = button.closest(`[${names.rowAttribute}]`);
      const rows = rowsOf();
      const number = rows.indexOf(row) + 1;
      if (kind === names.addRow) {
        const added = newRow();
        list.append(added);
        renumber();
        focusCell(added);
        announce(`Zeile ${rows.length + 1} hinzugefügt.`);
      } else if (kind === names.removeRow) {
        const next = rows[number] || rows[number - 2];
        row.remove();
        if (!rowsOf().length) list.append(newRow());
        renumber();
        if (next && next.isConnected) actionOf(next, names.removeRow).focus();
        else actionOf(editor, names.addRow).focus();
        announce(`Zeile ${number} entfernt. ${rowsOf().length} Zeilen.`);
        changed();
      } else if (kind === names.moveUp || kind === names.moveDown) {
        const up = kind === names.moveUp;
        const target = up ? rows[number - 2] : rows[number];
        if (!target) {
          announce(up ? `Zeile ${number} ist schon die erste.` : `Zeile ${number} ist schon die letzte.`);
          return;
        }
        if (up) target.before(row);
        else target.after(row);
        renumber();
        button.focus();
        announce(`Zeile ${number} verschoben, jetzt Zeile ${up ? number - 1 : number + 1}.`);
        changed();
      } else if (kind === names.toggleText) {
        showText(textarea.hidden);
      }
    },
    { signal },
  );

  // Typing in a cell: the text is written before the form (listening further up) computes.
  editor.addEventListener(
    "input",
    (event) => {
      if (!event.target.hasAttribute?.(names.cellAttribute)) return;
      writeText();
    },
    { signal },
  );
  editor.addEventListener(
    "change",
    (event) => {
      if (event.target.tagName === "SELECT" && event.target.hasAttribute(names.cellAttribute)) changed();
    },
    { signal },
  );

  // A block pasted into a cell (several lines, tabs or semicolons) becomes rows, split in Python:
  // an empty row is replaced, otherwise the rows are inserted after the one pasted into.
  editor.addEventListener(
    "paste",
    async (event) => {
      const cell = event.target;
      if (!cell.hasAttribute?.(names.cellAttribute)) return;
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (!PASTED_BLOCK.test(text.trim())) return;
      event.preventDefault();
      const row = cell.closest(`[${names.rowAttribute}]`);
      const rows = await split(text);
      if (!rows || !rows.length) return;
      const added = rows.map((cells) => newRow(cells));
      const empty = cellsOf(row).every((input) => !input.value.trim());
      row.after(...added);
      if (empty) row.remove();
      renumber();
      focusCell(added[added.length - 1]);
      announce(rows.length === 1 ? "1 Zeile eingefügt." : `${rows.length} Zeilen eingefügt.`);
      changed();
    },
    { signal },
  );

  // "Als Text bearbeiten": the same value as plain text; back to rows, Python splits it anew.
  async function showText(asText) {
    if (!asText) await refresh();
    textarea.hidden = !asText;
    rowList.hidden = asText;
    toggle.textContent = asText ? "Als Zeilen bearbeiten" : "Als Text bearbeiten";
    (asText ? textarea : rowList.querySelector(`[${names.cellAttribute}]`))?.focus();
  }

  bindImport(editor, { calculatorId, fieldName, signal, announce }, async (text) => {
    textarea.value = text;
    await refresh();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });

  renumber();
  textarea.hidden = true;
  editor.hidden = false;
  return { refresh };
}
