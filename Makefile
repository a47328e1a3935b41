# Thin wrapper around CMake presets. See README.md.
PRESET ?= default
JOBS ?= 2

.PHONY: all deps configure build test test-asan bench demo clean translations

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

# The whole suite through ctest; under a virtual X display when none is set (GL tests need one).
test: build
	@scripts/with-display ctest --preset $(PRESET) -j $(JOBS)

# Benchmarks (see docs/performance.md): decode and the wall vs ffmpeg, search, alarm storm, PTZ delay. A few minutes; keep the
# machine otherwise idle. Not part of `make test`.
bench: configure
	@cmake --build --preset $(PRESET) -j $(JOBS) --target bench_decode bench_wall bench_search bench_alarms bench_ptz bench_review
	@scripts/with-display build/$(PRESET)/bench/bench_decode
	@scripts/with-display build/$(PRESET)/bench/bench_wall
	@scripts/with-display build/$(PRESET)/bench/bench_search
	@scripts/with-display build/$(PRESET)/bench/bench_alarms
	@scripts/with-display build/$(PRESET)/bench/bench_ptz
	@build/$(PRESET)/bench/bench_review

test-asan:
	@$(MAKE) --no-print-directory test PRESET=asan

demo: build
	@scripts/demo build/$(PRESET)

clean:
	@rm -rf build

# Refreshes resources/translations/*.ts from the sources (then translate the new entries in Qt Linguist).
translations:
	@/usr/lib/qt6/bin/lupdate app widgets rpc player -ts resources/translations/vigie_fr.ts -no-obsolete -locations none
