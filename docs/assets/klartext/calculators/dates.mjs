// The browser's date picker beside a date field (templates/calculators/date.html.j2).
//
// A picked day is written into the text field as TT.MM.JJJJ, and the form computes as if the
// reader had typed it; Python reads the text as always. The picker's value is the browser's
// fixed machine form (JJJJ-MM-TT, never what a person typed), so putting its three parts in
// German order is all this does; every typed date is still read by Python alone.
import { calculator as names, part } from "../contract.mjs";

/** Binds the date pickers of one calculator until ``signal`` aborts. */
export function bindDates(container, signal) {
  for (const picker of container.querySelectorAll(`[${part.attribute}="${part.calendar}"]`)) {
    const row = picker.closest(`[${part.attribute}="${part.fieldRow}"]`);
    const input = row.querySelector(`[${names.fieldAttribute}]`);
    // A click opens the calendar itself (desktop browsers open it only from their icon).
    picker.addEventListener(
      "click",
      () => {
        try {
          picker.showPicker();
        } catch {
          // Already open, or a browser without showPicker: the native control still works.
        }
      },
      { signal },
    );
    picker.addEventListener(
      "input",
      (event) => {
        event.stopPropagation(); // the picker is no field; the text field's event follows
        if (!picker.value) return;
        const [year, month, day] = picker.value.split("-");
        input.value = `${day}.${month}.${year}`;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      },
      { signal },
    );
  }
}
