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

/** The underlines of one compose box, clipped to the box (a long draft scrolls inside it). */
export class Underlines {
  #layer = document.createElement("div");
  #items = []; // [{range, severity, words}]

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

  /** Underlines `items` ({range, severity}) from now on; placed at the next `place`. */
  show(items) {
    this.#items = items.map((item) => ({ ...item, words: item.range.toString() }));
    this.#layer.hidden = this.#items.length === 0;
    if (!this.visible) this.#layer.replaceChildren();
  }

  clear() {
    this.show([]);
  }

  /** Draws the underlines again where their words are now, clipped to `box` (the editor's rect). */
  place(box) {
    if (!this.visible) return;
    Object.assign(this.#layer.style, {
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
    this.#layer.replaceChildren(
      ...this.#items.map(({ range, severity, words }) => {
        const group = document.createElement("div");
        group.setAttribute("data-severity", severity);
        group.setAttribute("data-words", words); // inside the closed root: for the e2e tests' eyes only
        for (const rect of range.getClientRects()) {
          if (rect.width < 1 || rect.height < 1) continue; // the edges of elements the range crosses
          const segment = document.createElement("div");
          segment.className = "underline-segment";
          Object.assign(segment.style, {
            left: `${rect.left - box.left}px`,
            top: `${rect.top - box.top}px`,
            width: `${rect.width}px`,
            height: `${rect.height}px`,
          });
          group.append(segment);
        }
        return group;
      }),
    );
  }
}
