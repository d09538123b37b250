// Calculator links (#rechner-<id>:<query>), encoded by calculators/fragment.mjs.
// Runs against the built site (KLARTEXT_SITE), so the prefix is the generated contract's.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const built = (uri) => pathToFileURL(path.join(site, "assets/klartext", uri)).href;
const { linkFragment, linkValues } = await import(built("calculators/fragment.mjs"));
const { calculator } = await import(built("contract.mjs"));
const prefix = calculator.linkPrefix;

test("a link starts with the contract's prefix and the calculator id", () => {
  const fragment = linkFragment("value-per-hour", { team_median: "250" });
  assert.equal(fragment, `${prefix}value-per-hour:team_median=250`);
  assert.deepEqual(linkValues("value-per-hour", `#${fragment}`), [["team_median", "250"]]);
  assert.deepEqual(linkValues("value-per-hour", fragment), [["team_median", "250"]]);
  // A preset link's href, made absolute (as Material's instant navigation leaves it).
  const href = `https://example.org/kunden-aufgeben/wert-pro-stunde/#${fragment}`;
  assert.deepEqual(linkValues("value-per-hour", href), [["team_median", "250"]]);
  assert.equal(linkValues("value-per-hour", "https://example.org/kunden-aufgeben/"), null);
});

test("a link to another calculator is none for this one, even one whose id starts alike", () => {
  const fragment = `#${linkFragment("value-per-hour-extra", { a: "1" })}`;
  assert.equal(linkValues("value-per-hour", fragment), null);
  assert.equal(linkValues("value", `#${linkFragment("value-per-hour", { a: "1" })}`), null);
  assert.equal(linkValues("value-per-hour", "#schritt-2"), null);
  assert.equal(linkValues("value-per-hour", `#${prefix}value-per-hour`), null); // a heading, no values
});

test("empty: no fragment is no link, a link without values carries none", () => {
  assert.equal(linkValues("value-per-hour", ""), null);
  assert.equal(linkValues("value-per-hour", "#"), null);
  assert.deepEqual(linkValues("value-per-hour", `#${prefix}value-per-hour:`), []);
  assert.equal(linkFragment("value-per-hour", {}), `${prefix}value-per-hour:`);
  assert.deepEqual(linkValues("value-per-hour", `#${linkFragment("value-per-hour", { a: "" })}`), [["a", ""]]);
});

test("separators, spaces, line breaks and percent signs in values survive the round trip", () => {
  const fields = { kontakte: "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", team_median: "1.234,50 & mehr=viel" };
  const fragment = linkFragment("value-per-hour", fields);
  assert.ok(!fragment.slice(prefix.length).includes(" "), fragment);
  assert.ok(!fragment.includes("\n"), fragment);
  assert.deepEqual(Object.fromEntries(linkValues("value-per-hour", `#${fragment}`)), fields);
});

test("German letters come back whether the browser percent-encoded the fragment or not", () => {
  const fields = { kunde: "Müller & Söhne, Straße", notiz: "Ärger über Öffnungszeiten" };
  const fragment = linkFragment("customer-health", fields);
  assert.deepEqual(Object.fromEntries(linkValues("customer-health", `#${fragment}`)), fields);
  // A browser's location.hash percent-encodes what is not ASCII; a typed link may not.
  const encoded = new URL(`https://example.org/#${fragment}`).hash;
  assert.deepEqual(Object.fromEntries(linkValues("customer-health", encoded)), fields);
  const typed = `#${prefix}customer-health:kunde=Müller`;
  assert.deepEqual(linkValues("customer-health", typed), [["kunde", "Müller"]]);
});

test("values keep the link's order and repeated names", () => {
  const hash = `#${prefix}value-per-hour:b=2&a=1&b=3`;
  assert.deepEqual(linkValues("value-per-hour", hash), [
    ["b", "2"],
    ["a", "1"],
    ["b", "3"],
  ]);
});
