# The standard helpers (lit/helpers.nw): their unit suite runs with
# check-units; here, the README's embedding example, which uses them with an
# extra region and a helper of its own, is compiled and run.
.PHONY: check-readme-example
# (its Cortex-M4 objects are prerequisites in target.mk, read after this file)
check-readme-example: build/liblitbpf.a
	tests/readme_example.sh build/liblitbpf.a $(call m4_objs,build/m4-Os,$(M4_LIB_SRCS))

CHECK_TARGETS += check-readme-example
