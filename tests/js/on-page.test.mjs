// page/on-page.mjs: each feature's set-up runs in a task of its own, after the task in which
// the page was announced (Material's start-up task), in the order the features asked, with the
// previous page's tear-down first.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const { onPage } = await import(
  pathToFileURL(path.join(site, "assets/klartext/page/on-page.mjs")).href
);

/** A stand-in for Material's `document$`: `announce()` emits a page to every subscriber. */
function materialHost() {
  const subscribers = [];
  return {
    document$: { subscribe: (next) => subscribers.push(next) },
    announce: () => subscribers.forEach((next) => next()),
  };
}

/** Resolves once the tasks queued before it (and their microtasks) have run. */
const afterQueuedTasks = () => new Promise((resolve) => setTimeout(resolve, 0));

test("set-ups wait for a task of their own and keep their order", async () => {
  const host = materialHost();
  const calls = [];
  onPage(() => calls.push("progress"), host);
  onPage(() => calls.push("self-check"), host);
  host.announce();
  calls.push("announcing task ends");
  await afterQueuedTasks();
  assert.deepEqual(calls, ["announcing task ends", "progress", "self-check"]);
});

test("each set-up is a task of its own: the first one's microtasks run before the second", async () => {
  const host = materialHost();
  const calls = [];
  onPage(() => {
    calls.push("first");
    Promise.resolve().then(() => calls.push("first's microtask"));
  }, host);
  onPage(() => calls.push("second"), host);
  host.announce();
  await afterQueuedTasks();
  assert.deepEqual(calls, ["first", "first's microtask", "second"]);
});

test("the next page tears the previous one down before it is set up", async () => {
  const host = materialHost();
  const calls = [];
  let page = 0;
  onPage(() => {
    const mine = ++page;
    calls.push(`set up ${mine}`);
    return () => calls.push(`tear down ${mine}`);
  }, host);
  host.announce();
  await afterQueuedTasks();
  host.announce();
  await afterQueuedTasks();
  assert.deepEqual(calls, ["set up 1", "tear down 1", "set up 2"]);
});
