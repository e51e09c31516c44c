// Everything Decorum draws on a site's page lives in closed shadow roots on plain elements. The
// page and every script on it see empty <div>s with no attributes, no size and nothing inside: not
// the policies on, not the findings, not the society's name (an open root, or CSS.highlights,
// would tell them all that). They are added when the member first types into a compose box and go
// with it.
//
// Two kinds: the underlines of every box share one root on <body> (drawn over the page, hidden from
// assistive technology); each panel has a root of its own, right after its compose box, so that it
// comes next in the reading and Tab order (panel.js shows it in the top layer, placed by the box).

import { UNDERLINE_CSS } from "./underlines.js";

// Inline and !important, so that the site's stylesheets cannot size, hide or move it; with no
// size and no transform, the fixed-position layer inside is placed against the viewport, and the
// element takes no room in the site's layout (fixed: out of the flow, no gap in a flex row).
const HOST_STYLE = [
  "all: initial",
  "display: block",
  "position: fixed",
  "top: 0",
  "left: 0",
  "width: 0",
  "height: 0",
  "overflow: visible",
  "z-index: 2147483646",
].map((rule) => `${rule} !important;`).join(" ");

// Keys and clicks in a panel are Decorum's: they stop at the root, so that a site's shortcuts
// listening as events bubble (X's "j", "l", "r") do not act on them.
const KEPT_EVENTS = ["keydown", "keyup", "keypress", "click", "mousedown", "mouseup", "pointerdown", "pointerup", "focusin", "focusout"];

let host = null;
let root = null;

/** A new closed root styled with `css`, on an element not yet on the page: `{host, root}`. */
export function shadowSurface(css) {
  const element = document.createElement("div");
  element.setAttribute("style", HOST_STYLE);
  const shadow = element.attachShadow({ mode: "closed" });
  const style = document.createElement("style");
  style.textContent = css;
  shadow.append(style);
  for (const type of KEPT_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  return { host: element, root: shadow };
}

/** The closed root the underlines are drawn in, its element (re)attached to <body>. */
export function surface() {
  if (root === null) ({ host, root } = shadowSurface(UNDERLINE_CSS));
  // A site that re-renders <body> may have dropped it.
  if (!host.isConnected) (document.body ?? document.documentElement).append(host);
  return root;
}

/** Takes the underlines' element off the page once nothing is drawn in it. */
export function releaseSurface() {
  if (root !== null && root.querySelector("[data-decorum-underlines]") === null) host.remove();
}
