/* Runs one benchmark program compiled natively (gcc -O2) on its input and
   prints r0 as 0x followed by 16 hex digits: the reference every engine's
   result is compared with, and the source of bench/programs/NAME.expected.

   Built once per program with -DBENCH_FN=lbpf_bench_NAME; the program itself
   is compiled with -DNAME=lbpf_bench_NAME, so that a program called memcpy
   does not take the C library's memcpy's place. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_io.h"

uint64_t BENCH_FN(uint8_t *mem, uint64_t len);

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s INPUT.mem\n", argv[0]);
    return 2;
  }
  size_t len;
  uint8_t *mem = lbpf_bench_read_file(argv[1], &len);
  if (mem == NULL) return 1;
  uint64_t r0 = BENCH_FN(mem, len);
  printf("0x%016llx\n", (unsigned long long)r0);
  free(mem);
  return 0;
}
