// The background service worker: owns the native port, answers the content scripts' checks
// and the popup's status questions, tells them when the engine comes or goes, and passes the
// keyboard command on to the tab.

import { api } from "../platform.js";
import { MAX_DRAFT_UTF16_UNITS } from "../shared/contract.js";
import { MSG, STATUS } from "../shared/messages.js";
import { onSettingsChanged, readSettings } from "../shared/settings.js";
import { checkRequest } from "./check-request.js";
import { onCommand, openSettings } from "./commands.js";
import { EngineError, NativeEngine } from "./native-port.js";

const engine = new NativeEngine({ onStatus: broadcastStatus });

let settings = readSettings();
onSettingsChanged(() => {
  settings = readSettings();
});

// Only the newest check of each composer matters; an older answer is dropped, not drawn.
const latestCheck = new Map(); // "tab:frame:composer" -> sequence number
let checkSequence = 0;
const tabsWithComposers = new Set();

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = { [MSG.check]: handleCheck, [MSG.status]: handleStatus, [MSG.openSettings]: () => openSettings(api) }[message?.type];
  if (!handler) return false;
  handler(message, sender).then(sendResponse, (error) =>
    sendResponse({ type: "error", code: "internal", message: String(error?.message ?? error) }),
  );
  return true; // answer asynchronously
});

api.commands?.onCommand.addListener((command, tab) => onCommand(api, command, tab));

engine.connect();

async function handleCheck(message, sender) {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) tabsWithComposers.add(tabId);
  const key = `${tabId}:${sender.frameId}:${message.composer}`;
  const sequence = ++checkSequence;
  latestCheck.set(key, sequence);
  const answer = await check(message);
  if (latestCheck.get(key) !== sequence) return { type: "stale" };
  latestCheck.delete(key);
  return answer;
}

async function check({ text, site }) {
  if (typeof text !== "string") return { type: "error", code: "bad_request", message: "No text to check." };
  if (text.length > MAX_DRAFT_UTF16_UNITS) return { type: "error", code: "too_large", message: "The draft is too long to check." };
  const request = checkRequest({ text, site }, await settings, engine.hello?.policies ?? null);
  if (!request) return { type: "inactive" };
  try {
    const answer = await engine.request(request);
    return { ...answer, policyInfo: policyInfo() };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { type: "error", code: error.code, message: error.message, status: engine.status };
  }
}

/** Names for the panel (findings carry only the pack id), and whom each policy says to ask. */
function policyInfo() {
  const info = {};
  for (const { id, name, organisation, date, ask } of engine.hello?.policies ?? []) info[id] = { name, organisation, date, ask: ask ?? {} };
  return info;
}

async function handleStatus(message) {
  if (message.reconnect && engine.status !== STATUS.connected) engine.reconnectNow();
  return engine.snapshot();
}

function broadcastStatus(snapshot) {
  const message = { type: MSG.engineStatus, ...snapshot };
  api.runtime.sendMessage(message).catch(() => {}); // the popup, when open
  for (const tabId of tabsWithComposers) {
    api.tabs.sendMessage(tabId, message).catch(() => tabsWithComposers.delete(tabId));
  }
}
