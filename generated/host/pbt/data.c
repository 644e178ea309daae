#line 2072 "lit/pbt.nw"
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "lbpf_isa.h"
#include "lbpf_pbt.h"
#include "loader.h"

static bool same_outcome(struct lbpf_outcome *x, struct lbpf_outcome *y) {
  struct lbpf_comparison c = {.a = *x, .b = *y, .check_a = true, .check_b = true};
  return lbpf_compare_outcomes(&c, 0) == 0;
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
  struct lbpf_outcome *o = calloc(2, sizeof *o);
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
  lbpf_outcome_free(&o[0]);
  lbpf_outcome_free(&o[1]);
  free(o);
}
#line 2147 "lit/pbt.nw"
/* The "# pbt:" lines: the budget and frames, the read-only region. */
static int parse_pbt_lines(const char *text, struct lbpf_pbt_case *c, char *err, size_t errlen) {
  char buf[4 * LBPF_PBT_MAX_RO + 32];
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    const char *line = p;
    p += n + (nl != NULL);
    if (strncmp(line, "# pbt:", 6) != 0) continue;
    if (n >= sizeof buf) return snprintf(err, errlen, "# pbt: line too long"), -1;
    memcpy(buf, line, n);
    buf[n] = 0;
    unsigned long long budget;
    unsigned frames;
    if (sscanf(buf, "# pbt: budget %llu frames %u", &budget, &frames) == 2) {
      if (frames < 1 || frames > LBPF_MAX_CALL_DEPTH)
        return snprintf(err, errlen, "# pbt: frames must be 1..8"), -1;
      c->budget = budget;
      c->frames = frames;
    } else if (strncmp(buf, "# pbt: read-only", 16) == 0) {
      char *q = buf + 16, *end;
      c->ro_len = 0;
      while (*q) {
        unsigned long v = strtoul(q, &end, 16);
        if (end == q || v > 0xff || c->ro_len >= LBPF_PBT_MAX_RO)
          return snprintf(err, errlen, "# pbt: bad read-only byte"), -1;
        c->ro[c->ro_len++] = (uint8_t)v;
        q = end;
        while (*q == ' ' || *q == '\r')
          q++;
      }
    }
  }
  return 0;
}

/* "-- error" text: "<status name> at pc N" after a run; a load refusal
   ("refused: ...") is not a run, and leaves the expectation unknown. */
static int parse_error(const char *text, struct lbpf_pbt_expect *expect) {
  const char *at = strstr(text, " at pc ");
  if (at == NULL || strncmp(text, "refused: ", 9) == 0) return 0;
  for (int s = 0; s < LBPF_STATUS_COUNT; s++) {
    const char *name = lbpf_status_name((enum lbpf_status)s);
    if (strlen(name) == (size_t)(at - text) && strncmp(text, name, (size_t)(at - text)) == 0) {
      expect->known = true;
      expect->status = (enum lbpf_status)s;
      expect->pc = (uint32_t)strtoul(at + 7, NULL, 10);
      return 0;
    }
  }
  return -1;
}

int lbpf_pbt_parse_data(const char *text, struct lbpf_pbt_case *c, struct lbpf_pbt_expect *expect,
                        char *err, size_t errlen) {
  struct lbpf_testfile tf;
  memset(c, 0, sizeof *c);
  memset(expect, 0, sizeof *expect);
  c->budget = 4000;
  c->frames = LBPF_MAX_CALL_DEPTH;
  if (lbpf_testfile_parse_unchecked(text, strlen(text), "case", &tf, err, errlen) != 0) return -1;
  int rc = -1;
  if (tf.code_size / 8 > LBPF_PBT_MAX_SLOTS)
    snprintf(err, errlen, "program too long");
  else if (tf.mem_len > LBPF_PBT_MAX_MEM)
    snprintf(err, errlen, "memory too long");
  else if (tf.has_error && parse_error(tf.error_text, expect) != 0)
    snprintf(err, errlen, "unknown error name");
  else
    rc = parse_pbt_lines(text, c, err, errlen);
  if (rc == 0) {
    c->nslots = (uint32_t)(tf.code_size / 8);
    for (uint32_t i = 0; i < c->nslots; i++)
      c->insns[i] = lbpf_decode(tf.code + (size_t)i * 8);
    c->mem_len = (uint32_t)tf.mem_len;
    if (tf.mem_len) memcpy(c->mem, tf.mem, tf.mem_len);
    if (tf.has_result) expect->known = true, expect->status = LBPF_OK, expect->r0 = tf.result;
  }
  lbpf_testfile_free(&tf);
  return rc;
}
