// The popup: whether the engine is there (and, when it is not, what to run), which policies are
// on, the society for the pack that names none (only while that pack is on), and which sites to
// check. It fits Chrome's 600 px: the policy list scrolls inside when a member has many packs,
// while the site switches stay in sight; the rarer settings are on the settings page
// (options/). Switches are saved at once; open drafts pick every change up through
// storage.onChanged. The site switches are the site adapters' list, which the build writes into
// build/sites.js (tools/build-extension.mjs).

import { SITES } from "../build/sites.js";
import { api, browserName, sendToBackground } from "../platform.js";
import { ENGINE_STATUS_TEXT, fillSetupCommands } from "../shared/engine-setup.js";
import { MSG, STATUS } from "../shared/messages.js";
import { orderPolicies, policySubtitle } from "../shared/policy-list.js";
import { USER_IDENTITY_PACK } from "../shared/contract.js";
import { KEYS, emptyIdentity, onSettingsChanged, readSettings, saveSetting } from "../shared/settings.js";
import { setUpIdentityForm } from "./identity-form.js";

const $ = (selector) => document.querySelector(selector);
let settings = await readSettings();
let engine = { status: STATUS.connecting, policies: [] };

api.runtime.onMessage.addListener((message) => {
  if (message?.type === MSG.engineStatus) renderEngine(message);
});
onSettingsChanged(async () => {
  settings = await readSettings();
  renderPolicies();
  renderSites();
});

fillSetupCommands(document, browserName());
$("#copy-command").addEventListener("click", async () => {
  await navigator.clipboard?.writeText($("#install-command").textContent).catch(() => {});
  $("#copy-command").textContent = "Copied";
});
$("#open-settings").addEventListener("click", () => api.runtime.openOptionsPage());
for (const link of document.querySelectorAll("[data-engine-help]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    api.tabs.create({ url: api.runtime.getURL("options/options.html#engine") });
  });
}
setUpIdentityForm($("#identity-form"), settings.identities[USER_IDENTITY_PACK] ?? emptyIdentity());
setUpSites();
renderEngine(await sendToBackground({ type: MSG.status, reconnect: true }));

function renderEngine(snapshot) {
  if (!snapshot?.status) snapshot = { status: STATUS.disconnected, policies: [], reason: snapshot?.message ?? "" };
  if (snapshot.status === STATUS.connected || engine.policies.length === 0) engine = snapshot;
  else engine = { ...snapshot, policies: engine.policies }; // keep the list we had while it reconnects
  const status = $("#engine-status");
  status.dataset.status = snapshot.status;
  status.textContent = ENGINE_STATUS_TEXT[snapshot.status] ?? snapshot.status;
  $("#install-help").hidden = ![STATUS.notInstalled, STATUS.forbidden].includes(snapshot.status);
  $("#failing-help").hidden = snapshot.status !== STATUS.failing;
  const reason = $("#engine-reason");
  reason.hidden = snapshot.status === STATUS.connected || !snapshot.reason;
  reason.textContent = snapshot.reason ? `Browser says: ${snapshot.reason}` : "";
  renderPolicies();
}

function renderPolicies() {
  const list = $("#policies");
  const known = orderPolicies(engine.policies);
  const active = new Set(settings.activePolicies);
  // Rebuild only when the engine's list changes, so keyboard focus survives a toggle.
  const shape = known.map((p) => p.id).join(" ");
  if (list.dataset.shape !== shape) {
    list.dataset.shape = shape;
    list.replaceChildren(...known.map(policyItem));
  }
  for (const input of list.querySelectorAll("[data-policy]")) input.checked = active.has(input.dataset.policy);
  for (const policy of known) {
    list.querySelector(`[data-policy="${policy.id}"] ~ span .policy-meta`).textContent = policySubtitle(policy, known, settings.identities);
  }
  placeIdentityForm(list, active.has(USER_IDENTITY_PACK));
  $("#policies-unavailable").hidden = known.length > 0;
  const knownIds = new Set(known.map((p) => p.id));
  const switchedOn = settings.activePolicies.filter((id) => known.length === 0 || knownIds.has(id));
  $("#no-policy").hidden = switchedOn.length > 0;
}

/** The society form sits under the Society policy's switch, and only while that policy is on. */
function placeIdentityForm(list, societyOn) {
  const form = $("#identity-form");
  const item = list.querySelector(`[data-policy="${USER_IDENTITY_PACK}"]`)?.closest("li");
  if (item && form.parentElement !== item) item.append(form);
  form.hidden = !(item && societyOn);
}

function policyItem(policy) {
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  input.dataset.policy = policy.id;
  input.addEventListener("change", () => togglePolicy(policy.id, input.checked));
  const name = Object.assign(document.createElement("span"), { className: "policy-name", textContent: policy.name });
  const meta = Object.assign(document.createElement("span"), { className: "policy-meta" });
  const text = document.createElement("span");
  text.append(name, meta);
  const label = document.createElement("label");
  label.append(input, text);
  const item = document.createElement("li");
  if (policy.superseded_by) item.dataset.superseded = "";
  item.append(label);
  return item;
}

async function togglePolicy(id, on) {
  const current = (await readSettings()).activePolicies.filter((p) => p !== id);
  settings.activePolicies = on ? [...current, id] : current;
  renderPolicies();
  await saveSetting(KEYS.activePolicies, settings.activePolicies);
}

function setUpSites() {
  $("#sites").replaceChildren(...SITES.map(siteItem));
  renderSites();
}

function siteItem(site) {
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  input.dataset.site = site.name;
  input.addEventListener("change", async () => {
    const disabled = new Set((await readSettings()).disabledSites);
    if (input.checked) disabled.delete(site.name);
    else disabled.add(site.name);
    settings.disabledSites = SITES.map((s) => s.name).filter((name) => disabled.has(name));
    await saveSetting(KEYS.disabledSites, settings.disabledSites);
  });
  const label = document.createElement("label");
  label.append(input, ` ${site.label}`);
  const item = document.createElement("li");
  item.append(label);
  return item;
}

function renderSites() {
  for (const input of document.querySelectorAll("[data-site]")) {
    input.checked = !settings.disabledSites.includes(input.dataset.site);
  }
}
