#!/usr/bin/env bash
# Installs what newskg needs on Debian 12 (as root), only what is missing.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config libserd-dev libsord-dev serdi sordi
      raptor2-utils libicu-dev libboost-test-dev libcld2-dev libssl-dev libmimalloc-dev python3
      clang libclang-rt-14-dev parallel nginx curl)
# nginx and curl serve and fetch a published site (tests/scripts/publish_nginx.sh).
# Chromium (tests/scripts/publish_browser.sh) is large: that test installs it
# itself when it is missing, and is skipped when it cannot.
# Node and npm (for the store and SHACL tests) may come from elsewhere than
# Debian; Debian's npm conflicts with such a node, so only install when absent.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
