# Thin wrapper around CMake presets. See README.md.
PRESET ?= default
JOBS ?= 2

.PHONY: all deps configure build test test-asan demo clean

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

test-asan:
	@$(MAKE) --no-print-directory test PRESET=asan

demo: build
	@scripts/demo build/$(PRESET)

clean:
	@rm -rf build
