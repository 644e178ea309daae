# The standard helpers (lit/helpers.nw): their unit suite runs with
# check-units; here, the README's embedding example, which uses them with an
# extra region and a helper of its own, is compiled and run.
.PHONY: check-readme-example
check-readme-example: build/liblitbpf.a
	tests/readme_example.sh build/liblitbpf.a

CHECK_TARGETS += check-readme-example
