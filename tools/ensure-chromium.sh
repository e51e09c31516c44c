#!/usr/bin/env bash
# The e2e tests and `make run` drive Debian's Chromium (Playwright cannot download browsers here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (needed by the e2e tests and make run)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
Chromium is not installed. Decorum's e2e tests and `make run` use /usr/bin/chromium.
Install it, then run make again:
    sudo apt-get install chromium        (Debian, Ubuntu)
MSG
exit 1
