/* sock_buffer: the paper's packet-buffer bookkeeping: mark each of len
   entries as used while the data window allows, then count the marks.
   Input: u32 data_start (100), u32 data_end (200), u32 count (40), then
   count u32 entries (zero).  r0 = number of entries marked. */
#include <stdint.h>

uint64_t sock_buffer(uint8_t *mem, uint64_t len) {
  uint32_t data_start = *(uint32_t *)mem;
  uint32_t data_end = *(uint32_t *)(mem + 4);
  uint32_t count = *(uint32_t *)(mem + 8);
  uint32_t *entry = (uint32_t *)(mem + 12);
  if (count > (len - 12) / 4) return 0;
  for (uint32_t i = 0; i < count; i++) {
    if (data_start + i >= data_end) break;
    entry[i] = 1;
  }
  uint32_t used = 0;
  for (uint32_t i = 0; i < count; i++)
    used += entry[i];
  return used;
}
