// The keyboard command and "Name your society" (background/commands.js), against a fake browser.
// Playwright cannot press the browser's own shortcuts, so the e2e test sends the message this
// listener sends; here the listener is held to sending exactly that.
// Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { onCommand, openSettings } from "../background/commands.js";

function fakeApi(manifest = { action: { default_popup: "popup/popup.html" } }) {
  const calls = [];
  return {
    calls,
    tabs: {
      sendMessage: async (tabId, message) => calls.push(["sendMessage", tabId, message]),
      create: async (options) => calls.push(["create", options]),
    },
    runtime: {
      getManifest: () => manifest,
      getURL: (path) => `chrome-extension://id/${path}`,
      openOptionsPage: async () => calls.push(["openOptionsPage"]),
    },
  };
}

test("the focus command tells the tab it was pressed in to move between draft and panel", async () => {
  const api = fakeApi();
  assert.equal(await onCommand(api, "focus-panel", { id: 7 }), true);
  assert.deepEqual(api.calls, [["sendMessage", 7, { type: "focus-panel" }]]);
});

test("another command, or no tab, sends nothing; a tab without Decorum is no error", async () => {
  const api = fakeApi();
  assert.equal(await onCommand(api, "something-else", { id: 7 }), false);
  assert.equal(await onCommand(api, "focus-panel", undefined), false);
  assert.deepEqual(api.calls, []);
  api.tabs.sendMessage = async () => {
    throw new Error("Could not establish connection. Receiving end does not exist.");
  };
  assert.equal(await onCommand(api, "focus-panel", { id: 8 }), false);
});

test("naming the society opens the popup's page, where the society form is, in a tab", async () => {
  const api = fakeApi();
  await openSettings(api);
  assert.deepEqual(api.calls, [["create", { url: "chrome-extension://id/popup/popup.html" }]]);
});

test("naming the society opens the popup's page even though there is a settings page", async () => {
  const api = fakeApi({ action: { default_popup: "popup/popup.html" }, options_ui: { page: "options/options.html" } });
  await openSettings(api);
  assert.deepEqual(api.calls, [["create", { url: "chrome-extension://id/popup/popup.html" }]]);
});
