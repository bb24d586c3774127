# SPDX-License-Identifier: GPL-2.0-or-later
# Convenience front end: runs ./configure when needed, then ninja/meson.
BUILD_DIR ?= build
NINJA ?= ninja
SUMMARY = python3 scripts/test-summary.py $(BUILD_DIR)

.PHONY: all check check-unit check-qtest check-qtest-reference install \
        clean distclean demo bench

all: $(BUILD_DIR)/build.ninja
	$(NINJA) -C $(BUILD_DIR)

$(BUILD_DIR)/build.ninja:
	./configure --builddir=$(BUILD_DIR)

check: all
	-meson test -C $(BUILD_DIR) --no-rebuild --print-errorlogs \
	    --suite unit --suite qtest --suite guest
	@$(SUMMARY)

check-unit: all
	-meson test -C $(BUILD_DIR) --no-rebuild --print-errorlogs --suite unit
	@$(SUMMARY)

check-qtest: all
	-meson test -C $(BUILD_DIR) --no-rebuild --print-errorlogs --suite qtest
	@$(SUMMARY)

# The same qtests against Debian's QEMU 7.2 (installed on demand).
check-qtest-reference: all
	scripts/check-qtest-reference.sh $(BUILD_DIR)

demo: all
	scripts/demo.sh $(BUILD_DIR)

# Ours against Debian's QEMU 7.2; see docs/devel/benchmarks.rst.
bench: all
	python3 bench/bench.py --build $(BUILD_DIR) $(if $(REPS),--reps $(REPS))

install: all
	meson install -C $(BUILD_DIR)

clean:
	-$(NINJA) -C $(BUILD_DIR) clean

distclean:
	rm -rf $(BUILD_DIR)
