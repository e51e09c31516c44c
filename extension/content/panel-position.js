// Where a panel goes, as plain geometry (pure, so the node tests can hold it). The panel stays in
// reach: by its compose box, inside the window, clear of the box and of the site's Post button, and
// its bar (the count and the Show/Hide button) is put where it goes whether the list is open or not,
// so the button does not move under the pointer that pressed it: the list opens away from the bar.

export const GAP_PX = 6;
export const MARGIN_PX = 8;
export const PANEL_WIDTH_PX = 360;
// Beside the compose box only if the panel can be at least this wide there.
export const MIN_BESIDE_PX = 240;
// Under or over the box only if its list has at least this much height there (a card's first lines).
export const MIN_LIST_PX = 96;

/** The smallest rectangle holding the compose box and the site's Post button (if any). */
export function keepClear(box, button) {
  if (!button || button.width === 0 || button.height === 0) return box;
  return {
    left: Math.min(box.left, button.left),
    top: Math.min(box.top, button.top),
    right: Math.max(box.right, button.right),
    bottom: Math.max(box.bottom, button.bottom),
  };
}

/** Whether none of `rect` is in the window. */
export function offscreen(rect, viewport) {
  return rect.right <= 0 || rect.bottom <= 0 || rect.left >= viewport.width || rect.top >= viewport.height || rect.right - rect.left === 0;
}

/** `{beside, width}`: beside the box (on its right) when there is room, else as wide as it may be. */
export function panelWidth(keep, viewport) {
  const roomBeside = viewport.width - MARGIN_PX - (keep.right + GAP_PX);
  if (roomBeside >= MIN_BESIDE_PX) return { beside: true, width: Math.min(PANEL_WIDTH_PX, roomBeside) };
  return { beside: false, width: Math.max(0, Math.min(PANEL_WIDTH_PX, viewport.width - 2 * MARGIN_PX)) };
}

/**
 * Where the panel's bar goes and which way its list opens: `{align, inset, width, barTop, opens,
 * listRoom}`. Beside the box the panel's left edge is held (`align` "left", `inset` from the
 * window's left), and it is as wide closed as open; elsewhere its right edge is held (`inset` from
 * the window's right), so it may be narrower closed: either way the Show/Hide button, at the bar's
 * right end, stays put.
 *
 * `box` is the compose box's frame and `button` the site's Post button (or null); `bar` is the
 * panel's height closed, `head` its height without the list (the bar and any notice). In order:
 * beside the box, level with its top; under it (and under its Post button); over it; and, when the
 * box fills the window, over the box's lower right corner just above its Post button. `listRoom`
 * is the height the list may take so that the panel stays inside the window.
 */
export function panelSpot({ box, button, viewport, bar, head }) {
  const keep = keepClear(box, button);
  const { beside, width } = panelWidth(keep, viewport);
  const lowest = viewport.height - MARGIN_PX - bar;
  const clampTop = (top) => Math.max(MARGIN_PX, Math.min(top, lowest));
  const roomBelow = viewport.height - MARGIN_PX - (keep.bottom + GAP_PX);
  const roomAbove = keep.top - GAP_PX - MARGIN_PX;
  const needed = head + MIN_LIST_PX;

  let left = clamp(keep.right - width, MARGIN_PX, viewport.width - MARGIN_PX - width);
  let barTop;
  let opens;
  if (beside) {
    left = keep.right + GAP_PX;
    barTop = clampTop(keep.top);
    const down = viewport.height - MARGIN_PX - barTop;
    const up = barTop + bar - MARGIN_PX;
    opens = down >= needed || down >= up ? "down" : "up";
  } else if (roomBelow >= needed) {
    barTop = keep.bottom + GAP_PX;
    opens = "down";
  } else if (roomAbove >= needed) {
    barTop = clampTop(keep.top - GAP_PX - bar); // the box only just shows at the window's foot
    opens = "up";
  } else {
    // No room around the box: over its lower right corner, above the Post button.
    const floor = button && button.height > 0 ? Math.min(box.bottom, button.top) : box.bottom;
    left = clamp(box.right - GAP_PX - width, MARGIN_PX, viewport.width - MARGIN_PX - width);
    barTop = clampTop(floor - GAP_PX - bar);
    opens = "up";
  }
  const listRoom = (opens === "down" ? viewport.height - MARGIN_PX - barTop : barTop + bar - MARGIN_PX) - head;
  return {
    align: beside ? "left" : "right",
    inset: Math.round(beside ? left : viewport.width - (left + width)),
    width: Math.floor(width),
    barTop: Math.round(barTop),
    opens,
    listRoom: Math.max(0, Math.floor(listRoom)),
  };
}

function clamp(value, low, high) {
  return Math.max(low, Math.min(value, high));
}
