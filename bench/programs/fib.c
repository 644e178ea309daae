/* fib: the paper's iterative Fibonacci, a loop of 32-bit moves and adds.
   Input: u32 n (10).  r0 = fib(n) with fib(0) = 0, fib(1) = fib(2) = 1. */
#include <stdint.h>

uint64_t fib(uint8_t *mem, uint64_t len) {
  (void)len;
  uint32_t n = *(uint32_t *)mem;
  if (n == 0) return 0;
  uint32_t prev = 1, cur = 1;
  for (uint32_t i = 3; i <= n; i++) {
    uint32_t next = prev + cur;
    prev = cur;
    cur = next;
  }
  return cur;
}
