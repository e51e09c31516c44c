// The sites Decorum runs on, read from the site adapters (extension/content/sites/), which are
// the one list of them: tools/build-extension.mjs writes from it the manifest's content-script
// matches and extension/build/sites.js (the popup's switches, the e2e tests' hosts and pages);
// extension/tests/sites.test.mjs holds the committed manifest to it.

const NAME = /^[a-z][a-z0-9-]*$/;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** `[{name, label, hosts, testPage}]` of the adapters, in their order; throws naming the adapter and field that is wrong. */
export function siteList(adapters) {
  const sites = adapters.map(siteOf);
  const names = new Set();
  const owners = new Map();
  for (const site of sites) {
    if (names.has(site.name)) throw new Error(`two site adapters are named "${site.name}": a site has one adapter`);
    names.add(site.name);
    for (const host of site.hosts) {
      if (owners.has(host)) throw new Error(`site adapters "${owners.get(host)}" and "${site.name}" both claim ${host}`);
      owners.set(host, site.name);
    }
  }
  return sites;
}

function siteOf(adapter, index) {
  const { name, label, hosts, testPage } = adapter;
  const wrong = (field, what) => new Error(`site adapter ${JSON.stringify(name ?? index)}: '${field}' must be ${what}`);
  if (typeof name !== "string" || !NAME.test(name)) throw wrong("name", 'a lower-case word such as "linkedin"');
  if (typeof label !== "string" || !label.trim()) throw wrong("label", 'the site\'s name as a member knows it, such as "LinkedIn"');
  if (!Array.isArray(hosts) || hosts.length === 0 || !hosts.every((host) => HOSTNAME.test(host))) {
    throw wrong("hosts", 'a list of host names such as ["www.linkedin.com"]');
  }
  let page = null;
  try {
    page = new URL(testPage);
  } catch {
    // reported below
  }
  if (page?.protocol !== "https:" || !hosts.includes(page.hostname)) {
    throw wrong("testPage", `an https:// address on one of its hosts (${hosts.join(", ")}) where its compose boxes are`);
  }
  return { name, label, hosts: [...hosts], testPage };
}

/** The manifest's content-script `matches` for these sites: every page of every host. */
export function contentScriptMatches(sites) {
  return sites.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));
}

const MATCHES = /("matches"\s*:\s*)\[[^\]]*\]/g;

/** The manifest's text with its one content-script `matches` list set to `matches`, the rest untouched. */
export function withMatches(manifestText, matches) {
  const found = manifestText.match(MATCHES) ?? [];
  if (found.length !== 1) {
    throw new Error(`extension/manifest.json: expected one content-script "matches" list to write the sites' hosts into, found ${found.length}`);
  }
  const list = `[${matches.map((match) => JSON.stringify(match)).join(", ")}]`;
  return manifestText.replace(MATCHES, (_, key) => key + list);
}

/** extension/build/sites.js: the sites as an ES module (the popup imports it; Python reads its JSON). */
export function sitesModule(sites) {
  return [
    "// Built by tools/build-extension.mjs from the site adapters (extension/content/sites/): edit those, not this file.",
    `export const SITES = ${JSON.stringify(sites, null, 2)};`,
    "",
  ].join("\n");
}
