/* A CoAP message parser (RFC 7252), as a femto-container on a constrained
   server inspects requests: the message alone, or inside IPv6 and UDP to
   port 5683.  It reads the header (version, type, token length, code,
   message id), the token, then the options with their delta and length
   encodings (extended by one or two bytes), and the payload after the 0xff
   marker.  The Uri-Path options are joined into a path in a .bss buffer and
   printed.  The program's entry is in its own section, the parsing in
   another, the IPv6 check in .text. */
#include <stdint.h>

#include "helpers.h"

enum { COAP_PORT = 5683, URI_PATH = 11, PATH_MAX = 48 };

static char path[PATH_MAX + 1]; /* .bss */

static __attribute__((noinline)) uint64_t coap_offset(const uint8_t *mem, uint64_t len) {
  /* IPv6 (40 bytes) then UDP (8) to the CoAP port: the message follows */
  if (len >= 48 && mem[0] >> 4 == 6 && mem[6] == 17 && (mem[42] << 8 | mem[43]) == COAP_PORT)
    return 48;
  return 0;
}

/* An option's delta or length: the nibble, extended by the bytes after it.
   Returns the value, or -1 when the input ends or the nibble is 15. */
static __attribute__((section("lib/coap"), noinline)) int64_t extended(uint32_t nibble,
                                                                         const uint8_t *p,
                                                                         uint64_t *at,
                                                                         uint64_t end) {
  if (nibble < 13) return nibble;
  if (nibble == 13) {
    if (*at >= end) return -1;
    return 13 + p[(*at)++];
  }
  if (nibble == 14) {
    if (*at + 1 >= end) return -1;
    uint64_t v = (uint64_t)p[*at] << 8 | p[*at + 1];
    *at += 2;
    return 269 + (int64_t)v;
  }
  return -1;
}

static __attribute__((section("lib/coap"), noinline)) uint64_t add_segment(const uint8_t *p,
                                                                            uint64_t n,
                                                                            uint64_t used) {
  if (used < PATH_MAX) path[used++] = '/';
  for (uint64_t i = 0; i < n && used < PATH_MAX; i++) path[used++] = (char)p[i];
  path[used] = '\0';
  return used;
}

__attribute__((section("fc/coap"))) uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t at = coap_offset(mem, len);
  if (len < at + 4) return 0xc0;
  const uint8_t *m = mem + at;
  uint64_t end = len - at;
  uint32_t version = m[0] >> 6, type = m[0] >> 4 & 3, tkl = m[0] & 15;
  uint32_t code = m[1], mid = (uint32_t)m[2] << 8 | m[3];
  if (version != 1 || tkl > 8 || 4 + tkl > end) return 0xc1;
  uint64_t token = 0;
  for (uint32_t i = 0; i < tkl; i++) token = token << 8 | m[4 + i];
  uint64_t i = 4 + tkl, used = 0, noptions = 0, number = 0, payload = 0;
  path[0] = '\0';
  while (i < end && m[i] != 0xff) {
    uint32_t b = m[i++];
    int64_t delta = extended(b >> 4, m, &i, end);
    int64_t olen = delta < 0 ? -1 : extended(b & 15, m, &i, end);
    if (olen < 0 || (uint64_t)olen > end - i) return 0xc2 | noptions << 8;
    number += (uint64_t)delta;
    if (number == URI_PATH) used = add_segment(m + i, (uint64_t)olen, used);
    i += (uint64_t)olen;
    noptions++;
  }
  if (i < end) payload = end - i - 1;
  bpf_printf("coap %u.%u mid %u path %s\n", code >> 5, code & 31, mid, used ? path : "/");
  return (uint64_t)type << 62 ^ (uint64_t)code << 48 ^ (uint64_t)mid << 32 ^ token << 8 ^
         noptions << 4 ^ payload ^ used << 20;
}
