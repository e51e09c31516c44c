// Underlines the words a finding is about. Drawn over the page in Decorum's closed shadow root
// (surface.js), from the ranges' client rectangles: nothing is added to the editor's DOM
// (Grammarly's lesson: editors own their DOM), and nothing is put where page scripts can read
// it (CSS.highlights is the page's own registry: its names and ranges would tell the page which
// words were flagged, and that Decorum runs).

// Each finding's words as a wavy line under them and a light tint over them.
export const UNDERLINE_CSS = `
[data-decorum-underlines] { position: fixed; overflow: hidden; pointer-events: none; margin: 0; padding: 0; }
.underline-segment { position: absolute; pointer-events: none; }
.underline-segment::after {
  content: "";
  position: absolute;
  left: 0;
  right: 0;
  bottom: -2px;
  height: 4px;
  background-repeat: repeat-x;
  background-size: 6px 4px;
}
[data-severity="error"] .underline-segment { background: rgba(197, 34, 31, 0.08); }
[data-severity="error"] .underline-segment::after { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='4'%3E%3Cpath d='M0 3 L1.5 1 L3 3 L4.5 1 L6 3' fill='none' stroke='%23c5221f' stroke-width='1.2'/%3E%3C/svg%3E"); }
[data-severity="warning"] .underline-segment { background: rgba(176, 96, 0, 0.08); }
[data-severity="warning"] .underline-segment::after { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='4'%3E%3Cpath d='M0 3 L1.5 1 L3 3 L4.5 1 L6 3' fill='none' stroke='%23b06000' stroke-width='1.2'/%3E%3C/svg%3E"); }
[data-severity="info"] .underline-segment::after { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='4'%3E%3Ccircle cx='1.5' cy='2' r='0.8' fill='%231a5fb4'/%3E%3C/svg%3E"); }
`;

// The pointer is on a word a little below its text too: the wavy line is drawn under it.
const HIT_SLACK_PX = 3;

/**
 * The underlines of one compose box, clipped to the box (a long draft scrolls inside it). Drawn
 * again only when the words moved, and they know which words are where, so the card at the word
 * can be opened from the pointer's position or the caret's without touching the editor.
 */
export class Underlines {
  #layer = document.createElement("div");
  #items = []; // [{range, severity, key, words}]
  #box = null; // the editor's rectangle at the last drawing
  #segments = []; // per item, its words' rectangles relative to #box
  #drawn = ""; // what was drawn: the segments, as a string to compare

  constructor() {
    this.#layer.setAttribute("data-decorum-underlines", "");
    this.#layer.setAttribute("aria-hidden", "true"); // the panel, after the compose box, says it all
    this.#layer.hidden = true;
  }

  /** Adds the layer to `root` (the surface). */
  attach(root) {
    root.append(this.#layer);
  }

  remove() {
    this.#layer.remove();
  }

  get visible() {
    return this.#items.length > 0;
  }

  /** Underlines `items` ({range, severity, key}: `key` names the card) from now on; drawn at the next `place`. */
  show(items) {
    this.#items = items.map((item) => ({ ...item, words: item.range.toString() }));
    this.#segments = this.#items.map(() => []);
    this.#drawn = "";
    this.#box = null;
    this.#layer.hidden = this.#items.length === 0;
    this.#layer.replaceChildren();
  }

  clear() {
    this.show([]);
  }

  /** Draws the underlines where their words are now, clipped to the editor (`[editor]`), if they moved. */
  place([editor]) {
    if (!this.visible || !editor) return;
    const box = editor.getBoundingClientRect();
    if (!this.#box || box.left !== this.#box.left || box.top !== this.#box.top || box.width !== this.#box.width || box.height !== this.#box.height) {
      Object.assign(this.#layer.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    }
    this.#box = box;
    this.#segments = this.#items.map(({ range }) => relativeRects(range, box));
    const drawn = JSON.stringify(this.#segments);
    if (drawn === this.#drawn) return; // only the box moved, and the layer with it
    this.#drawn = drawn;
    this.#layer.replaceChildren(
      ...this.#items.map(({ severity, words }, index) => {
        const group = document.createElement("div");
        group.setAttribute("data-severity", severity);
        group.setAttribute("data-words", words); // inside the closed root: for the e2e tests' eyes only
        for (const rect of this.#segments[index]) {
          const segment = document.createElement("div");
          segment.className = "underline-segment";
          Object.assign(segment.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
          group.append(segment);
        }
        return group;
      }),
    );
  }

  /** `{key, item, segment}` of the underlined words at the point (client coordinates), or null. */
  at(x, y) {
    const box = this.#box;
    if (!this.visible || !box || x < box.left || x > box.right || y < box.top || y > box.bottom + HIT_SLACK_PX) return null;
    for (const [item, rects] of this.#segments.entries()) {
      const segment = rects.findIndex((r) => x >= box.left + r.left && x <= box.left + r.left + r.width && y >= box.top + r.top && y <= box.top + r.top + r.height + HIT_SLACK_PX);
      if (segment >= 0) return { key: this.#items[item].key, item, segment };
    }
    return null;
  }

  /** `{key, item, segment}` of the underlined words the caret (`node`, `offset`, at `caret`, its rectangle) is in, or null. */
  atCaret(node, offset, caret) {
    for (const [item, { range, key }] of this.#items.entries()) {
      let where;
      try {
        where = range.comparePoint(node, offset);
      } catch {
        continue; // the caret is somewhere the range cannot compare (another document, a detached node)
      }
      if (where !== 0) continue;
      const rects = this.#segments[item] ?? [];
      const middle = caret ? (caret.top + caret.bottom) / 2 - (this.#box?.top ?? 0) : null;
      const segment = middle === null ? 0 : Math.max(0, rects.findIndex((r) => middle >= r.top && middle <= r.top + r.height));
      return { key, item, segment };
    }
    return null;
  }

  /** The client rectangle of segment `segment` of item `item`, as last drawn; null if it is gone or out of the box. */
  segmentRect(item, segment) {
    const rect = this.#segments[item]?.[segment];
    const box = this.#box;
    if (!rect || !box) return null;
    const left = box.left + rect.left;
    const top = box.top + rect.top;
    const shown = top + rect.height > box.top && top < box.bottom && left + rect.width > box.left && left < box.right;
    return shown ? { left, top, right: left + rect.width, bottom: top + rect.height, width: rect.width, height: rect.height } : null;
  }
}

/** The words' rectangles relative to `box`, without the empty edges of elements the range crosses. */
function relativeRects(range, box) {
  const rects = [];
  for (const rect of range.getClientRects()) {
    if (rect.width < 1 || rect.height < 1) continue;
    rects.push({ left: round(rect.left - box.left), top: round(rect.top - box.top), width: round(rect.width), height: round(rect.height) });
  }
  return rects;
}

function round(value) {
  return Math.round(value * 2) / 2;
}
