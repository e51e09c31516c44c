// One card per problem (content/cards.js): the findings of several policies, and of several phrases
// in one sentence, about one thing become one card; cards come worst first, then in draft order.
// Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { dismissalKey, groupIntoCards } from "../content/cards.js";

const finding = (policy, category, severity, text, words, from = 0) => {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `${words} is in the draft`);
  return { policy, rule: `${policy}.${category}`, category, severity, start, end: start + words.length };
};

/** The cards of `text` for findings given as [policy, category, severity, words, search from]. */
const cardsOf = (text, specs) => groupIntoCards(specs.map(([policy, category, severity, words, from]) => finding(policy, category, severity, text, words, from)), text);

test("each policy's finding on one patient's details, in one sentence, is one card naming every phrase", () => {
  const text = "Saw Mr John Smith (DOB 04/07/1961) in clinic today.";
  const findings = ["icis", "rcr"].flatMap((p) => [finding(p, "personal_data", "error", text, "Mr John"), finding(p, "personal_data", "error", text, "DOB 04/07/1961")]);
  const cards = groupIntoCards(findings, text);
  assert.equal(cards.length, 1);
  assert.deepEqual(cards[0].words, ["Mr John", "DOB 04/07/1961"]);
  assert.equal(cards[0].findings.length, 4);
  assert.equal(cards[0].start, text.indexOf("Mr John"));
  assert.equal(cards[0].end, text.indexOf(")"));
});

test("the same category in two sentences, or two categories on the same words, are separate problems", () => {
  const text = "Off to #ICIS2025. Not a word about ICIS to anyone.\nICIS is run by idiots.";
  const cards = cardsOf(text, [
    ["icis", "disclaimer", "warning", "#ICIS2025"],
    ["icis", "abusive", "error", "run by idiots"],
    ["icis", "disparagement", "warning", "run by idiots"],
    ["rcr", "disclaimer", "warning", "ICIS", 30],
  ]);
  assert.deepEqual(cards.map((c) => [c.severity, c.category, c.words]), [
    ["error", "abusive", ["run by idiots"]],
    ["warning", "disclaimer", ["#ICIS2025"]],
    ["warning", "disclaimer", ["ICIS"]],
    ["warning", "disparagement", ["run by idiots"]],
  ]);
});

test("a finding that spans two sentences joins the problems of both", () => {
  const text = "The board papers are out. They are confidential. Lovely day.";
  const cards = cardsOf(text, [
    ["rcr", "confidential", "error", "The board papers are out. They are confidential."],
    ["icis", "confidential", "error", "confidential"],
    ["ipem", "confidential", "error", "board papers"],
  ]);
  assert.equal(cards.length, 1);
  assert.equal(cards[0].findings.length, 3);
});

test("cards come worst first, then in the order of the draft; an unknown severity reads as a warning", () => {
  const text = "Vote Labour. Patient DOB 04/07/1961. Our logo. Views?";
  const cards = cardsOf(text, [
    ["rcr", "political", "warning", "Vote Labour"],
    ["rcr", "brand", "loud", "logo"],
    ["rcr", "personal_data", "error", "DOB 04/07/1961"],
    ["rcr", "reference", "info", "Views"],
  ]);
  assert.deepEqual(cards.map((c) => [c.severity, c.category]), [
    ["error", "personal_data"],
    ["warning", "political"],
    ["warning", "brand"],
    ["info", "reference"],
  ]);
});

test("a dismissal is remembered by category and words, wherever the words move", () => {
  const before = "Off to #ICIS2025.";
  const after = "Next week: off to #ICIS2025.";
  assert.equal(
    dismissalKey(finding("icis", "disclaimer", "warning", before, "#ICIS2025"), before),
    dismissalKey(finding("icis", "disclaimer", "warning", after, "#ICIS2025"), after),
  );
  assert.notEqual(
    dismissalKey(finding("icis", "disclaimer", "warning", before, "#ICIS2025"), before),
    dismissalKey(finding("icis", "brand", "warning", before, "#ICIS2025"), before),
  );
});
