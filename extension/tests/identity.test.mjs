// The popup's reading of the society fields, and the bounds it holds them to before saving.
import assert from "node:assert/strict";
import { test } from "node:test";

import { IDENTITY_LIMITS, identityProblem, parseIdentityField } from "../shared/identity.js";

test("a field's entries are split at commas and trimmed, empty ones dropped", () => {
  assert.deepEqual(parseIdentityField(" @BSCI_UK, @bsci_news ,, "), ["@BSCI_UK", "@bsci_news"]);
  assert.deepEqual(parseIdentityField(""), []);
});

test("an identity within the bounds has no problem", () => {
  const names = Array.from({ length: IDENTITY_LIMITS.entries }, (_, i) => `Society ${i}`);
  assert.equal(identityProblem({ names, acronyms: ["BSCI"], handles: [] }), null);
});

test("too many entries in a field are refused, naming the field", () => {
  const handles = Array.from({ length: IDENTITY_LIMITS.entries + 1 }, (_, i) => `@h${i}`);
  const problem = identityProblem({ names: [], acronyms: [], handles });
  assert.equal(problem.field, "handles");
  assert.match(problem.message, /At most 20 handles/);
});

test("an entry too long is refused, naming the field", () => {
  const problem = identityProblem({ names: ["x".repeat(IDENTITY_LIMITS.entryChars + 1)], acronyms: [], handles: [] });
  assert.equal(problem.field, "names");
  assert.match(problem.message, /at most 120 characters/);
});
