/* memcpy: the paper's byte-by-byte copy loop.
   Input: u32 src offset, u32 dst offset, u32 count (60), then the buffers
   (offsets are from the start of mem).  Copies count bytes from src to dst
   inside mem.  r0 = (count << 8) | last byte copied, so the result depends
   on the loop having run to its end. */
#include <stdint.h>

uint64_t memcpy(uint8_t *mem, uint64_t len) {
  uint32_t src = *(uint32_t *)mem;
  uint32_t dst = *(uint32_t *)(mem + 4);
  uint32_t count = *(uint32_t *)(mem + 8);
  if (src > len || dst > len || count > len - src || count > len - dst) return 0;
  uint32_t last = 0, i;
  for (i = 0; i < count; i++) {
    last = mem[src + i];
    mem[dst + i] = (uint8_t)last;
  }
  return ((uint64_t)i << 8) | last;
}
