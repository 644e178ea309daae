/* Fibonacci numbers modulo 2^64, as many as the first byte says (plus 50):
   a loop of 64-bit additions. */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t n = 50 + (len ? mem[0] : 0);
  uint64_t a = 0, b = 1;
  for (uint64_t i = 0; i < n; i++) {
    uint64_t t = a + b;
    a = b;
    b = t;
  }
  return a;
}
