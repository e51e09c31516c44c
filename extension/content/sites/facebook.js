// Facebook (www.facebook.com): the "Create post" composer dialog and the comment boxes are
// Lexical editors. Test page: its testPage (composer dialog, comments).

import { closestOf, defineAdapter } from "./adapter.js";

const SELECTORS = {
  composer: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  // Where the panel goes beside: the comment form, the "Create post" dialog.
  frames: ["form", '[role="dialog"]'],
  // The "Create post" dialog's Post button, a comment box's send button.
  submit: '[role="button"][aria-label="Post"], [role="button"][aria-label="Comment"]',
};

export default defineAdapter({
  name: "facebook",
  label: "Facebook",
  hosts: ["www.facebook.com"],
  testPage: "https://www.facebook.com/",
  composers: SELECTORS.composer,
  submit: SELECTORS.submit,
  anchor: (editor) => closestOf(editor, SELECTORS.frames),
});
