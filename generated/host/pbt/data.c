#line 2210 "lit/pbt.nw"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "lbpf_isa.h"
#include "lbpf_pbt.h"

static bool same_outcome(const struct lbpf_pbt_outcome *x, const struct lbpf_pbt_outcome *y) {
  if (x->load != y->load || x->result.status != y->result.status) return false;
  if (x->result.status == LBPF_OK ? x->result.r0 != y->result.r0 : x->result.pc != y->result.pc)
    return false;
  return memcmp(x->mem, y->mem, x->mem_len) == 0 && memcmp(x->stack, y->stack, x->stack_size) == 0;
}

void lbpf_pbt_print_data(FILE *f, const struct lbpf_pbt_case *c, const char *comment) {
  if (comment) {
    const char *p = comment;
    while (*p) {
      const char *nl = strchr(p, '\n');
      size_t n = nl ? (size_t)(nl - p) : strlen(p);
      fprintf(f, "# %.*s\n", (int)n, p);
      p += n + (nl != NULL);
    }
  }
  fprintf(f, "# pbt: budget %llu frames %u\n", (unsigned long long)c->budget, c->frames);
  if (c->ro_len > 0) {
    fprintf(f, "# pbt: read-only");
    for (uint32_t i = 0; i < c->ro_len; i++)
      fprintf(f, " %02x", c->ro[i]);
    fprintf(f, "\n");
  }
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  lbpf_pbt_encode(c, code);
  fprintf(f, "-- asm\n");
  lbpf_disassemble(f, code, (size_t)c->nslots * 8);
  fprintf(f, "-- raw\n");
  for (uint32_t i = 0; i < c->nslots; i++) {
    uint64_t word = 0;
    for (int k = 7; k >= 0; k--)
      word = (word << 8) | code[i * 8 + k];
    fprintf(f, "0x%016llx\n", (unsigned long long)word);
  }
  fprintf(f, "-- mem\n");
  for (uint32_t i = 0; i < c->mem_len; i++)
    fprintf(f, "%02x%s", c->mem[i], i + 1 == c->mem_len || i % 16 == 15 ? "\n" : " ");
  const struct lbpf_engine *spec = lbpf_engine_find("spec");
  struct lbpf_pbt_outcome *o = malloc(2 * sizeof *o);
  if (spec == NULL || o == NULL) {
    free(o);
    return;
  }
  lbpf_pbt_run(spec, c, 0, &o[0]);
  lbpf_pbt_run(spec, c, 24, &o[1]);
  if (!same_outcome(&o[0], &o[1]))
    fprintf(f, "-- c\noutcome depends on the addresses of the regions: not recorded\n");
  else if (o[0].load != LBPF_OK)
    fprintf(f, "-- error\nrefused: %s at pc %u\n", lbpf_status_name(o[0].load),
            (unsigned)o[0].fault.pc);
  else if (o[0].result.status == LBPF_OK)
    fprintf(f, "-- result\n0x%llx\n", (unsigned long long)o[0].result.r0);
  else
    fprintf(f, "-- error\n%s at pc %u\n", lbpf_status_name(o[0].result.status),
            (unsigned)o[0].result.pc);
  free(o);
}
#line 2283 "lit/pbt.nw"
static int fail(char *err, size_t errlen, int line, const char *what) {
  snprintf(err, errlen, "line %d: %s", line, what);
  return -1;
}

