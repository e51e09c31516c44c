// Finds compose boxes as they appear and notices when they go. Sites render them late and
// throw them away on navigation, in dialogs, in reply threads: watch the whole document, but
// only ever look (a scan is a couple of querySelectorAll calls, at most every SCAN_DELAY_MS).

const SCAN_DELAY_MS = 100;
const WATCHED_ATTRIBUTES = ["contenteditable", "role", "data-testid", "data-lexical-editor", "class"];

export class ComposerWatcher {
  #adapters;
  #onFound;
  #onLost;
  #tracked = new Map(); // editor element -> adapter
  #observer = new MutationObserver(() => this.#scheduleScan());
  #scanTimer = null;
  #onFocus = (event) => {
    if (event.target instanceof Element) this.#consider(event.target);
  };

  /** `onFound(editor, adapter)` and `onLost(editor)` are called once per compose box. */
  constructor(adapters, { onFound, onLost }) {
    this.#adapters = adapters;
    this.#onFound = onFound;
    this.#onLost = onLost;
  }

  start() {
    this.#observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    document.addEventListener("focusin", this.#onFocus, true);
    this.scan();
  }

  stop() {
    this.#observer.disconnect();
    document.removeEventListener("focusin", this.#onFocus, true);
    clearTimeout(this.#scanTimer);
    this.#scanTimer = null;
    for (const editor of [...this.#tracked.keys()]) this.#lose(editor);
  }

  scan() {
    this.#scanTimer = null;
    for (const [editor, adapter] of this.#tracked) {
      // Gone, or now claimed by a better adapter (an editor that set its attributes late).
      if (!editor.isConnected || this.#adapterFor(editor) !== adapter) this.#lose(editor);
    }
    for (const adapter of this.#adapters) {
      for (const element of document.querySelectorAll(adapter.composers)) this.#track(element, adapter);
    }
  }

  #adapterFor(element) {
    return this.#adapters.find((adapter) => element.matches(adapter.composers) && adapter.accepts(element));
  }

  #scheduleScan() {
    this.#scanTimer ??= setTimeout(() => this.scan(), SCAN_DELAY_MS);
  }

  /** A focused element may be a compose box that appeared since the last scan: pick it up now. */
  #consider(element) {
    for (const adapter of this.#adapters) {
      const editor = element.closest(adapter.composers);
      if (editor) return this.#track(editor, adapter);
    }
  }

  #track(element, adapter) {
    if (this.#tracked.has(element) || !adapter.accepts(element)) return;
    for (const editor of this.#tracked.keys()) {
      if (editor.contains(element) || element.contains(editor)) return; // claimed already
    }
    this.#tracked.set(element, adapter);
    this.#onFound(element, adapter);
  }

  #lose(editor) {
    this.#tracked.delete(editor);
    this.#onLost(editor);
  }
}
