// − and + beside a count (templates/calculators/stepper.html.j2).
//
// The buttons move the field to the previous or next value of the list Python wrote into the
// contract's steps attribute (``Field.stepper_values``): the page looks a value up, it never
// counts, so bounds and step width are the declaration's. At either end the button says so
// (aria-disabled) and does nothing. Text that is not a listed value (a typo, an empty field)
// starts again from the lowest value. Arrow up and down in the field do the same as + and −.
import { action, calculator as names } from "../contract.mjs";

const STEPPED = `[${names.stepsAttribute}]`;

function stepsOf(input) {
  return input.getAttribute(names.stepsAttribute).split(" ");
}

function buttonsOf(input) {
  const group = input.parentElement;
  return {
    down: group.querySelector(`[${action.attribute}="${action.stepDown}"]`),
    up: group.querySelector(`[${action.attribute}="${action.stepUp}"]`),
  };
}

/** Marks the buttons of every stepper of ``root`` that stands at an end of its list. */
export function refreshSteppers(root) {
  for (const input of root.querySelectorAll(STEPPED)) {
    const steps = stepsOf(input);
    const at = steps.indexOf(input.value.trim());
    const { down, up } = buttonsOf(input);
    down.setAttribute("aria-disabled", String(at === 0));
    up.setAttribute("aria-disabled", String(at === steps.length - 1));
  }
}

function move(input, direction) {
  const steps = stepsOf(input);
  const at = steps.indexOf(input.value.trim());
  const next = at === -1 ? steps[0] : steps[at + direction];
  if (next === undefined || next === input.value) return;
  input.value = next;
  // The form computes on input events, as if the reader had typed the value.
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Binds the steppers of one calculator until ``signal`` aborts. */
export function bindSteppers(container, signal) {
  for (const input of container.querySelectorAll(STEPPED)) {
    const { down, up } = buttonsOf(input);
    down.addEventListener("click", () => move(input, -1), { signal });
    up.addEventListener("click", () => move(input, 1), { signal });
    input.addEventListener(
      "keydown",
      (event) => {
        if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
        event.preventDefault();
        move(input, event.key === "ArrowUp" ? 1 : -1);
      },
      { signal },
    );
  }
  container.addEventListener("input", () => refreshSteppers(container), { signal });
  refreshSteppers(container);
}
