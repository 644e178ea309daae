/* Two programs in one object sharing their code and their globals, as a
   femto-container application ships several hooks: fc_count (section
   fc/count) tallies the input's bytes by their high nibble into a .bss
   histogram kept between runs; fc_report (section fc/report) tallies too,
   then prints the busiest bucket and resets the histogram.  The tally is a
   function of a third section, the search a static function in .text.
   Neither is the default entry: each run names one with --entry. */
#include <stdint.h>

#include "helpers.h"

static uint32_t histogram[16]; /* .bss */
static uint64_t bytes_seen;    /* .bss */

__attribute__((section("lib/tally"), noinline)) void tally(const uint8_t *mem, uint64_t len) {
  for (uint64_t i = 0; i < len; i++) histogram[mem[i] >> 4]++;
  bytes_seen += len;
}

static __attribute__((noinline)) uint32_t busiest(void) {
  uint32_t best = 0;
  for (uint32_t k = 1; k < 16; k++)
    if (histogram[k] > histogram[best]) best = k;
  return best;
}

__attribute__((section("fc/count"))) uint64_t fc_count(uint8_t *mem, uint64_t len) {
  tally(mem, len);
  return bytes_seen << 8 | busiest();
}

__attribute__((section("fc/report"))) uint64_t fc_report(uint8_t *mem, uint64_t len) {
  tally(mem, len);
  uint32_t b = busiest();
  int n = bpf_printf("bucket %x: %u of %lu bytes\n", b, histogram[b], bytes_seen);
  uint64_t r = (uint64_t)histogram[b] << 32 | bytes_seen << 8 | b;
  for (uint32_t k = 0; k < 16; k++) histogram[k] = 0;
  bytes_seen = 0;
  return r ^ (uint64_t)n << 56;
}

// run: --entry fc_count --repeat 2
// run: --entry fc_report
