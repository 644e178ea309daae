/* Writes through the input memory with 8-, 16-, 32- and 64-bit stores, then
   reads it back: the input is a writable region. */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  if (len < 16) return len;
  *(uint64_t *)(mem + 8) ^= 0x0123456789abcdefu;
  *(uint32_t *)(mem + 4) += 0x11111111u;
  *(uint16_t *)(mem + 2) = (uint16_t)(*(uint16_t *)(mem + 2) * 3);
  mem[1] = (uint8_t)(mem[0] + mem[1]);
  uint64_t h = 0;
  for (uint64_t i = 0; i < len; i++)
    h = h * 131 + mem[i];
  return h;
}
