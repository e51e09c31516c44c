// Any other editable box on a supported site that no site adapter claims (a redesign the
// site's selectors missed, a new kind of composer): read it as plain contenteditable or
// textarea. The site name is the host site's, so per-site switches still apply.

import { defineAdapter } from "./adapter.js";

const SELECTORS = {
  composer: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  // Editors' hidden helpers, and boxes that are not posts.
  skip: '.ql-clipboard, [aria-hidden="true"], [readonly], [disabled], [type="search"], [role="searchbox"], [role="combobox"]',
};

export default defineAdapter({
  name: "generic",
  composers: SELECTORS.composer,
  // Only the outermost editable element: an editor's inner parts are its own business.
  accepts: (element) =>
    !element.matches(SELECTORS.skip) &&
    !element.parentElement?.closest('[contenteditable]:not([contenteditable="false"])'),
});
