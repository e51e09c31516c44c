// One compose box while it exists: waits for a pause in typing, reads the draft, asks the
// background to check it, and shows the answer in its panel. Only the newest answer counts.
//
// Nothing happens until the member types into the box: a key, a paste, a drop, an input method,
// each a trusted event that no page script can make. Until then Decorum reads nothing, checks
// nothing and draws nothing, so a page cannot plant a hidden editable box, fill it with a
// society's name and watch whether Decorum reacts.

import { sendToBackground } from "../platform.js";
import { MAX_DRAFT_UTF16_UNITS } from "../shared/contract.js";
import { MSG } from "../shared/messages.js";
import { CardAtWord } from "./card-at-word.js";
import { cardKey } from "./card-view.js";
import { dismissalKey, groupIntoCards } from "./cards.js";
import { Panel } from "./panel.js";
import { follow, schedule as schedulePlacement, unfollow } from "./placement.js";
import { releaseSurface, surface } from "./surface.js";
import { Underlines } from "./underlines.js";
import { waitForNewUndoStep } from "./undo-step.js";

const DEBOUNCE_MS = 300;
// A check the engine did not answer in time is asked again by itself, less often each time, until
// it is answered: the engine may only have been busy.
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;
// What a person does to put words in a box; input and change events are trusted even when a
// page script's execCommand caused them, these are not.
const TYPING_EVENTS = ["keydown", "beforeinput", "paste", "drop", "compositionstart"];
// Boxes the member has typed into, for as long as they exist: a box met again (its site switched
// off and on) is checked at once, as before.
const typedInto = new WeakSet();
let nextComposerId = 1;

