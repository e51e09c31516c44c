"""What the Python side and the browser extension must agree on, kept in this one module on this
side: its twin is extension/shared/contract.js, and tests/test_contract.py fails when the two differ."""

from __future__ import annotations

# The native-messaging host's name: its manifest's `name`, which the extension's connectNative asks for.
HOST_NAME = "org.decorum.host"

# The longest draft the host checks, in UTF-16 code units (what JavaScript's `length` counts):
# Facebook's post limit, the longest of the supported sites.
MAX_DRAFT_UTF16_UNITS = 63_206

# The learned check's sensitivities, from fewest warnings to most, and the default.
SENSITIVITIES = ("fewer", "balanced", "more")
DEFAULT_SENSITIVITY = "balanced"

# The built-in pack whose policy names no society (engine/policies/society.toml): its identity is the member's to give.
USER_IDENTITY_PACK = "society"
