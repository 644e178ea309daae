/* fletcher32: RIOT's Fletcher-32 checksum, the paper's largest benchmark.
   Input: u32 words (180), then that many little-endian u16 words.
   r0 = the checksum (sum2 << 16 | sum1).  Sums are folded every 359 words,
   the longest run that cannot overflow 32 bits. */
#include <stdint.h>

uint64_t fletcher32(uint8_t *mem, uint64_t len) {
  uint32_t words = *(uint32_t *)mem;
  const uint16_t *data = (const uint16_t *)(mem + 4);
  if (words > (len - 4) / 2) return 0;
  uint32_t sum1 = 0xffff, sum2 = 0xffff;
  while (words) {
    uint32_t block = words > 359 ? 359 : words;
    words -= block;
    do {
      sum1 += *data++;
      sum2 += sum1;
    } while (--block);
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
  }
  sum1 = (sum1 & 0xffff) + (sum1 >> 16);
  sum2 = (sum2 & 0xffff) + (sum2 >> 16);
  return (sum2 << 16) | sum1;
}
