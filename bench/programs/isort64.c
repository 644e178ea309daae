/* isort64: insertion sort of unsigned 64-bit keys in place, the inner loop
   of many small-table updates: 64-bit loads, compares and stores.
   Input: u32 n (64), u32 pad, then n u64 keys.  r0 = number of element moves
   plus a position-weighted sum of the sorted keys. */
#include <stdint.h>

uint64_t isort64(uint8_t *mem, uint64_t len) {
  uint32_t n = *(uint32_t *)mem;
  uint64_t *a = (uint64_t *)(mem + 8);
  if (n > (len - 8) / 8) return 0;
  uint64_t moves = 0;
  for (uint32_t i = 1; i < n; i++) {
    uint64_t key = a[i];
    uint32_t j = i;
    while (j > 0 && a[j - 1] > key) {
      a[j] = a[j - 1];
      j--;
      moves++;
    }
    a[j] = key;
  }
  uint64_t sum = 0;
  for (uint32_t i = 0; i < n; i++)
    sum += (uint64_t)(i + 1) * a[i];
  return (moves << 48) ^ sum;
}
