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

echo "e2e: checking Debian packages (e2e/deps.sh)"
e2e/deps.sh
echo "e2e: checking the validators in .build/e2e-tools (e2e/tools.sh)"
e2e/tools.sh

# Debian's python3-selenium is installed for Debian's /usr/bin/python3; a python3
# earlier on PATH (pyenv, a virtualenv) usually lacks it. Use the first that has it.
PYTHON=""
for candidate in ${E2E_PYTHON:-} /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import selenium' 2>/dev/null; then
    PYTHON=$(command -v "$candidate"); break
  fi
done
if [ -z "$PYTHON" ]; then
  echo "e2e: error: no python3 can import selenium (apt-get install python3-selenium, or set E2E_PYTHON)" >&2
  exit 2
fi

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
# The seed article's status binding, and a status document as its provider would
# write it now (password sync on, last sync 25 minutes ago): the Danish page's
# status panel is filled at build time.
cp -p -- e2e/fixtures/*.status.yml "$ARTICLES/"
STATUS="$WORK/status.json"
ago() { date -u -d "@$(( $(date +%s) - $1 ))" +%Y-%m-%dT%H:%M:%SZ; }
printf '{\n  "observedAt": "%s",\n  "passwordSync": { "enabled": true, "lastSync": "%s" }\n}\n' "$(ago 60)" "$(ago 1500)" > "$STATUS"
echo "e2e: staged $count fixture articles in $ARTICLES, status document $STATUS"

echo "e2e: building the site: $TOLK site $ARTICLES --out $OUT --status $STATUS"
start=$(date +%s)
"$TOLK" site "$ARTICLES" --out "$OUT" --status "$STATUS"
echo "e2e: site built in $(( $(date +%s) - start )) s"

# A hostile file name must not make tolk write beside the site.
stray=$(find "$WORK" -mindepth 1 -maxdepth 1 ! -name articles ! -name site ! -name status.json -printf '%f\n')
if [ -n "$stray" ]; then
  echo "e2e: error: tolk site wrote outside --out: $stray" >&2
  exit 1
fi

echo "e2e: browser test (e2e/browser_test.py), screenshots in $SCREENSHOTS"
status=0
"$PYTHON" e2e/browser_test.py --site "$OUT" --fixtures "$ARTICLES" --screenshots "$SCREENSHOTS" || status=1

# The same articles in five locale folders (da-DK, sv-SE, zh-CN, vi-VN and the
# right-to-left ar-SA): one site, each article once per language.
LOCALES=Tests/TolkKitTests/Fixtures/site-locales
MULTI="$WORK/site-locales"
echo "e2e: building the multilingual site: $TOLK site $LOCALES --out $MULTI"
"$TOLK" site "$LOCALES" --out "$MULTI" --quiet
echo "e2e: multilingual browser test (e2e/multilingual_test.py), screenshots in $SCREENSHOTS"
"$PYTHON" e2e/multilingual_test.py --site "$MULTI" --screenshots "$SCREENSHOTS" || status=1

# The validators (e2e/a11y_test.py): vnu on every page of both sites, of a site of
# corpus articles (e2e/a11y-fixtures: sentences in links, link destinations such as
# {TenantId_or_Name}, a lone %, |) and of three `tolk render --to html` pages (one
# right to left); axe-core on a sample of them at desktop and phone widths.
CORPUS="$WORK/site-corpus"
RENDER="$WORK/render"
mkdir -p "$RENDER"
echo "e2e: building the corpus-like site: $TOLK site e2e/a11y-fixtures --out $CORPUS"
"$TOLK" site e2e/a11y-fixtures --out "$CORPUS" --quiet
OAUTH=e2e/a11y-fixtures/troubleshoot-oauth-2-0-and-openid-Connect-protocols.md
"$TOLK" render Tests/TolkKitTests/Fixtures/cases/92-ar-rtl.md --to html --lang target -o "$RENDER/ar-rtl.html"
"$TOLK" render "$OAUTH" --to html --lang target -o "$RENDER/da-oauth.html"
"$TOLK" render "$OAUTH" --to html --lang source -o "$RENDER/en-oauth.html"
echo "e2e: validators (e2e/a11y_test.py): Nu Html Checker and axe-core"
"$PYTHON" e2e/a11y_test.py --vnu "${E2E_TOOLS:-.build/e2e-tools}/vnu.jar" --axe "${E2E_TOOLS:-.build/e2e-tools}/axe.min.js" \
  --site "fixtures=$OUT" --site "locales=$MULTI" --site "corpus=$CORPUS" \
  --page "$RENDER/ar-rtl.html" --page "$RENDER/da-oauth.html" --page "$RENDER/en-oauth.html" || status=1
exit $status
