// The card at the word: one problem's card (card-view.js, the same as in the panel's list, with the
// same actions), shown in the top layer by the words it is about, under them or over them, inside
// the window. It lives in its panel's closed root, before the panel, so that Tab from the draft
// reaches it first while it is open; the focus goes into it only on Tab or the keyboard command.

import { cardKey, cardLabel, el, renderCard } from "./card-view.js";
import { MARGIN_PX } from "./panel-position.js";

const GAP_PX = 4;
const WIDTH_PX = 340;
// Under the words if this much of the card fits there (or more than over them).
const MIN_ROOM_PX = 160;

export class WordCard {
  element = el("div", { "data-decorum-word-card": "", role: "dialog", tabindex: "-1" });
  #shown = null; // the card shown: its key
  #placedFor = "";

  /** `onEscape()`: the member pressed Escape in it. */
  constructor({ onEscape }) {
    this.element.popover = "manual";
    // As in the panel: clicking a button must not take the caret out of the editor.
    this.element.addEventListener("mousedown", (event) => event.preventDefault());
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape") onEscape();
    });
  }

  get open() {
    return this.#shown !== null;
  }

  /** The key of the card shown (card-view.js's cardKey), or null. */
  get key() {
    return this.#shown;
  }

  get hasFocus() {
    return this.open && this.element.contains(this.element.getRootNode().activeElement);
  }

  /** Shows `card` (a live card of cards.js) with `actions` on its buttons; placed by the next `place`. */
  show(card, policyInfo, actions) {
    const view = renderCard(card, policyInfo, actions, { tag: "div" });
    view.removeAttribute("aria-label"); // the dialog says it: once is enough
    view.removeAttribute("tabindex");
    this.element.setAttribute("aria-label", cardLabel(card));
    this.element.replaceChildren(view);
    this.#shown = cardKey(card);
    this.#placedFor = "";
    if (this.element.isConnected && !this.element.matches(":popover-open")) this.element.showPopover();
  }

  hide() {
    if (this.element.matches(":popover-open")) this.element.hidePopover();
    this.element.replaceChildren();
    this.#shown = null;
  }

  focus() {
    this.element.focus();
  }

  /** Whether the point (client coordinates) is on the card. */
  contains(x, y) {
    if (!this.open) return false;
    const box = this.element.getBoundingClientRect();
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }

  /**
   * Places the card by `words` (the rectangle of the flagged words it is about): under them, else
   * over them, left-aligned with them, inside the window; never over `avoid` (the panel) where the
   * other side is free of it.
   */
  place(words, avoid) {
    if (!this.open) return;
    const key = [words.left, words.top, words.bottom, innerWidth, innerHeight, avoid?.top, avoid?.left].map(Math.round).join();
    if (key === this.#placedFor) return;
    this.#placedFor = key;
    const style = this.element.style;
    const width = Math.min(WIDTH_PX, innerWidth - 2 * MARGIN_PX);
    style.width = `${width}px`;
    style.maxHeight = "none";
    const height = this.element.getBoundingClientRect().height;
    const left = Math.max(MARGIN_PX, Math.min(words.left, innerWidth - MARGIN_PX - width));
    const below = { top: words.bottom + GAP_PX, room: innerHeight - MARGIN_PX - (words.bottom + GAP_PX) };
    const above = { top: null, room: words.top - GAP_PX - MARGIN_PX };
    const fits = (side) => side.room >= Math.min(height, MIN_ROOM_PX);
    let under = fits(below) || below.room >= above.room;
    if (avoid) {
      const overlaps = (side) => {
        const top = side === below ? below.top : words.top - GAP_PX - Math.min(height, side.room);
        const bottom = top + Math.min(height, side.room);
        return left < avoid.right && left + width > avoid.left && top < avoid.bottom && bottom > avoid.top;
      };
      const chosen = under ? below : above;
      const other = under ? above : below;
      if (overlaps(chosen) && fits(other) && !overlaps(other)) under = !under;
    }
    const room = Math.max(0, under ? below.room : above.room);
    style.maxHeight = `${Math.floor(room)}px`;
    style.left = `${Math.round(left)}px`;
    style.top = under ? `${Math.round(below.top)}px` : "auto";
    style.bottom = under ? "auto" : `${Math.round(innerHeight - (words.top - GAP_PX))}px`;
  }
}
