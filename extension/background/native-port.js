// The one long-lived native messaging port to `decorum-host`, speaking protocol v1.
//
// connectNative starts the host once and keeps it running (a per-message sendNativeMessage
// would start a Python process per keystroke); an open port also keeps the MV3 service worker
// alive. When the host dies the port closes: we say why, and reconnect with backoff.

import { api, disconnectReason } from "../platform.js";
import { HOST_NAME } from "../shared/contract.js";
import { STATUS } from "../shared/messages.js";

const REQUEST_TIMEOUT_MS = 3000;
// A cold start imports the engine and compiles its packs: give the first answer more time.
const HELLO_TIMEOUT_MS = 10000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 30000;
// Starts in a row that ended before the host's hello, after which the install is called broken.
const FAILED_STARTS_BEFORE_FAILING = 3;

/** The engine answered with `{"type": "error"}`, or could not be reached (code `unavailable`/`timeout`). */
export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function classify(reason, failedStarts) {
  if (/not found|no such native application/i.test(reason)) return STATUS.notInstalled;
  if (/forbidden/i.test(reason)) return STATUS.forbidden;
  return failedStarts >= FAILED_STARTS_BEFORE_FAILING ? STATUS.failing : STATUS.disconnected;
}

export class NativeEngine {
  status = STATUS.connecting;
  /** The host's hello answer: version and the packs it has. Cached for the popup and panels. */
  hello = null;
  /** The browser's words for the last disconnect, shown in the popup. */
  reason = "";

  #port = null;
  #nextId = 1;
  #pending = new Map(); // id -> {resolve, reject, timer}
  #ready = null; // settles when the current connection's hello is answered
  #backoff = BACKOFF_FIRST_MS;
  #failedStarts = 0; // connections in a row lost before their hello was answered
  #greeted = false; // the current connection's hello was answered
  #reconnectTimer = null;
  #reconnectAt = 0;
  #waiters = []; // requests waiting for a reconnect that is due soon
  #onStatus;

  constructor({ onStatus }) {
    this.#onStatus = onStatus;
  }

  snapshot() {
    return {
      status: this.status,
      version: this.hello?.version ?? null,
      policies: this.hello?.policies ?? [],
      reason: this.reason,
    };
  }

  /** Opens the port unless one is open or opening. */
  connect() {
    if (this.#port) return;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#setStatus(STATUS.connecting);
    let port;
    try {
      port = api.runtime.connectNative(HOST_NAME);
    } catch (error) {
      this.#lost(String(error?.message ?? error));
      return;
    }
    this.#port = port;
    this.#greeted = false;
    port.onMessage.addListener((message) => this.#answer(message));
    port.onDisconnect.addListener(() => {
      if (this.#port === port) this.#lost(disconnectReason(port) || "Native host has exited.");
    });
    this.#ready = this.#send({ type: "hello" }, HELLO_TIMEOUT_MS).then(
      (hello) => {
        this.hello = hello;
        this.reason = "";
        this.#backoff = BACKOFF_FIRST_MS;
        this.#greeted = true;
        this.#failedStarts = 0;
        this.#setStatus(STATUS.connected);
        this.#wakeWaiters(null);
      },
      (error) => {
        // A host that started but does not answer hello is as good as dead: start over.
        if (this.#port === port && error.code === "timeout") {
          port.disconnect();
          this.#lost("The engine did not answer in time.");
        }
        throw error;
      },
    );
    this.#ready.catch(() => {});
  }

  /** Skips the backoff wait: the popup asks for this when a person opens it. */
  reconnectNow() {
    if (this.#port) return;
    this.#backoff = BACKOFF_FIRST_MS;
    this.connect();
  }

  /**
   * Sends one request and resolves with the host's answer. Rejects with an EngineError when the
   * host answers `error`, does not answer within the timeout, or cannot be reached.
   */
  async request(message) {
    await this.#whenReachable();
    return this.#send(message, REQUEST_TIMEOUT_MS);
  }

  async #whenReachable() {
    if (this.status === STATUS.connected) return;
    if (this.#port) return this.#ready;
    // Disconnected: wait for a reconnect that is due soon, else say so at once.
    if (this.#reconnectTimer && this.#reconnectAt - Date.now() <= REQUEST_TIMEOUT_MS) {
      return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
    }
    throw new EngineError("unavailable", this.reason || this.status);
  }

  #wakeWaiters(error) {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const { resolve, reject } of waiters) (error ? reject(error) : resolve());
  }

  #send(message, timeoutMs) {
    const port = this.#port;
    if (!port) return Promise.reject(new EngineError("unavailable", this.reason || this.status));
    const id = String(this.#nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new EngineError("timeout", `The engine did not answer within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      try {
        port.postMessage({ id, ...message });
      } catch (error) {
        clearTimeout(timer);
        this.#pending.delete(id);
        reject(new EngineError("unavailable", String(error?.message ?? error)));
      }
    });
  }

  #answer(message) {
    const pending = this.#pending.get(message?.id);
    if (!pending) return; // an answer after its timeout: nobody waits for it any more
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === "error") pending.reject(new EngineError(message.code, message.message));
    else pending.resolve(message);
  }

  #lost(reason) {
    this.#port = null;
    this.reason = reason;
    const error = new EngineError("unavailable", reason);
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.#pending.clear();
    this.#wakeWaiters(error);
    if (!this.#greeted) this.#failedStarts++;
    this.#setStatus(classify(reason, this.#failedStarts));
    const delay = this.#backoff;
    this.#backoff = Math.min(this.#backoff * 2, BACKOFF_MAX_MS);
    this.#reconnectAt = Date.now() + delay;
    this.#reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  #setStatus(status) {
    const changed = status !== this.status;
    this.status = status;
    if (changed) this.#onStatus?.(this.snapshot());
  }
}
