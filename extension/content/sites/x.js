// X (x.com, twitter.com): the post, reply and quote composers are Draft.js editors.
// Test page: its testPage (inline composer, "Post" dialog), a reply dialog.

import { defineAdapter } from "./adapter.js";

const SELECTORS = {
  composer: '.DraftEditor-root div[data-testid^="tweetTextarea_"][role="textbox"]',
  // The panel goes beside the editor's own box: X's dialogs are full-window layers, and the
  // toolbar under the box holds the Post button.
  frame: ".DraftEditor-root",
  // The Post button under the inline composer, Post or Reply in a dialog.
  submit: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
};

export default defineAdapter({
  name: "x",
  label: "X",
  hosts: ["x.com", "twitter.com"],
  testPage: "https://x.com/home",
  composers: SELECTORS.composer,
  submit: SELECTORS.submit,
  anchor: (editor) => editor.closest(SELECTORS.frame) ?? editor,
});
