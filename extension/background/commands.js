// What the background does for the content scripts beyond checking: the keyboard command that
// moves between a draft and its panel, and opening the page where the member names their society.
// Given the browser's API, so that the node tests can hold them to it with a fake one.

import { COMMAND, MSG } from "../shared/messages.js";

/** The `commands.onCommand` listener: tells the tab the command was pressed in. */
export function onCommand(api, command, tab) {
  if (command !== COMMAND.focusPanel || tab?.id === undefined) return Promise.resolve(false);
  // A tab with no compose box (or no Decorum on its site) has no listener: nothing to do there.
  return api.tabs.sendMessage(tab.id, { type: MSG.focusPanel }).then(() => true, () => false);
}

/**
 * Opens where the member names their society: the popup's page, in a tab (the society form is
 * under the Society policy there, not on the settings page; a content script cannot open the
 * toolbar popup itself).
 */
export async function openSettings(api) {
  const manifest = api.runtime.getManifest();
  await api.tabs.create({ url: api.runtime.getURL(manifest.action.default_popup) });
  return { opened: true };
}
