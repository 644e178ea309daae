/* Moving bytes with the memcpy helper, as a program reframes a radio
   packet: the input is a frame, a one-byte length then the payload; the
   payload is copied into a .bss buffer, then back into the input in front
   of the length, reversed through a buffer on the stack, and a running
   checksum of the payload kept in .data.  The input memory the program
   leaves is compared too (on the Cortex-M4, by its digest). */
#include <stdint.h>

#include "helpers.h"

enum { MAX_PAYLOAD = 64 };

static uint8_t payload[MAX_PAYLOAD]; /* .bss */
static uint32_t running = 0x1234;   /* .data */

uint64_t entry(uint8_t *mem, uint64_t len) {
  if (len < 1) return 0xf0;
  uint32_t n = mem[0];
  if (n > MAX_PAYLOAD || n > len - 1) n = (uint32_t)(len - 1 < MAX_PAYLOAD ? len - 1 : MAX_PAYLOAD);
  if (bpf_memcpy(payload, mem + 1, n) != payload) return 0xf1;
  uint8_t reversed[MAX_PAYLOAD];
  for (uint32_t i = 0; i < n; i++) reversed[i] = payload[n - 1 - i];
  bpf_memcpy(mem, reversed, n); /* overwrites the length byte too */
  for (uint32_t i = 0; i < n; i++) running = running * 33 + payload[i];
  return (uint64_t)n << 32 | running;
}
