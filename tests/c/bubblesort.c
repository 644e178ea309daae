/* Bubble sort of (at most 32) bytes copied into an array on the BPF stack,
   then a position-weighted sum of the sorted array. */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint8_t a[32];
  uint64_t n = len < 32 ? len : 32;
  for (uint64_t i = 0; i < n; i++)
    a[i] = mem[i];
  for (uint64_t i = 0; i + 1 < n; i++)
    for (uint64_t j = 0; j + 1 < n - i; j++)
      if (a[j] > a[j + 1]) {
        uint8_t t = a[j];
        a[j] = a[j + 1];
        a[j + 1] = t;
      }
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++)
    s = s * 257 + a[i] * (i + 1);
  return s;
}
