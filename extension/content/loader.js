// MV3 content scripts cannot be ES modules: this classic script only imports the real one.
// The module files are web_accessible_resources (limited to the four sites) for this reason.
(async () => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  try {
    const { start } = await import(runtime.getURL("content/main.js"));
    await start();
  } catch (error) {
    console.warn("Decorum could not start on this page:", error);
  }
})();
