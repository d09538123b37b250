// The value of a calculator field, whatever control shows it.
//
// Most fields are one text field or select; a field with few possible values is a group of
// radio buttons in a fieldset (templates/calculators/choices.html.j2), and the fieldset is
// the field: it carries the name and the contract's field attribute. Its value is the checked
// option's value, the very text a person would type ("15", "teilweise"), so Python, the
// shareable link and the presets see no difference. Arrow keys, Space and taps on the large
// labels are the browser's own radio behaviour; nothing here handles keys.

const GROUP = "FIELDSET";

function options(field) {
  return [...field.querySelectorAll("input[type=radio]")];
}

/** What Python receives for the field: the typed text, the selected or the checked value. */
export function fieldValue(field) {
  if (field.tagName !== GROUP) return field.value;
  const checked = options(field).find((option) => option.checked);
  return checked ? checked.value : "";
}

/** Shows ``value`` in the field; in a group, no option is checked when none has the value. */
export function setFieldValue(field, value) {
  if (field.tagName !== GROUP) {
    field.value = value;
    return;
  }
  for (const option of options(field)) option.checked = option.value === value;
}

/** The value the field had when the page was built (select elements have no defaultValue). */
export function initialFieldValue(field) {
  if (field.tagName === GROUP) {
    const option = options(field).find((candidate) => candidate.defaultChecked);
    return option ? option.value : "";
  }
  if (field.tagName === "SELECT") {
    const option = [...field.options].find((candidate) => candidate.defaultSelected) || field.options[0];
    return option ? option.value : "";
  }
  return field.defaultValue;
}
