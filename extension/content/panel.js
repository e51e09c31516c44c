// The inline panel of one compose box: a count that opens into one card per problem, each naming
// the words it is about and listing every policy it breaks with that policy's clause, what to do
// next and whom the policy says to ask. It lives in a closed shadow root of its own placed right
// after the compose box (surface.js), shown in the top layer by the box (panel-position.js says
// where).
//
// Test-facing contract (inside the closed root, reached by the e2e tests through the DevTools
// protocol; extension/README.md, "The panel"): the panel's element has `data-decorum-panel` and
// `data-decorum-state` (idle | checking | ok | findings | dismissed | offline | too_large |
// inactive); the count element has `data-decorum-count` (live problems); each card has
// `data-card`, `data-category`, `data-severity` (and `data-dismissed` once dismissed); each policy in
// a card has `data-policy`, `data-category` and `data-rule`; buttons have `data-action` = fix (with
// `data-fix-text`) | select | dismiss | undo | more | name-society.

import { keepClear, offscreen, panelSpot, panelWidth } from "./panel-position.js";
import { schedule as schedulePlacement } from "./placement.js";
import { PANEL_CSS } from "./panel-style.js";
import { shadowSurface } from "./surface.js";

// A flagged phrase longer than this is cut in the card's quote (a model's finding spans a sentence).
const QUOTE_CHARS = 48;
const QUOTED_PHRASES = 3;

const OFFLINE_TEXT = {
  not_installed: "Decorum engine not installed — open the Decorum popup",
  failing: "Decorum engine fails to start — open the Decorum popup",
  timeout: "Decorum engine is not answering — trying again",
};
const OFFLINE_DEFAULT = "Decorum engine not connected — open the Decorum popup";

const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Note" };
const FIX_LABEL = { disclaimer: "Add disclaimer" };
// The problem in a few words, for the card's heading and its label.
const PROBLEM = {
  disclaimer: "No personal-views statement",
  brand: "Logo or name used",
  confidential: "Confidential material",
  personal_data: "Personal data",
  political: "Party politics",
  disparagement: "Criticism",
  endorsement: "Endorsement",
  abusive: "Abusive language",
  representation: "Speaking for the organisation",
  reference: "A reference for someone",
  media: "Dealing with the press",
  copyright: "Someone else's content",
};

let nextListId = 1;

export class Panel {
  element = document.createElement("div");
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
  #layout = 0; // bumped whenever what the panel shows changes: its place is worked out again
  #placedFor = "";

