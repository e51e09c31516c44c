// The society a member names for the pack whose policy names none: how the popup reads its
// fields, and the bounds the engine holds identities to (docs/native-host.md), checked here
// first so that the member is told in the popup rather than by a refused check.

export const IDENTITY_LIMITS = {
  entries: 20, // names, acronyms or handles in one field
  entryChars: 120, // characters in one of them
  fieldChars: 20 * 122, // what one field can hold: 20 entries and their ", "
};

const FIELD_NAMES = { names: "organisation names", acronyms: "acronyms", handles: "handles" };

/** A field's comma-separated entries, trimmed, empty ones dropped. */
export function parseIdentityField(value) {
  return value.split(",").map((part) => part.trim()).filter(Boolean);
}

/** `{field, message}` for the first field over the bounds, or null when the identity is fine. */
export function identityProblem(identity) {
  for (const [field, label] of Object.entries(FIELD_NAMES)) {
    const entries = identity[field] ?? [];
    if (entries.length > IDENTITY_LIMITS.entries) {
      return { field, message: `At most ${IDENTITY_LIMITS.entries} ${label}, please (you have ${entries.length}).` };
    }
    const long = entries.find((entry) => entry.length > IDENTITY_LIMITS.entryChars);
    if (long !== undefined) {
      return { field, message: `Each of the ${label} can be at most ${IDENTITY_LIMITS.entryChars} characters long.` };
    }
  }
  return null;
}
