// Opens a problem's card at its words: when the pointer rests on underlined words, or when the
// caret is moved into them (arrow keys, a click). Which words are under the pointer or the caret
// is worked out from the underlines' rectangles and ranges: nothing is added to the editor, and the
// underlines take no pointer events, so clicks reach the editor as before. Typing never opens a
// card; moving the pointer away closes one it opened, after a moment to reach the card; Escape
// closes it and leaves the draft's caret where it was.

import { placeSelection } from "./editor-selection.js";

// The pointer must rest this long on the words: sweeping across a line opens nothing.
const OPEN_AFTER_MS = 150;
// Time to cross from the words to the card before it closes.
const CLOSE_AFTER_MS = 400;
// Keys that move the caret without typing.
const CARET_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

export class CardAtWord {
  #editor;
  #underlines;
  #panel;
  #open = null; // {key, item, segment, by: "pointer" | "caret"}
  #pending = null; // the words the pointer rests on, until OPEN_AFTER_MS have passed
  #openTimer = 0;
  #closeTimer = 0;
  #caret = null; // the draft's selection when the focus went into the card, to put back
  #listeners;

  /** For `editor`, whose words `underlines` draws, showing the card in `panel`'s word card. */
  constructor(editor, underlines, panel) {
    this.#editor = editor;
    this.#underlines = underlines;
    this.#panel = panel;
    this.#listeners = [
      [document, "mousemove", (event) => this.#pointerAt(event.clientX, event.clientY), { passive: true }],
      [document, "mousedown", (event) => this.#pressedOutside(event)],
      // Bubbling, not capturing: Decorum's roots keep their own focus and presses (surface.js).
      [document, "focusin", (event) => this.#focusMoved(event)],
      [editor, "mouseup", () => setTimeout(() => this.#caretMoved(), 0)], // after the click has put the caret
      [editor, "keyup", (event) => CARET_KEYS.has(event.key) && this.#caretMoved(), true],
      [window, "keydown", (event) => this.#keyInDraft(event), true],
    ];
    for (const [target, type, listener, options] of this.#listeners) target.addEventListener(type, listener, options);
  }

  destroy() {
    for (const [target, type, listener, options] of this.#listeners) target.removeEventListener(type, listener, options);
    this.close();
  }

  /** For placement.js: shown while a card is open. */
  get visible() {
    return this.#open !== null;
  }

  /** Places the open card by its words, wherever they are now; closes it once they are out of sight. */
  place() {
    if (!this.#open) return;
    const words = this.#underlines.segmentRect(this.#open.item, this.#open.segment);
    if (words) this.#panel.placeWordCard(words);
    else this.close();
  }

  /** Whether the keyboard focus is in the card. */
  get hasFocus() {
    return this.#panel.wordCard.hasFocus;
  }

  /** The keyboard command with a card open: into the card, keeping the draft's caret to put back. */
  focusCard() {
    if (!this.#open) return false;
    this.#keepCaret();
    this.#panel.wordCard.focus();
    return true;
  }

  /** Closes the card; if the focus was in it, back to the draft with its caret where it was. */
  close() {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#pending = null;
    const hadFocus = this.hasFocus;
    this.#open = null;
    this.#panel.hideWordCard();
    if (hadFocus) this.#backToDraft();
  }

  #show(hit, by) {
    clearTimeout(this.#closeTimer);
    if (this.#open?.key === hit.key) {
      this.#open = { ...hit, by: by === "caret" ? "caret" : this.#open.by };
      return this.place();
    }
    if (!this.#panel.showWordCard(hit.key, () => this.close())) return;
    this.#open = { ...hit, by };
    this.place();
  }

  #pointerAt(x, y) {
    if (this.#open && this.#panel.wordCard.contains(x, y)) return clearTimeout(this.#closeTimer);
    const hit = this.#underlines.at(x, y);
    if (hit) {
      clearTimeout(this.#closeTimer);
      if (this.#open?.key === hit.key || this.#pending?.key === hit.key) return;
      clearTimeout(this.#openTimer);
      this.#pending = hit;
      this.#openTimer = setTimeout(() => {
        this.#pending = null;
        this.#show(hit, "pointer");
      }, OPEN_AFTER_MS);
      return;
    }
    clearTimeout(this.#openTimer);
    this.#pending = null;
    // A card the pointer opened goes when the pointer goes; one the caret or the keyboard opened stays.
    if (this.#open?.by === "pointer" && !this.hasFocus) {
      clearTimeout(this.#closeTimer);
      this.#closeTimer = setTimeout(() => this.close(), CLOSE_AFTER_MS);
    }
  }

  #caretMoved() {
    const selection = getSelection();
    const inDraft = selection.rangeCount === 1 && selection.isCollapsed && this.#editor.contains(selection.focusNode);
    const caret = inDraft ? selection.getRangeAt(0).getBoundingClientRect() : null;
    const hit = inDraft ? this.#underlines.atCaret(selection.focusNode, selection.focusOffset, caret) : null;
    if (hit) this.#show(hit, "caret");
    else if (this.#open?.by === "caret") this.close();
  }

  #keyInDraft(event) {
    if (!this.#open || !(event.target instanceof Node) || !this.#editor.contains(event.target)) return;
    if (event.key === "Escape") {
      // The Escape was for the card: the site's own (closing its dialog) must not act on it too.
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === "Tab" && !event.shiftKey) {
      this.#keepCaret(); // the browser moves the focus into the card, which comes next
    }
  }

  /** A press anywhere but the draft and Decorum's own (which keeps its presses) closes the card. */
  #pressedOutside(event) {
    if (this.#open && !(event.target instanceof Node && this.#editor.contains(event.target))) this.close();
  }

  /** The focus went somewhere on the page other than the draft (Decorum's roots keep theirs). */
  #focusMoved(event) {
    if (this.#open && !(event.target instanceof Node && this.#editor.contains(event.target))) this.close();
  }

  #keepCaret() {
    const selection = getSelection();
    const inDraft = selection.rangeCount === 1 && this.#editor.contains(selection.focusNode);
    this.#caret = inDraft ? selection.getRangeAt(0).cloneRange() : null;
  }

  /** Escape in the card, or its buttons: back to the draft, the caret where it was. */
  #backToDraft() {
    const caret = this.#caret;
    this.#caret = null;
    if (!caret) return void this.#editor.focus();
    placeSelection(
      this.#editor,
      () => {
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(caret);
        return caret;
      },
      (placed) => {
        const selection = getSelection();
        return selection.rangeCount === 1 && selection.getRangeAt(0).compareBoundaryPoints(Range.START_TO_START, placed) === 0 && selection.getRangeAt(0).compareBoundaryPoints(Range.END_TO_END, placed) === 0;
      },
    );
  }
}
