// The popup: which policies are on (and, where a policy accepts it, whether the member's profile
// carries the disclaimer), the user's society for the pack that names none, which sites to
// check, and whether the engine is there. Switches are saved at once; the society once the member
// has finished typing it (Save, Enter, or closing the popup), never name by half-typed name.
// Open drafts pick every change up through storage.onChanged.

import { api, browserName, sendToBackground } from "../platform.js";
import { MSG, STATUS } from "../shared/messages.js";
import { IDENTITY_LIMITS, identityProblem, parseIdentityField } from "../shared/identity.js";
import { KEYS, SENSITIVITIES, SITES, USER_IDENTITY_PACK, emptyIdentity, onSettingsChanged, readSettings, saveSetting } from "../shared/settings.js";

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
  renderSensitivity();
});

$("#install-command").textContent = `decorum install-host --browser ${browserName()}`;
$("#copy-command").addEventListener("click", async () => {
  await navigator.clipboard?.writeText($("#install-command").textContent).catch(() => {});
  $("#copy-command").textContent = "Copied";
});
setUpIdentity();
setUpSites();
setUpSensitivity();
renderEngine(await sendToBackground({ type: MSG.status, reconnect: true }));

function renderEngine(snapshot) {
  if (!snapshot?.status) snapshot = { status: STATUS.disconnected, policies: [], reason: snapshot?.message ?? "" };
  if (snapshot.status === STATUS.connected || engine.policies.length === 0) engine = snapshot;
  else engine = { ...snapshot, policies: engine.policies }; // keep the list we had while it reconnects
  const status = $("#engine-status");
  status.dataset.status = snapshot.status;
  status.textContent = {
    [STATUS.connected]: `Connected — engine ${snapshot.version}`,
    [STATUS.connecting]: "Connecting to the Decorum engine…",
    [STATUS.notInstalled]: "The Decorum engine is not installed",
    [STATUS.forbidden]: "The Decorum engine is installed, but not for this extension",
    [STATUS.disconnected]: "The Decorum engine stopped — reconnecting…",
    [STATUS.failing]: "The Decorum engine fails to start",
  }[snapshot.status] ?? snapshot.status;
  $("#install-help").hidden = ![STATUS.notInstalled, STATUS.forbidden].includes(snapshot.status);
  $("#failing-help").hidden = snapshot.status !== STATUS.failing;
  const reason = $("#engine-reason");
  reason.hidden = snapshot.status === STATUS.connected || !snapshot.reason;
  reason.textContent = snapshot.reason ? `Browser says: ${snapshot.reason}` : "";
  renderPolicies();
}

function renderPolicies() {
  const list = $("#policies");
  const known = engine.policies;
  const active = new Set(settings.activePolicies);
  // Rebuild only when the engine's list changes, so keyboard focus survives a toggle.
  const shape = known.map((p) => (p.profile_disclaimer ? `${p.id}+profile` : p.id)).join(" ");
  if (list.dataset.shape !== shape) {
    list.dataset.shape = shape;
    list.replaceChildren(...known.map(policyItem));
  }
  for (const input of list.querySelectorAll("[data-policy]")) input.checked = active.has(input.dataset.policy);
  const onProfile = new Set(settings.profileDisclaimer);
  for (const input of list.querySelectorAll("[data-profile-disclaimer]")) {
    const id = input.dataset.profileDisclaimer;
    input.checked = onProfile.has(id);
    input.disabled = !active.has(id); // kept, not cleared: it applies again when the pack is back on
  }
  $("#policies-unavailable").hidden = known.length > 0;
  const knownIds = new Set(known.map((p) => p.id));
  const switchedOn = settings.activePolicies.filter((id) => known.length === 0 || knownIds.has(id));
  $("#no-policy").hidden = switchedOn.length > 0;
  const society = known.find((p) => p.id === USER_IDENTITY_PACK);
  if (society) $("#society-policy-name").textContent = society.name;
}

