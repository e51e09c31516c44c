// The inline panel next to one compose box: a count that opens into the findings, each with
// its policy, message, clause and buttons. It lives in Decorum's closed shadow root (surface.js),
// never inside the editor, and follows the compose box as the page moves.
//
// Test-facing contract (inside the closed root, reached by the e2e tests through the DevTools
// protocol): the panel's element has `data-decorum-panel` and `data-decorum-state`
// (idle | checking | ok | findings | offline | too_large | inactive); the count element has
// `data-decorum-count`; each finding has `data-policy`, `data-category` and `data-rule`; its
// buttons have `data-action="fix"` (with `data-fix-text`) / `data-action="dismiss"`.

import { schedule as schedulePlacement } from "./placement.js";
import { releaseSurface, surface } from "./surface.js";

const GAP_PX = 6;
const MARGIN_PX = 8;
// Beside the compose box only if the panel can be at least this wide there.
const MIN_BESIDE_PX = 240;

const OFFLINE_TEXT = {
  not_installed: "Decorum engine not installed — open the Decorum popup",
  failing: "Decorum engine fails to start — open the Decorum popup",
  timeout: "Decorum engine is not answering — trying again",
};
const OFFLINE_DEFAULT = "Decorum engine not connected — open the Decorum popup";

const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Note" };
const FIX_LABEL = { disclaimer: "Add disclaimer" };

let nextListId = 1;

export class Panel {
  element = document.createElement("div");
  #count;
  #toggle;
  #list;
  #panel;
  #expanded = false;
  #hidden = true;
  #onFix;
  #onDismiss;
  #onEscape;

  /** `onFix(finding)`, `onDismiss(finding)`, `onEscape()` (the user wants back to the editor). */
  constructor({ onFix, onDismiss, onEscape }) {
    this.#onFix = onFix;
    this.#onDismiss = onDismiss;
    this.#onEscape = onEscape;
    this.element.setAttribute("data-decorum-panel", "");
    this.#setHidden(true);
    this.#setState("idle");

    const panel = el("div", { class: "panel", role: "group", "aria-label": "Decorum policy check" });
    const bar = el("div", { class: "bar" });
    this.#count = el("span", { class: "count", role: "status", "data-decorum-count": "0" });
    const listId = `decorum-findings-${nextListId++}`;
    this.#toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-controls": listId });
    this.#toggle.addEventListener("click", () => this.#setExpanded(!this.#expanded));
    this.#list = el("ul", { class: "findings", id: listId, "aria-label": "Policy warnings" });
    this.#list.hidden = true;
    bar.append(el("span", { class: "mark", "aria-hidden": "true" }), this.#count, this.#toggle);
    panel.append(bar, this.#list);
    this.element.append(panel);
    this.#panel = panel;
    this.#setExpanded(false);

    // Clicking a button must not take the caret out of the editor (some sites close or
    // shrink a compose box on blur); keyboard users still reach every button with Tab.
    panel.addEventListener("mousedown", (event) => event.preventDefault());
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      this.#setExpanded(false);
      this.#onEscape?.();
    });
  }

  attach() {
    surface().append(this.element);
  }

  remove() {
    this.element.remove();
    releaseSurface();
  }

  get visible() {
    return !this.#hidden;
  }

  get state() {
    return this.element.getAttribute("data-decorum-state");
  }

  showIdle() {
    this.#setState("idle");
    this.#setHidden(true);
  }

  showChecking() {
    if (this.state !== "idle") this.#setState("checking");
  }

