# Reliability: the checks that keep the tools honest and the fuzz targets
# (tests/fuzz/, see tests/fuzz/README.md).
#
#   make check-make-knobs   no two layers share a make knob

.PHONY: check-make-knobs
check-make-knobs:
	@tests/make-knobs.sh

CHECK_TARGETS += check-make-knobs
