// The background's native port, against a fake browser: reconnect with backoff, request ids,
// timeouts, and what the status says. Run: node --test extension/tests/
import assert from "node:assert/strict";
import { beforeEach, mock, test } from "node:test";

class FakePort {
  sent = [];
  #messageListeners = [];
  #disconnectListeners = [];
  onMessage = { addListener: (fn) => this.#messageListeners.push(fn) };
  onDisconnect = { addListener: (fn) => this.#disconnectListeners.push(fn) };
  postMessage(message) {
    this.sent.push(message);
  }
  disconnect() {}
  /** The host answers the last request of `type` with `answer`. */
  answer(type, answer) {
    const request = this.sent.findLast((m) => m.type === type);
    for (const fn of this.#messageListeners) fn({ id: request.id, ...answer });
  }
  die(message) {
    fakeChrome.runtime.lastError = { message };
    for (const fn of this.#disconnectListeners) fn(this);
    fakeChrome.runtime.lastError = undefined;
  }
}

const fakeChrome = {
  runtime: {
    lastError: undefined,
    ports: [],
    connectNative(name) {
      assert.equal(name, "org.decorum.host");
      const port = new FakePort();
      this.ports.push(port);
      return port;
    },
  },
};
globalThis.chrome = fakeChrome;
const { NativeEngine } = await import("../background/native-port.js");

const HELLO = { type: "hello", protocol: 1, version: "0.1.0", policies: [{ id: "icis", name: "ICIS" }] };
const lastPort = () => fakeChrome.runtime.ports.at(-1);
const flush = () => new Promise((resolve) => setImmediate(resolve));

let statuses;
let engine;
beforeEach(() => {
  mock.timers.reset();
  mock.timers.enable({ apis: ["setTimeout", "Date"] });
  fakeChrome.runtime.ports = [];
  statuses = [];
  engine = new NativeEngine({ onStatus: (s) => statuses.push(s.status) });
});

test("says hello on connect and is connected once the host answers", async () => {
  engine.connect();
  assert.equal(engine.status, "connecting");
  assert.deepEqual(lastPort().sent, [{ id: "1", type: "hello" }]);
  lastPort().answer("hello", HELLO);
  await flush();
  assert.equal(engine.status, "connected");
  assert.deepEqual(engine.snapshot(), { status: "connected", version: "0.1.0", policies: HELLO.policies, reason: "" });
});

test("a request carries a fresh id and resolves with the answer to that id", async () => {
  engine.connect();
  lastPort().answer("hello", HELLO);
  const pending = engine.request({ type: "check", text: "ICIS" });
  await flush();
  const sent = lastPort().sent.at(-1);
  assert.equal(sent.id, "2");
  lastPort().answer("check", { type: "result", findings: [] });
  assert.deepEqual(await pending, { id: "2", type: "result", findings: [] });
});

test("an error answer rejects with the host's code", async () => {
  engine.connect();
  lastPort().answer("hello", HELLO);
  const pending = engine.request({ type: "check", text: "x".repeat(70000) });
  await flush();
  lastPort().answer("check", { type: "error", code: "too_large", message: "too long" });
  await assert.rejects(pending, { code: "too_large" });
});

test("a request the host does not answer times out after 3 s", async () => {
  engine.connect();
  lastPort().answer("hello", HELLO);
  const pending = engine.request({ type: "check", text: "ICIS" });
  await flush();
  mock.timers.tick(3000);
  await assert.rejects(pending, { code: "timeout" });
});

test("a missing host is reported as not installed and retried with doubling backoff", async () => {
  engine.connect();
  lastPort().die("Specified native messaging host not found.");
  assert.equal(engine.status, "not_installed");
  assert.equal(engine.reason, "Specified native messaging host not found.");
  for (const delay of [500, 1000, 2000, 4000]) {
    const before = fakeChrome.runtime.ports.length;
    mock.timers.tick(delay - 1);
    assert.equal(fakeChrome.runtime.ports.length, before, `not before ${delay} ms`);
    mock.timers.tick(1);
    assert.equal(fakeChrome.runtime.ports.length, before + 1, `after ${delay} ms`);
    lastPort().die("Specified native messaging host not found.");
  }
  await assert.rejects(engine.request({ type: "check" }), { code: "unavailable" }); // next try is 8 s away
});

test("the backoff stops at 30 s and starts again from 0.5 s after a success", async () => {
  engine.connect();
  for (let i = 0; i < 8; i++) {
    lastPort().die("Native host has exited.");
    mock.timers.tick(30000);
  }
  const before = fakeChrome.runtime.ports.length;
  lastPort().die("Native host has exited.");
  mock.timers.tick(29999);
  assert.equal(fakeChrome.runtime.ports.length, before);
  mock.timers.tick(1);
  assert.equal(fakeChrome.runtime.ports.length, before + 1);
  lastPort().answer("hello", HELLO);
  await flush();
  lastPort().die("Native host has exited.");
  mock.timers.tick(500);
  assert.equal(fakeChrome.runtime.ports.length, before + 2);
});

test("a host that dies mid-request fails it, and a request during a short wait is sent after the reconnect", async () => {
  engine.connect();
  lastPort().answer("hello", HELLO);
  const inFlight = engine.request({ type: "check", text: "one" });
  await flush();
  lastPort().die("Native host has exited.");
  await assert.rejects(inFlight, { code: "unavailable" });
  assert.equal(engine.status, "disconnected");

  const next = engine.request({ type: "check", text: "two" }); // reconnect is due in 0.5 s
  mock.timers.tick(500);
  lastPort().answer("hello", HELLO);
  await flush();
  await flush();
  assert.equal(lastPort().sent.at(-1).text, "two");
  lastPort().answer("check", { type: "result", findings: [] });
  assert.equal((await next).type, "result");
  assert.deepEqual(statuses, ["connected", "disconnected", "connecting", "connected"]);
});

test("reconnectNow skips the wait", () => {
  engine.connect();
  lastPort().die("Specified native messaging host not found.");
  const before = fakeChrome.runtime.ports.length;
  engine.reconnectNow();
  assert.equal(fakeChrome.runtime.ports.length, before + 1);
});

test("a host that exits before answering three starts in a row is failing, until one answers", async () => {
  engine.connect();
  lastPort().die("Native host has exited.");
  assert.equal(engine.status, "disconnected");
  mock.timers.tick(500);
  lastPort().die("Native host has exited.");
  assert.equal(engine.status, "disconnected");
  mock.timers.tick(1000);
  lastPort().die("Native host has exited.");
  assert.equal(engine.status, "failing"); // e.g. its virtual environment was deleted
  mock.timers.tick(2000); // still tried, less often
  assert.equal(engine.status, "connecting");
  lastPort().answer("hello", HELLO);
  await flush();
  assert.equal(engine.status, "connected");
  lastPort().die("Native host has exited."); // a host that ran and died is not a broken install
  assert.equal(engine.status, "disconnected");
});
