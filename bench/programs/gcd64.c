/* gcd64: Euclid's algorithm on unsigned 64-bit pairs (64-bit unsigned
   modulo; eBPF has it, the paper's 32-bit ISA does not).
   Input: u32 pairs (24), u32 pad, then pairs of u64.  r0 = a mix of the
   gcds and the total number of division steps. */
#include <stdint.h>

uint64_t gcd64(uint8_t *mem, uint64_t len) {
  uint32_t pairs = *(uint32_t *)mem;
  const uint64_t *v = (const uint64_t *)(mem + 8);
  if (pairs > (len - 8) / 16) return 0;
  uint64_t mix = 0, steps = 0;
  for (uint32_t i = 0; i < pairs; i++) {
    uint64_t a = v[2 * i], b = v[2 * i + 1];
    while (b != 0) {
      uint64_t r = a % b;
      a = b;
      b = r;
      steps++;
    }
    mix = (mix ^ a) * 0x9e3779b97f4a7c15ull;
  }
  return mix ^ (steps << 56);
}
