#!/usr/bin/env bash
# Tolk benchmark harness: run by `make bench` after the release builds of
# `tolk` and `TolkBench`. Measures, in one sitting, whole-process wall-time
# medians (hyperfine) of Tolk and of its peers over the same corpus, peak
# memory (GNU time), and prints one table with the ratios. See bench/README.md.
#
#   BENCH_RUNS   hyperfine --runs (default 10; one warm-up run is always added)
#   BENCH_JOBS   "all cores" job count (default: nproc)
#   TOLK_CORPUS  corpus folder (default ../shared/corpus/da-DK/AlchemyInsights)
#   TOLK_PEERS   folder holding sxs_ref.py (default ../shared/peers)
#   TOLK_BIN_DIR folder of the release tolk and TolkBench (default .build/release)
#   PYTHON       interpreter for sxs_ref.py (default: first of python3,
#                /usr/bin/python3 that can `import lxml, yaml`)
#
# Exits non-zero only when a benchmarked command fails (or a Tolk binary is
# missing); a missed target is reported, not fatal. Missing corpus, peers or
# peer tools skip their rows with a message.

set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$PWD

RUNS=${BENCH_RUNS:-10}
JOBS=${BENCH_JOBS:-$(nproc)}
CORPUS=${TOLK_CORPUS:-../shared/corpus/da-DK/AlchemyInsights}
PEERS=${TOLK_PEERS:-../shared/peers}
BIN=${TOLK_BIN_DIR:-$ROOT/.build/release}
TOLK=$BIN/tolk
BENCH=$BIN/TolkBench
CMARK_FLAGS="--unsafe -e table -e strikethrough -e autolink"

