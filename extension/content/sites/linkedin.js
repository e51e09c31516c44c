// LinkedIn (www.linkedin.com): the share box ("Start a post" dialog) and the comment boxes
// are Quill editors. Test page: its testPage (share dialog, comments).

import { closestOf, defineAdapter } from "./adapter.js";

const SELECTORS = {
  composer: '.ql-editor[role="textbox"]',
  // Quill's own widgets inside the editor (list markers, a formatting cursor): not draft text.
  furniture: ".ql-ui, .ql-cursor",
  // Where the panel goes beside: the comment form (its Comment button included), the share
  // dialog, else Quill's frame.
  frames: [".comments-comment-box__form", '[role="dialog"]', ".ql-container"],
  // The share dialog's Post button, a comment box's Comment button.
  submit: ".share-actions__primary-action, .comments-comment-box__submit-button",
};

export default defineAdapter({
  name: "linkedin",
  label: "LinkedIn",
  hosts: ["www.linkedin.com"],
  testPage: "https://www.linkedin.com/feed/",
  composers: SELECTORS.composer,
  ignore: SELECTORS.furniture,
  submit: SELECTORS.submit,
  anchor: (editor) => closestOf(editor, SELECTORS.frames),
  // Quill turns an inserted "\n" into a new paragraph of its own model: the fix gets its own line.
  separator: "\n",
  // Quill's history module (delay: 1000) folds every change within a second of an undo step's
  // first change into that step, whatever its kind: a fix right after typing, a new line or a
  // deletion would be undone together with it.
  undoGroupMs: 1000,
});
