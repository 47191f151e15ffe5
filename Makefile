# Confidant — a confidential counselor's case desk.
SWIFT ?= swift
BIN := .build/debug/confidant

# Installation: `make install` (PREFIX=/usr/local; PREFIX=~/.local needs no root). CONFIGURATION=debug installs the
# debug build; BUILD=no installs what .build already holds without calling swift (the install test does, inside
# `swift test`); DESTDIR stages a package.
PREFIX ?= /usr/local
CONFIGURATION ?= release
BUILD ?= yes
DESTDIR ?=
prefix := $(DESTDIR)$(patsubst ~%,$(HOME)%,$(PREFIX))
bindir := $(prefix)/bin
datadir := $(prefix)/share/confidant
mandir := $(prefix)/share/man/man1
# The manual page in each language it is written in besides English.
manual_languages := fr
bashdir := $(prefix)/share/bash-completion/completions
zshdir := $(prefix)/share/zsh/site-functions
fishdir := $(prefix)/share/fish/vendor_completions.d
built := .build/$(CONFIGURATION)/confidant
# The organisation's configuration, installed as share/confidant (the binary finds it beside itself).
data_files := $(wildcard Data/*.json Data/*.txt Data/*.csv)
letter_files := $(wildcard Data/letters/*.md)
# The catalogue of each language (the desk's words, and those of letters).
lang_files := $(wildcard Data/lang/*.json)

.PHONY: all build run test bench release install uninstall clean

all: build

build:
	$(SWIFT) build

## make run: build, then open the case desk on a fresh demo database (passphrase: demo)
run: build
	$(BIN) demo

## make test: build everything and run every test (unit, store, screen model, CLI, tmux end-to-end, reliability, install),
## the PostgreSQL suites against a throwaway server (scripts/postgres-test-server), stopped afterwards even on failure
test:
	$(SWIFT) build --build-tests
	@state=$$(mktemp -d /tmp/confidant-pg.XXXXXX); export CONFIDANT_PG_STATE=$$state; \
	trap 'scripts/postgres-test-server stop; rm -f "$$state.err"' EXIT; \
	if url=$$(scripts/postgres-test-server start 2>"$$state.err"); then \
	  export CONFIDANT_TEST_POSTGRES_URL="$$url"; echo "PostgreSQL suites run on a test server at $${url##*@}"; \
	else \
	  echo "PostgreSQL suites skipped: $$(tail -n 1 "$$state.err")"; \
	  if [ -n "$${CONFIDANT_REQUIRE_POSTGRES:-}" ]; then echo "CONFIDANT_REQUIRE_POSTGRES is set: they must run"; exit 1; fi; \
	fi; \
	$(SWIFT) test --skip-build

## make bench: release build, then the benchmark suite (writes bench-results.json; options: confidant-bench --help)
bench:
	$(SWIFT) build -c release --product confidant
	$(SWIFT) build -c release --product confidant-bench
	.build/release/confidant-bench

release:
	$(SWIFT) build -c release

## make install: the binary, Data/ as share/confidant, the manual page confidant(1) (English, and French under
## share/man/fr) and bash, zsh and fish completions
install:
ifeq ($(BUILD),yes)
	$(SWIFT) build -c $(CONFIGURATION) --product confidant
endif
	install -d $(bindir) $(datadir)/letters $(datadir)/lang $(mandir) $(bashdir) $(zshdir) $(fishdir) \
		$(foreach l,$(manual_languages),$(prefix)/share/man/$(l)/man1)
	install -m 755 $(built) $(bindir)/confidant
	install -m 644 $(data_files) $(datadir)/
	install -m 644 $(letter_files) $(datadir)/letters/
	install -m 644 $(lang_files) $(datadir)/lang/
	$(built) generate-manual --lang en > $(mandir)/confidant.1
	$(foreach l,$(manual_languages),$(built) generate-manual --lang $(l) > $(prefix)/share/man/$(l)/man1/confidant.1 &&) true
	LC_ALL=C $(built) --generate-completion-script bash > $(bashdir)/confidant
	LC_ALL=C $(built) --generate-completion-script zsh > $(zshdir)/_confidant
	LC_ALL=C $(built) --generate-completion-script fish > $(fishdir)/confidant.fish
	chmod 644 $(mandir)/confidant.1 $(foreach l,$(manual_languages),$(prefix)/share/man/$(l)/man1/confidant.1) \
		$(bashdir)/confidant $(zshdir)/_confidant $(fishdir)/confidant.fish

## make uninstall: removes exactly what install wrote (with PREFIX=~/.local, share/confidant may also hold your
## database: it is left alone, and so is the folder while anything is in it)
uninstall:
	rm -f $(bindir)/confidant $(mandir)/confidant.1 $(bashdir)/confidant $(zshdir)/_confidant $(fishdir)/confidant.fish
	rm -f $(foreach l,$(manual_languages),$(prefix)/share/man/$(l)/man1/confidant.1)
	rm -f $(addprefix $(datadir)/,$(notdir $(data_files))) $(addprefix $(datadir)/letters/,$(notdir $(letter_files)))
	rm -f $(addprefix $(datadir)/lang/,$(notdir $(lang_files)))
	rmdir $(datadir)/letters $(datadir)/lang 2>/dev/null || true
	rmdir $(datadir) 2>/dev/null || true

clean:
	rm -rf .build
