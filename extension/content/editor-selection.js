// Puts the editor's selection where Decorum wants it (the caret at the end before a fix, the
// flagged words for "Select") without touching the editor's DOM: the DOM selection is set, and the
// editor (Draft.js, Quill, Lexical) takes it into its own model when `selectionchange` fires.

// Editors copy the DOM selection into their model when `selectionchange` fires (a task after the
// change); a moved selection is given this long to be taken up.
const SELECTION_SETTLE_MS = 100;
const ATTEMPTS = 3;

export function isTextField(editor) {
  return editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement;
}

/**
 * Focuses the editor and sets its selection with `place()` (which returns what it set), until
 * `isPlaced(set)` holds once the editor has taken it up; an editor may put its own idea of the
 * selection back on focus. Resolves to true once it holds, false if it never did.
 */
export async function placeSelection(editor, place, isPlaced) {
  editor.focus({ preventScroll: true });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const settled = selectionSettled();
    const placed = place();
    await settled;
    if (placed && focused(editor) && isPlaced(placed)) return true;
  }
  return false;
}

/**
 * Selects the draft's text from `start` to `end` (UTF-16 offsets into `read().text`), so the member
 * can delete or rephrase it; `read()` reads the draft afresh (draft-text.js), since an editor may
 * re-render its text on focus. Resolves to true once the editor holds that selection.
 */
export function selectText(editor, read, start, end) {
  if (isTextField(editor)) {
    return placeSelection(
      editor,
      () => (editor.setSelectionRange(start, end), true),
      () => editor.selectionStart === start && editor.selectionEnd === end,
    );
  }
  const words = read().text.slice(start, end);
  return placeSelection(
    editor,
    () => {
      const range = read().rangeFor(start, end);
      if (!range) return null;
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      range.startContainer.parentElement?.scrollIntoView({ block: "nearest", inline: "nearest" });
      return range;
    },
    () => getSelection().toString().replace(/\u00a0/g, " ") === words,
  );
}

function focused(editor) {
  return document.activeElement === editor || editor.contains(document.activeElement);
}

/** Resolves after the next selectionchange (or at once if none comes) and the task after it. */
function selectionSettled() {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", done);
      setTimeout(resolve, 0); // the editors' own selectionchange handlers run first
    };
    const timer = setTimeout(done, SELECTION_SETTLE_MS);
    document.addEventListener("selectionchange", done);
  });
}
