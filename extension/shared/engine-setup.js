// What Decorum's pages tell a member about its engine: a sentence for each state, and the
// commands that set it up, for the two ways the README installs Decorum (a folder set up with
// `make`, whose command is `.venv/bin/decorum`; or `pipx install`, which puts `decorum` on the PATH).

import { STATUS } from "./messages.js";

export const ENGINE_STATUS_TEXT = {
  [STATUS.connected]: "Ready: drafts are checked on this computer",
  [STATUS.connecting]: "Connecting to the Decorum engine…",
  [STATUS.notInstalled]: "The Decorum engine is not installed",
  [STATUS.forbidden]: "The Decorum engine is installed, but not for this extension",
  [STATUS.disconnected]: "The Decorum engine stopped — reconnecting…",
  [STATUS.failing]: "The Decorum engine fails to start",
};

/** The names `decorum install-host --browser` takes, as a member knows each browser. */
export const BROWSER_LABELS = { chrome: "Chrome", chromium: "Chromium", edge: "Edge", brave: "Brave", firefox: "Firefox" };

/** The commands that register the engine with `browser` ("chrome", "firefox", …) and that diagnose it. */
export function setupCommands(browser) {
  return {
    install: `.venv/bin/decorum install-host --browser ${browser}`, // in the Decorum folder
    installPackaged: "decorum install-host", // pipx: every browser that has run on this account
    doctor: ".venv/bin/decorum doctor",
    doctorPackaged: "decorum doctor",
  };
}

/** Writes the commands for `browser` into a page's `[data-command]` and `[data-browser-label]` elements. */
export function fillSetupCommands(root, browser) {
  const commands = setupCommands(browser);
  for (const element of root.querySelectorAll("[data-command]")) element.textContent = commands[element.dataset.command];
  for (const element of root.querySelectorAll("[data-browser-label]")) element.textContent = BROWSER_LABELS[browser] ?? browser;
}
