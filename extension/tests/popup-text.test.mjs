// What the popup and the settings page say about policies and the engine. Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { BROWSER_LABELS, ENGINE_STATUS_TEXT, setupCommands } from "../shared/engine-setup.js";
import { orderPolicies, policyDate, policySubtitle } from "../shared/policy-list.js";

// As the engine's hello lists them: alphabetical by id, so the 2013 policy comes before 2020's.
const HELLO = [
  { id: "icis-2013", name: "ICIS Social Media Policy (2013, superseded)", organisation: "International Cancer Imaging Society", date: "2013-12-01", superseded_by: "icis" },
  { id: "icis", name: "ICIS Social Media Policy (2020)", organisation: "International Cancer Imaging Society", date: "2020-04", superseded_by: null },
  { id: "rcr", name: "RCR Contributor Social Media Policy", organisation: "The Royal College of Radiologists", date: "undated", superseded_by: null },
  { id: "society", name: "Society Social Media Policy (2024)", organisation: "Your society (set its name in Decorum's settings)", date: "2024-04" },
];

test("the policies in force come first, in the engine's order, and a replaced one last", () => {
  assert.deepEqual(orderPolicies(HELLO).map((p) => p.id), ["icis", "rcr", "society", "icis-2013"]);
});

test("an older host that says nothing of replacement keeps its order", () => {
  const old = HELLO.map(({ superseded_by, ...policy }) => policy);
  assert.deepEqual(orderPolicies(old).map((p) => p.id), ["icis-2013", "icis", "rcr", "society"]);
});

test("a date is said in words, and a missing or unreadable one as not given", () => {
  assert.equal(policyDate("2020-04"), "April 2020");
  assert.equal(policyDate("2013-12-01"), "1 December 2013");
  assert.equal(policyDate("2024"), "2024");
  for (const notADate of ["undated", "", undefined, "2020-13", "April 2020"]) assert.equal(policyDate(notADate), "date not given");
});

test("a replaced policy names the policy that replaced it, not its pack's version words", () => {
  assert.equal(policySubtitle(HELLO[0], HELLO), "Replaced by ICIS Social Media Policy (2020) · 1 December 2013");
  assert.equal(policySubtitle(HELLO[0], [HELLO[0]]), "Replaced by a newer policy · 1 December 2013");
  assert.equal(policySubtitle(HELLO[2], HELLO), "The Royal College of Radiologists · date not given");
});

test("the policy that names no society never sends the member to a settings page: it is named here", () => {
  assert.equal(policySubtitle(HELLO[3], HELLO), "For your own society, named here · April 2024");
  const named = { society: { names: ["British Society of Clinical Imaging"], acronyms: ["BSCI"], handles: [] } };
  assert.equal(policySubtitle(HELLO[3], HELLO, named), "For British Society of Clinical Imaging · April 2024");
  assert.equal(policySubtitle(HELLO[3], HELLO, { society: { names: [], acronyms: ["BSCI"] } }), "For BSCI · April 2024");
});

test("the set-up commands work from the Decorum folder and for a pipx install, for this browser", () => {
  const commands = setupCommands("chrome");
  assert.equal(commands.install, ".venv/bin/decorum install-host --browser chrome");
  assert.equal(commands.installPackaged, "decorum install-host");
  assert.equal(commands.doctor, ".venv/bin/decorum doctor");
  assert.deepEqual(Object.keys(BROWSER_LABELS), ["chrome", "chromium", "edge", "brave", "firefox"]);
});

test("no engine state is described with a version number or developer wording", () => {
  for (const text of Object.values(ENGINE_STATUS_TEXT)) assert.doesNotMatch(text, /\d+\.\d+|make |engine \d/);
});
