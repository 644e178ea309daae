/* An alarm over temperature readings with hysteresis, as a sensor node
   runs it on every new batch: signed 16-bit little-endian samples in
   centidegrees; the alarm rises above HIGH and falls below LOW.  Its state
   and the number of transitions stay in globals (.bss) from one run to the
   next; the program's store keeps the runs, the device's store the alarms
   raised on the whole device; each transition is printed (at most four a
   run). */
#include <stdint.h>

#include "helpers.h"

enum { HIGH = 2500, LOW = 2200, KEY_RUNS = 1, KEY_ALARMS = 0x414c };

static int alarm_on;         /* .bss: the alarm's state */
static uint32_t transitions; /* .bss: transitions seen by this program, every run */

static __attribute__((noinline)) int32_t sample_at(const uint8_t *mem, uint64_t i) {
  return (int16_t)(uint16_t)(mem[i] | mem[i + 1] << 8);
}

static __attribute__((noinline)) void transition(int on, int32_t value, uint32_t index) {
  uint32_t alarms = 0;
  transitions++;
  if (on) {
    bpf_fetch_global(KEY_ALARMS, &alarms);
    bpf_store_global(KEY_ALARMS, alarms + 1);
  }
  if (transitions <= 4) bpf_printf("alarm %s at %u: %d\n", on ? "on" : "off", index, value);
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint32_t runs = 0, alarms = 0;
  int32_t lowest = INT16_MAX;
  bpf_fetch_local(KEY_RUNS, &runs);
  bpf_store_local(KEY_RUNS, ++runs);
  for (uint64_t i = 0; i + 1 < len; i += 2) {
    int32_t v = sample_at(mem, i);
    if (v < lowest) lowest = v;
    if (!alarm_on && v > HIGH) alarm_on = 1, transition(1, v, (uint32_t)(i / 2));
    else if (alarm_on && v < LOW) alarm_on = 0, transition(0, v, (uint32_t)(i / 2));
  }
  bpf_fetch_global(KEY_ALARMS, &alarms);
  return (uint64_t)runs << 48 | (uint64_t)alarms << 32 | (uint64_t)transitions << 17 |
         (uint64_t)alarm_on << 16 | (uint16_t)lowest;
}