function policyItem(policy) {
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  input.dataset.policy = policy.id;
  input.addEventListener("change", () => togglePolicy(policy.id, input.checked));
  const name = Object.assign(document.createElement("span"), { className: "policy-name", textContent: policy.name });
  const meta = Object.assign(document.createElement("span"), {
    className: "policy-meta",
    textContent: [policy.organisation, policy.date].filter(Boolean).join(" · "),
  });
  const text = document.createElement("span");
  text.append(name, meta);
  const label = document.createElement("label");
  label.append(input, text);
  const item = document.createElement("li");
  item.append(label);
  if (policy.profile_disclaimer) item.append(profileDisclaimerOption(policy));
  return item;
}

/** Only for packs whose policy accepts the personal-views statement on the member's profile. */
function profileDisclaimerOption(policy) {
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  input.dataset.profileDisclaimer = policy.id;
  input.addEventListener("change", () => toggleProfileDisclaimer(policy.id, input.checked));
  const hint = Object.assign(document.createElement("span"), {
    id: `profile-disclaimer-hint-${policy.id}`,
    className: "hint",
    textContent: "This policy accepts the “views are my own” statement on your profile, not in each post.",
  });
  input.setAttribute("aria-describedby", hint.id);
  const label = document.createElement("label");
  label.append(input, document.createTextNode("My profile already carries the disclaimer"));
  const option = Object.assign(document.createElement("div"), { className: "sub-option" });
  option.append(label, hint);
  return option;
}

async function togglePolicy(id, on) {
  const current = (await readSettings()).activePolicies.filter((p) => p !== id);
  settings.activePolicies = on ? [...current, id] : current;
  renderPolicies();
  await saveSetting(KEYS.activePolicies, settings.activePolicies);
}

async function toggleProfileDisclaimer(id, on) {
  const current = (await readSettings()).profileDisclaimer.filter((p) => p !== id);
  settings.profileDisclaimer = on ? [...current, id] : current;
  renderPolicies();
  await saveSetting(KEYS.profileDisclaimer, settings.profileDisclaimer);
}

function setUpIdentity() {
  const form = $("#identity-form");
  const status = $("#identity-status");
  const inputs = [...form.querySelectorAll("[data-identity]")];
  const identity = settings.identities[USER_IDENTITY_PACK] ?? emptyIdentity();
  for (const input of inputs) input.value = (identity[input.dataset.identity] ?? []).join(", ");
  let dirty = false;

  const say = (text, kind = "") => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  for (const input of inputs) {
    input.addEventListener("input", () => {
      dirty = true;
      input.removeAttribute("aria-invalid");
      say("Not saved yet: press Save or Enter");
    });
  }
  // Every check builds the society's patterns anew when it changes: only a finished name is sent.
  const save = async () => {
    const value = emptyIdentity();
    for (const input of inputs) value[input.dataset.identity] = parseIdentityField(input.value);
    const problem = identityProblem(value);
    if (problem) {
      const input = inputs.find((i) => i.dataset.identity === problem.field);
      input.setAttribute("aria-invalid", "true");
      say(problem.message, "error");
      return false;
    }
    dirty = false;
    const identities = { ...(await readSettings()).identities, [USER_IDENTITY_PACK]: value };
    await saveSetting(KEYS.identities, identities);
    say("Saved");
    return true;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
  for (const input of inputs) input.maxLength = IDENTITY_LIMITS.fieldChars;
  // The popup closes as soon as it loses focus: what was typed and not saved is saved then.
  addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && dirty) save();
  });
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

function setUpSites() {
  for (const input of document.querySelectorAll("[data-site]")) {
    input.addEventListener("change", async () => {
      const disabled = new Set((await readSettings()).disabledSites);
      if (input.checked) disabled.delete(input.dataset.site);
      else disabled.add(input.dataset.site);
      settings.disabledSites = SITES.filter((site) => disabled.has(site));
      await saveSetting(KEYS.disabledSites, settings.disabledSites);
    });
  }
  renderSites();
}

function renderSites() {
  for (const input of document.querySelectorAll("[data-site]")) {
    input.checked = !settings.disabledSites.includes(input.dataset.site);
  }
}
