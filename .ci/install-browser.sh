#!/usr/bin/env bash
# Installs Debian's chromium for the headless browser tests (tests/BorderDomain.Tests/Rendering/HtmlBrowserTests.cs),
# unless it is already there. CI runs as root; elsewhere run it with sudo. The tests fail under CI=true without it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
