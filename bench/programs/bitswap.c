/* bitswap: the paper's straight-line bit twiddling: exchange two bits of a
   byte.  Input: u8 value (156), u8 bit1 (3), u8 bit2 (6).
   r0 = value with bits bit1 and bit2 exchanged. */
#include <stdint.h>

uint64_t bitswap(uint8_t *mem, uint64_t len) {
  (void)len;
  uint32_t value = mem[0], bit1 = mem[1], bit2 = mem[2];
  uint32_t mask1 = 1u << bit1, mask2 = 1u << bit2;
  uint32_t result = value & ~(mask1 | mask2);
  result |= ((value & mask1) >> bit1) << bit2;
  result |= ((value & mask2) >> bit2) << bit1;
  return result & 0xff;
}
