// Everything Decorum draws on a site's page (panels, underlines) lives in one closed shadow root
// on one plain element. The page and every script on it see an empty <div> with no attributes,
// no size and nothing inside: not the policies on, not the findings, not the society's name
// (an open root, or CSS.highlights, would tell them all that). The element is added when the
// member first types into a compose box and goes when the last compose box does.

import { PANEL_CSS } from "./panel-style.js";
import { UNDERLINE_CSS } from "./underlines.js";

// Inline and !important, so that the site's stylesheets cannot size, hide or move it; with no
// size and no transform, the fixed-position panels inside are placed against the viewport.
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

/** The closed shadow root everything is drawn in, its element (re)attached to the page. */
export function surface() {
  if (root === null) {
    host = document.createElement("div");
    host.setAttribute("style", HOST_STYLE);
    root = host.attachShadow({ mode: "closed" });
    const style = document.createElement("style");
    style.textContent = PANEL_CSS + UNDERLINE_CSS;
    root.append(style);
    for (const type of KEPT_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());
  }
  // A site that re-renders <body> may have dropped it.
  if (!host.isConnected) (document.body ?? document.documentElement).append(host);
  return root;
}

/** Takes the element off the page once nothing is drawn in it. */
export function releaseSurface() {
  if (root !== null && root.querySelector("[data-decorum-panel], [data-decorum-underlines]") === null) host.remove();
}
