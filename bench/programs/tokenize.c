/* tokenize: a byte-driven state machine such as a configuration or command
   parser runs: split text into identifiers, decimal numbers and punctuation,
   and add up the numbers.  Input: u32 n, then n bytes of text.
   r0 = (identifiers << 48) | (numbers << 32) | (u32)(sum of numbers), with
   the punctuation count mixed into the low word. */
#include <stdint.h>

#define OUTSIDE 0
#define IN_WORD 1
#define IN_NUMBER 2

static inline __attribute__((always_inline)) int is_alpha(uint32_t c) {
  return (c | 0x20) - 'a' < 26 || c == '_';
}
static inline __attribute__((always_inline)) int is_digit(uint32_t c) {
  return c - '0' < 10;
}

uint64_t tokenize(uint8_t *mem, uint64_t len) {
  uint32_t n = *(uint32_t *)mem;
  const uint8_t *p = mem + 4;
  if (n > len - 4) return 0;
  uint32_t state = OUTSIDE, words = 0, numbers = 0, punct = 0, value = 0, sum = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t c = p[i];
    if (state == IN_NUMBER) {
      if (is_digit(c)) {
        value = value * 10 + (c - '0');
        continue;
      }
      sum += value;
      state = OUTSIDE;
    } else if (state == IN_WORD) {
      if (is_alpha(c) || is_digit(c)) continue;
      state = OUTSIDE;
    }
    if (is_alpha(c)) {
      state = IN_WORD;
      words++;
    } else if (is_digit(c)) {
      state = IN_NUMBER;
      numbers++;
      value = c - '0';
    } else if (c > ' ') {
      punct++;
    }
  }
  if (state == IN_NUMBER) sum += value;
  return (uint64_t)words << 48 | (uint64_t)numbers << 32 | (sum ^ (punct << 24));
}
