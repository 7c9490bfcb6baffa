#!/usr/bin/env bash
# Installs what the browser end-to-end test needs, once: apt-get only runs
# when one of the Debian packages below is absent (same check as `make deps`).
set -euo pipefail

# fonts-noto-cjk: the Chinese pages of the multilingual test need a font that covers
# the script (without one, the browser draws empty boxes).
DEB_E2E="chromium chromium-driver python3-selenium fonts-dejavu-core fonts-noto-cjk"

missing=""
for p in $DEB_E2E; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "e2e: installing Debian packages:$missing"
  SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# The Nu Html Checker (e2e/a11y_test.py) runs on Java: any java on the PATH will do,
# else Debian's default-jre-headless.
if ! command -v java >/dev/null 2>&1; then
  echo "e2e: installing Debian package: default-jre-headless"
  SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
