#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing. Browser suites
# drive that binary through playwright-core; no test tool downloads a browser.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at /usr/bin/chromium. Install Debian's chromium package: sudo apt-get install chromium" >&2
  exit 1
fi

echo "Installing Debian's chromium package for the browser suites..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
