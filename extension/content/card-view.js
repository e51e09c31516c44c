// One problem as a member reads it (a card of cards.js): the problem in a few words, the words it
// is about, each policy it breaks with that policy's clause and whom it says to ask, and what to
// do next. The same card in the panel's list and at the word (word-card.js).

// A flagged phrase longer than this is cut in the card's quote (a model's finding spans a sentence).
const QUOTE_CHARS = 48;
const QUOTED_PHRASES = 3;

// Keyed by the engine's severities and categories (engine/categories.py): tests/test_contract.py
// fails when a category or severity has no words here.
export const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Note" };
const FIX_LABEL = { disclaimer: "Add disclaimer" };
// The problem in a few words, for the card's heading and its label.
export const PROBLEM = {
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

/** The key a card is known by across renderings: its category and its words. */
export function cardKey(card) {
  return `${card.category}\u001f${card.words.join("\u001f")}`;
}

/** What a screen reader says of a card: the problem and its words in a few words, not the clause. */
export function cardLabel(card) {
  const problem = PROBLEM[card.category] ?? card.category;
  const quoted = quoteWords(card.words);
  return card.dismissed ? `Dismissed: ${problem}, ${quoted}` : `${SEVERITY_LABEL[card.severity]}: ${problem}, ${quoted}`;
}

/**
 * The card's element (`tag`: an `li` in the list, a `div` at the word), its buttons calling
 * `actions`: onFix(finding), onSelect(card), onDismiss(card), onUndo(card).
 */
export function renderCard(card, policyInfo, actions, { tag = "li" } = {}) {
  const problem = PROBLEM[card.category] ?? card.category;
  const quoted = quoteWords(card.words);
  const item = el(tag, {
    class: "card",
    "data-card": "",
    "data-key": cardKey(card),
    "data-category": card.category,
    "data-severity": card.severity,
    "aria-label": cardLabel(card),
    tabindex: "-1",
  });
  if (card.dismissed) {
    item.setAttribute("data-dismissed", "");
    const undo = el("button", { type: "button", class: "undo", "data-action": "undo", "aria-label": `Undo dismissing ${problem}, ${quoted}` }, "Undo");
    undo.addEventListener("click", () => actions.onUndo(card));
    item.append(el("span", { class: "dismissed-label" }, "Dismissed"), el("span", { class: "words" }, quoted), el("span", { "aria-hidden": "true" }, " · "), undo);
    return item;
  }
  const head = el("p", { class: "meta" });
  head.append(el("span", { class: `severity ${card.severity}` }, SEVERITY_LABEL[card.severity]), el("span", { class: "problem" }, problem));
  item.append(head, el("p", { class: "words", "data-quote": "" }, quoted));

  const entries = el("ul", { class: "policies", "aria-label": "Policies" });
  const rules = [...new Map(card.findings.map((f) => [f.rule, f])).values()];
  rules.forEach((finding, index) => {
    const entry = renderPolicy(finding, policyInfo[finding.policy], actions);
    entry.hidden = index > 0;
    entries.append(entry);
  });
  item.append(entries);
  if (rules.length > 1) item.append(moreButton(entries, rules.length - 1));

  const select = el("button", { type: "button", class: "select", "data-action": "select", "aria-label": `Select ${quoted} in the draft` }, "Select words");
  select.addEventListener("click", () => actions.onSelect(card));
  const dismiss = el("button", { type: "button", class: "dismiss", "data-action": "dismiss", "aria-label": `Dismiss: ${problem}, ${quoted}` }, "Dismiss");
  dismiss.addEventListener("click", () => actions.onDismiss(card));
  item.append(el("div", { class: "actions" }, undefined, select, dismiss));
  return item;
}

/** "Also in 2 other policies": shows the policies after the first, and hides them again. */
function moreButton(entries, others) {
  const closed = `Also in ${plural(others, "other policy", "other policies")}`;
  const more = el("button", { type: "button", class: "more", "data-action": "more", "aria-expanded": "false" }, closed);
  more.addEventListener("click", () => {
    const open = more.getAttribute("aria-expanded") !== "true";
    for (const entry of [...entries.children].slice(1)) entry.hidden = !open;
    more.setAttribute("aria-expanded", String(open));
    more.textContent = open ? "Show the first policy only" : closed;
  });
  return more;
}

/** One policy's part of a card: its name, message, clause, whom it says to ask, and its fix. */
function renderPolicy(finding, policy, actions) {
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
    fix.addEventListener("click", () => actions.onFix(finding));
    entry.append(el("div", { class: "actions" }, undefined, fix));
  }
  return entry;
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

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

export function el(tag, attributes = {}, text, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  element.append(...children);
  return element;
}
