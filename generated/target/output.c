#line 341 "lit/target.nw"
#include "target.h"

static char line[256];
static size_t used;

void lbpf_m4_flush(void) {
  if (used == 0) return;
  line[used] = '\0';
  lbpf_sh_call(SYS_WRITE0, line);
  used = 0;
}

static void put_char(char c) {
  if (used == sizeof line - 1) lbpf_m4_flush();
  line[used++] = c;
  if (c == '\n') lbpf_m4_flush();
}

void lbpf_m4_puts(const char *s) {
  while (*s)
    put_char(*s++);
}

void lbpf_m4_putu(uint64_t v) {
  char digits[21];
  int n = 0;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0)
    put_char(digits[--n]);
}

void lbpf_m4_puthex(uint64_t v, int digits) {
  int n = 16;
  while (n > 1 && n > digits && (v >> (4 * (n - 1))) == 0)
    n--;
  put_char('0');
  put_char('x');
  while (n > 0)
    put_char("0123456789abcdef"[(v >> (4 * --n)) & 0xf]);
}
