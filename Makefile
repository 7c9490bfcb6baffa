# Tolk — make targets. Run as root on a fresh Debian 12 machine with Swift 6.3:
#   make run    install missing Debian packages, build, show the seed article with its live status
#               (make run STATE=stale RUN_LANG=en: a stale last sync, in English)
#   make test   the lint, then the test suite (unit, golden, end-to-end, corpus when present)
#   make lint   swift format lint --strict on Sources and Tests, with .swift-format
#   make docs   TolkKit's DocC documentation as a static site in .build/docs
#   make e2e    tolk site in a real browser: headless Chromium from Debian (e2e/README.md)
#   make install [PREFIX=/usr/local] [DESTDIR=]   the release tolk, its man pages, shell
#               completions and its articles; make uninstall removes exactly what it installed

SHELL       := /bin/bash
SWIFT       ?= swift
TOLK        := .build/debug/tolk
ARTICLE     ?= password-sync
RUN_LANG    ?= target
# The example status provider's state for `make run`: healthy, stale, broken, invalid, fail, hang.
STATE       ?= healthy
# The Danish corpus lives beside the clone; tests skip corpus-wide checks without it.
TOLK_CORPUS ?= $(abspath ../shared/corpus/da-DK/AlchemyInsights)
export TOLK_CORPUS
FUZZ_SECONDS ?= 60

DEB_BUILD  := pkg-config libxml2-dev libicu-dev libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
DEB_BENCH  := cmark-gfm libxml2-utils hyperfine python3-lxml python3-yaml time hugo

.PHONY: all deps report-deps build run lint test docs check-content e2e asan fuzz bench bench-deps release install uninstall clean help

all: build

help:
	@echo "make run | lint | test | docs | check-content | e2e | asan | fuzz [FUZZ_SECONDS=600] | bench | release | clean"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=] | uninstall [PREFIX=...] [DESTDIR=]"

# Installs what is missing, once; apt-get only runs when a package is absent.
deps:
	@missing=""; for p in $(DEB_BUILD); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# sarif-tools and junitparser (PyPI) read Tolk's SARIF and JUnit reports in the tests, as
# CI systems do; installed once, with pip (Debian's python3-pip first when pip is missing).
REPORT_PY  := sarif-tools==3.0.5 junitparser==5.0.3

