// The settings page (options_ui): the settings a member sets once and rarely changes, which
// would make the popup taller than Chrome shows (how sure the learned check must be, which
// policies the profile's disclaimer satisfies), and the engine's set-up steps, which the popup
// links to when the engine is missing. Saved at once; open drafts pick changes up through
// storage.onChanged.

import { api, browserName, sendToBackground } from "../platform.js";
import { ENGINE_STATUS_TEXT, fillSetupCommands } from "../shared/engine-setup.js";
import { MSG, STATUS } from "../shared/messages.js";
import { orderPolicies } from "../shared/policy-list.js";
import { SENSITIVITIES } from "../shared/contract.js";
import { KEYS, onSettingsChanged, readSettings, saveSetting } from "../shared/settings.js";

const $ = (selector) => document.querySelector(selector);
let settings = await readSettings();
let policies = [];

api.runtime.onMessage.addListener((message) => {
  if (message?.type === MSG.engineStatus) renderEngine(message);
});
onSettingsChanged(async () => {
  settings = await readSettings();
  renderSensitivity();
  renderProfileDisclaimers();
});

fillSetupCommands(document, browserName());
setUpSensitivity();
renderEngine(await sendToBackground({ type: MSG.status, reconnect: true }));

function renderEngine(snapshot) {
  const status = $("#engine-status");
  const state = snapshot?.status ?? STATUS.disconnected;
  status.dataset.status = state;
  status.textContent = ENGINE_STATUS_TEXT[state] ?? state;
  if (state === STATUS.connected && snapshot.version) status.textContent += ` (engine version ${snapshot.version})`;
  if (snapshot?.policies?.length) policies = orderPolicies(snapshot.policies);
  renderProfileDisclaimers();
}

function setUpSensitivity() {
  for (const input of document.querySelectorAll('input[name="sensitivity"]')) {
    input.addEventListener("change", async () => {
      if (!input.checked || !SENSITIVITIES.includes(input.value)) return;
      settings.sensitivity = input.value;
      await saveSetting(KEYS.sensitivity, input.value);
    });
  }
  renderSensitivity();
}

function renderSensitivity() {
  for (const input of document.querySelectorAll('input[name="sensitivity"]')) input.checked = input.value === settings.sensitivity;
}

/** One tick per policy whose `hello` entry says it accepts the statement on the profile. */
function renderProfileDisclaimers() {
  const list = $("#profile-disclaimers");
  const accepting = policies.filter((policy) => policy.profile_disclaimer);
  const shape = accepting.map((policy) => policy.id).join(" ");
  if (list.dataset.shape !== shape) {
    list.dataset.shape = shape;
    list.replaceChildren(...accepting.map(profileDisclaimerItem));
  }
  $("#profile-unavailable").hidden = accepting.length > 0;
  const active = new Set(settings.activePolicies);
  const onProfile = new Set(settings.profileDisclaimer);
  for (const input of list.querySelectorAll("[data-profile-disclaimer]")) {
    const id = input.dataset.profileDisclaimer;
    input.checked = onProfile.has(id);
    input.disabled = !active.has(id); // kept, not cleared: it applies again when the pack is back on
    list.querySelector(`#profile-off-${id}`).hidden = active.has(id);
    // A description names hidden elements too: the note is described only while it shows.
    input.setAttribute("aria-describedby", `profile-disclaimer-hint-${id}${active.has(id) ? "" : ` profile-off-${id}`}`);
  }
}

function profileDisclaimerItem(policy) {
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  input.dataset.profileDisclaimer = policy.id;
  input.addEventListener("change", () => toggleProfileDisclaimer(policy.id, input.checked));
  const hint = Object.assign(document.createElement("span"), {
    id: `profile-disclaimer-hint-${policy.id}`,
    className: "hint",
    textContent: "This policy accepts the “views are my own” statement on your profile, not in each post.",
  });
  const off = Object.assign(document.createElement("span"), {
    id: `profile-off-${policy.id}`,
    className: "hint",
    textContent: "The policy is switched off in Decorum's popup.",
  });
  const label = document.createElement("label");
  label.append(input, document.createTextNode("My profile already carries the disclaimer"));
  const option = Object.assign(document.createElement("div"), { className: "sub-option" });
  option.append(label, hint, off);
  const item = document.createElement("li");
  item.append(Object.assign(document.createElement("span"), { className: "policy-name", textContent: policy.name }), option);
  return item;
}

async function toggleProfileDisclaimer(id, on) {
  const current = (await readSettings()).profileDisclaimer.filter((p) => p !== id);
  settings.profileDisclaimer = on ? [...current, id] : current;
  renderProfileDisclaimers();
  await saveSetting(KEYS.profileDisclaimer, settings.profileDisclaimer);
}
