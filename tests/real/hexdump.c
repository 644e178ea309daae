/* Encoding in place, as a program prepares text for a serial console: the
   first half of the input is rewritten as hexadecimal digits over the whole
   input (backwards, so no byte is overwritten before it is read), from a
   digit string in .rodata; the result is the memory the program leaves
   (compared through its digest on the Cortex-M4) and a hash of it. */
#include <stdint.h>

static const char digits[] = "0123456789abcdef";

static __attribute__((noinline)) uint64_t hash(const uint8_t *p, uint64_t n) {
  uint64_t h = 5381;
  for (uint64_t i = 0; i < n; i++) h = h * 33 ^ p[i];
  return h;
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t n = len / 2;
  for (uint64_t i = n; i-- > 0;) {
    uint8_t b = mem[i];
    mem[2 * i] = (uint8_t)digits[b >> 4];
    mem[2 * i + 1] = (uint8_t)digits[b & 15];
  }
  return hash(mem, len);
}
