"""The native-messaging host that connects the browser extension to the engine.

Importing this package imports nothing of the engine: ``decorum-host`` (start.py) switches the
collector off before the engine's imports. The host's name is the engine's ``contract.HOST_NAME``.
"""

# Derived from the public key in extension/manifest.json ("key"); e2e/test_fixtures.py and
# e2e/test_packaged_extension.py check it is the id Chromium gives the extension.
EXTENSION_ID = "okbfacohdjmajkgidmdgmkdabboacffn"
# The add-on id Firefox knows the extension by (extension/manifest.json, browser_specific_settings.gecko.id).
FIREFOX_EXTENSION_ID = "decorum@decorum.dev"