report-deps:
	@python3 -c "import sarif, junitparser" 2>/dev/null || { \
	  echo "Installing from PyPI: $(REPORT_PY)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  python3 -m pip --version >/dev/null 2>&1 || { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-pip >/dev/null; }; \
	  python3 -m pip install --quiet $(REPORT_PY) 2>/dev/null || python3 -m pip install --quiet --break-system-packages $(REPORT_PY); \
	}

bench-deps: deps
	@missing=""; for p in $(DEB_BENCH); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@# The Python peer needs lxml and PyYAML in the python3 on PATH, which may not be Debian's.
	@python3 -c "import lxml, yaml" 2>/dev/null || { \
	  echo "Installing from PyPI: lxml PyYAML"; \
	  python3 -m pip install --quiet lxml PyYAML 2>/dev/null || python3 -m pip install --quiet --break-system-packages lxml PyYAML; \
	}

build: deps
	$(SWIFT) build --product tolk

run: build
	@PASSWORD_SYNC_STATE=$(STATE) $(TOLK) show $(ARTICLE) --lang $(RUN_LANG) --no-pager

# The toolchain's swift-format with the repository's .swift-format; --strict fails on any warning.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests

# The corpus-wide end-to-end runs use a release build of tolk (TOLK_BINARY).
test: lint deps report-deps
	$(SWIFT) build --product tolk
	$(SWIFT) build -c release --product tolk
	TOLK_BINARY=$(CURDIR)/.build/release/tolk $(SWIFT) test 2>&1 | tee .build/test.log | grep -v -E '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Test Case|Test Suite|Executed|.*(passed|started) after)' ; \
	  status=$${PIPESTATUS[0]}; tail -n 3 .build/test.log; exit $$status

# TolkKit's documentation: the public symbol graph of the debug build (swift package
# dump-symbol-graph, no change of compiler flags), then the toolchain's docc with the
# articles in Sources/TolkKit/TolkKit.docc, as a static site in DOCS_OUT (open index.html
# through any static web server; HOSTING_BASE_PATH when it is not served from /).
# scripts/doc-coverage.py fails the target when a public symbol has no doc comment.
DOCS_OUT          ?= .build/docs
HOSTING_BASE_PATH ?=
docs: deps
	@# dump-symbol-graph loads every module of the package, the tests' too: build them all first.
	$(SWIFT) build --build-tests
	$(SWIFT) package dump-symbol-graph --minimum-access-level public >/dev/null
	@rm -rf .build/docs-symbols && mkdir -p .build/docs-symbols
	cp "$$($(SWIFT) build --show-bin-path)/../symbolgraph/"TolkKit*.symbols.json .build/docs-symbols/
	python3 scripts/doc-coverage.py .build/docs-symbols
	@rm -rf $(DOCS_OUT)
	docc convert Sources/TolkKit/TolkKit.docc --fallback-display-name TolkKit --fallback-bundle-identifier tolk.TolkKit \
	  --additional-symbol-graph-dir .build/docs-symbols --transform-for-static-hosting \
	  $(if $(HOSTING_BASE_PATH),--hosting-base-path $(HOSTING_BASE_PATH)) --warnings-as-errors --output-path $(DOCS_OUT)
	@echo "make docs: wrote $(DOCS_OUT) ($$(find $(DOCS_OUT)/data/documentation -name '*.json' | wc -l) pages)"

# Builds a site from e2e/fixtures with tolk site and drives it in headless Chromium
# (installs chromium, chromium-driver, python3-selenium when missing); screenshots
# go to .build/e2e/screenshots.
e2e: build
	TOLK=$(TOLK) e2e/run.sh

# Memory errors fail the run. Leak detection is off: LeakSanitizer reports
# allocations Foundation, XCTest and ArgumentParser keep until exit.
# Tolk checks the articles it ships with its own rules (.tolk.yml in content/).
check-content: build
	$(TOLK) check content/ --baseline content/.tolk-baseline.json

asan: deps
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan 2>&1 | tee .build-asan.log | grep -E "AddressSanitizer|✘|Test run|error:" ; exit $${PIPESTATUS[0]}

fuzz: deps
	$(SWIFT) build -c release --sanitize=fuzzer --product TolkFuzz --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/corpus && cp content/*.md content/*.status.yml content/status-examples/*.json Tests/TolkKitTests/Fixtures/cases/*.md .build-fuzz/corpus/ 2>/dev/null || true
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/TolkFuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	  -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/ .build-fuzz/corpus

bench: bench-deps
	$(SWIFT) build -c release --product tolk
	$(SWIFT) build -c release --product TolkBench
	bench/run.sh

release: deps
	$(SWIFT) build -c release --product tolk

# make install: the release tolk in $(PREFIX)/bin; man pages generated from the commands' own
# help by swift-argument-parser's generate-manual plugin; bash, zsh and fish completions from
# `tolk --generate-completion-script`; the shipped articles, status bindings and the example
# status provider in $(PREFIX)/share/tolk/content, where the installed tolk finds them (the
# templates are compiled into it). Every file written, and every folder created, is listed in
# $(PREFIX)/share/tolk/install-manifest, which make uninstall reads: it removes those files and
# then those folders when they are empty, and nothing else. (No --disable-sandbox for the
# plugin: it would change the compiler's flags and rebuild the release build every time.)
PREFIX     ?= /usr/local
DESTDIR    ?=
ROOT       := $(DESTDIR)$(PREFIX)
MANIFEST   := $(ROOT)/share/tolk/install-manifest
MAN_OUT    := .build/plugins/GenerateManual/outputs/tolk

install: release
	@[ ! -f "$(MANIFEST)" ] || $(MAKE) --no-print-directory uninstall PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)"
	@rm -rf $(MAN_OUT)
	$(SWIFT) package generate-manual --multi-page \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" >/dev/null
	@ls $(MAN_OUT)/*.1 >/dev/null || { echo "make install: generate-manual wrote no man page into $(MAN_OUT)" >&2; exit 2; }
	@set -e; root="$(ROOT)"; list=$$(mktemp); tmp=$$(mktemp -d); trap 'rm -rf "$$list" "$$tmp"' EXIT; \
	mkdirs() { if [ ! -d "$$1" ]; then mkdirs "$$(dirname "$$1")"; mkdir "$$1"; echo "dir $$1" >>"$$list"; fi; }; \
	put() { mkdirs "$$(dirname "$$3")"; install -m "$$1" "$$2" "$$3"; echo "file $$3" >>"$$list"; }; \
	put 755 .build/release/tolk "$$root/bin/tolk"; \
	for page in $(MAN_OUT)/*.1; do put 644 "$$page" "$$root/share/man/man1/$$(basename "$$page")"; done; \
	for shell in bash zsh fish; do .build/release/tolk --generate-completion-script $$shell >"$$tmp/$$shell"; done; \
	put 644 "$$tmp/bash" "$$root/share/bash-completion/completions/tolk"; \
	put 644 "$$tmp/zsh" "$$root/share/zsh/site-functions/_tolk"; \
	put 644 "$$tmp/fish" "$$root/share/fish/vendor_completions.d/tolk.fish"; \
	find content -type f ! -name .tolk-baseline.json -print0 | LC_ALL=C sort -z | \
	  while IFS= read -r -d '' f; do if [ -x "$$f" ]; then m=755; else m=644; fi; put $$m "$$f" "$$root/share/tolk/$$f"; done; \
	cp "$$list" "$(MANIFEST)"; \
	echo "Installed $$(grep -c '^file ' "$(MANIFEST)") files into $$root (listed in $(MANIFEST)); try: man tolk, tolk show"

uninstall:
	@[ -f "$(MANIFEST)" ] || { echo "make uninstall: no $(MANIFEST): nothing installed by make install under $(ROOT)" >&2; exit 2; }
	@set -e; files=0; dirs=$$(mktemp); trap 'rm -f "$$dirs"' EXIT; \
	while read -r kind path; do if [ "$$kind" = file ]; then rm -f "$$path"; files=$$((files + 1)); fi; done <"$(MANIFEST)"; \
	sed -n 's/^dir //p' "$(MANIFEST)" | LC_ALL=C sort -r >"$$dirs"; rm -f "$(MANIFEST)"; \
	while IFS= read -r d; do rmdir "$$d" 2>/dev/null || true; done <"$$dirs"; \
	echo "Removed $$files files from $(ROOT)"

clean:
	rm -rf .build .build-asan .build-fuzz
