/* CRC-32 (the reflected polynomial 0xedb88320), bit by bit: 32-bit
   arithmetic, shifts and a data-dependent mask. */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint32_t crc = 0xffffffffu;
  for (uint64_t i = 0; i < len; i++) {
    crc ^= mem[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return ~crc;
}
