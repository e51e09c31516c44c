"""The native-messaging host that connects the browser extension to the engine."""

from engine.contract import HOST_NAME  # noqa: F401  (the extension asks for the host by this name)

# Derived from the public key in extension/manifest.json ("key"); e2e/test_fixtures.py and
# e2e/test_packaged_extension.py check it is the id Chromium gives the extension.
EXTENSION_ID = "okbfacohdjmajkgidmdgmkdabboacffn"
# The add-on id Firefox knows the extension by (extension/manifest.json, browser_specific_settings.gecko.id).
FIREFOX_EXTENSION_ID = "decorum@decorum.dev"
