/* square: the paper's 32-bit multiplication benchmark.
   Input: u32 x (156).  r0 = x * x, modulo 2^32. */
#include <stdint.h>

uint64_t square(uint8_t *mem, uint64_t len) {
  (void)len;
  uint32_t x = *(uint32_t *)mem;
  return x * x;
}
