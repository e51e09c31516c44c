// The user's settings in chrome.storage.sync: the keys, their defaults, and the one reader.
// Nothing is switched on by default: a member chooses their society's policy in the popup.

import { api } from "../platform.js";

export const KEYS = {
  activePolicies: "activePolicies", // ["icis", "rcr"]
  identities: "identities", // {"society": {"names": [], "acronyms": [], "handles": []}}
  disabledSites: "disabledSites", // ["facebook"]
  profileDisclaimer: "profileDisclaimer", // ["rcr"]: packs whose disclaimer the member's profile carries
};

export const SITES = ["x", "linkedin", "facebook"];

/** The pack whose policy names no society: its identity is the user's to give. */
export const USER_IDENTITY_PACK = "society";

const DEFAULTS = { activePolicies: [], identities: {}, disabledSites: [], profileDisclaimer: [] };

export function emptyIdentity() {
  return { names: [], acronyms: [], handles: [] };
}

export async function readSettings() {
  const stored = await api.storage.sync.get(DEFAULTS);
  return {
    activePolicies: Array.isArray(stored.activePolicies) ? stored.activePolicies : [],
    identities: stored.identities && typeof stored.identities === "object" ? stored.identities : {},
    disabledSites: Array.isArray(stored.disabledSites) ? stored.disabledSites : [],
    profileDisclaimer: Array.isArray(stored.profileDisclaimer) ? stored.profileDisclaimer : [],
  };
}

export function saveSetting(key, value) {
  return api.storage.sync.set({ [key]: value });
}

/** Calls `listener(changedKeys)` when any of our sync keys changes, from any page or device. */
export function onSettingsChanged(listener) {
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== "sync") return;
    const keys = Object.keys(changes).filter((key) => key in KEYS);
    if (keys.length) listener(keys);
  });
}
