/* Three checksums a device uses on its frames, each a program of its own in
   its own section, chosen with --entry: CRC-16/CCITT from a table the
   program builds into .bss on its first run and keeps (a flag in .bss says
   so), Adler-32, and Fletcher-16.  Several global functions: litbpf refuses
   to guess which is meant. */
#include <stdint.h>

static uint16_t crc_table[256]; /* .bss: built once */
static uint8_t crc_ready;       /* .bss */
static uint32_t builds;         /* .bss: how often the table was built */

static __attribute__((noinline)) void build_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i << 8;
    for (int k = 0; k < 8; k++) c = c & 0x8000 ? c << 1 ^ 0x1021 : c << 1;
    crc_table[i] = (uint16_t)c;
  }
  crc_ready = 1;
  builds++;
}

__attribute__((section("fc/crc16"))) uint64_t crc16_prog(uint8_t *mem, uint64_t len) {
  if (!crc_ready) build_table();
  uint32_t crc = 0xffff;
  for (uint64_t i = 0; i < len; i++) crc = (crc << 8 ^ crc_table[(crc >> 8 ^ mem[i]) & 0xff]) & 0xffff;
  return (uint64_t)builds << 32 | crc;
}

__attribute__((section("fc/adler"))) uint64_t adler32_prog(uint8_t *mem, uint64_t len) {
  uint32_t a = 1, b = 0;
  for (uint64_t i = 0; i < len; i++) {
    a = (a + mem[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (uint64_t)b << 16 | a;
}

__attribute__((section("fc/fletcher"))) uint64_t fletcher16_prog(uint8_t *mem, uint64_t len) {
  uint32_t s1 = 0, s2 = 0;
  for (uint64_t i = 0; i < len; i++) {
    s1 = (s1 + mem[i]) % 255;
    s2 = (s2 + s1) % 255;
  }
  return s2 << 8 | s1;
}

// run: --entry crc16_prog --repeat 3
// run: --entry adler32_prog
// run: --entry fletcher16_prog
