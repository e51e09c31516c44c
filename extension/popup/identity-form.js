// The society a member names for the pack whose policy names none. Saved once the member has
// finished typing it (Save, Enter, or closing the popup), never by half-typed name: every check
// builds the society's patterns anew when it changes.

import { IDENTITY_LIMITS, identityProblem, parseIdentityField } from "../shared/identity.js";
import { USER_IDENTITY_PACK } from "../shared/contract.js";
import { KEYS, emptyIdentity, readSettings, saveSetting } from "../shared/settings.js";

/** Wires `form` (inputs with `data-identity`, a submit button, a `role=status` line) to storage. */
export function setUpIdentityForm(form, saved) {
  const status = form.querySelector('[role="status"]');
  const inputs = [...form.querySelectorAll("[data-identity]")];
  for (const input of inputs) {
    input.value = (saved[input.dataset.identity] ?? []).join(", ");
    input.maxLength = IDENTITY_LIMITS.fieldChars;
  }
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
  const save = async () => {
    const value = emptyIdentity();
    for (const input of inputs) value[input.dataset.identity] = parseIdentityField(input.value);
    const problem = identityProblem(value);
    if (problem) {
      inputs.find((i) => i.dataset.identity === problem.field).setAttribute("aria-invalid", "true");
      say(problem.message, "error");
      return;
    }
    dirty = false;
    const identities = { ...(await readSettings()).identities, [USER_IDENTITY_PACK]: value };
    await saveSetting(KEYS.identities, identities);
    say("Saved");
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
  // The popup closes as soon as it loses focus: what was typed and not saved is saved then.
  addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && dirty) save();
  });
}
