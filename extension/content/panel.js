// The inline panel of one compose box: a count that opens into one card per problem, each naming
// the words it is about and listing every policy it breaks with that policy's clause, what to do
// next and whom the policy says to ask. It lives in a closed shadow root of its own placed right
// after the compose box (surface.js), shown in the top layer by the box (panel-position.js says
// where), with the card at the word (word-card.js) in the same root.
//
// Test-facing contract (inside the closed root, reached by the e2e tests through the DevTools
// protocol; extension/README.md, "The panel"): the panel's element has `data-decorum-panel` and
// `data-decorum-state` (idle | checking | ok | findings | dismissed | offline | too_large |
// inactive); the count element has `data-decorum-count` (live problems); each card has
// `data-card`, `data-category`, `data-severity` (and `data-dismissed` once dismissed); each policy in
// a card has `data-policy`, `data-category` and `data-rule`; buttons have `data-action` = fix (with
// `data-fix-text`) | select | dismiss | undo | more | name-society. The card at the word is the
// element with `data-decorum-word-card` (role "dialog"), holding one `data-card`.

import { cardKey, el, plural, renderCard } from "./card-view.js";
import { keepClear, offscreen, panelSpot, panelWidth } from "./panel-position.js";
import { schedule as schedulePlacement } from "./placement.js";
import { PANEL_CSS } from "./panel-style.js";
import { shadowSurface } from "./surface.js";
import { WordCard } from "./word-card.js";

const OFFLINE_TEXT = {
  not_installed: "Decorum engine not installed — open the Decorum popup",
  failing: "Decorum engine fails to start — open the Decorum popup",
  timeout: "Decorum engine is not answering — trying again",
};
const OFFLINE_DEFAULT = "Decorum engine not connected — open the Decorum popup";

let nextListId = 1;

export class Panel {
  element = document.createElement("div");
  /** The card at the word, in the panel's root (word-card.js). */
  wordCard;
  #surface = shadowSurface(PANEL_CSS);
  #after = null; // the element the panel's root follows in the page (the compose box)
  #bar;
  #count;
  #toggle;
  #notice;
  #list;
  #panel;
  #expanded = false;
  #hidden = true;
  #actions;
  #cards = []; // what the list shows, for the card at the word
  #policyInfo = {};
  #layout = 0; // bumped whenever what the panel shows changes: its place is worked out again
  #placedFor = "";

