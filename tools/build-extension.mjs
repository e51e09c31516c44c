// Bundles the content script: extension/content/boot.js and every module it imports, into one
// classic script, extension/build/content.js, which the manifest injects into the sites. Then
// writes what is derived from the site adapters, the one list of sites (tools/extension-sites.mjs):
// the manifest's content-script matches, and extension/build/sites.js (the popup's switches).
//
// Why a bundle: MV3 content scripts cannot be ES modules, and importing the modules at run time
// needs them listed as web-accessible resources, which any page can fetch by the extension's id
// to learn that Decorum is installed (and Chromium's dynamic URLs do not reach a module's own
// relative imports). A bundle needs no web-accessible file at all. The sources stay plain ES
// modules; the service worker and the popup load them as they are.
import * as esbuild from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { SITE_ADAPTERS } from "../extension/content/sites/index.js";
import { contentScriptMatches, siteList, sitesModule, withMatches } from "./extension-sites.mjs";

const extension = join(dirname(fileURLToPath(import.meta.url)), "..", "extension");
// First, so that an adapter lacking what the rest of Decorum reads stops the build with its name.
const sites = siteList(SITE_ADAPTERS);

await esbuild.build({
  absWorkingDir: extension,
  entryPoints: [join(extension, "content", "boot.js")],
  outfile: join(extension, "build", "content.js"),
  bundle: true,
  format: "iife",
  // The browsers the manifest names: Chromium with MV3's APIs, Firefox 140.
  target: ["chrome120", "firefox140"],
  // Readable in the browser's debugger, like the sources it is made of.
  minify: false,
  legalComments: "none",
  banner: { js: "// Built by tools/build-extension.mjs from extension/content/: edit those files, not this one." },
  logLevel: "warning",
});
console.log(`content script built into ${join(extension, "build", "content.js")}`);

await writeFile(join(extension, "build", "sites.js"), sitesModule(sites));
const manifestFile = join(extension, "manifest.json");
const manifest = await readFile(manifestFile, "utf8");
const updated = withMatches(manifest, contentScriptMatches(sites));
if (updated !== manifest) {
  await writeFile(manifestFile, updated);
  console.log(`manifest.json: the content script now runs on ${sites.map((site) => site.label).join(", ")} (from the site adapters)`);
}
