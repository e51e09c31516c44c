// Where the panel goes (content/panel-position.js): inside the window, clear of the compose box and
// of the site's Post button, its list opening away from its bar.
// Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { MARGIN_PX, keepClear, panelSpot } from "../content/panel-position.js";

const BAR = 42;
const HEAD = 42;

const rect = (left, top, width, height) => ({ left, top, right: left + width, bottom: top + height, width, height });

/** The panel's box fully open, its list as tall as it may be. */
function openBox(spot, viewport) {
  const left = spot.align === "left" ? spot.inset : viewport.width - spot.inset - spot.width;
  const top = spot.opens === "down" ? spot.barTop : spot.barTop + BAR - HEAD - spot.listRoom;
  return rect(left, top, spot.width, HEAD + spot.listRoom);
}

const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

test("with room on the right it goes beside the box, level with its top, opening downwards", () => {
  const viewport = { width: 1280, height: 800 };
  const box = rect(300, 60, 600, 80);
  const spot = panelSpot({ box, button: rect(830, 150, 70, 34), viewport, bar: BAR, head: HEAD });
  assert.deepEqual([spot.align, spot.inset, spot.barTop, spot.opens], ["left", 906, 60, "down"]);
  assert.equal(spot.width, 360);
});

test("without room beside it goes under the box and its Post button, its right edge by theirs", () => {
  const viewport = { width: 800, height: 700 };
  const box = rect(170, 60, 560, 80);
  const button = rect(660, 150, 70, 34);
  const spot = panelSpot({ box, button, viewport, bar: BAR, head: HEAD });
  assert.deepEqual([spot.align, spot.inset, spot.barTop, spot.opens], ["right", 800 - 730, 190, "down"]);
  assert.equal(spot.listRoom, 700 - MARGIN_PX - 190 - HEAD);
});

test("a box low in the window gets the panel over it, opening upwards", () => {
  const viewport = { width: 800, height: 700 };
  const box = rect(170, 380, 560, 260);
  const spot = panelSpot({ box, button: rect(660, 645, 70, 34), viewport, bar: BAR, head: HEAD });
  assert.equal(spot.opens, "up");
  assert.equal(spot.barTop + BAR, 380 - 6);
});

test("a dialog that fills the window gets the panel over its lower right corner, just above its Post button", () => {
  const viewport = { width: 800, height: 700 };
  const dialog = rect(150, 16, 500, 668);
  const button = rect(166, 620, 468, 36);
  const spot = panelSpot({ box: dialog, button, viewport, bar: BAR, head: HEAD });
  assert.equal(spot.opens, "up");
  assert.equal(spot.barTop + BAR, 620 - 6);
  assert.ok(!overlaps(openBox(spot, viewport), button));
});

test("the bar's place depends on the boxes and the window only, never on whether the list is open", () => {
  // The spot is worked out from the bar's and the head's heights, which opening the list does not
  // change: the same call gives the same bar, so the Show/Hide button does not move.
  const viewport = { width: 800, height: 700 };
  const box = rect(170, 60, 560, 300);
  const once = panelSpot({ box, button: null, viewport, bar: BAR, head: HEAD });
  const again = panelSpot({ box, button: null, viewport, bar: BAR, head: HEAD });
  assert.deepEqual(once, again);
});

test("wherever the box is, the open panel stays in the window and off the Post button, and off the box unless it fills the window", () => {
  const viewports = [{ width: 1280, height: 800 }, { width: 800, height: 700 }, { width: 420, height: 560 }];
  let cases = 0;
  for (const viewport of viewports) {
    for (let top = -200; top <= viewport.height; top += 37) {
      for (const height of [40, 120, 300, 520, 900]) {
        for (const [left, width] of [[16, 360], [100, 560], [viewport.width / 2 - 250, 500], [viewport.width - 380, 370]]) {
          const box = rect(left, top, width, height);
          const button = rect(left + width - 80, top + height + 8, 80, 34);
          const keep = keepClear(box, button);
          if (keep.bottom <= 0 || keep.top >= viewport.height) continue; // out of sight: hidden
          const spot = panelSpot({ box, button, viewport, bar: BAR, head: HEAD });
          const open = openBox(spot, viewport);
          const where = JSON.stringify({ viewport, box, spot });
          assert.ok(open.left >= MARGIN_PX - 0.5 && open.right <= viewport.width - MARGIN_PX + 0.5, `inside the window's width: ${where}`);
          assert.ok(open.top >= MARGIN_PX - 0.5 && open.bottom <= viewport.height - MARGIN_PX + 0.5, `inside the window's height: ${where}`);
          const roomAround = Math.max(viewport.height - keep.bottom, keep.top) - 6 - MARGIN_PX >= HEAD + 96;
          if (spot.align === "left" || roomAround) assert.ok(!overlaps(open, keep), `clear of the box: ${where}`);
          if (button.top >= 0 && button.bottom <= viewport.height) assert.ok(!overlaps(open, button), `clear of the Post button: ${where}`);
          cases++;
        }
      }
    }
  }
  assert.ok(cases > 500, `${cases} placements checked`);
});