  /**
   * `actions`: onFix(finding), onSelect(card), onDismiss(card), onUndo(card), onNameSociety(),
   * onEscape() (the member wants back to the draft), onWordCardEscape() (the same, from the card
   * at the word).
   */
  constructor(actions) {
    this.#actions = actions;
    this.element.setAttribute("data-decorum-panel", "");
    this.element.popover = "manual";
    this.#setState("idle");

    const panel = el("div", { class: "panel", role: "group", "aria-label": "Decorum policy check", tabindex: "-1" });
    this.#bar = el("div", { class: "bar" });
    this.#count = el("span", { class: "count", role: "status", "data-decorum-count": "0" });
    const listId = `decorum-findings-${nextListId++}`;
    this.#toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-controls": listId });
    this.#toggle.addEventListener("click", () => this.#setExpanded(!this.#expanded));
    this.#notice = el("div", { class: "notice" });
    this.#notice.hidden = true;
    this.#list = el("ul", { class: "findings", id: listId, "aria-label": "Policy warnings" });
    this.#list.hidden = true;
    this.#bar.append(el("span", { class: "mark", "aria-hidden": "true" }), this.#count, this.#toggle);
    panel.append(this.#bar, this.#notice, this.#list);
    this.element.append(panel);
    this.wordCard = new WordCard({ onEscape: () => actions.onWordCardEscape?.() });
    // The card at the word first: while it is open, Tab from the draft reaches it before the panel.
    this.#surface.root.append(this.wordCard.element, this.element);
    this.#panel = panel;
    this.#setExpanded(false);

    // Clicking a button must not take the caret out of the editor (some sites close or
    // shrink a compose box on blur); keyboard users still reach every button with Tab.
    panel.addEventListener("mousedown", (event) => event.preventDefault());
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      this.#setExpanded(false);
      this.#actions.onEscape?.();
    });
  }

  /** Puts the panel's root right after `editor` in the page: next in reading and Tab order. */
  attach(editor) {
    this.#after = editor;
    this.#reattach();
  }

  remove() {
    this.hideWordCard();
    this.#setHidden(true);
    this.#surface.host.remove();
    this.#after = null;
  }

  get visible() {
    return !this.#hidden;
  }

  get state() {
    return this.element.getAttribute("data-decorum-state");
  }

  /** Whether the keyboard focus is on something in this panel. */
  get hasFocus() {
    return this.element.contains(this.#surface.root.activeElement);
  }

  showIdle() {
    this.#setState("idle");
    this.#setHidden(true);
  }

  showChecking() {
    if (this.state !== "idle") this.#setState("checking");
  }

  /**
   * Shows the draft's problems (cards.js, each with `dismissed`); `incomplete` says that some of
   * the engine's checks were stopped before they finished, `needsIdentity` which policies could not
   * look for their society, so that no warnings does not read as a clean draft.
   */
  showFindings(cards, policyInfo = {}, { incomplete = false, needsIdentity = [] } = {}) {
    this.#cards = cards;
    this.#policyInfo = policyInfo;
    this.element.toggleAttribute("data-incomplete", incomplete);
    this.#showNotice(needsIdentity, policyInfo);
    const live = cards.filter((card) => !card.dismissed).length;
    const dismissed = cards.length - live;
    if (cards.length === 0) {
      let text = "No policy warnings";
      if (incomplete) text = "No policy warnings found, but some checks did not finish";
      else if (needsIdentity.length) text = "No policy warnings found, but one policy could not check";
      return this.#showMessage("ok", text, { keepNotice: true });
    }
    const worst = cards.find((card) => !card.dismissed)?.severity ?? "info";
    this.element.setAttribute("data-severity", worst);
    const parts = [live ? plural(live, "policy warning") : `${plural(dismissed, "warning")} dismissed`];
    if (live && dismissed) parts.push(`${dismissed} dismissed`);
    if (incomplete) parts.push("some checks did not finish");
    this.#setCount(live, parts.join(" · "));
    const focus = this.#focusedControl();
    this.#list.replaceChildren(...cards.map((card) => renderCard(card, policyInfo, this.#actions)));
    this.#toggle.hidden = false;
    this.#setState(live ? "findings" : "dismissed");
    this.#setHidden(false);
    if (focus) this.#restoreFocus(focus);
  }

  showOffline(reason) {
    this.#showMessage("offline", OFFLINE_TEXT[reason] ?? OFFLINE_DEFAULT);
  }

  showTooLarge() {
    this.#showMessage("too_large", "This draft is too long for Decorum to check");
  }

  showInactive() {
    this.#showMessage("inactive", "No policy switched on — choose one in the Decorum popup");
  }

  /** Says, in place of the count until the next answer, that a fix could not be added. */
  showFixFailed() {
    this.#setCount(Number(this.#count.getAttribute("data-decorum-count")), "Could not add the text at the end of the draft: nothing was changed");
  }

  /** Moves the keyboard focus into the panel: its first problem, opened, else its first control. */
  focus() {
    if (this.#hidden) return false;
    if (!this.#toggle.hidden) this.#setExpanded(true);
    const target = this.#list.querySelector("[data-card]") ?? this.#notice.querySelector("button") ?? this.#panel;
    target.focus();
    return this.hasFocus;
  }

  /**
   * Opens the card at the word for the live problem known by `key` (card-view.js's cardKey), its
   * buttons doing what the list's do after `before()`; false if there is no such problem.
   */
  showWordCard(key, before) {
    const card = this.#cards.find((c) => !c.dismissed && cardKey(c) === key);
    if (!card || this.#hidden) return false;
    const act = (action) => (...args) => {
      before();
      action(...args);
    };
    const actions = this.#actions;
    this.wordCard.show(card, this.#policyInfo, {
      onFix: act(actions.onFix),
      onSelect: act(actions.onSelect),
      onDismiss: act(actions.onDismiss),
      onUndo: act(actions.onUndo),
    });
    return true;
  }

  hideWordCard() {
    this.wordCard.hide();
  }

  /** Places the card at the word by its words' rectangle, clear of this panel where it can be. */
  placeWordCard(words) {
    const panel = this.#hidden ? null : this.#panel.getBoundingClientRect();
    this.wordCard.place(words, panel);
  }

  /**
   * Places the panel by its compose box's frame `box` and the site's Post button `button` (if
   * found): see panel-position.js. Cheap when neither they, the window nor the panel changed.
   */
  place([box, button]) {
    if (this.#hidden || !box) return;
    this.#reattach();
    const boxRect = box.getBoundingClientRect();
    const buttonRect = button?.getBoundingClientRect() ?? null;
    const viewport = { width: innerWidth, height: innerHeight };
    const keep = keepClear(boxRect, buttonRect);
    const key = [keep.left, keep.top, keep.right, keep.bottom, boxRect.bottom, buttonRect?.top, viewport.width, viewport.height, this.#layout].map(Math.round).join();
    if (key === this.#placedFor) return;
    this.#placedFor = key;
    const gone = offscreen(keep, viewport);
    this.element.style.visibility = gone ? "hidden" : "visible";
    if (gone) return;
    const style = this.element.style;
    const { beside, width } = panelWidth(keep, viewport);
    style.setProperty("--decorum-width", `${Math.floor(width)}px`);
    this.element.setAttribute("data-align", beside ? "left" : "right"); // its width closed: see panel-style.js
    const borders = this.#panel.offsetHeight - this.#panel.clientHeight;
    const bar = this.#bar.offsetHeight + borders;
    const head = this.#panel.offsetHeight - (this.#list.hidden ? 0 : this.#list.offsetHeight);
    const spot = panelSpot({ box: boxRect, button: buttonRect, viewport, bar, head });
    style.setProperty("--decorum-list-room", `${spot.listRoom}px`);
    this.element.setAttribute("data-opens", spot.opens);
    style.left = spot.align === "left" ? `${spot.inset}px` : "auto";
    style.right = spot.align === "left" ? "auto" : `${spot.inset}px`;
    style.top = spot.opens === "down" ? `${spot.barTop}px` : "auto";
    style.bottom = spot.opens === "down" ? "auto" : `${viewport.height - (spot.barTop + bar)}px`;
  }

  /** A site that re-renders the box's surroundings may have dropped the panel's element. */
  #reattach() {
    const { host } = this.#surface;
    // Moved only when gone or the box moved: moving it would take the focus out of the panel.
    if (this.#after?.isConnected && host.parentNode !== this.#after.parentNode) this.#after.after(host);
    if (!this.#hidden && host.isConnected && !this.element.matches(":popover-open")) this.element.showPopover();
  }

  #showMessage(state, text, { keepNotice = false } = {}) {
    const hadFocus = this.hasFocus; // e.g. the last warning was just dismissed
    this.#cards = [];
    this.element.removeAttribute("data-severity");
    if (!keepNotice) this.#showNotice([], {});
    this.#setCount(0, text);
    this.#list.replaceChildren();
    this.#setExpanded(false);
    this.#toggle.hidden = true;
    this.#setState(state);
    this.#setHidden(false);
    if (state !== "ok") this.element.removeAttribute("data-incomplete");
    if (hadFocus && !this.hasFocus) this.#actions.onEscape?.(); // its buttons are gone: back to the draft
  }

  /** Says which policies could not check for want of the member's society, with the way to name it. */
  #showNotice(needsIdentity, policyInfo) {
    const ids = needsIdentity.join(" ");
    this.element.toggleAttribute("data-needs-identity", ids !== "");
    if (ids === (this.#notice.getAttribute("data-needs-identity") ?? "")) return; // said already: not again
    this.#relayout();
    this.#notice.hidden = ids === "";
    if (!ids) {
      this.#notice.removeAttribute("data-needs-identity");
      return this.#notice.replaceChildren();
    }
    this.#notice.setAttribute("data-needs-identity", ids);
    const names = needsIdentity.map((id) => `“${policyInfo[id]?.name ?? id}”`).join(", ");
    const button = el("button", { type: "button", class: "name-society", "data-action": "name-society" }, "Name your society");
    button.addEventListener("click", () => this.#actions.onNameSociety?.());
    this.#notice.replaceChildren(
      el("p", {}, `${names} cannot look for mentions of your society until you name it.`),
      button,
    );
  }

  #setHidden(hidden) {
    this.#hidden = hidden;
    this.#relayout();
    if (hidden && this.element.matches(":popover-open")) this.element.hidePopover();
    if (!hidden) this.#reattach();
  }

  #setState(state) {
    this.element.setAttribute("data-decorum-state", state);
  }

  #setCount(count, text) {
    this.#count.setAttribute("data-decorum-count", String(count));
    if (this.#count.textContent === text) return; // no repeat announcements
    this.#count.textContent = text;
    this.#relayout(); // the bar may wrap to another line
  }

  #setExpanded(expanded) {
    this.#expanded = expanded;
    this.#list.hidden = !expanded;
    this.#panel.classList.toggle("expanded", expanded);
    this.#toggle.setAttribute("aria-expanded", String(expanded));
    this.#toggle.textContent = expanded ? "Hide" : "Show";
    this.#toggle.setAttribute("aria-label", expanded ? "Hide policy warnings" : "Show policy warnings");
    this.#relayout();
  }

  /** What the panel shows changed size: its place is worked out again in the next frame. */
  #relayout() {
    this.#layout++;
    schedulePlacement();
  }

  /** The focused control, as something that can be found again in the next rendering. */
  #focusedControl() {
    if (!this.hasFocus) return null;
    const active = this.#surface.root.activeElement;
    const card = active.closest("[data-card]");
    return { key: card?.getAttribute("data-key") ?? null, action: active.getAttribute("data-action"), policy: active.closest("[data-policy]")?.getAttribute("data-rule") ?? null };
  }

  #restoreFocus({ key, action, policy }) {
    const card = [...this.#list.querySelectorAll("[data-card]")].find((c) => c.getAttribute("data-key") === key);
    // Dismiss becomes Undo and Undo becomes Dismiss in the same place; anything else stays itself.
    const next = { dismiss: "undo", undo: "dismiss" }[action] ?? action;
    const inEntry = policy && card?.querySelector(`[data-rule="${CSS.escape(policy)}"] [data-action="${next}"]`);
    const target = inEntry || card?.querySelector(`[data-action="${next}"]`) || card || this.#list.querySelector("button") || this.#toggle;
    target.focus();
  }
}
