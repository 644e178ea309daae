/* crc32: the IEEE 802.3 CRC (reflected polynomial 0xEDB88320), computed a
   bit at a time as a table-less firmware would: eight shift/xor steps per
   byte.  Input: u32 n (256), then n bytes.  r0 = the CRC. */
#include <stdint.h>

uint64_t crc32(uint8_t *mem, uint64_t len) {
  uint32_t n = *(uint32_t *)mem;
  const uint8_t *p = mem + 4;
  if (n > len - 4) return 0;
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int bit = 0; bit < 8; bit++)
      crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return ~crc;
}
