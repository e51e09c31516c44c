// The content script's entry point. tools/build-extension.mjs bundles it, with every module it
// imports, into build/content.js: the one classic script the manifest injects (see that tool
// for why there is no web-accessible file).
import { start } from "./main.js";

start().catch((error) => console.warn("Decorum could not start on this page:", error));
