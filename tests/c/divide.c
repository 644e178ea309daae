/* Unsigned division and remainder, 64- and 32-bit, by values from the
   input (zero included: the program avoids dividing by it, as C must). */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t acc = 0xfedcba9876543210u;
  uint32_t acc32 = 0x89abcdefu;
  for (uint64_t i = 0; i < len; i++) {
    uint64_t d = mem[i] + (i & 3);
    if (d == 0) continue;
    acc = acc / d + acc % d * 0x10001;
    acc32 = acc32 / (uint32_t)d + acc32 % (uint32_t)d;
  }
  return acc ^ acc32;
}