  /**
   * `actions`: onFix(finding), onSelect(card), onDismiss(card), onUndo(card), onNameSociety(),
   * onEscape() (the member wants back to the draft).
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
    this.#surface.root.append(this.element);
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
    this.#list.replaceChildren(...cards.map((card) => this.#renderCard(card, policyInfo)));
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

  #renderCard(card, policyInfo) {
    const problem = PROBLEM[card.category] ?? card.category;
    const quoted = quoteWords(card.words);
    const item = el("li", {
      class: "card",
      "data-card": "",
      "data-key": `${card.category}\u001f${card.words.join("\u001f")}`,
      "data-category": card.category,
      "data-severity": card.severity,
      tabindex: "-1",
    });
    if (card.dismissed) {
      item.setAttribute("data-dismissed", "");
      item.setAttribute("aria-label", `Dismissed: ${problem}, ${quoted}`);
      const undo = el("button", { type: "button", class: "undo", "data-action": "undo", "aria-label": `Undo dismissing ${problem}, ${quoted}` }, "Undo");
      undo.addEventListener("click", () => this.#actions.onUndo(card));
      item.append(el("span", { class: "dismissed-label" }, "Dismissed"), el("span", { class: "words" }, quoted), el("span", { "aria-hidden": "true" }, " · "), undo);
      return item;
    }
    item.setAttribute("aria-label", `${SEVERITY_LABEL[card.severity]}: ${problem}, ${quoted}`);
    const head = el("p", { class: "meta" });
    head.append(el("span", { class: `severity ${card.severity}` }, SEVERITY_LABEL[card.severity]), el("span", { class: "problem" }, problem));
    item.append(head, el("p", { class: "words", "data-quote": "" }, quoted));

    const entries = el("ul", { class: "policies", "aria-label": "Policies" });
    const rules = [...new Map(card.findings.map((f) => [f.rule, f])).values()];
    rules.forEach((finding, index) => {
      const entry = this.#renderPolicy(finding, policyInfo[finding.policy]);
      entry.hidden = index > 0;
      entries.append(entry);
    });
    item.append(entries);
    if (rules.length > 1) {
      const others = rules.length - 1;
      const more = el("button", { type: "button", class: "more", "data-action": "more", "aria-expanded": "false" }, `Also in ${plural(others, "other policy", "other policies")}`);
      more.addEventListener("click", () => {
        const open = more.getAttribute("aria-expanded") !== "true";
        for (const entry of [...entries.children].slice(1)) entry.hidden = !open;
        more.setAttribute("aria-expanded", String(open));
        more.textContent = open ? "Show the first policy only" : `Also in ${plural(others, "other policy", "other policies")}`;
        schedulePlacement();
      });
      item.append(more);
    }

    const actions = el("div", { class: "actions" });
    const select = el("button", { type: "button", class: "select", "data-action": "select", "aria-label": `Select ${quoted} in the draft` }, "Select words");
    select.addEventListener("click", () => this.#actions.onSelect(card));
    const dismiss = el("button", { type: "button", class: "dismiss", "data-action": "dismiss", "aria-label": `Dismiss: ${problem}, ${quoted}` }, "Dismiss");
    dismiss.addEventListener("click", () => this.#actions.onDismiss(card));
    actions.append(select, dismiss);
    item.append(actions);
    return item;
  }

  /** One policy's part of a card: its name, message, clause, whom it says to ask, and its fix. */
  #renderPolicy(finding, policy) {
    const entry = el("li", { class: "entry", "data-policy": finding.policy, "data-category": finding.category, "data-rule": finding.rule });
    entry.append(el("p", { class: "policy" }, policy?.name ?? finding.policy), el("p", { class: "message" }, finding.message));
    if (finding.source === "model") {
      // Not a rule's exact words: say what weighed, so the member can judge it.
      const why = el("p", { class: "reasons", "data-reasons": "" });
      const words = (finding.reasons ?? []).map((reason) => `“${reason}”`).join(", ");
      why.textContent = words ? `Flagged by Decorum's learned check because of: ${words}` : "Flagged by Decorum's learned check";
      entry.append(why);
    }
    if (finding.clause?.quote) entry.append(quoteBlock(finding.clause));
    const ask = policy?.ask?.[finding.category];
    if (ask?.quote) {
      const block = quoteBlock(ask, "Whom to ask");
      block.classList.add("ask");
      block.setAttribute("data-ask", "");
      entry.append(block);
    }
    if (finding.fix?.kind === "append" && finding.fix.text) {
      const fix = el("button", { type: "button", class: "fix", "data-action": "fix", "data-fix-text": finding.fix.text, title: `Adds: ${finding.fix.text}` },
        FIX_LABEL[finding.category] ?? "Add suggested text");
      fix.addEventListener("click", () => this.#actions.onFix(finding));
      entry.append(el("div", { class: "actions" }, undefined, fix));
    }
    return entry;
  }
}

function quoteBlock({ quote, section }, heading) {
  const block = el("blockquote");
  if (heading) block.append(el("p", { class: "heading" }, heading));
  block.append(el("p", {}, `“${quote}”`));
  if (section) block.append(el("footer", {}, `Section: ${section}`));
  return block;
}

/** The flagged words as the card quotes them: each short, a few of them. */
function quoteWords(words) {
  const shown = words.slice(0, QUOTED_PHRASES).map((w) => `“${w.length > QUOTE_CHARS ? `${w.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : w}”`);
  const rest = words.length - shown.length;
  return shown.join(", ") + (rest > 0 ? ` and ${rest} more` : "");
}

function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

function el(tag, attributes = {}, text, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  element.append(...children);
  return element;
}
