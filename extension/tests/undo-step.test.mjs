// A fix waits until a change would start an undo step of its own (content/undo-step.js): until the
// box has been still for the editor's grouping delay, however the member changed it meanwhile.
// Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { waitForNewUndoStep } from "../content/undo-step.js";

const QUILL_DELAY_MS = 1000;

/** A fake clock at `start` ms, and the box's changes: {at: ms} moved by `changes[time]` as the clock passes them. */
function box(start, lastChange, changes = {}) {
  const state = { now: start, lastChange, waits: [] };
  const options = {
    now: () => state.now,
    wait: async (ms) => {
      state.waits.push(ms);
      const until = state.now + ms;
      for (const [at, change] of Object.entries(changes)) if (Number(at) > state.now && Number(at) <= until) state.lastChange = change;
      state.now = until;
    },
  };
  return { state, options, lastChangeAt: () => state.lastChange };
}

test("a fix asked for long after the last change goes in at once", async () => {
  const { state, options, lastChangeAt } = box(5000, 3000);
  assert.equal(await waitForNewUndoStep(lastChangeAt, QUILL_DELAY_MS, options), true);
  assert.deepEqual(state.waits, []);
});

test("a fix asked for right after a change waits until the box has been still for more than the delay", async () => {
  const { state, options, lastChangeAt } = box(5000, 4900);
  assert.equal(await waitForNewUndoStep(lastChangeAt, QUILL_DELAY_MS, options), true);
  assert.ok(state.now > 4900 + QUILL_DELAY_MS, `went in at ${state.now}`);
});

test("a change while the fix waits (a new line Quill makes itself) makes it wait from that change", async () => {
  const { state, options, lastChangeAt } = box(5000, 4900, { 5500: 5500 });
  assert.equal(await waitForNewUndoStep(lastChangeAt, QUILL_DELAY_MS, options), true);
  assert.ok(state.now > 5500 + QUILL_DELAY_MS, `went in at ${state.now}`);
});

test("a box the member keeps changing gets no fix: it would be undone with their typing", async () => {
  const changes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [5000 + 200 * i, 5000 + 200 * i]));
  const { state, options, lastChangeAt } = box(5000, 4990, changes);
  assert.equal(await waitForNewUndoStep(lastChangeAt, QUILL_DELAY_MS, options), false);
  assert.ok(state.now - 5000 <= 3000, `gave up after ${state.now - 5000} ms`);
});

test("an editor that starts a new undo step for a paste needs no wait", async () => {
  const { state, options, lastChangeAt } = box(5000, 4999);
  assert.equal(await waitForNewUndoStep(lastChangeAt, 0, options), true);
  assert.deepEqual(state.waits, []);
});
