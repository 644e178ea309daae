/* bubblesort: the paper's sort of signed 32-bit integers in place.
   Input: u32 n (32), then n s32 values.  Sorts them ascending in mem.
   r0 = (swaps << 32) | (u32)(smallest ^ largest): the swap count depends on
   every comparison, the ends on the final order. */
#include <stdint.h>

uint64_t bubblesort(uint8_t *mem, uint64_t len) {
  uint32_t n = *(uint32_t *)mem;
  int32_t *a = (int32_t *)(mem + 4);
  if (n == 0 || n > (len - 4) / 4) return 0;
  uint64_t swaps = 0;
  for (uint32_t i = 0; i + 1 < n; i++) {
    for (uint32_t j = 0; j + 1 < n - i; j++) {
      int32_t x = a[j], y = a[j + 1];
      if (x > y) {
        a[j] = y;
        a[j + 1] = x;
        swaps++;
      }
    }
  }
  return (swaps << 32) | (uint32_t)(a[0] ^ a[n - 1]);
}
