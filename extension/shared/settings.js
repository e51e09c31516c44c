// The user's settings: the keys, their defaults, and the one reader. Nothing is switched on by
// default: a member chooses their society's policy in the popup.
//
// Kept in chrome.storage.local, on this computer only. storage.sync would upload them with the
// browser's sync (the society's name and handles, the policies on) while Decorum promises that
// nothing leaves the machine; settings an earlier Decorum kept there are moved here once.

import { api } from "../platform.js";
import { DEFAULT_SENSITIVITY, SENSITIVITIES } from "./contract.js";

export const KEYS = {
  activePolicies: "activePolicies", // ["icis", "rcr"]
  identities: "identities", // {"society": {"names": [], "acronyms": [], "handles": []}}
  disabledSites: "disabledSites", // ["facebook"]: site adapters' names (content/sites/)
  profileDisclaimer: "profileDisclaimer", // ["rcr"]: packs whose disclaimer the member's profile carries
  sensitivity: "sensitivity", // one of contract.js's SENSITIVITIES: how sure the learned check must be
};

const DEFAULTS = { activePolicies: [], identities: {}, disabledSites: [], profileDisclaimer: [], sensitivity: DEFAULT_SENSITIVITY };

export function emptyIdentity() {
  return { names: [], acronyms: [], handles: [] };
}

export async function readSettings() {
  await movedFromSync();
  const stored = await api.storage.local.get(DEFAULTS);
  return {
    activePolicies: Array.isArray(stored.activePolicies) ? stored.activePolicies : [],
    identities: stored.identities && typeof stored.identities === "object" ? stored.identities : {},
    disabledSites: Array.isArray(stored.disabledSites) ? stored.disabledSites : [],
    profileDisclaimer: Array.isArray(stored.profileDisclaimer) ? stored.profileDisclaimer : [],
    sensitivity: SENSITIVITIES.includes(stored.sensitivity) ? stored.sensitivity : DEFAULT_SENSITIVITY,
  };
}

export async function saveSetting(key, value) {
  await movedFromSync(); // a late move must not overwrite what is saved now
  return api.storage.local.set({ [key]: value });
}

/** Calls `listener(changedKeys)` when any of our keys changes, from any of the extension's pages. */
export function onSettingsChanged(listener) {
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    const keys = Object.keys(changes).filter((key) => key in KEYS);
    if (keys.length) listener(keys);
  });
}

let moving = null;

/** Moves settings left in storage.sync by an earlier version to storage.local, once per context. */
function movedFromSync() {
  moving ??= (async () => {
    const left = await api.storage.sync.get(Object.values(KEYS));
    const keys = Object.keys(left);
    if (keys.length === 0) return;
    const here = await api.storage.local.get(keys);
    const missing = Object.fromEntries(keys.filter((key) => !(key in here)).map((key) => [key, left[key]]));
    if (Object.keys(missing).length) await api.storage.local.set(missing);
    await api.storage.sync.remove(keys);
  })().catch((error) => console.warn("Decorum could not move its settings out of browser sync:", error));
  return moving;
}
