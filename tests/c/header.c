/* Parses a made-up network header: big-endian 16- and 32-bit fields
   (byte swaps), a bounds check against len, and a branchy decision. */
#include <stdint.h>

struct hdr {
  uint16_t type;
  uint16_t length;
  uint32_t addr;
  uint8_t flags;
  uint8_t ttl;
};

uint64_t entry(uint8_t *mem, uint64_t len) {
  if (len < sizeof(struct hdr)) return 1;
  const struct hdr *h = (const struct hdr *)mem;
  uint16_t type = __builtin_bswap16(h->type);
  uint16_t length = __builtin_bswap16(h->length);
  uint32_t addr = __builtin_bswap32(h->addr);
  if (length > len) return 2;
  if ((addr >> 24) == 10) return 3; /* a private address */
  switch (type & 7) {
  case 0: return 0x100 + h->ttl;
  case 1: return 0x200 + (h->flags & 0x0f);
  case 2: return (uint64_t)addr * 3;
  default: return (uint64_t)type << 32 | addr;
  }
}