  /**
   * Shows the findings; `incomplete` says that some of the engine's checks were stopped before they
   * finished (a runaway pattern), so that no warnings does not read as a clean draft.
   */
  showFindings(findings, policyInfo = {}, { incomplete = false } = {}) {
    this.element.toggleAttribute("data-incomplete", incomplete);
    if (findings.length === 0) {
      return this.#showMessage("ok", incomplete ? "No policy warnings found, but some checks did not finish" : "No policy warnings");
    }
    const worst = findings.some((f) => f.severity === "error") ? "error" : "warning";
    this.element.setAttribute("data-severity", worst);
    const count = `${findings.length} policy warning${findings.length === 1 ? "" : "s"}`;
    this.#setCount(findings.length, incomplete ? `${count} · some checks did not finish` : count);
    const hadFocus = this.#hasFocus();
    this.#list.replaceChildren(...findings.map((finding) => this.#renderFinding(finding, policyInfo)));
    this.#toggle.hidden = false;
    this.#setState("findings");
    this.#setHidden(false);
    if (hadFocus && !this.#hasFocus()) (this.#list.querySelector("button") ?? this.#toggle).focus();
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

  /**
   * Places the panel by the anchor's bottom-right corner without covering it: beside it on the
   * right when there is room (clear of the site's own buttons under the box), else under it,
   * else over it.
   */
  place(rect) {
    if (this.#hidden) return;
    const offscreen = rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth;
    this.element.style.visibility = offscreen ? "hidden" : "visible";
    if (offscreen) return;
    const roomBeside = innerWidth - MARGIN_PX - (rect.right + GAP_PX);
    const beside = roomBeside >= MIN_BESIDE_PX;
    // Measure at the origin with the width it may take, so the size does not depend on where it was.
    this.element.style.left = "0px";
    this.element.style.top = "0px";
    this.element.style.setProperty("--decorum-room", `${beside ? roomBeside : innerWidth - 2 * MARGIN_PX}px`);
    const { width, height } = this.element.getBoundingClientRect();
    const clamp = (value, low, high) => Math.max(low, Math.min(value, high));
    let left;
    let top;
    if (beside) {
      left = rect.right + GAP_PX;
      top = clamp(rect.bottom - height, MARGIN_PX, innerHeight - height - MARGIN_PX);
    } else {
      left = clamp(rect.right - width, MARGIN_PX, innerWidth - width - MARGIN_PX);
      top = rect.bottom + GAP_PX;
      const roomAbove = rect.top - GAP_PX - height >= MARGIN_PX;
      if (top + height > innerHeight - MARGIN_PX && roomAbove) top = rect.top - GAP_PX - height;
    }
    this.element.style.left = `${Math.round(left)}px`;
    this.element.style.top = `${Math.round(top)}px`;
  }

  /** Says, in place of the count until the next answer, that a fix could not be added. */
  showFixFailed() {
    this.#setCount(Number(this.#count.getAttribute("data-decorum-count")), "Could not add the text at the end of the draft: nothing was changed");
  }

  #showMessage(state, text) {
    const hadFocus = this.#hasFocus(); // e.g. the last warning was just dismissed
    this.element.removeAttribute("data-severity");
    this.#setCount(0, text);
    this.#list.replaceChildren();
    this.#setExpanded(false);
    this.#toggle.hidden = true;
    this.#setState(state);
    this.#setHidden(false);
    if (state !== "ok") this.element.removeAttribute("data-incomplete");
    if (hadFocus) this.#onEscape?.(); // its buttons are gone: back to the draft
  }

  #hasFocus() {
    const root = this.element.getRootNode();
    return root instanceof ShadowRoot && this.element.contains(root.activeElement);
  }

  #setHidden(hidden) {
    this.#hidden = hidden;
    this.element.hidden = hidden;
  }

  #setState(state) {
    this.element.setAttribute("data-decorum-state", state);
  }

  #setCount(count, text) {
    this.#count.setAttribute("data-decorum-count", String(count));
    if (this.#count.textContent !== text) this.#count.textContent = text; // no repeat announcements
  }

  #setExpanded(expanded) {
    this.#expanded = expanded;
    this.#list.hidden = !expanded;
    this.#panel.classList.toggle("expanded", expanded);
    this.#toggle.setAttribute("aria-expanded", String(expanded));
    this.#toggle.textContent = expanded ? "Hide" : "Show";
    this.#toggle.setAttribute("aria-label", expanded ? "Hide policy warnings" : "Show policy warnings");
    schedulePlacement(); // its size changed: placed again in the next frame, not 250 ms later
  }

  #renderFinding(finding, policyInfo) {
    const item = el("li", {
      class: "finding",
      "data-policy": finding.policy,
      "data-category": finding.category,
      "data-rule": finding.rule,
    });
    const severity = SEVERITY_LABEL[finding.severity] ? finding.severity : "warning";
    const policy = policyInfo[finding.policy];
    const meta = el("p", { class: "meta" });
    meta.append(
      el("span", { class: `severity ${severity}` }, SEVERITY_LABEL[severity]),
      el("span", { class: "policy" }, policy?.name ?? finding.policy),
    );
    item.append(meta, el("p", { class: "message" }, finding.message));
    if (finding.source === "model") {
      // Not a rule's exact words: say what weighed, so the member can judge it.
      const why = el("p", { class: "reasons", "data-reasons": "" });
      const words = (finding.reasons ?? []).map((reason) => `“${reason}”`).join(", ");
      why.textContent = words ? `Flagged by Decorum's learned check because of: ${words}` : "Flagged by Decorum's learned check";
      item.append(why);
    }

    if (finding.clause?.quote) {
      const quote = el("blockquote");
      quote.append(el("p", {}, `“${finding.clause.quote}”`));
      if (finding.clause.section) quote.append(el("footer", {}, `Section: ${finding.clause.section}`));
      item.append(quote);
    }

    const actions = el("div", { class: "actions" });
    if (finding.fix?.kind === "append" && finding.fix.text) {
      const fix = el("button", { type: "button", class: "fix", "data-action": "fix", "data-fix-text": finding.fix.text, title: `Adds: ${finding.fix.text}` },
        FIX_LABEL[finding.category] ?? "Add suggested text");
      fix.addEventListener("click", () => this.#onFix(finding));
      actions.append(fix);
    }
    const dismiss = el("button", { type: "button", class: "dismiss", "data-action": "dismiss" }, "Dismiss");
    dismiss.setAttribute("aria-label", `Dismiss: ${finding.message}`);
    dismiss.addEventListener("click", () => this.#onDismiss(finding));
    actions.append(dismiss);
    item.append(actions);
    return item;
  }
}

function el(tag, attributes = {}, text) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
