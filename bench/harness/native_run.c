/* Runs one benchmark program compiled natively (gcc -O2) on its input and
   prints r0 as 0x followed by 16 hex digits: the reference every engine's
   result is compared with, and the source of bench/programs/NAME.expected.

     native_run-NAME INPUT.mem [--digest]

   With --digest a second line, mem=0x..., gives lbpf_bench_digest of the
   input memory after the run, to compare with the engines' (bench_host). 
   Built once per program with -DBENCH_FN=lbpf_bench_NAME; the program itself
   is compiled separately with -DNAME=lbpf_bench_NAME, so that a program
   called memcpy does not take the C library's memcpy's place.

   As in bench_host.c, a warm-up call comes first and the input is restored
   before the measured call, lbpf_bench_measured_native(), the function that
   callgrind counts for the native column. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_io.h"

uint64_t BENCH_FN(uint8_t *mem, uint64_t len);

__attribute__((noinline)) uint64_t lbpf_bench_measured_native(uint8_t *mem, uint64_t len) {
  return BENCH_FN(mem, len);
}

int main(int argc, char **argv) {
  if (argc != 2 && !(argc == 3 && strcmp(argv[2], "--digest") == 0)) {
    fprintf(stderr, "usage: %s INPUT.mem [--digest]\n", argv[0]);
    return 2;
  }
  size_t len;
  uint8_t *pristine = lbpf_bench_read_file(argv[1], &len);
  if (pristine == NULL) return 1;
  uint8_t *mem = malloc(len + 8);
  if (mem == NULL) {
    fprintf(stderr, "%s: out of memory\n", argv[0]);
    return 1;
  }
  memcpy(mem, pristine, len);
  uint64_t warm = BENCH_FN(mem, len);
  memcpy(mem, pristine, len);
  uint64_t r0 = lbpf_bench_measured_native(mem, len);
  printf("0x%016llx\n", (unsigned long long)r0);
  if (argc == 3) printf("mem=0x%016llx\n", (unsigned long long)lbpf_bench_digest(mem, len));
  free(mem);
  free(pristine);
  return warm == r0 ? 0 : 1;
}
