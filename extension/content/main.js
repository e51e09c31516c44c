// The content script proper, started by boot.js: finds the compose boxes of this site and
// gives each a DraftSession, honours the per-site switch, and re-checks open drafts when the
// settings or the engine change, and moves the focus between a draft and its panel on the
// keyboard command.

import { api } from "../platform.js";
import { MSG, STATUS } from "../shared/messages.js";
import { KEYS, onSettingsChanged, readSettings } from "../shared/settings.js";
import { ComposerWatcher } from "./composer-watcher.js";
import { DraftSession } from "./draft-session.js";
import { adaptersFor } from "./sites/index.js";

export async function start() {
  const match = adaptersFor(location.hostname);
  if (!match) return;
  const sessions = new Map(); // editor -> DraftSession
  const watcher = new ComposerWatcher(match.adapters, {
    onFound: (editor, adapter) => sessions.set(editor, new DraftSession(editor, adapter, match.site)),
    onLost: (editor) => {
      sessions.get(editor)?.destroy();
      sessions.delete(editor);
    },
  });

  let running = false;
  const applySiteSwitch = ({ disabledSites }) => {
    const wanted = !disabledSites.includes(match.site);
    if (wanted === running) return;
    running = wanted;
    if (wanted) watcher.start();
    else watcher.stop();
  };
  applySiteSwitch(await readSettings());

  onSettingsChanged(async (keys) => {
    const settings = await readSettings();
    if (keys.includes(KEYS.disabledSites)) applySiteSwitch(settings);
    // Anything the background adds to a check request: open drafts must be checked again.
    if ([KEYS.activePolicies, KEYS.identities, KEYS.profileDisclaimer, KEYS.sensitivity].some((key) => keys.includes(key))) {
      for (const session of sessions.values()) session.recheck();
    }
  });

  api.runtime.onMessage.addListener((message) => {
    if (message?.type === MSG.focusPanel) return void focusTarget(sessions.values())?.toggleFocus();
    if (message?.type !== MSG.engineStatus || message.status !== STATUS.connected) return;
    for (const session of sessions.values()) if (session.offline) session.recheck();
  });
}

/**
 * The compose box the keyboard command is for: the one whose draft or panel has the focus, else
 * (in the frame that has the focus) the one typed into last. Every frame of the tab hears the
 * command; only that one acts.
 */
function focusTarget(sessions) {
  const all = [...sessions];
  const focused = all.find((session) => session.focus !== null);
  if (focused || !document.hasFocus()) return focused ?? null;
  return all.reduce((latest, session) => (latest === null || session.typedAt > latest.typedAt ? session : latest), null);
}
