// Messages between the extension's own pages and scripts (not the native protocol, which is
// in background/native-port.js). One constant per message type so a typo fails loudly.

export const MSG = {
  check: "check", // content → background: {type, composer, text, site} → result | error
  status: "status", // popup → background: {type, reconnect} → {status, version, policies, error}
  engineStatus: "engine-status", // background → content/popup broadcast: {type, status}
  openSettings: "open-settings", // content → background: {type} → {opened}: where the member names their society
  focusPanel: "focus-panel", // background → content (the keyboard command): {type}: draft ⇄ panel
};

/** The extension's keyboard commands (manifest.json `commands`). */
export const COMMAND = {
  focusPanel: "focus-panel",
};

/** Engine states shown by the popup and the panels. */
export const STATUS = {
  connecting: "connecting",
  connected: "connected",
  notInstalled: "not_installed",
  forbidden: "forbidden",
  disconnected: "disconnected",
  // Started several times in a row and gone each time before answering: a broken install (its
  // virtual environment deleted or moved). Decorum keeps trying, and says what to do.
  failing: "failing",
};
