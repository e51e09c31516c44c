// The site adapters are the one list of sites: what the build derives from them, and what it
// refuses. Run: node --test extension/tests/
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { SITE_ADAPTERS, adaptersFor } from "../content/sites/index.js";
import { contentScriptMatches, siteList, sitesModule, withMatches } from "../../tools/extension-sites.mjs";

const manifestText = await readFile(new URL("../manifest.json", import.meta.url), "utf8");
const SITES = siteList(SITE_ADAPTERS);
const X = { name: "x", label: "X", hosts: ["x.com", "twitter.com"], testPage: "https://x.com/home" };

test("the manifest runs the content script on every host of every adapter, and nowhere else", () => {
  // Fails when a site was added or changed without `make extension`, which writes the manifest.
  const [script] = JSON.parse(manifestText).content_scripts;
  assert.deepEqual(script.matches, contentScriptMatches(SITES));
  assert.deepEqual(JSON.parse(withMatches(manifestText, contentScriptMatches(SITES))), JSON.parse(manifestText));
});

test("every host of a site finds that site's adapter first, and the generic one after it", () => {
  for (const site of SITES) {
    for (const host of site.hosts) {
      const found = adaptersFor(host);
      assert.equal(found.site, site.name);
      assert.deepEqual(found.adapters.map((adapter) => adapter.name), [site.name, "generic"]);
    }
  }
  assert.equal(adaptersFor("example.org"), null);
});

test("the list is the registry's adapters, in its order, with what the rest of Decorum reads of each", () => {
  assert.deepEqual(SITES.map((site) => site.name), SITE_ADAPTERS.map((adapter) => adapter.name));
  assert.deepEqual(siteList([{ ...X, composers: "[contenteditable]", separator: "\n" }]), [X]);
});

test("an adapter that lacks what the rest of Decorum needs is refused, naming it and the field", () => {
  const cases = [
    [{ ...X, name: "X site" }, /site adapter "X site": 'name' must be/],
    [{ ...X, label: "" }, /site adapter "x": 'label' must be/],
    [{ ...X, hosts: [] }, /site adapter "x": 'hosts' must be/],
    [{ ...X, hosts: ["https://x.com"] }, /site adapter "x": 'hosts' must be/],
    [{ ...X, testPage: "https://example.org/" }, /site adapter "x": 'testPage' must be an https:\/\/ address on one of its hosts \(x.com, twitter.com\)/],
    [{ ...X, testPage: undefined }, /'testPage' must be/],
  ];
  for (const [adapter, message] of cases) assert.throws(() => siteList([adapter]), message);
});

test("two adapters for one site, or for one host, are refused", () => {
  assert.throws(() => siteList([X, { ...X, hosts: ["x2.com"], testPage: "https://x2.com/" }]), /two site adapters are named "x"/);
  const other = { name: "other", label: "Other", hosts: ["twitter.com"], testPage: "https://twitter.com/" };
  assert.throws(() => siteList([X, other]), /site adapters "x" and "other" both claim twitter.com/);
});

test("the matches are written into the manifest's one list, the rest of its text kept as it was", () => {
  const before = '{\n  "a": 1,\n  "content_scripts": [{ "matches": ["https://old.example/*"], "js": ["c.js"] }]\n}\n';
  assert.equal(withMatches(before, ["https://x.com/*", "https://twitter.com/*"]),
    '{\n  "a": 1,\n  "content_scripts": [{ "matches": ["https://x.com/*", "https://twitter.com/*"], "js": ["c.js"] }]\n}\n');
  assert.throws(() => withMatches('{"content_scripts": []}', []), /expected one content-script "matches" list .* found 0/);
});

test("the sites module carries the list as JSON, for the popup and the e2e tests", async () => {
  const text = sitesModule(SITES);
  const module = await import(`data:text/javascript,${encodeURIComponent(text)}`);
  assert.deepEqual(module.SITES, SITES);
  assert.deepEqual(JSON.parse(text.split("export const SITES = ")[1].trim().replace(/;$/, "")), SITES);
});
