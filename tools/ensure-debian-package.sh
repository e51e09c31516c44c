#!/usr/bin/env bash
# ensure-debian-package.sh COMMAND PACKAGE WHO-NEEDS-IT
# Installs Debian's PACKAGE through apt when COMMAND is missing and we are root; otherwise says
# the command to run. The e2e tests and `make run` drive Debian's Chromium (Playwright cannot
# download browsers here), and `make run` without a display puts it on Xvfb.
set -euo pipefail
command=$1 package=$2 purpose=$3
if command -v "$command" >/dev/null 2>&1 || [ -x "/usr/bin/$command" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's $package (needed by $purpose)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$package" >/dev/null
  exit 0
fi
cat >&2 <<MSG
$command is not installed (needed by $purpose). Install it, then run make again:
    sudo apt-get install $package        (Debian, Ubuntu)
MSG
exit 1
