"""When a calculator's answer is on screen, observed from outside the page.

The page carries no test hooks: an answer has arrived when the calculator has written it
where a reader looks, its result and caption or the messages of its fields and form. These
observers watch exactly those places (with a ``MutationObserver`` the benchmark or test
installs), so a result that comes out the same as before still counts as a new answer.
Shared by the benchmarks and the browser tests.
"""

from __future__ import annotations

from playwright.sync_api import Locator

from content_model.contract import CONTRACT

#: Where a calculator writes an answer: the result and its caption, the fields' and the
#: form's messages (the state line and the link notice are not answers).
ANSWER_PLACES = ".kx-result-body, .kx-result-label, .kx-error, .kx-form-error"
#: Any calculator on a page.
CALCULATORS = f"[{CONTRACT.calculator.container_attribute}]"

#: ``(mutation records) => whether any of them wrote an answer``, as page source.
_WROTE_ANSWER = f"""(records) => records.some((record) => {{
  const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
  return Boolean(node && node.closest({ANSWER_PLACES!r}) && node.closest({CALCULATORS!r}));
}})"""

#: Counts the answers a calculator container shows from now on (installed once per element;
#: an answer's writes all happen in one task, so one observer call is one answer).
COUNT_ANSWERS = f"""(container) => {{
  if (!container.__answersShown) {{
    const wroteAnswer = {_WROTE_ANSWER};
    const shown = {{ count: 0 }};
    new MutationObserver((records) => {{ if (wroteAnswer(records)) shown.count += 1; }})
      .observe(container, {{ childList: true, characterData: true, subtree: true }});
    container.__answersShown = shown;
  }}
  return container.__answersShown.count;
}}"""

#: Init script: ``window.__firstResult`` is when the first answer of any calculator on the
#: page landed (from navigation start). It observes from the end of parsing on, so the
#: build-time example the parser inserts is not mistaken for an answer.
FIRST_RESULT_PROBE = f"""
document.addEventListener('DOMContentLoaded', () => {{
  const wroteAnswer = {_WROTE_ANSWER};
  new MutationObserver((records, observer) => {{
    if (window.__firstResult !== undefined || !wroteAnswer(records)) return;
    window.__firstResult = performance.now();
    observer.disconnect();
  }}).observe(document, {{ childList: true, characterData: true, subtree: true }});
}});
"""

#: ``(container) => a promise of the next answer the container shows`` as page source, for
#: loops that run inside the page (keystroke latency, instant navigation).
NEXT_ANSWER = f"""(container) => new Promise((resolve) => {{
  const wroteAnswer = {_WROTE_ANSWER};
  const observer = new MutationObserver((records) => {{
    if (!wroteAnswer(records)) return;
    observer.disconnect();
    resolve();
  }});
  observer.observe(container, {{ childList: true, characterData: true, subtree: true }});
}})"""


def answers_shown(container: Locator) -> int:
    """How many answers the calculator has shown since this was first asked for it."""
    return int(container.evaluate(COUNT_ANSWERS))


def wait_for_answer_after(container: Locator, before: int, timeout_ms: float) -> None:
    """Wait until the calculator shows more answers than ``before`` (from ``answers_shown``)."""
    container.page.wait_for_function(
        "([node, before]) => node.__answersShown.count > before",
        arg=[container.element_handle(), before],
        timeout=timeout_ms,
    )
