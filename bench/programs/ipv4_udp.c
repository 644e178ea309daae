/* ipv4_udp: what a packet filter does first: parse an IPv4 header, check
   its header checksum, and verify the UDP checksum over the pseudo-header
   and the payload (RFC 791, RFC 768; one's-complement sums, RFC 1071).
   Fields are big-endian on the wire, so every 16-bit word is assembled from
   two bytes.  Input: u32 frame length, then the IPv4 packet.
   r0 = (source port << 48) | (destination port << 32) | (UDP length << 16)
        | 1 if both checksums hold, or an error code 0xE0..0xE5 otherwise. */
#include <stdint.h>

static inline __attribute__((always_inline)) uint32_t be16(const uint8_t *p) {
  return (uint32_t)p[0] << 8 | p[1];
}

/* One's-complement sum of n bytes (n even), not yet folded. */
static inline __attribute__((always_inline)) uint32_t sum16(const uint8_t *p, uint32_t n,
                                                            uint32_t acc) {
  for (uint32_t i = 0; i < n; i += 2)
    acc += be16(p + i);
  return acc;
}

static inline __attribute__((always_inline)) uint32_t fold(uint32_t acc) {
  acc = (acc & 0xffff) + (acc >> 16);
  acc = (acc & 0xffff) + (acc >> 16);
  return acc;
}

uint64_t ipv4_udp(uint8_t *mem, uint64_t len) {
  uint32_t frame = *(uint32_t *)mem;
  const uint8_t *ip = mem + 4;
  if (frame > len - 4 || frame < 20) return 0xE0;
  if ((ip[0] >> 4) != 4) return 0xE1;
  uint32_t ihl = (uint32_t)(ip[0] & 0xf) * 4;
  uint32_t total = be16(ip + 2);
  if (ihl < 20 || total > frame || total < ihl + 8) return 0xE2;
  if (fold(sum16(ip, ihl, 0)) != 0xffff) return 0xE3;
  if (ip[9] != 17) return 0xE4;
  const uint8_t *udp = ip + ihl;
  uint32_t ulen = be16(udp + 4);
  if (ulen < 8 || ulen > total - ihl || (ulen & 1)) return 0xE5;
  /* pseudo-header: source and destination addresses, protocol, UDP length */
  uint32_t acc = sum16(ip + 12, 8, 17 + ulen);
  acc = sum16(udp, ulen, acc);
  uint32_t ok = fold(acc) == 0xffff;
  return (uint64_t)be16(udp) << 48 | (uint64_t)be16(udp + 2) << 32 | ulen << 16 | ok;
}
