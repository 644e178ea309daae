/* Functions that clang keeps as BPF-to-BPF calls (noinline): local calls,
   their frames, and the callee-saved registers r6-r9 across them.  clang 14
   resolves calls within .text itself (call with src=1 and a relative
   immediate), so the object has no relocation. */
#include <stdint.h>

static __attribute__((noinline)) uint64_t mix(uint64_t a, uint64_t b) {
  return (a ^ (b << 7)) * 0x9e3779b97f4a7c15u + (a >> 3);
}

static __attribute__((noinline)) uint64_t fold(uint8_t *p, uint64_t n) {
  uint64_t h = 7;
  for (uint64_t i = 0; i < n; i++)
    h = mix(h, p[i]);
  return h;
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t half = len / 2;
  return mix(fold(mem, half), fold(mem + half, len - half));
}
