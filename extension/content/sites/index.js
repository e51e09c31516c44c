// Every site adapter, registered here and nowhere else: the one list of the sites Decorum runs
// on. tools/build-extension.mjs derives the rest from it (the manifest's matches, the popup's
// switches, the hosts the e2e tests serve). A site's own adapter is tried first; the generic one
// picks up editable boxes it does not claim.

import facebook from "./facebook.js";
import generic from "./generic.js";
import linkedin from "./linkedin.js";
import x from "./x.js";

export const SITE_ADAPTERS = [x, linkedin, facebook];

/** `{site, adapters}` for a hostname, or null on a site Decorum does not run on. */
export function adaptersFor(hostname) {
  const adapter = SITE_ADAPTERS.find((a) => a.hosts.includes(hostname));
  return adapter ? { site: adapter.name, adapters: [adapter, generic] } : null;
}
