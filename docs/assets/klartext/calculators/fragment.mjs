// Calculator links: the fragment `#<link prefix><id>:<query>` that opens a calculator with
// its fields filled in. Pure: no DOM, so tests/js/fragment.test.mjs runs it under Node.
//
// The prefix is the contract's (calculator.linkPrefix); content/, the Python that writes the
// preset links (content_model/calculator_embed.py) and this module share it. The query is
// ordinary form encoding (URLSearchParams), so a browser's percent-encoding of the fragment
// and German letters typed as they are both come back as the same values.
import { calculator } from "../contract.mjs";

/**
 * The fragment, without "#", that opens calculator ``calculatorId`` with ``fields`` filled in.
 * @param {string} calculatorId
 * @param {Record<string, string>} fields field name -> value as typed
 */
export function linkFragment(calculatorId, fields) {
  return `${calculator.linkPrefix}${calculatorId}:${new URLSearchParams(fields)}`;
}

/**
 * The values a link carries for calculator ``calculatorId``, in the link's order, or null
 * where ``link`` is no link to that calculator. ``link`` is a fragment with or without its
 * "#" (location.hash) or a whole address (a link's href, which Material may make absolute).
 * @param {string} calculatorId
 * @param {string} link
 * @returns {Array<[string, string]> | null}
 */
export function linkValues(calculatorId, link) {
  const fragment = link.slice(link.indexOf("#") + 1);
  const prefix = `${calculator.linkPrefix}${calculatorId}:`;
  if (!fragment.startsWith(prefix)) return null;
  return [...new URLSearchParams(fragment.slice(prefix.length))];
}