status=0
say() { printf '%s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
# Single-quote a string for sh -c (hyperfine's default shell is sh).
sq() { local s=${1//\'/\'\\\'\'}; printf "'%s'" "$s"; }

for b in "$TOLK" "$BENCH"; do
    if [ ! -x "$b" ]; then
        warn "missing $b: build it with 'swift build -c release --product ${b##*/}' (or run 'make bench')"
        exit 1
    fi
done
if ! command -v hyperfine >/dev/null; then
    warn "hyperfine not found: run 'make bench-deps' (Debian package hyperfine)"
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tolk-bench.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
: > "$TMP/rows.tsv"       # key <TAB> json-file-or-"SKIP"/"FAIL" <TAB> note
: > "$TMP/mem.tsv"        # key <TAB> KiB-or-"SKIP"/"FAIL"
: > "$TMP/inproc.tsv"     # key <TAB> TolkBench JSON line

row() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >> "$TMP/rows.tsv"; }

# hyperfine KEY [extra hyperfine flags...] -- COMMAND
measure() {
    local key=$1; shift
    local flags=()
    while [ "$1" != "--" ]; do flags+=("$1"); shift; done
    shift
    local cmd=$1
    say ""
    say "== $key"
    say "   \$ $cmd"
    if hyperfine --warmup 1 --runs "$RUNS" --style basic "${flags[@]}" \
        --export-json "$TMP/$key.json" "$cmd"; then
        row "$key" "$TMP/$key.json"
    else
        warn "command failed: $cmd"
        row "$key" FAIL
        status=1
    fi
}

skip() { say ""; say "== $1: SKIPPED ($2)"; row "$1" SKIP "$2"; }

# ---------------------------------------------------------------- header
say "Tolk benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')), $(free -g 2>/dev/null | awk '/^Mem:/{print $2 " GiB"}')"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# The machines are shared: say so when something else is using the CPU, since
# every figure below (Tolk's and the peers') is then slower and noisier.
cpu_busy() {  # percent of all cores busy over one second, from /proc/stat
    local a b
    a=$(head -n 1 /proc/stat); sleep 1; b=$(head -n 1 /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN{split(a,x," "); split(b,y," "); t=0;
        for(i=2;i<=9;i++) t+=y[i]-x[i]; idle=(y[5]-x[5])+(y[6]-x[6]);
        printf "%d", (t > 0 ? 100*(t-idle)/t : 0)}'
}
busy=$(cpu_busy)
STAT0=$(head -n 1 /proc/stat); START_NS=$(date +%s%N)
say "CPU busy before starting (all cores, 1 s sample): ${busy}%"
if [ "${busy:-0}" -ge 15 ]; then
    say "WARNING: something else is using the CPU; every timing below will be inflated and noisy:"
    ps -eo pcpu=,args= --sort=-pcpu | head -n 3 | cut -c1-110 | sed 's/^/   /'
fi
say "tolk: $(git rev-parse --short HEAD 2>/dev/null)$( [ -n "$(git status --porcelain --untracked-files=no -- Sources 2>/dev/null)" ] && echo ' + uncommitted edits in Sources')"
say "binaries built: $(date -u -r "$BENCH" '+%Y-%m-%d %H:%M:%S UTC') (TolkBench), $(date -u -r "$TOLK" '+%H:%M:%S') (tolk)"
stale=$(find Sources -type f \( -newer "$BENCH" -o -newer "$TOLK" \) 2>/dev/null | head -n 3)
if [ -n "$stale" ]; then
    say "WARNING: Sources changed after the release binaries were built (e.g. $(printf '%s' "$stale" | head -n 1));"
    say "         the figures are for the older build: run 'make bench' to rebuild first"
fi
say "hyperfine runs: $RUNS (+1 warm-up); all-cores jobs: $JOBS"

HAVE_CORPUS=0
if [ -d "$CORPUS" ]; then
    CORPUS=$(cd "$CORPUS" && pwd)
    find "$CORPUS" -type f -name '*.md' -print0 | LC_ALL=C sort -z > "$TMP/files0"
    NFILES=$(tr -cd '\0' < "$TMP/files0" | wc -c)
    if [ "$NFILES" -gt 0 ]; then
        HAVE_CORPUS=1
        # The concatenation is prepared once, outside the timing.
        xargs -0 cat -- < "$TMP/files0" > "$TMP/concat.md"
        say "corpus: $CORPUS ($NFILES .md files, $(wc -c < "$TMP/concat.md") bytes)"
        [ "$NFILES" = 2913 ] || say "NOTE: the issue's figures and targets are for the 2,913 Danish articles (10.3 MB)"
    fi
fi
if [ "$HAVE_CORPUS" = 0 ]; then
    say "corpus: NOT FOUND (or no .md files) at '$CORPUS' (set TOLK_CORPUS) — corpus rows are skipped"
fi

PY=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import lxml, yaml' 2>/dev/null; then
        PY=$(command -v "$p"); break
    fi
done
HAVE_SXS=0
if [ ! -f "$PEERS/sxs_ref.py" ]; then
    say "peers: sxs_ref.py NOT FOUND in '$PEERS' (set TOLK_PEERS) — sxs_ref rows are skipped"
elif [ -z "$PY" ]; then
    say "peers: python3 cannot 'import lxml, yaml' — install them with 'pip install lxml pyyaml'"
    say "       (or 'make bench-deps', which installs Debian python3-lxml python3-yaml for /usr/bin/python3)"
    say "       — sxs_ref rows are skipped"
else
    PEERS=$(cd "$PEERS" && pwd)
    HAVE_SXS=1
    say "peers: $PEERS/sxs_ref.py with $PY ($("$PY" -c 'import sys, lxml.etree as e; print("Python", sys.version.split()[0], "lxml", e.__version__, "libxml2", ".".join(map(str, e.LIBXML_VERSION)))'))"
fi
HAVE_CMARK=0; command -v cmark-gfm >/dev/null && HAVE_CMARK=1
HAVE_XMLLINT=0; command -v xmllint >/dev/null && HAVE_XMLLINT=1
[ "$HAVE_CMARK" = 1 ] && say "cmark-gfm: $(cmark-gfm --version | head -1)"
[ "$HAVE_XMLLINT" = 1 ] && say "xmllint: $(xmllint --version 2>&1 | head -1)"

C=$(sq "$CORPUS")
Q_BENCH=$(sq "$BENCH")

# ---------------------------------------------------------------- Tolk
for spec in "parse_j1|--jobs 1" "parse_jN|--jobs $JOBS" "render_j1|--jobs 1 --render" "render_jN|--jobs $JOBS --render"; do
    key=${spec%%|*}; args=${spec#*|}
    if [ "$HAVE_CORPUS" = 1 ]; then
        measure "$key" -- "$Q_BENCH $args $C"
    else
        skip "$key" "no corpus"
    fi
done

# ---------------------------------------------------------------- peers
if [ "$HAVE_CORPUS" = 1 ] && [ "$HAVE_SXS" = 1 ]; then
    measure sxs_j1 -- "$(sq "$PY") $(sq "$PEERS/sxs_ref.py") $C > /dev/null"
    measure sxs_jN -- "$(sq "$PY") $(sq "$PEERS/sxs_ref.py") -j $JOBS $C > /dev/null"
else
    reason=$([ "$HAVE_CORPUS" = 1 ] && echo "sxs_ref.py or lxml/yaml missing" || echo "no corpus")
    skip sxs_j1 "$reason"; skip sxs_jN "$reason"
fi
if [ "$HAVE_CORPUS" = 1 ] && [ "$HAVE_CMARK" = 1 ]; then
    measure cmark_concat -- "cmark-gfm $CMARK_FLAGS < $(sq "$TMP/concat.md") > /dev/null"
    measure cmark_cat -- "xargs -0 cat -- < $(sq "$TMP/files0") | cmark-gfm $CMARK_FLAGS > /dev/null"
else
    skip cmark_concat "no corpus or cmark-gfm (make bench-deps)"; skip cmark_cat "no corpus or cmark-gfm"
fi
if [ "$HAVE_CORPUS" = 1 ] && [ "$HAVE_XMLLINT" = 1 ]; then
    # xmllint exits non-zero on HTML errors in Markdown input: -i keeps hyperfine going.
    measure xmllint -i -- "xargs -0 xmllint --html --noout < $(sq "$TMP/files0") 2>/dev/null"
else
    skip xmllint "no corpus or xmllint (make bench-deps)"
fi

# ---------------------------------------------------------------- tolk check vs its parse
# What a localization team's CI runs: every rule on every article (JSON report, so
# no terminal formatting), against tolk stats (the parse and the word counts).
if [ "$HAVE_CORPUS" = 1 ]; then
    Q_TOLK=$(sq "$TOLK")
    measure check_jN -i -- "$Q_TOLK check $C --format json -o /dev/null"
    measure check_j1 -i -- "$Q_TOLK check $C --format json -o /dev/null --jobs 1"
    measure stats_j1 -- "$Q_TOLK stats $C --format json -o /dev/null --jobs 1"
else
    skip check_jN "no corpus"; skip check_j1 "no corpus"; skip stats_j1 "no corpus"
fi

# ---------------------------------------------------------------- tolk show
if "$TOLK" show password-sync --no-pager --lang target > "$TMP/show.txt" && [ -s "$TMP/show.txt" ]; then
    measure show -- "$(sq "$TOLK") show password-sync --no-pager --lang target > /dev/null"
else
    warn "'tolk show password-sync --no-pager --lang target' failed or printed nothing"
    row show FAIL; status=1
fi

# ---------------------------------------------------------------- tolk site vs Hugo
# Both build the same 2,913 articles; Hugo one language (../shared/peers/hugo-site.sh),
# Tolk both (about 5,800 pages). "Empty folder": before each run the previous output
# is moved aside into $TMP/trash, not deleted: this disk is ext4 without a journal,
# where the inodes of files deleted in the last minute are skipped when new files are
# created, so an `rm -rf` of thousands of files makes the build that follows it slower
# (quadratically in the number of files: seconds for 11,000). The trash is removed at
# the end. The incremental row works on a copy of the corpus (the corpus is never
# modified): each run appends a line to one article first, so exactly one article
# changed since the previous build.
# The check cache (the rules' counts per article, kept between builds) lives in $TMP:
# the bench never reads or writes the user's. "site_empty" is the default build with
# that cache warm (hyperfine's warm-up run fills it), as on a docs team's machine or a
# CI job that keeps the folder; "site_empty_cold" (--no-cache) runs every rule on every
# article, as the very first build does.
export TOLK_CACHE_DIR="$TMP/tolk-cache"
SITE_OUT="$TMP/site"
HUGO_SITE="$TMP/hugo-site"
TRASH="$TMP/trash"
mkdir -p "$TRASH"
aside() { printf 'if [ -e %s ]; then mv %s %s/$(date +%%s%%N); fi' "$(sq "$1")" "$(sq "$1")" "$(sq "$TRASH")"; }
HAVE_HUGO=0
if [ "$HAVE_CORPUS" = 1 ] && [ -f "$PEERS/hugo-site.sh" ]; then
    if command -v hugo >/dev/null || [ "$(id -u)" = 0 ]; then
        if bash "$PEERS/hugo-site.sh" "$CORPUS" "$HUGO_SITE" > "$TMP/hugo-setup.log" 2>&1; then
            HAVE_HUGO=1
            say ""
            say "peers: $(hugo version 2>/dev/null | cut -d' ' -f1-2) (site set up by $PEERS/hugo-site.sh in $HUGO_SITE)"
        else
            say "peers: hugo-site.sh failed: $(tail -n 1 "$TMP/hugo-setup.log")"
        fi
    else
        say "peers: hugo not installed and not root — Hugo rows are skipped (apt-get install hugo)"
    fi
fi
if [ "$HAVE_CORPUS" = 1 ]; then
    Q_OUT=$(sq "$SITE_OUT")
    measure site_empty --prepare "$(aside "$SITE_OUT")" -- "$(sq "$TOLK") site $C --out $Q_OUT --quiet"
    measure site_empty_cold --prepare "$(aside "$SITE_OUT")" -- "$(sq "$TOLK") site $C --out $Q_OUT --quiet --no-cache"
    measure site_empty_nochecks --prepare "$(aside "$SITE_OUT")" -- "$(sq "$TOLK") site $C --out $Q_OUT --quiet --no-checks"
else
    skip site_empty "no corpus"; skip site_empty_cold "no corpus"; skip site_empty_nochecks "no corpus"
fi
if [ "$HAVE_HUGO" = 1 ]; then
    Q_HUGO=$(sq "$HUGO_SITE")
    measure hugo_empty --prepare "$(aside "$HUGO_SITE/public"); rm -rf $Q_HUGO/resources" -- "hugo --quiet -s $Q_HUGO"
    measure hugo_over -- "hugo --quiet -s $Q_HUGO"
else
    skip hugo_empty "Hugo not set up"; skip hugo_over "Hugo not set up"
fi
if [ "$HAVE_CORPUS" = 1 ]; then
    # Over a previous build: Tolk builds the whole site anew and swaps it in; the
    # previous site is removed by a background process after the swap.
    "$TOLK" site "$CORPUS" --out "$SITE_OUT" --quiet --no-checks || { warn "tolk site failed"; status=1; }
    measure site_over_nochecks -- "$(sq "$TOLK") site $C --out $Q_OUT --quiet --no-checks"
    COPY="$TMP/corpus-copy"
    cp -R "$CORPUS" "$COPY"
    TOUCHED="$COPY/password-sync.md"
    [ -f "$TOUCHED" ] || TOUCHED=$(find "$COPY" -name '*.md' | LC_ALL=C sort | head -n 1)
    "$TOLK" site "$COPY" --out "$TMP/site-inc" --quiet || { warn "tolk site failed"; status=1; }
    measure site_incremental --prepare "printf '\\n' >> $(sq "$TOUCHED")" -- \
        "$(sq "$TOLK") site $(sq "$COPY") --out $(sq "$TMP/site-inc") --quiet --incremental"
else
    skip site_over_nochecks "no corpus"; skip site_incremental "no corpus"
fi

# ---------------------------------------------------------------- peak memory
say ""
say "== peak memory (GNU time %M, max RSS, largest of 3 runs)"
peak() {  # KEY COMMAND...
    local key=$1; shift; local max=0 kib i
    for i in 1 2 3; do
        if ! /usr/bin/time -f %M -o "$TMP/rss" "$@" > /dev/null; then
            warn "command failed: $*"; printf '%s\tFAIL\n' "$key" >> "$TMP/mem.tsv"; status=1; return
        fi
        kib=$(tail -n 1 "$TMP/rss")
        [ "$kib" -gt "$max" ] && max=$kib
    done
    printf '%s\t%s\n' "$key" "$max" >> "$TMP/mem.tsv"
    say "   $key: $(awk -v k="$max" 'BEGIN{printf "%.1f", k*1024/1e6}') MB   ($*)"
}
if [ ! -x /usr/bin/time ]; then
    say "   SKIPPED: /usr/bin/time missing (Debian package time; make bench-deps)"
elif [ "$HAVE_CORPUS" = 0 ]; then
    say "   SKIPPED: no corpus"
else
    peak mem_j1 "$BENCH" --jobs 1 "$CORPUS"
    peak mem_jN "$BENCH" --jobs "$JOBS" "$CORPUS"
    if [ "$HAVE_SXS" = 1 ]; then
        peak mem_sxs "$PY" "$PEERS/sxs_ref.py" "$CORPUS"
    else
        say "   sxs_ref.py: SKIPPED"
    fi
    # Each of the 3 runs into an empty folder (the previous output moved aside).
    peak mem_site sh -c "$(aside "$SITE_OUT"); exec $(sq "$TOLK") site $C --out $(sq "$SITE_OUT") --quiet"
    peak mem_site_cold sh -c "$(aside "$SITE_OUT"); exec $(sq "$TOLK") site $C --out $(sq "$SITE_OUT") --quiet --no-cache"
    peak mem_site_nochecks sh -c "$(aside "$SITE_OUT"); exec $(sq "$TOLK") site $C --out $(sq "$SITE_OUT") --quiet --no-checks"
    if [ "$HAVE_HUGO" = 1 ]; then
        peak mem_hugo sh -c "$(aside "$HUGO_SITE/public"); rm -rf $(sq "$HUGO_SITE/resources"); exec hugo --quiet -s $(sq "$HUGO_SITE")"
    fi
fi

# ---------------------------------------------------------------- in-process
say ""
say "== TolkBench in-process throughput (--repeat 3, median of the 3 passes)"
if [ "$HAVE_CORPUS" = 1 ]; then
    for spec in "parse_j1|--jobs 1" "parse_jN|--jobs $JOBS" "render_j1|--jobs 1 --render" "render_jN|--jobs $JOBS --render"; do
        key=${spec%%|*}; args=${spec#*|}
        # shellcheck disable=SC2086
        if line=$("$BENCH" $args --repeat 3 "$CORPUS"); then
            say "   $key: $line"
            printf '%s\t%s\n' "$key" "$line" >> "$TMP/inproc.tsv"
            case $line in *'"failures": 0,'*) ;; *) say "   WARNING: some articles failed to parse (see \"failures\")" ;; esac
        else
            warn "command failed: TolkBench $args --repeat 3"; status=1
        fi
    done
else
    say "   SKIPPED: no corpus"
fi

# ---------------------------------------------------------------- table
say ""
python3 - "$TMP" "$JOBS" "$RUNS" <<'PY' || status=1
import json, os, sys
tmp, jobs, runs = sys.argv[1], sys.argv[2], sys.argv[3]

rows = {}
for line in open(os.path.join(tmp, "rows.tsv"), encoding="utf-8"):
    key, what, note = (line.rstrip("\n").split("\t") + [""])[:3]
    if what in ("SKIP", "FAIL"):
        rows[key] = (what, note)
    else:
        res = json.load(open(what))["results"][0]
        rows[key] = (res["median"], res)
mem = {}
for line in open(os.path.join(tmp, "mem.tsv"), encoding="utf-8"):
    key, v = line.rstrip("\n").split("\t")
    mem[key] = v

def med(key):
    v = rows.get(key, ("SKIP", ""))[0]
    return v if isinstance(v, float) else None

def cell(key):
    v = rows.get(key, ("SKIP", ""))
    if isinstance(v[0], float):
        s = v[0]
        return f"{s * 1000:.1f} ms" if s < 0.1 else f"{s:.3f} s"
    return "skipped" if v[0] == "SKIP" else "FAILED"

def ratio(a, *peers):  # "0.58× sxs_ref; 2.82× cmark-gfm" for the peers measured
    x = med(a)
    parts = [f"{x / med(b):.2f}× {label}" for b, label in peers if x and med(b)]
    return "; ".join(parts) if parts else "—"

def relative(key, peer, factor):  # "met" when key's median is at most factor × peer's
    x, y = med(key), med(peer)
    if x is None or y is None:
        return "—"
    return "met" if x <= factor * y else "missed"

def target(key, limit):
    x = med(key)
    if x is None:
        return "—"
    return "met" if x <= limit else "missed"

J = jobs
table = [
    # measurement, key, reference from the issue, target check, ratios
    (f"Tolk parse, --jobs 1", "parse_j1", "target ≤ 0.45 s", target("parse_j1", 0.45),
     ratio("parse_j1", ("sxs_j1", "sxs_ref"), ("cmark_concat", "cmark-gfm"), ("xmllint", "xmllint"))),
    (f"Tolk parse, --jobs {J}", "parse_jN", "target ≤ 0.3 s (2 cores)", target("parse_jN", 0.30),
     ratio("parse_jN", ("sxs_jN", f"sxs_ref -j {J}"))),
    (f"Tolk parse+render, --jobs 1", "render_j1", "—", "—", ratio("render_j1", ("sxs_j1", "sxs_ref"))),
    (f"Tolk parse+render, --jobs {J}", "render_jN", "—", "—", ratio("render_jN", ("sxs_jN", f"sxs_ref -j {J}"))),
    ("sxs_ref.py", "sxs_j1", "0.89 s", "", ""),
    (f"sxs_ref.py -j {J}", "sxs_jN", "0.59 s (-j 2)", "", ""),
    ("cmark-gfm < concatenation", "cmark_concat", "0.22 s", "", ""),
    ("cat FILES \\| cmark-gfm", "cmark_cat", "0.22 s", "", ""),
    ("xmllint --html --noout FILES", "xmllint", "0.19 s", "", ""),
    ("tolk show password-sync", "show", "target < 30 ms", target("show", 0.030), ""),
    (f"tolk check, --jobs {J} (every rule, JSON)", "check_jN", "≤ 0.6× sxs_ref.py (1 process)",
     relative("check_jN", "sxs_j1", 0.6), ratio("check_jN", ("sxs_j1", "sxs_ref"))),
    ("tolk check, --jobs 1", "check_j1", "≤ 1.3× tolk stats --jobs 1",
     relative("check_j1", "stats_j1", 1.3), ratio("check_j1", ("stats_j1", "tolk stats"))),
    ("tolk stats, --jobs 1 (parse and word counts)", "stats_j1", "—", "", ""),
    ("tolk site, both languages, empty folder (check cache warm)", "site_empty", "≤ 0.6× Hugo empty",
     relative("site_empty", "hugo_empty", 0.6), ratio("site_empty", ("hugo_empty", "Hugo empty"))),
    ("tolk site --no-cache, both languages, empty folder (every rule on every article)", "site_empty_cold", "≤ 1.0× Hugo empty",
     relative("site_empty_cold", "hugo_empty", 1.0), ratio("site_empty_cold", ("hugo_empty", "Hugo empty"))),
    ("tolk site --no-checks, both languages, empty folder", "site_empty_nochecks", "≤ 0.6× Hugo empty",
     relative("site_empty_nochecks", "hugo_empty", 0.6), ratio("site_empty_nochecks", ("hugo_empty", "Hugo empty"))),
    ("tolk site --no-checks, over a previous build", "site_over_nochecks", "—", "—", ratio("site_over_nochecks", ("hugo_over", "Hugo over previous"))),
    ("tolk site --incremental, one article changed", "site_incremental", "target < 0.2 s", target("site_incremental", 0.2), ""),
    ("Hugo 0.111, one language, empty folder", "hugo_empty", "2.8 s", "", ""),
    ("Hugo 0.111, one language, over a previous build", "hugo_over", "1.6 s", "", ""),
]

out = [f"Results: whole-process wall time, median of {runs} hyperfine runs (after 1 warm-up)", "",
       "| measurement | median | reference (issue) | target | Tolk / peer, this sitting |",
       "| --- | ---: | --- | --- | --- |"]
for name, key, ref, tgt, rat in table:
    out.append(f"| {name} | {cell(key)} | {ref} | {tgt} | {rat} |")

def mib(key):  # GNU time %M is KiB; the target is in MB (10^6 bytes)
    v = mem.get(key)
    if v is None: return "skipped"
    if v == "FAIL": return "FAILED"
    return f"{int(v) * 1024 / 1e6:.1f} MB"
def memtarget(key):
    v = mem.get(key)
    return ("met" if int(v) * 1024 / 1e6 < 100 else "missed") if v and v.isdigit() else "—"
out.append(f"| peak RSS, Tolk parse --jobs 1 | {mib('mem_j1')} | target < 100 MB | {memtarget('mem_j1')} | |")
out.append(f"| peak RSS, Tolk parse --jobs {J} | {mib('mem_jN')} | target < 100 MB | {memtarget('mem_jN')} | |")
out.append(f"| peak RSS, sxs_ref.py | {mib('mem_sxs')} | — | | |")
def site_mem(key):
    v = mem.get(key)
    return ("met" if int(v) * 1024 / 1e6 < 150 else "missed") if v and v.isdigit() else "—"
out.append(f"| peak RSS, tolk site (empty folder, check cache warm) | {mib('mem_site')} | target < 150 MB | {site_mem('mem_site')} | |")
out.append(f"| peak RSS, tolk site --no-cache (empty folder) | {mib('mem_site_cold')} | target < 150 MB | {site_mem('mem_site_cold')} | |")
out.append(f"| peak RSS, tolk site --no-checks (empty folder) | {mib('mem_site_nochecks')} | target < 150 MB | {site_mem('mem_site_nochecks')} | |")
out.append(f"| peak RSS, Hugo (empty folder) | {mib('mem_hugo')} | 380 MB | | |")

# The machines are shared and their speed drifts: the peers' medians against the
# issue's figures tell how fast this sitting is, and scale the targets with it.
issue = {"sxs_j1": 0.89, "sxs_jN": 0.59, "cmark_concat": 0.22, "xmllint": 0.19}
names = {"sxs_j1": "sxs_ref", "sxs_jN": "sxs_ref -j 2", "cmark_concat": "cmark-gfm", "xmllint": "xmllint"}
factors = {k: med(k) / v for k, v in issue.items() if med(k) and (k != "sxs_jN" or J == "2")}
if factors:
    out += ["", "This sitting against the issue's figures (peer median / issue figure): "
            + ", ".join(f"{names[k]} ×{f:.2f}" for k, f in factors.items()) + "."]
    scaled = []
    for key, limit, peer, label in (("parse_j1", 0.45, "sxs_j1", "parse --jobs 1"),
                                    ("parse_jN", 0.30, "sxs_jN", f"parse --jobs {J}")):
        if peer in factors and med(key):
            lim = limit * factors[peer]
            scaled.append(f"{label} ≤ {lim:.2f} s ({limit / issue[peer]:.2f}× {names[peer]}): "
                          + ("met" if med(key) <= lim else "missed") + f" at {med(key):.3f} s")
    if scaled:
        out.append("Targets scaled by the sxs_ref factor: " + "; ".join(scaled) + ".")

notes = [f"{k}: {v[1]}" for k, v in rows.items() if v[0] == "SKIP" and v[1]]
if notes:
    out += ["", "Skipped: " + "; ".join(notes)]
print("\n".join(out))
PY

# CPU time used by everything else while this ran: all busy time on the machine
# (/proc/stat) minus the CPU time of this script's own descendants (`times`).
say ""
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
STAT1=$(head -n 1 /proc/stat); END_NS=$(date +%s%N)
times > "$TMP/times"   # in this shell, not a subshell: children's CPU time
own=$(tail -n 1 "$TMP/times" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); s += p[1] * 60 + p[2] } printf "%.1f", s }')
awk -v a="$STAT0" -v b="$STAT1" -v hz="$(getconf CLK_TCK)" -v own="$own" -v wall_ns=$((END_NS - START_NS)) -v cores="$(nproc)" 'BEGIN{
    split(a, x, " "); split(b, y, " "); busy = 0
    for (i = 2; i <= 9; i++) if (i != 5 && i != 6) busy += y[i] - x[i]
    wall = wall_ns / 1e9; other = busy / hz - own; if (other < 0) other = 0
    pct = 100 * other / (wall * cores)
    printf "other processes used %.0f CPU-seconds (%.0f%% of the machine) during the %.0f s of this run", other, pct, wall
    if (pct >= 10) printf "\nWARNING: the machine was shared while measuring; all timings (Tolk and peers) are inflated, re-run when it is idle"
    printf "\n"
}'

exit $status
