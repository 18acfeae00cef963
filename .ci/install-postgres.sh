#!/usr/bin/env bash
# Installs Debian's postgresql (PostgreSQL 15 server binaries) for the database tests
# (tests/BorderDomain.EntityFrameworkCore.Tests), unless initdb is already there. The tests start their own throwaway
# cluster on a loopback port and never use the package's system service; they fail, saying so, without the binaries.
# CI runs as root; elsewhere run it with sudo.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
/usr/lib/postgresql/15/bin/initdb --version
