/* A rate limiter on the device's clock (now_ms), as a program that reports
   events must not flood its uplink: a token bucket of 5 tokens, refilled one
   a minute.  The time a run sees is the machine's, so the result cannot
   depend on it: tokens come back only after a minute, and the program
   returns the events sent and dropped, the tokens left, and whether the
   clock went forward and stayed within the minute across the runs (always,
   unless a run of a test lasts a minute). */
#include <stdint.h>

#include "helpers.h"

enum { CAPACITY = 5, REFILL_MS = 60000 };

static uint32_t tokens = CAPACITY; /* .data */
static uint32_t first_ms, last_ms; /* .bss */
static uint8_t started;            /* .bss */

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint32_t now = bpf_now_ms();
  if (!started) started = 1, first_ms = last_ms = now;
  uint32_t forward = now - last_ms < REFILL_MS;
  uint32_t refill = (now - last_ms) / REFILL_MS;
  last_ms = now;
  tokens = tokens + refill > CAPACITY ? CAPACITY : tokens + refill;
  uint32_t sent = 0, dropped = 0;
  for (uint64_t i = 0; i < len; i++)
    if (mem[i] & 1) { /* an event */
      if (tokens) tokens--, sent++;
      else dropped++;
    }
  uint32_t within = bpf_now_ms() - first_ms < REFILL_MS;
  return (uint64_t)forward << 40 | (uint64_t)within << 36 | (uint64_t)tokens << 24 |
         (uint64_t)dropped << 12 | sent;
}

// run: --repeat 3
