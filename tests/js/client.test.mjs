// The page side of the runtime (runtime/client.mjs) against a stand-in for boot.js whose
// worker answers only when told: superseded requests are settled at once and never grow
// the queue, an answer reaches only the newest request of its form.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const built = (uri) => pathToFileURL(path.join(site, "assets/klartext", uri)).href;
const { runtime } = await import(built("contract.mjs"));

/** What boot.js offers (start, listen, settled), with a worker that keeps what it is sent. */
const posted = [];
let deliver = null;
globalThis.klartextRuntime = {
  start: () => ({ postMessage: (message) => posted.push(message) }),
  listen: (handler) => (deliver = handler),
  settled: Promise.resolve("settled"),
};
const client = await import(built("runtime/client.mjs"));
const answer = (request, extra = {}) =>
  deliver({ data: { type: runtime.answerResult, id: request.id, answer: { ok: true }, ...extra } });

test("the runtime starts on the first request and reports its state", async () => {
  const states = [];
  const stop = client.onRuntimeState((state) => states.push(state));
  assert.equal(client.runtimeState(), "idle");
  client.calculate("warm-up", "value-per-hour", {}, {});
  deliver({ data: { type: runtime.answerReady, start: runtime.startFresh } });
  stop();
  deliver({ data: { type: runtime.answerFailed, message: "x" } }); // no longer heard
  assert.deepEqual(states, ["loading", runtime.answerReady]);
  assert.equal(await client.settled, "settled");
  client.cancel("warm-up");
});

test("every keystroke supersedes the form's unanswered request", async () => {
  const form = {};
  const asked = [];
  for (let key = 0; key < 50; key++) asked.push(client.calculate(form, "value-per-hour", { n: String(key) }, {}));
  const last = posted.at(-1);
  assert.equal(last.kind, runtime.requestCalculate);
  assert.deepEqual(last.fields, { n: "49" });
  answer(posted.at(-2)); // an overtaken answer arrives late: nobody gets it
  answer(last);
  const results = await Promise.all(asked);
  assert.deepEqual(results.slice(0, 49), Array(49).fill(null));
  assert.equal(results[49].id, last.id);
});

test("forms do not supersede each other, and a fill is a request of its own kind", async () => {
  const calculatorForm = {};
  const templateForm = {};
  const computed = client.calculate(calculatorForm, "value-per-hour", {}, {});
  const computeRequest = posted.at(-1);
  const filled = client.fillTemplate(templateForm, { text: "{kunde}" }, { kunde: "Nordwind" });
  const fillRequest = posted.at(-1);
  assert.equal(fillRequest.kind, runtime.requestFill);
  assert.deepEqual(fillRequest.values, { kunde: "Nordwind" });
  answer(fillRequest, { answer: { ok: true, text: "Nordwind" } });
  answer(computeRequest, { failure: "boom" });
  assert.equal((await filled).answer.text, "Nordwind");
  assert.equal((await computed).failure, "boom");
});

test("a page's tear-down cancels its request; the answer that comes later goes nowhere", async () => {
  const form = {};
  const asked = client.calculate(form, "value-per-hour", {}, {});
  const request = posted.at(-1);
  client.cancel(form);
  assert.equal(await asked, null);
  answer(request); // must not throw or resolve anything
  const again = client.calculate(form, "value-per-hour", {}, {});
  answer(posted.at(-1));
  assert.notEqual(await again, null);
});
