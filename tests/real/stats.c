/* Statistics of a batch of unsigned 16-bit readings (little-endian): the
   count, minimum, maximum, mean and standard deviation (an integer square
   root in its own section), and an exponential moving average of the means
   kept in .data from one run to the next, in fixed point (1/16). */
#include <stdint.h>

static uint32_t ema = 1000 << 4; /* .data: starts at 1000 */

static __attribute__((section("lib/math"), noinline)) uint32_t isqrt(uint64_t x) {
  uint64_t r = 0, bit = (uint64_t)1 << 62;
  while (bit > x) bit >>= 2;
  while (bit) {
    if (x >= r + bit) {
      x -= r + bit;
      r = (r >> 1) + bit;
    } else {
      r >>= 1;
    }
    bit >>= 2;
  }
  return (uint32_t)r;
}

__attribute__((section("fc/stats"))) uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t n = len / 2, sum = 0, squares = 0;
  uint32_t lo = 0xffff, hi = 0;
  for (uint64_t i = 0; i < n; i++) {
    uint32_t v = mem[2 * i] | (uint32_t)mem[2 * i + 1] << 8;
    sum += v;
    squares += (uint64_t)v * v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n == 0) return ema;
  uint64_t mean = sum / n;
  uint32_t sd = isqrt(squares / n - mean * mean);
  ema = ema - (ema >> 3) + (uint32_t)(mean << 4 >> 3);
  return (uint64_t)ema << 32 ^ (uint64_t)sd << 24 ^ mean << 8 ^ (uint64_t)hi << 4 ^ lo ^ n << 56;
}
