// The only write Decorum ever makes to a compose box, and only when the user asks for a fix:
// the text goes at the end of the draft, whatever the caret and the selection, and the user's
// own text is kept exactly. Never set innerHTML or add nodes: the editor (Draft.js, Quill,
// Lexical) must take the text into its own model, as if the user had pasted it, so that its
// state stays true and one Ctrl+Z takes the fix back out.
//
// Why a paste and not execCommand("insertText"): Draft.js does not see an insertText, so the
// browser writes into Draft's DOM behind React; on an empty line (after a trailing new line, or
// an empty draft) that replaces Draft's placeholder <br>, React fails to remove it and the whole
// composer unmounts with the draft. All three editors handle a text/plain paste themselves, in
// their model, as one undo step. A box whose page handles no paste (a plain <textarea>, a bare
// contenteditable) gets insertText, which the browser applies and can undo itself.

import { isTextField, placeSelection } from "./editor-selection.js";

/**
 * Appends `text` at the end of the draft, after `separator` unless the draft is empty or ends
 * in whitespace. Resolves to true once the editor took it, false if the caret could not be put
 * at the end (the draft is then left as it was).
 */
export async function appendText(editor, text, { separator = " ", currentText = "" } = {}) {
  const glue = currentText === "" || /\s$/.test(currentText) ? "" : separator;
  if (!(await caretAtEnd(editor))) return false;
  return insertAtCaret(editor, glue + text);
}

/** Focuses the editor with the caret at the end of its text, and waits until it has taken that up. */
function caretAtEnd(editor) {
  return placeSelection(editor, () => placeCaretAtEnd(editor), (end) => caretIs(editor, end));
}

function insertAtCaret(editor, text) {
  if (isTextField(editor)) return document.execCommand("insertText", false, text);
  const data = new DataTransfer();
  data.setData("text/plain", text);
  const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
  // Cancelled means an editor took the paste into its model; otherwise nobody handles pastes here.
  if (!editor.dispatchEvent(paste)) return true;
  return document.execCommand("insertText", false, text);
}

/** Puts the caret after the last text of the editor; returns where it put it. */
function placeCaretAtEnd(editor) {
  if (isTextField(editor)) {
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
    return { node: editor, offset: end };
  }
  const range = document.createRange();
  const last = lastLeaf(editor);
  if (last?.nodeType === Node.TEXT_NODE) range.setStart(last, last.data.length);
  else if (last?.nodeName === "BR") range.setStartBefore(last); // the placeholder of an empty last line
  else range.selectNodeContents(last ?? editor);
  range.collapse(true);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return { node: range.startContainer, offset: range.startOffset };
}

function caretIs(editor, { node, offset }) {
  if (isTextField(editor)) return editor.selectionStart === offset && editor.selectionEnd === offset;
  const selection = getSelection();
  return selection.rangeCount === 1 && selection.isCollapsed && selection.focusNode === node && selection.focusOffset === offset;
}

function lastLeaf(root) {
  let node = root;
  while (node.lastChild) {
    let child = node.lastChild;
    // Skip empty text and comment nodes that some renderers leave at the end.
    while (child && ((child.nodeType === Node.TEXT_NODE && child.data === "") || child.nodeType === Node.COMMENT_NODE)) {
      child = child.previousSibling;
    }
    if (!child) break;
    node = child;
  }
  return node === root ? null : node;
}
