/* A polynomial hash of the bytes: 8-bit loads and 64-bit multiplication
   that wraps around. */
#include <stdint.h>

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t h = 0xcbf29ce484222325u;
  for (uint64_t i = 0; i < len; i++)
    h = (h ^ mem[i]) * 0x100000001b3u;
  return h;
}
