// The only write Decorum ever makes to a compose box, and only when the user clicks a fix:
// put the caret at the end and let the browser insert the text as if typed, so the editor
// (Draft.js, Quill, Lexical) updates its own model. Never set innerHTML or add nodes.

/** Appends `text` to the draft, after `separator` unless the draft is empty or ends in whitespace. */
export function appendText(editor, text, { separator = " ", currentText = "" } = {}) {
  editor.focus({ preventScroll: true });
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
  } else {
    placeCaretAtEnd(editor);
  }
  const glue = currentText === "" || /\s$/.test(currentText) ? "" : separator;
  return document.execCommand("insertText", false, glue + text);
}

function placeCaretAtEnd(editor) {
  const range = document.createRange();
  const last = lastLeaf(editor);
  if (last?.nodeType === Node.TEXT_NODE) range.setStart(last, last.data.length);
  else if (last?.nodeName === "BR") range.setStartBefore(last); // the placeholder of an empty last line
  else range.selectNodeContents(last ?? editor);
  range.collapse(true);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
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
