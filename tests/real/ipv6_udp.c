/* An IPv6 packet parser, as a border router filters 6LoWPAN traffic: the
   fixed header (version, traffic class, flow label, payload length, next
   header, hop limit), then a UDP header if the next header says so, and
   the UDP checksum over the pseudo-header (RFC 8200 section 8.1), every
   length checked against the input before it is trusted. */
#include <stdint.h>

enum { IPV6_HEADER = 40, UDP_HEADER = 8, NEXT_UDP = 17 };

static __attribute__((noinline)) uint32_t be16(const uint8_t *p) { return (uint32_t)p[0] << 8 | p[1]; }

/* ones' complement sum of n bytes, added to sum */
static __attribute__((noinline)) uint32_t sum16(const uint8_t *p, uint64_t n, uint32_t sum) {
  for (uint64_t i = 0; i + 1 < n; i += 2) sum += be16(p + i);
  if (n & 1) sum += (uint32_t)p[n - 1] << 8;
  return sum;
}

static __attribute__((noinline)) uint32_t fold(uint32_t sum) {
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return sum;
}

static uint64_t udp(const uint8_t *ip, const uint8_t *u, uint64_t avail) {
  if (avail < UDP_HEADER) return 0xe2;
  uint32_t ulen = be16(u + 4);
  if (ulen < UDP_HEADER || ulen > avail) return 0xe3;
  uint32_t sum = sum16(ip + 8, 32, 0); /* source and destination */
  sum += ulen + NEXT_UDP;
  sum = fold(sum16(u, ulen, sum));
  uint32_t ok = be16(u + 6) == 0 ? 2 : sum == 0xffff;
  return (uint64_t)ok << 56 | (uint64_t)be16(u) << 40 | (uint64_t)be16(u + 2) << 24 |
         (uint64_t)ulen << 8 | (~sum & 0xff);
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  if (len < IPV6_HEADER) return 0xe0;
  if (mem[0] >> 4 != 6) return 0xe1;
  uint32_t tclass = (be16(mem) >> 4) & 0xff;
  uint32_t flow = (uint32_t)(mem[1] & 0xf) << 16 | be16(mem + 2);
  uint64_t plen = be16(mem + 4);
  if (plen > len - IPV6_HEADER) plen = len - IPV6_HEADER;
  uint64_t r = (uint64_t)tclass << 48 ^ (uint64_t)flow << 28 ^ (uint64_t)mem[7] << 20 ^ mem[6];
  if (mem[6] == NEXT_UDP) r ^= udp(mem, mem + IPV6_HEADER, plen);
  return r;
}
