# Images for the device (lit/image.nw): the loader's unit suite runs with
# check-units; here `litbpf pack`, litbpf images and RIOT femto-container
# files on every engine, on the host and the firmware, and hostile images.
.PHONY: check-images
check-images: build/san/litbpf build/m4run build/m4prep m4
	tests/images.sh build/san/litbpf build/m4run

CHECK_TARGETS += check-images
