/* String formatting through the printf helper, as a program reports what
   it measured: names from a table of fixed-size strings in .rodata, a
   line assembled in a .bss buffer, signed and unsigned 32-bit values, a
   64-bit one, hexadecimal in both cases, a character, a percent sign, and a
   conversion the helper does not know (%f: the call is refused, prints
   nothing and returns -1, natively as in the VM).  Returns what every call
   returned. */
#include <stdint.h>

#include "helpers.h"

static const char names[][6] = {"temp", "hum", "press", "co2"};
static char label[16]; /* .bss */

static __attribute__((noinline)) uint64_t make_label(uint32_t k, uint8_t tag) {
  uint64_t n = 0;
  for (const char *s = names[k & 3]; *s && n < 8; s++) label[n++] = *s;
  label[n++] = '#';
  label[n++] = (char)('a' + tag % 26);
  label[n] = '\0';
  return n;
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t h = 0;
  for (uint64_t i = 0; i + 3 < len && i < 24; i += 4) {
    int32_t v = (int32_t)(mem[i] | mem[i + 1] << 8 | mem[i + 2] << 16 | (uint32_t)mem[i + 3] << 24);
    uint64_t n = make_label((uint32_t)i / 4, mem[i]);
    int r = bpf_printf("%s: %d (%u, 0x%x)\n", label, v, (uint32_t)v, (uint32_t)v);
    h = h * 1000 + (uint64_t)(int64_t)r + n;
  }
  int64_t wide = (int64_t)len * -1000000007;
  h = h * 1000 + (uint64_t)bpf_printf("%ld bytes, %llX, %c%%\n", wide, (uint64_t)wide << 3,
                                      len ? mem[0] % 26 + 'A' : '-');
  h = h * 1000 + (uint64_t)(int64_t)bpf_printf("%f\n", (uint32_t)len);
  h = h * 1000 + (uint64_t)bpf_printf("%s %s\n", names[len & 3], len & 1 ? "odd" : "even");
  return h;
}
