/* isqrt64: integer square roots of 64-bit values by the digit-by-digit
   (shift and subtract) method, with no multiply or divide: the inner loop
   of fixed-point sensor code.  Input: u32 count (32), u32 pad, then count
   u64 values.  r0 = a mix of the roots. */
#include <stdint.h>

static inline __attribute__((always_inline)) uint64_t isqrt(uint64_t x) {
  uint64_t root = 0, bit = 1ull << 62;
  while (bit > x)
    bit >>= 2;
  while (bit != 0) {
    if (x >= root + bit) {
      x -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
    bit >>= 2;
  }
  return root;
}

uint64_t isqrt64(uint8_t *mem, uint64_t len) {
  uint32_t count = *(uint32_t *)mem;
  const uint64_t *v = (const uint64_t *)(mem + 8);
  if (count > (len - 8) / 8) return 0;
  uint64_t mix = 0;
  for (uint32_t i = 0; i < count; i++)
    mix = (mix << 7 | mix >> 57) ^ isqrt(v[i]);
  return mix;
}
