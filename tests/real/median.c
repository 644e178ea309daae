/* A median filter over byte readings, as a program removes spikes before
   it thresholds: each reading is replaced by the median of the five around
   it (an insertion sort of a window on the stack), written back into the
   input; the sum of the filtered readings is returned. */
#include <stdint.h>

enum { WINDOW = 5 };

static __attribute__((noinline)) uint8_t median_of(const uint8_t *w) {
  uint8_t s[WINDOW];
  for (int i = 0; i < WINDOW; i++) {
    int j = i;
    while (j > 0 && s[j - 1] > w[i]) {
      s[j] = s[j - 1];
      j--;
    }
    s[j] = w[i];
  }
  return s[WINDOW / 2];
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  enum { HALF = WINDOW / 2, DELAY = HALF + 1 };
  uint8_t window[WINDOW], out[DELAY] = {0};
  uint64_t sum = 0;
  if (len < WINDOW) return len;
  uint64_t last = len - 1 - HALF;
  for (uint64_t i = HALF; i <= last; i++) {
    for (int k = 0; k < WINDOW; k++) window[k] = mem[i - HALF + (uint64_t)k];
    uint8_t m = median_of(window);
    /* the median of i - DELAY goes back once no later window reads there */
    if (i >= HALF + DELAY) mem[i - DELAY] = out[i % DELAY];
    out[i % DELAY] = m;
    sum += m;
  }
  for (uint64_t j = last >= HALF + DELAY ? last + 1 - DELAY : HALF; j <= last; j++)
    mem[j] = out[j % DELAY];
  return sum;
}