int lbpf_pbt_parse_data(const char *text, struct lbpf_pbt_case *c, struct lbpf_pbt_expect *expect,
                        char *err, size_t errlen) {
  enum { NONE, RAW, MEM, RESULT, ERROR, OTHER } section = NONE;
  memset(c, 0, sizeof *c);
  memset(expect, 0, sizeof *expect);
  c->budget = 4000;
  c->frames = LBPF_MAX_CALL_DEPTH;
  int line = 0;
  const char *p = text;
  char buf[256];
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    line++;
    if (n >= sizeof buf) return fail(err, errlen, line, "line too long");
    memcpy(buf, p, n);
    buf[n] = 0;
    while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
      buf[--n] = 0;
    p = nl ? nl + 1 : p + strlen(p);
    if (n == 0) continue;
    if (buf[0] == '#') {
      unsigned long long budget;
      unsigned frames;
      if (sscanf(buf, "# pbt: budget %llu frames %u", &budget, &frames) == 2) {
        if (frames < 1 || frames > LBPF_MAX_CALL_DEPTH)
          return fail(err, errlen, line, "frames must be 1..8");
        c->budget = budget;
        c->frames = frames;
      } else if (strncmp(buf, "# pbt: read-only", 16) == 0) {
        char *q = buf + 16, *end;
        c->ro_len = 0;
        while (*q) {
          unsigned long v = strtoul(q, &end, 16);
          if (end == q || v > 0xff || c->ro_len >= LBPF_PBT_MAX_RO)
            return fail(err, errlen, line, "bad read-only byte");
          c->ro[c->ro_len++] = (uint8_t)v;
          q = end;
          while (*q == ' ')
            q++;
        }
      }
      continue;
    }
    if (strncmp(buf, "-- ", 3) == 0) {
      const char *name = buf + 3;
      section = strcmp(name, "raw") == 0      ? RAW
                : strcmp(name, "mem") == 0    ? MEM
                : strcmp(name, "result") == 0 ? RESULT
                : strcmp(name, "error") == 0  ? ERROR
                                              : OTHER;
      if (section == RESULT) expect->known = true, expect->status = LBPF_OK;
      continue;
    }

#line 2348 "lit/pbt.nw"
    switch (section) {
    case RAW: {
      char *end;
      errno = 0;
      unsigned long long word = strtoull(buf, &end, 16);
      if (errno || *end || end == buf) return fail(err, errlen, line, "bad instruction word");
      if (c->nslots >= LBPF_PBT_MAX_SLOTS) return fail(err, errlen, line, "program too long");
      uint8_t code[8];
      for (int k = 0; k < 8; k++)
        code[k] = (uint8_t)(word >> (8 * k));
      c->insns[c->nslots++] = lbpf_decode(code);
      break;
    }
    case MEM: {
      char *q = buf, *end;
      while (*q) {
        while (*q == ' ' || *q == '\t')
          q++;
        if (!*q) break;
        unsigned long v = strtoul(q, &end, 16);
        if (end == q || v > 0xff) return fail(err, errlen, line, "bad memory byte");
        if (c->mem_len >= LBPF_PBT_MAX_MEM) return fail(err, errlen, line, "memory too long");
        c->mem[c->mem_len++] = (uint8_t)v;
        q = end;
      }
      break;
    }
    case RESULT: {
      char *end;
      errno = 0;
      expect->r0 = strtoull(buf, &end, 0);
      if (errno || *end) return fail(err, errlen, line, "bad result");
      break;
    }
    case ERROR: {
      const char *at = strstr(buf, " at pc ");
      if (at == NULL || strncmp(buf, "refused: ", 9) == 0) break; /* a load refusal: not run */
      for (int s = 0; s < LBPF_STATUS_COUNT; s++) {
        const char *name = lbpf_status_name((enum lbpf_status)s);
        if (strlen(name) == (size_t)(at - buf) && strncmp(buf, name, (size_t)(at - buf)) == 0) {
          expect->known = true;
          expect->status = (enum lbpf_status)s;
          expect->pc = (uint32_t)strtoul(at + 7, NULL, 10);
        }
      }
      if (!expect->known) return fail(err, errlen, line, "unknown error name");
      break;
    }
    default: break;
    }
#line 2341 "lit/pbt.nw"
  }
  if (c->nslots == 0) return fail(err, errlen, line, "no -- raw section");
  return 0;
}
