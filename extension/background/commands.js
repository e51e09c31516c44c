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
 * Opens where the member names their society: the options page once the manifest has one, else
 * the popup's page in a tab (a content script cannot open the toolbar popup).
 */
export async function openSettings(api) {
  const manifest = api.runtime.getManifest();
  if (manifest.options_ui?.page || manifest.options_page) await api.runtime.openOptionsPage();
  else await api.tabs.create({ url: api.runtime.getURL(manifest.action.default_popup) });
  return { opened: true };
}
