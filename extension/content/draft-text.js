// Reads a compose box's plain text the way its editor's model holds it, without touching it.
//
// Draft.js, Quill and Lexical all render one block element per paragraph and use <br> for
// line breaks inside one and as a placeholder in an empty one. Joining blocks with "\n",
// counting a <br> only when something follows it in its block, gives the model's text. Each
// text node's place in that text is kept, so a finding's UTF-16 offsets (JS string indices)
// map back to a DOM Range for highlighting.

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV",
  "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);
const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"]);

// Quill writes a trailing space as U+00A0; the engine should see a space. Same length, so
// offsets are unchanged.
const normalise = (text) => text.replace(/\u00a0/g, " ");

/**
 * The draft in a compose box: `{text, rangeFor(start, end)}`. `ignore` is a selector for
 * editor furniture that holds no text of the draft (e.g. Quill's `.ql-ui`).
 */
export function readDraft(editor, { ignore } = {}) {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    return { text: normalise(editor.value), rangeFor: () => null };
  }
  return readEditable(editor, ignore);
}

function readEditable(root, ignore) {
  const lines = []; // [{segments: [{node, length}]}]
  let line = null;
  const openLine = () => (line ??= { segments: [] });
  const closeLine = () => {
    if (line) lines.push(line);
    line = null;
  };

  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.length) openLine().segments.push({ node, length: node.data.length });
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || SKIPPED_TAGS.has(node.tagName)) return;
    if (ignore && node.matches(ignore)) return;
    if (node.tagName === "BR") {
      openLine();
      if (!isTrailing(node, root)) closeLine();
      return;
    }
    if (BLOCK_TAGS.has(node.tagName)) {
      closeLine();
      const before = lines.length;
      node.childNodes.forEach(visit);
      if (line === null && lines.length === before) lines.push({ segments: [] }); // an empty block is an empty line
      closeLine();
      return;
    }
    node.childNodes.forEach(visit);
  };
  root.childNodes.forEach(visit);
  closeLine();

  const pieces = []; // [{node, start, length}] in text order
  let text = "";
  lines.forEach((l, index) => {
    if (index > 0) text += "\n";
    for (const segment of l.segments) {
      pieces.push({ node: segment.node, start: text.length, length: segment.length });
      text += segment.node.data;
    }
  });
  text = normalise(text);

  return {
    text,
    rangeFor(start, end) {
      const from = locate(pieces, start, "start");
      const to = locate(pieces, end, "end");
      if (!from || !to) return null;
      try {
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        return range.collapsed ? null : range;
      } catch {
        return null; // the editor re-rendered since we read it
      }
    },
  };
}

/** A <br> with nothing after it in its block is a placeholder, not a line break. */
function isTrailing(br, root) {
  for (let node = br; node && node !== root; node = node.parentNode) {
    if (node !== br && node.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has(node.tagName)) return true;
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (hasContent(next)) return false;
    }
  }
  return true;
}

function hasContent(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.data.length > 0;
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  return node.tagName === "BR" || BLOCK_TAGS.has(node.tagName) || node.textContent.length > 0 || node.querySelector("br") !== null;
}

/** The DOM position of a text offset; one that falls on a line break snaps to the nearer text. */
function locate(pieces, offset, edge) {
  let previous = null;
  for (const piece of pieces) {
    const end = piece.start + piece.length;
    if (offset >= piece.start && (edge === "start" ? offset < end : offset <= end)) {
      return { node: piece.node, offset: offset - piece.start };
    }
    if (offset < piece.start) {
      if (edge === "start") return { node: piece.node, offset: 0 };
      return previous && { node: previous.node, offset: previous.length };
    }
    previous = piece;
  }
  return edge === "end" && previous ? { node: previous.node, offset: previous.length } : null;
}