export class DraftSession {
  id = `c${nextComposerId++}`;
  #editor;
  #adapter;
  #site;
  #panel;
  #underlines = new Underlines();
  #cardAtWord = null; // from the first keystroke
  #engaged = false; // the member has typed into this box
  #timer = null;
  #retry = { timer: null, delay: RETRY_FIRST_MS };
  #edits = 0; // bumped on every change: an answer about an older draft is dropped
  #checks = 0;
  #shown = null; // {text, answer}: what the panel shows now
  // What the member dismissed in this draft (dismissalKey: category and words), so that a re-check
  // keeps it dismissed for as long as those words are there; forgotten when the box is emptied.
  #dismissed = new Set();
  #typedAt = 0; // performance.now() of the last input event
  // performance.now() of the box's last change, whoever made it: Quill makes a new line or a
  // deletion itself from the key, with no input event, and its undo steps count those too.
  #changedAt = 0;
  #fixing = false; // a fix is on its way in: a second click must not add it twice
  #onInput = () => {
    this.#typedAt = performance.now();
    this.#edited(true);
  };
  #observer = new MutationObserver(() => this.#edited(false));
  #onTyping = (event) => {
    if (event.isTrusted) this.#engage();
  };

  constructor(editor, adapter, site) {
    this.#editor = editor;
    this.#adapter = adapter;
    this.#site = site;
    this.#panel = new Panel({
      onFix: (finding) => this.#applyFix(finding),
      onSelect: (card) => this.#select(card),
      onDismiss: (card) => this.#setDismissed(card, true),
      onUndo: (card) => this.#setDismissed(card, false),
      onNameSociety: () => sendToBackground({ type: MSG.openSettings }),
      onEscape: () => editor.focus(),
      onWordCardEscape: () => this.#cardAtWord?.close(),
    });
    if (typedInto.has(editor)) this.#engage();
    else for (const type of TYPING_EVENTS) editor.addEventListener(type, this.#onTyping, true);
  }

  destroy() {
    clearTimeout(this.#timer);
    this.#stopRetrying();
    for (const type of TYPING_EVENTS) this.#editor.removeEventListener(type, this.#onTyping, true);
    this.#observer.disconnect();
    this.#editor.removeEventListener("input", this.#onInput);
    unfollow(this.#panel);
    unfollow(this.#underlines);
    if (this.#cardAtWord) {
      unfollow(this.#cardAtWord);
      this.#cardAtWord.destroy();
    }
    this.#underlines.remove();
    releaseSurface();
    this.#panel.remove();
    this.#edits++;
  }

  /** Checks again even if the text is unchanged: settings or the engine changed. */
  recheck() {
    if (!this.#engaged) return;
    this.#shown = null;
    this.#schedule(0);
  }

  #engage() {
    if (this.#engaged) return;
    this.#engaged = true;
    typedInto.add(this.#editor);
    for (const type of TYPING_EVENTS) this.#editor.removeEventListener(type, this.#onTyping, true);
    const editor = this.#editor;
    const adapter = this.#adapter;
    this.#underlines.attach(surface());
    this.#panel.attach(editor);
    this.#cardAtWord = new CardAtWord(editor, this.#underlines, this.#panel);
    // The panel keeps clear of the box and of the site's Post button; the rest are on the words.
    follow(this.#panel, () => (editor.isConnected ? [adapter.anchor(editor), adapter.submitButton(editor)] : []));
    follow(this.#underlines, () => (editor.isConnected ? [editor] : []));
    follow(this.#cardAtWord, () => (editor.isConnected ? [editor] : []));
    editor.addEventListener("input", this.#onInput);
    // The site may change the draft without an input event (clearing it after posting).
    this.#observer.observe(editor, { childList: true, subtree: true, characterData: true });
    // The keystroke that engaged it is on its way into the editor: check after the pause.
    this.#schedule(DEBOUNCE_MS);
  }

  get offline() {
    return this.#panel.state === "offline";
  }

  /** Whether the keyboard focus is in this box's panel (or its card at the word), or in the box itself. */
  get focus() {
    if (this.#panel.hasFocus || this.#cardAtWord?.hasFocus) return "panel";
    const active = document.activeElement;
    return active && (active === this.#editor || this.#editor.contains(active)) ? "editor" : null;
  }

  /** When the member last typed here (performance.now()). */
  get typedAt() {
    return this.#typedAt;
  }

  /**
   * The keyboard command: from the draft to the card at the word if one is open, else to its panel;
   * and from either back to the draft.
   */
  toggleFocus() {
    if (this.#cardAtWord?.hasFocus) this.#cardAtWord.close();
    else if (this.#panel.hasFocus) this.#editor.focus();
    else if (!this.#cardAtWord?.focusCard()) this.#panel.focus();
  }

  #edited(typed) {
    this.#edits++;
    this.#changedAt = performance.now();
    this.#cardAtWord?.close();
    this.#underlines.clear(); // the ranges point into a DOM that just changed
    if (typed) this.#panel.showChecking();
    this.#schedule(DEBOUNCE_MS);
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#check(), delay);
  }

  async #check() {
    const edits = this.#edits;
    const draft = this.#adapter.read(this.#editor); // after the pause: Quill updates its DOM late
    if (draft.text === this.#shown?.text) return this.#render(this.#shown.answer, draft);
    if (draft.text.trim() === "") {
      this.#dismissed.clear(); // a new draft starts with nothing dismissed
      return this.#render({ type: "empty" }, draft);
    }
    if (draft.text.length > MAX_DRAFT_UTF16_UNITS) return this.#render({ type: "error", code: "too_large" }, draft);

    const check = ++this.#checks;
    this.#panel.showChecking();
    const answer = await sendToBackground({ type: MSG.check, composer: this.id, text: draft.text, site: this.#site });
    if (check !== this.#checks || edits !== this.#edits || answer?.type === "stale") return; // a newer check is due
    this.#render(answer, this.#adapter.read(this.#editor));
  }

  #render(answer, draft) {
    const panel = this.#panel;
    this.#shown = { text: draft.text, answer };
    this.#cardAtWord?.close();
    this.#underlines.clear();
    if (answer?.code === "timeout") this.#retryLater();
    else this.#stopRetrying();
    switch (answer?.type) {
      case "empty":
        panel.showIdle();
        break;
      case "inactive":
        panel.showInactive();
        break;
      case "result": {
        const cards = groupIntoCards(answer.findings, draft.text).map((card) => ({
          ...card,
          dismissed: card.findings.every((f) => this.#dismissed.has(dismissalKey(f, draft.text))),
          text: draft.text,
        }));
        panel.showFindings(cards, answer.policyInfo, {
          incomplete: (answer.incomplete?.length ?? 0) > 0,
          needsIdentity: answer.needs_identity ?? [],
        });
        this.#underlines.show(
          cards
            .filter((card) => !card.dismissed)
            .flatMap((card) => card.findings.map((f) => ({ range: draft.rangeFor(f.start, f.end), severity: card.severity, key: cardKey(card) })))
            .filter((item) => item.range),
        );
        break;
      }
      default:
        if (answer?.code === "too_large") panel.showTooLarge();
        else {
          panel.showOffline(answer?.code === "timeout" ? "timeout" : answer?.status);
          this.#shown = null; // ask again next time, even for the same text
        }
    }
    schedulePlacement();
  }

  #retryLater() {
    clearTimeout(this.#retry.timer);
    this.#retry.timer = setTimeout(() => this.recheck(), this.#retry.delay);
    this.#retry.delay = Math.min(this.#retry.delay * 2, RETRY_MAX_MS);
  }

  #stopRetrying() {
    clearTimeout(this.#retry.timer);
    this.#retry = { timer: null, delay: RETRY_FIRST_MS };
  }

  async #applyFix(finding) {
    if (this.#fixing) return;
    this.#fixing = true;
    try {
      const ownStep = await waitForNewUndoStep(() => this.#changedAt, this.#adapter.undoGroupMs);
      if (!this.#editor.isConnected) return;
      // Never a fix that one Ctrl+Z would take out together with what the member just did.
      if (!ownStep) return this.#panel.showFixFailed();
      // Read now, not at the click: the user may have typed while the fix waited.
      const draft = this.#adapter.read(this.#editor);
      const added = await this.#adapter.insertFix(this.#editor, finding.fix.text, draft.text);
      // Added: the editor's change fires `input` or mutates the box, and the check after the pause clears the finding.
      if (!added) this.#panel.showFixFailed();
    } finally {
      this.#fixing = false;
    }
  }

  #setDismissed(card, dismissed) {
    for (const finding of card.findings) {
      const key = dismissalKey(finding, card.text);
      if (dismissed) this.#dismissed.add(key);
      else this.#dismissed.delete(key);
    }
    if (this.#shown?.answer) this.#render(this.#shown.answer, this.#adapter.read(this.#editor));
  }

  /** Selects the card's words in the editor, from its first flagged word to its last. */
  async #select(card) {
    const draft = this.#adapter.read(this.#editor);
    if (draft.text !== card.text) return; // typed since: the check after the pause brings new cards
    await this.#adapter.select(this.#editor, card.start, card.end);
  }
}
