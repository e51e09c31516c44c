"""The native-messaging host that connects the browser extension to the engine."""

HOST_NAME = "org.decorum.host"
# Derived from the public key in extension/manifest.json ("key"); tests/test_extension_id.py keeps them in step.
EXTENSION_ID = "okbfacohdjmajkgidmdgmkdabboacffn"
# The add-on id Firefox knows the extension by (extension/manifest.json, browser_specific_settings.gecko.id).
FIREFOX_EXTENSION_ID = "decorum@decorum.dev"
