/* The native twin's driver: runs entry() of a test program, compiled for
   the host, on the bytes of a file (8-byte aligned, as the tools give the
   program), and prints r0 as litbpf run does. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t entry(uint8_t *mem, uint64_t len);

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s MEMORY-FILE\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  static uint64_t buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf, f);
  fclose(f);
  printf("0x%" PRIx64 "\n", entry((uint8_t *)buf, len));
  return 0;
}
