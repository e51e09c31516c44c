// What the extension and Decorum's Python side must agree on, kept in this one file on this side:
// its twin is engine/contract.py, and tests/test_contract.py fails when the two differ.

/** The native-messaging host's name (its manifest's `name`; `connectNative` asks for it). */
export const HOST_NAME = "org.decorum.host";

/** The longest draft the host checks, in UTF-16 code units (JavaScript's `length`): Facebook's post limit. */
export const MAX_DRAFT_UTF16_UNITS = 63206;

/** The learned check's sensitivities, from fewest warnings to most, and the engine's default. */
export const SENSITIVITIES = ["fewer", "balanced", "more"];
export const DEFAULT_SENSITIVITY = "balanced";

/** The built-in pack whose policy names no society: its identity is the member's to give. */
export const USER_IDENTITY_PACK = "society";
