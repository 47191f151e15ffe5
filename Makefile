# Confidant — a confidential counselor's case desk.
SWIFT ?= swift
BIN := .build/debug/confidant

.PHONY: all build run test bench release clean

all: build

build:
	$(SWIFT) build

## make run: build, then open the case desk on a fresh demo database (passphrase: demo)
run: build
	$(BIN) demo

## make test: build everything and run every test (unit, store, screen model, CLI, tmux end-to-end, reliability)
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## make bench: release build, then the benchmark suite (writes bench-results.json)
bench:
	$(SWIFT) build -c release --product confidant
	$(SWIFT) build -c release --product confidant-bench
	.build/release/confidant-bench

release:
	$(SWIFT) build -c release

clean:
	rm -rf .build
