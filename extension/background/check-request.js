// What the background adds to a draft before the host sees it: the policies switched on (those
// the host has), the identities for them, and the packs whose profile carries the disclaimer.
// Pure, so the node tests can hold it to the protocol without a browser.

import { DEFAULT_SENSITIVITY } from "../shared/contract.js";

/**
 * The protocol v1 `check` request for `text` on `site`, or null when no policy is on.
 * `hostPolicies` is the host's hello list; null before the first hello (send what is stored).
 */
export function checkRequest({ text, site }, { activePolicies, identities, profileDisclaimer, sensitivity }, hostPolicies) {
  const known = hostPolicies ? new Set(hostPolicies.map((p) => p.id)) : null;
  const policies = activePolicies.filter((id) => !known || known.has(id));
  if (policies.length === 0) return null;
  const identity = {};
  for (const id of policies) if (identities[id]) identity[id] = identities[id];
  // Always sent, even empty: an older host ignores the field; this host decides per pack whether
  // the policy accepts a statement on the profile.
  const onProfile = new Set(profileDisclaimer);
  const profile_disclaimer = policies.filter((id) => onProfile.has(id));
  // An older host ignores the field and checks with its default, which is ours.
  return { type: "check", text, policies, identity, profile_disclaimer, sensitivity: sensitivity ?? DEFAULT_SENSITIVITY, site: site ?? "other" };
}
