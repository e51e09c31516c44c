// One card per problem: the engine reports each policy's findings separately, once per flagged
// phrase, so that two policies on one patient's details give four findings. Here the findings of
// one category in one stretch of the draft (overlapping, or in the same sentence) become one card
// that names its words and lists each policy with its clause. Pure, so the node tests can hold it.

// Every severity the engine gives (engine/categories.py; tests/test_contract.py holds the two alike).
export const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
// A sentence ends at . ! ? (and any closing quotes or brackets) before a space, or at a line break.
const SENTENCE_END = /[.!?]+["'”’)\]]*\s+|\n+/g;

/** A finding's severity as the panel shows it: an unknown one reads as a warning. */
export function severityOf(finding) {
  return finding.severity in SEVERITY_RANK ? finding.severity : "warning";
}

/**
 * The draft's problems, worst first, then in the order they appear:
 * `[{category, severity, start, end, words, findings}]`, `words` the flagged phrases in draft order
 * and `findings` the card's findings (worst and earliest first).
 */
export function groupIntoCards(findings, text) {
  const sentences = sentenceStarts(text);
  const reach = (finding) => ({
    finding,
    from: sentenceStartAt(sentences, finding.start),
    to: sentenceEndAt(sentences, Math.max(finding.start, finding.end - 1), text.length),
  });
  const cards = [];
  for (const group of byCategory(findings).values()) {
    const spans = group.map(reach).sort((a, b) => a.from - b.from || a.finding.start - b.finding.start);
    let open = null;
    for (const span of spans) {
      if (open && span.from < open.to) {
        open.members.push(span.finding);
        open.to = Math.max(open.to, span.to);
      } else {
        open = { to: span.to, members: [span.finding] };
        cards.push(open);
      }
    }
  }
  return cards.map(({ members }) => card(members, text)).sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start || a.category.localeCompare(b.category),
  );
}

/** What a dismissal remembers of a finding: its category and its words, not where they are. */
export function dismissalKey(finding, text) {
  return `${finding.category}\u001f${text.slice(finding.start, finding.end)}`;
}

function card(members, text) {
  const findings = [...members].sort((a, b) => SEVERITY_RANK[severityOf(a)] - SEVERITY_RANK[severityOf(b)] || a.start - b.start);
  const words = [];
  for (const f of [...members].sort((a, b) => a.start - b.start)) {
    const phrase = text.slice(f.start, f.end);
    if (phrase && !words.includes(phrase)) words.push(phrase);
  }
  return {
    category: findings[0].category,
    severity: severityOf(findings[0]),
    start: Math.min(...members.map((f) => f.start)),
    end: Math.max(...members.map((f) => f.end)),
    words,
    findings,
  };
}

function byCategory(findings) {
  const groups = new Map();
  for (const finding of findings) {
    if (!groups.has(finding.category)) groups.set(finding.category, []);
    groups.get(finding.category).push(finding);
  }
  return groups;
}

function sentenceStarts(text) {
  const starts = [0];
  for (const match of text.matchAll(SENTENCE_END)) starts.push(match.index + match[0].length);
  return starts;
}

function sentenceIndex(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function sentenceStartAt(starts, offset) {
  return starts[sentenceIndex(starts, offset)];
}

function sentenceEndAt(starts, offset, length) {
  return starts[sentenceIndex(starts, offset) + 1] ?? length;
}
