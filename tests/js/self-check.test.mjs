// The self-check's grading (self-check/grade.mjs) and the onboarding count of passed
// self-checks (progress/keys.mjs), as the built site ships them.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const built = (uri) => pathToFileURL(path.join(site, "assets/klartext", uri)).href;
const grade = await import(built("self-check/grade.mjs"));
const keys = await import(built("progress/keys.mjs"));
const { progress } = await import(built("contract.mjs"));

const choice = (chosen, right) => ({ chosen, right });
const place = (placeValue, position) => ({ place: placeValue, position });

test("a choice question is right only with every right choice and no wrong one", () => {
  assert.equal(grade.isRight({ choices: [choice(false, false), choice(true, true)], placements: [] }), true);
  assert.equal(grade.isRight({ choices: [choice(true, false), choice(true, true)], placements: [] }), false);
  assert.equal(grade.isRight({ choices: [choice(false, true), choice(true, true)], placements: [] }), false);
});

test("an ordering question is right only with every step on its place", () => {
  const right = [place("2", "2"), place("1", "1"), place("3", "3")];
  assert.equal(grade.isRight({ choices: [], placements: right }), true);
  const swapped = [place("1", "2"), place("2", "1"), place("3", "3")];
  assert.equal(grade.isRight({ choices: [], placements: swapped }), false);
  const open = [place("", "2"), place("1", "1"), place("3", "3")];
  assert.equal(grade.isRight({ choices: [], placements: open }), false);
});

test("a question without controls is never right, and unanswered is told apart", () => {
  assert.equal(grade.isRight({ choices: [], placements: [] }), false);
  assert.equal(grade.isAnswered({ choices: [choice(false, true)], placements: [] }), false);
  assert.equal(grade.isAnswered({ choices: [], placements: [place("1", "2")] }), true);
});

test("the explanations announced are those of wrong choices, never of missed right ones", () => {
  const answer = { choices: [choice(true, false), choice(false, true), choice(true, true)], placements: [] };
  assert.deepEqual(grade.explanationsFor(answer), [0]);
  assert.equal(grade.missesRight(answer), true);
  assert.equal(grade.missesRight({ choices: [choice(false, false), choice(true, true)], placements: [] }), false);
});

test("the summary says how many questions are right", () => {
  assert.equal(grade.summary(3, 3), "Bestanden: alle 3 Fragen richtig.");
  assert.match(grade.summary(2, 3), /^2 von 3 Fragen richtig\./);
});

test("a self-check counts as passed only when all its questions are stored right", () => {
  const stored = new Set([keys.checkKey("a/eins"), keys.checkKey("a/zwei"), keys.checkKey("b/eins")]);
  const counts = keys.countSelfChecks("a/eins a/zwei b/eins b/zwei", (key) => stored.has(key));
  assert.deepEqual(counts, { selfChecks: 2, passed: 1 });
  assert.ok(keys.checkKey("a/eins").startsWith(progress.storagePrefix));
  assert.ok(keys.checkKey("a/eins").startsWith(keys.selfCheckPrefix("a")));
  assert.ok(!keys.checkKey("ab/eins").startsWith(keys.selfCheckPrefix("a")));
});
