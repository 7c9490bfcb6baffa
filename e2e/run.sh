#!/usr/bin/env bash
# make e2e: builds a site from e2e/fixtures with `tolk site` and tests it in
# headless Chromium (e2e/browser_test.py). One line per step on stdout.
#
#   TOLK=path/to/tolk     the binary (default .build/debug/tolk)
#   SCREENSHOTS=DIR       where the screenshots go (default .build/e2e/screenshots)
#   E2E_KEEP=1            keep the temporary folder (articles + built site) for a look
set -euo pipefail

cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/debug/tolk}
SCREENSHOTS=${SCREENSHOTS:-.build/e2e/screenshots}
PYTHON=/usr/bin/python3          # Debian's python3, the one python3-selenium installs into

echo "e2e: checking Debian packages (e2e/deps.sh)"
e2e/deps.sh

if [ ! -x "$TOLK" ]; then
  echo "e2e: error: no tolk binary at $TOLK (build it with 'swift build --product tolk', or set TOLK=)" >&2
  exit 2
fi
if ! "$TOLK" --help 2>/dev/null | grep -Eq '^ +site( |$)'; then
  echo "e2e: error: $TOLK has no 'site' command (not among the subcommands of 'tolk --help')" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tolk-e2e.XXXXXX")
cleanup() {
  if [ "${E2E_KEEP:-0}" = 1 ]; then
    echo "e2e: kept $WORK"
  else
    echo "e2e: removing $WORK"
    rm -rf -- "$WORK"
  fi
}
trap cleanup EXIT

# The articles only: README.md and PAYLOADS.md describe the fixtures and are not
# articles (Tolk skips README.md, but would read PAYLOADS.md as one).
ARTICLES="$WORK/articles"
OUT="$WORK/site"
mkdir -p "$ARTICLES"
count=0
for f in e2e/fixtures/*.md; do
  case "$(basename -- "$f")" in README.md|PAYLOADS.md) continue ;; esac
  cp -p -- "$f" "$ARTICLES/"
  count=$((count + 1))
done
echo "e2e: staged $count fixture articles in $ARTICLES"

echo "e2e: building the site: $TOLK site $ARTICLES --out $OUT"
start=$(date +%s)
"$TOLK" site "$ARTICLES" --out "$OUT"
echo "e2e: site built in $(( $(date +%s) - start )) s"

# A hostile file name must not make tolk write beside the site.
stray=$(find "$WORK" -mindepth 1 -maxdepth 1 ! -name articles ! -name site -printf '%f\n')
if [ -n "$stray" ]; then
  echo "e2e: error: tolk site wrote outside --out: $stray" >&2
  exit 1
fi

echo "e2e: browser test (e2e/browser_test.py), screenshots in $SCREENSHOTS"
"$PYTHON" e2e/browser_test.py --site "$OUT" --fixtures "$ARTICLES" --screenshots "$SCREENSHOTS"
