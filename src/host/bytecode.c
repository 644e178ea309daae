/* The assembler and disassembler of the eBPF conformance suite's syntax.

   One table, [[forms]] (built from the ISA chapter's instruction table),
   lists every mnemonic with its operand shape and the bits it puts in the
   opcode, offset and immediate.  The assembler reads it
   forwards (name -> bits); the disassembler prints an instruction and then
   assembles its own text again: only when that gives back the same eight
   bytes is the text used, otherwise the instruction is written as a .raw
   word.  So disasm(code) reassembles to code by construction, whatever the
   bytes are, and the two directions cannot drift apart silently. */
#include "bytecode.h"

#include "lbpf_isa.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- the forms ---- */

enum shape {
  SH_ALU,    /* op dst, src|imm */
  SH_ALUREG, /* movsx: op dst, src */
  SH_NEG,    /* op dst */
  SH_END,    /* le16/be32/bswap64 dst: the width is the immediate */
  SH_LDX,    /* op dst, [src+off] */
  SH_ST,     /* op [dst+off], imm */
  SH_STX,    /* op [dst+off], src */
  SH_LDDW,   /* lddw dst, imm64 */
  SH_JA,     /* ja target (16-bit offset) */
  SH_JA32,   /* ja32 target (32-bit immediate) */
  SH_JCC,    /* op dst, src|imm, target */
  SH_CALL,   /* call N | call local target | call %rN */
  SH_EXIT,   /* exit */
  SH_ATOMIC, /* lock [fetch] op [dst+off], src: the operation is the immediate */
  SH_RAW     /* .raw word64 */
};

struct form {
  const char *name;
  enum shape shape;
  uint8_t opcode; /* for SH_ALU and SH_JCC without the source bit */
  int16_t offset; /* sdiv/smod: 1; movsx: 8, 16 or 32 */
  int32_t imm;    /* SH_END: width; SH_ATOMIC: the operation */
  bool alias;     /* accepted by the assembler, never printed */
};

/* The forms are built once from the ISA chapter's instruction table
   (spec/isa.nw), which names every form as this assembler spells it: an
   immediate and a register form share one entry here (the operand tells
   them apart), the fetching atomics are their plain operation with the word
   "fetch" before it, and the three calls are one "call" whose operand says
   which.  Only the aliases, accepted and never printed, are this file's. */
#define MAX_FORMS (LBPF_NFORMS + 32)
static struct form forms[MAX_FORMS];
static size_t nforms;

static enum shape shape_of(const struct lbpf_form *f) {
  switch (f->kind) {
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X:
    return LBPF_OP(f->opcode) == LBPF_ALU_MOV && f->value != 0 ? SH_ALUREG : SH_ALU;
  case LBPF_KIND_NEG: return SH_NEG;
  case LBPF_KIND_END: return SH_END;
  case LBPF_KIND_JA: return SH_JA;
  case LBPF_KIND_JA32: return SH_JA32;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: return SH_JCC;
  case LBPF_KIND_CALL:
  case LBPF_KIND_CALLX: return SH_CALL;
  case LBPF_KIND_EXIT: return SH_EXIT;
  case LBPF_KIND_LDDW: return SH_LDDW;
  case LBPF_KIND_LDX: return SH_LDX;
  case LBPF_KIND_ST: return SH_ST;
  case LBPF_KIND_STX: return SH_STX;
  default: return SH_ATOMIC;
  }
}

static const struct form *find_form(const char *name, bool atomic);

static void add_form(const char *name, enum shape shape, uint8_t opcode, int16_t offset,
                     int32_t imm, bool alias) {
  if (nforms < MAX_FORMS) forms[nforms++] = (struct form){name, shape, opcode, offset, imm, alias};
}

static void build_forms(void) {
  if (nforms > 0) return;
  for (size_t i = 0; i < LBPF_NFORMS; i++) {
    const struct lbpf_form *f = &lbpf_forms[i];
    const char *name = lbpf_form_name(f);
    enum shape shape = shape_of(f);
    uint8_t opcode = f->opcode;
    if (shape == SH_ALU || shape == SH_JCC) opcode &= (uint8_t)~LBPF_SRC_X;
    if (shape == SH_ATOMIC) {
      if (strncmp(name, "lock fetch ", 11) == 0) continue; /* "fetch" + the plain operation */
      name += 5;                                           /* after "lock " */
    }
    if (shape == SH_CALL && f->kind != LBPF_KIND_CALL) continue;
    if (shape == SH_CALL && f->value != LBPF_CALL_HELPER) continue;
    bool seen = false; /* the register twin of an immediate form */
    for (size_t k = 0; k < nforms; k++)
      seen |= forms[k].shape == shape && strcmp(forms[k].name, name) == 0;
    if (seen) continue;
    int16_t offset = f->kind == LBPF_KIND_ALU_K || f->kind == LBPF_KIND_ALU_X ? f->value : 0;
    int32_t imm = shape == SH_END || shape == SH_ATOMIC ? f->value : 0;
    add_form(name, shape, opcode, offset, imm, false);
  }
  /* aliases: the explicit 64-bit spellings, the older swapN, gotol */
  static const struct {
    const char *alias, *name;
    bool atomic;
  } aliases[] = {
      {"add64", "add", false},   {"sub64", "sub", false},     {"mul64", "mul", false},
      {"div64", "div", false},   {"sdiv64", "sdiv", false},   {"or64", "or", false},
      {"and64", "and", false},   {"lsh64", "lsh", false},     {"rsh64", "rsh", false},
      {"mod64", "mod", false},   {"smod64", "smod", false},   {"xor64", "xor", false},
      {"mov64", "mov", false},   {"arsh64", "arsh", false},   {"neg64", "neg", false},
      {"swap16", "bswap16", false}, {"swap32", "bswap32", false}, {"swap64", "bswap64", false},
      {"gotol", "ja32", false},  {"add64", "add", true},      {"or64", "or", true},
      {"and64", "and", true},    {"xor64", "xor", true},      {"xchg64", "xchg", true},
      {"cmpxchg64", "cmpxchg", true}};
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
    const struct form *f = find_form(aliases[i].name, aliases[i].atomic);
    if (f != NULL) add_form(aliases[i].alias, f->shape, f->opcode, f->offset, f->imm, true);
  }
  add_form(".raw", SH_RAW, 0, 0, 0, false);
}
#define NFORMS nforms

/* The form called name; atomic forms live in their own name space, after
   "lock". */
static const struct form *find_form(const char *name, bool atomic) {
  build_forms();
  for (size_t i = 0; i < NFORMS; i++)
    if ((forms[i].shape == SH_ATOMIC) == atomic && strcmp(forms[i].name, name) == 0)
      return &forms[i];
  return NULL;
}

/* ---- the assembler ---- */

#define MAX_LINE 1024
#define MAX_OPERANDS 4

struct fixup {
  size_t slot;   /* the instruction to patch */
  unsigned line; /* where the label was used */
  bool to_imm;   /* ja32 and call local keep the target in the immediate */
  char label[64];
};

struct label {
  char name[64];
  size_t slot;
  unsigned line;
};

struct assembler {
  uint8_t *code;
  size_t nslots, cap;
  struct fixup *fixups;
  size_t nfixups, fixcap;
  struct label *labels;
  size_t nlabels, labcap;
  bool exit_label; /* the suite's implicit label "exit": the first exit */
  size_t first_exit;
  unsigned line;
  char *err;
  size_t errlen;
};

/* A message quotes the user's text between '...'; a line may hold a
   thousand characters, so each quoted piece is shown to at most
   QUOTE_SHOWN of them, then "...": the message says what is wrong, the
   line number says where. */
#define QUOTE_SHOWN 40

static void clip_quotes(char *out, size_t outlen, const char *msg) {
  size_t o = 0, inside = 0;
  bool quoted = false;
  for (const char *p = msg; *p && o + 1 < outlen; p++) {
    if (*p == '\'') {
      quoted = !quoted;
      inside = 0;
    } else if (quoted && ++inside > QUOTE_SHOWN) {
      if (inside == QUOTE_SHOWN + 1)
        for (const char *dots = "..."; *dots && o + 1 < outlen; dots++) out[o++] = *dots;
      continue;
    }
    out[o++] = *p;
  }
  if (outlen) out[o] = '\0';
}

static int fail(struct assembler *as, const char *fmt, ...) {
  char msg[MAX_LINE + 256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int n = snprintf(as->err, as->errlen, "line %u: ", as->line);
  if (n >= 0 && (size_t)n < as->errlen) clip_quotes(as->err + n, as->errlen - (size_t)n, msg);
  return -1;
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return true;
  size_t n = *cap ? *cap : 16;
  while (n < need) {
    if (n > SIZE_MAX / 2 / elem) return false;
    n *= 2;
  }
  void *q = realloc(*p, n * elem);
  if (!q) return false;
  *p = q;
  *cap = n;
  return true;
}

static int emit(struct assembler *as, struct lbpf_insn in) {
  if (as->nslots >= LBPF_MAX_INSNS)
    return fail(as, "program longer than %d instructions", LBPF_MAX_INSNS);
  if (!grow((void **)&as->code, &as->cap, (as->nslots + 1) * 8, 1))
    return fail(as, "out of memory");
  lbpf_encode(in, as->code + as->nslots * 8);
  as->nslots++;
  return 0;
}

static void trim(char **s) {
  while (isspace((unsigned char)**s))
    (*s)++;
  char *e = *s + strlen(*s);
  while (e > *s && isspace((unsigned char)e[-1]))
    *--e = '\0';
}

static bool is_ident(const char *s) {
  if (!(isalpha((unsigned char)*s) || *s == '_' || *s == '.')) return false;
  for (; *s; s++)
    if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '.')) return false;
  return true;
}

/* A number: optional sign, then decimal digits or 0x and hex digits.  The
   magnitude must fit in 64 bits.  Returns false if s is not a number. */
static bool parse_number(const char *s, bool *neg, uint64_t *mag, bool *hex) {
  *neg = false;
  if (*s == '-' || *s == '+') *neg = *s++ == '-';
  *hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  if (*hex) s += 2;
  if (!*s) return false;
  uint64_t v = 0;
  for (; *s; s++) {
    unsigned d;
    if (*s >= '0' && *s <= '9')
      d = (unsigned)(*s - '0');
    else if (*hex && *s >= 'a' && *s <= 'f')
      d = (unsigned)(*s - 'a' + 10);
    else if (*hex && *s >= 'A' && *s <= 'F')
      d = (unsigned)(*s - 'A' + 10);
    else
      return false;
    unsigned base = *hex ? 16 : 10;
    if (v > (UINT64_MAX - d) / base) return false;
    v = v * base + d;
  }
  *mag = v;
  return true;
}

/* A 32-bit immediate: decimal in the signed range, or hexadecimal as the 32
   bits themselves (0xffffffff is -1), negated hex down to -0x80000000. */
static int parse_imm32(struct assembler *as, const char *s, int32_t *out) {
  bool neg, hex;
  uint64_t m;
  if (!parse_number(s, &neg, &m, &hex)) return fail(as, "invalid immediate '%s'", s);
  if (neg) {
    if (m > 0x80000000u) return fail(as, "immediate %s out of 32-bit range", s);
    *out = (int32_t)(uint32_t)(0u - (uint32_t)m);
  } else if (hex) {
    if (m > 0xffffffffu) return fail(as, "immediate %s out of 32-bit range", s);
    *out = (int32_t)(uint32_t)m;
  } else {
    if (m > 0x7fffffffu) return fail(as, "immediate %s out of 32-bit signed range", s);
    *out = (int32_t)m;
  }
  return 0;
}

static int parse_imm64(struct assembler *as, const char *s, uint64_t *out) {
  bool neg, hex;
  uint64_t m;
  if (!parse_number(s, &neg, &m, &hex)) return fail(as, "invalid 64-bit immediate '%s'", s);
  if (neg && m > 0x8000000000000000u) return fail(as, "immediate %s out of 64-bit range", s);
  *out = neg ? 0 - m : m;
  return 0;
}

/* A 16-bit signed offset, the sign written out ("+8", "-8") or not. */
static int parse_off16(struct assembler *as, const char *s, int16_t *out) {
  bool neg, hex;
  uint64_t m;
  if (!parse_number(s, &neg, &m, &hex)) return fail(as, "invalid offset '%s'", s);
  if ((!neg && m > 32767) || (neg && m > 32768))
    return fail(as, "offset %s out of 16-bit range (-32768..32767)", s);
  *out = (int16_t)(neg ? -(int32_t)m : (int32_t)m);
  return 0;
}

static int parse_reg(struct assembler *as, const char *s, uint8_t *out) {
  const char *p = s;
  if (*p == '%') p++;
  if (*p != 'r') return fail(as, "expected a register %%r0..%%r10, got '%s'", s);
  p++;
  if (!isdigit((unsigned char)*p) || (p[0] == '0' && p[1]))
    return fail(as, "invalid register '%s'", s);
  unsigned n = 0;
  for (; *p; p++) {
    if (!isdigit((unsigned char)*p) || n > 100) return fail(as, "invalid register '%s'", s);
    n = n * 10 + (unsigned)(*p - '0');
  }
  if (n > 10) return fail(as, "invalid register '%s' (registers are %%r0..%%r10)", s);
  *out = (uint8_t)n;
  return 0;
}

static bool is_reg(const char *s) {
  return s[0] == '%' || (s[0] == 'r' && isdigit((unsigned char)s[1]));
}

/* [%rN], [%rN+off], [%rN-off] */
static int parse_mem(struct assembler *as, char *s, uint8_t *reg, int16_t *off) {
  size_t n = strlen(s);
  if (n < 2 || s[0] != '[' || s[n - 1] != ']')
    return fail(as, "expected a memory operand [%%rN+offset], got '%s'", s);
  s[n - 1] = '\0';
  char *body = s + 1;
  char *sign = strpbrk(body, "+-");
  *off = 0;
  if (sign) {
    char num[64];
    snprintf(num, sizeof num, "%s", sign);
    *sign = '\0';
    char *p = num;
    /* allow spaces around the sign: "[%r1 + 8]" */
    char *q = p + 1;
    while (isspace((unsigned char)*q))
      q++;
    memmove(p + 1, q, strlen(q) + 1);
    trim(&p);
    if (parse_off16(as, p, off)) return -1;
  }
  trim(&body);
  return parse_reg(as, body, reg);
}

static int add_fixup(struct assembler *as, const char *label, bool to_imm) {
  if (!is_ident(label)) return fail(as, "invalid jump target '%s' (a label or +N/-N)", label);
  if (strlen(label) >= sizeof as->fixups[0].label)
    return fail(as, "label '%.20s...' too long", label);
  if (!grow((void **)&as->fixups, &as->fixcap, as->nfixups + 1, sizeof *as->fixups))
    return fail(as, "out of memory");
  struct fixup *f = &as->fixups[as->nfixups++];
  f->slot = as->nslots;
  f->line = as->line;
  f->to_imm = to_imm;
  snprintf(f->label, sizeof f->label, "%s", label);
  return 0;
}

/* A jump target: +N/-N or a label, resolved at the end. */
static int parse_target(struct assembler *as, const char *s, struct lbpf_insn *in, bool to_imm) {
  if (s[0] == '+' || s[0] == '-') {
    if (to_imm) return parse_imm32(as, s, &in->imm);
    return parse_off16(as, s, &in->offset);
  }
  return add_fixup(as, s, to_imm);
}

static int want_operands(struct assembler *as, const char *name, int n, int want,
                         const char *shape) {
  if (n != want)
    return fail(as, "'%s' takes %d operand%s (%s), got %d", name, want, want == 1 ? "" : "s", shape,
                n);
  return 0;
}

/* Split the operands at commas outside brackets; returns their number or -1. */
static int split_operands(struct assembler *as, char *s, char **ops) {
  int n = 0;
  trim(&s);
  if (!*s) return 0;
  for (;;) {
    char *start = s;
    int depth = 0;
    while (*s && !(*s == ',' && depth == 0)) {
      if (*s == '[') depth++;
      if (*s == ']') depth--;
      s++;
    }
    bool more = *s == ',';
    *s = '\0';
    trim(&start);
    if (!*start) return fail(as, "empty operand");
    if (n == MAX_OPERANDS) return fail(as, "too many operands");
    ops[n++] = start;
    if (!more) break;
    s++;
  }
  return n;
}

/* The second operand of arithmetic and jumps: a register (the X form) or an
   immediate (the K form). */
static int parse_source(struct assembler *as, char *op, struct lbpf_insn *in) {
  if (!is_reg(op)) return parse_imm32(as, op, &in->imm);
  in->opcode |= LBPF_SRC_X;
  return parse_reg(as, op, &in->src);
}

static int assemble_insn(struct assembler *as, const struct form *f, char **ops, int n,
                         bool fetch) {
  struct lbpf_insn in = {f->opcode, 0, 0, f->offset, f->imm};
  switch (f->shape) {
  case SH_ALU:
    if (want_operands(as, f->name, n, 2, "dst, src or imm")) return -1;
    if (parse_reg(as, ops[0], &in.dst) || parse_source(as, ops[1], &in)) return -1;
    return emit(as, in);
  case SH_ALUREG:
    if (want_operands(as, f->name, n, 2, "dst, src")) return -1;
    if (parse_reg(as, ops[0], &in.dst) || parse_reg(as, ops[1], &in.src)) return -1;
    return emit(as, in);
  case SH_NEG:
  case SH_END:
    if (want_operands(as, f->name, n, 1, "dst")) return -1;
    if (parse_reg(as, ops[0], &in.dst)) return -1;
    return emit(as, in);
  case SH_LDX:
    if (want_operands(as, f->name, n, 2, "dst, [src+offset]")) return -1;
    if (parse_reg(as, ops[0], &in.dst) || parse_mem(as, ops[1], &in.src, &in.offset)) return -1;
    return emit(as, in);
  case SH_ST:
    if (want_operands(as, f->name, n, 2, "[dst+offset], imm")) return -1;
    if (parse_mem(as, ops[0], &in.dst, &in.offset) || parse_imm32(as, ops[1], &in.imm)) return -1;
    return emit(as, in);
  case SH_STX:
  case SH_ATOMIC:
    if (want_operands(as, f->name, n, 2, "[dst+offset], src")) return -1;
    if (parse_mem(as, ops[0], &in.dst, &in.offset) || parse_reg(as, ops[1], &in.src)) return -1;
    if (fetch) in.imm |= LBPF_ATOMIC_FETCH;
    return emit(as, in);
  case SH_LDDW: {
    uint64_t v;
    if (want_operands(as, f->name, n, 2, "dst, imm64")) return -1;
    if (parse_reg(as, ops[0], &in.dst) || parse_imm64(as, ops[1], &v)) return -1;
    in.imm = (int32_t)(uint32_t)v;
    struct lbpf_insn hi = {0, 0, 0, 0, (int32_t)(uint32_t)(v >> 32)};
    if (emit(as, in)) return -1;
    return emit(as, hi);
  }
  case SH_JA:
    if (want_operands(as, f->name, n, 1, "target")) return -1;
    if (parse_target(as, ops[0], &in, false)) return -1;
    return emit(as, in);
  case SH_JA32:
    if (want_operands(as, f->name, n, 1, "target")) return -1;
    if (parse_target(as, ops[0], &in, true)) return -1;
    return emit(as, in);
  case SH_JCC:
    if (want_operands(as, f->name, n, 3, "dst, src or imm, target")) return -1;
    if (parse_reg(as, ops[0], &in.dst) || parse_source(as, ops[1], &in)) return -1;
    if (parse_target(as, ops[2], &in, false)) return -1;
    return emit(as, in);
  case SH_CALL:
    /* "call local f", "call helper 5", "call 5", "call %r2" (callx) */
    if (n == 1 && (strncmp(ops[0], "local", 5) == 0 || strncmp(ops[0], "helper", 6) == 0) &&
        isspace((unsigned char)ops[0][strncmp(ops[0], "local", 5) == 0 ? 5 : 6])) {
      bool local = strncmp(ops[0], "local", 5) == 0;
      char *arg = ops[0] + (local ? 5 : 6);
      trim(&arg);
      if (local) {
        in.src = LBPF_CALL_LOCAL;
        if (parse_target(as, arg, &in, true)) return -1;
      } else if (parse_imm32(as, arg, &in.imm))
        return -1;
      return emit(as, in);
    }
    if (want_operands(as, f->name, n, 1, "helper id, local target or register")) return -1;
    if (is_reg(ops[0])) {
      in.opcode |= LBPF_SRC_X;
      if (parse_reg(as, ops[0], &in.dst)) return -1;
    } else if (parse_imm32(as, ops[0], &in.imm))
      return -1;
    return emit(as, in);
  case SH_EXIT:
    if (want_operands(as, f->name, n, 0, "none")) return -1;
    if (!as->exit_label) {
      as->exit_label = true;
      as->first_exit = as->nslots;
    }
    return emit(as, in);
  case SH_RAW: {
    uint64_t w;
    uint8_t b[8];
    if (want_operands(as, f->name, n, 1, "a 64-bit instruction word")) return -1;
    if (parse_imm64(as, ops[0], &w)) return -1;
    for (int i = 0; i < 8; i++)
      b[i] = (uint8_t)(w >> (8 * i));
    return emit(as, lbpf_decode(b));
  }
  }
  return fail(as, "internal error: unknown form");
}

static int assemble_line(struct assembler *as, char *s) {
  char *hash = strchr(s, '#');
  if (hash) *hash = '\0';
  trim(&s);
  /* labels: "name:", possibly followed by an instruction */
  size_t word = strcspn(s, " \t");
  char *colon = word > 0 && s[word - 1] == ':' ? s + word - 1 : NULL;
  if (colon) {
    *colon = '\0';
    char *name = s;
    trim(&name);
    if (!is_ident(name)) return fail(as, "invalid label '%s'", name);
    if (strlen(name) >= sizeof as->labels[0].name)
      return fail(as, "label '%.20s...' too long", name);
    if (!grow((void **)&as->labels, &as->labcap, as->nlabels + 1, sizeof *as->labels))
      return fail(as, "out of memory");
    struct label *l = &as->labels[as->nlabels++];
    snprintf(l->name, sizeof l->name, "%s", name);
    l->slot = as->nslots;
    l->line = as->line;
    s = colon + 1;
    trim(&s);
  }
  if (!*s) return 0;

  char *rest = s;
  while (*rest && !isspace((unsigned char)*rest))
    rest++;
  if (*rest) *rest++ = '\0';
  const char *mnemonic = s;
  bool fetch = false, atomic = false;
  if (strcmp(mnemonic, "lock") == 0) {
    /* lock [fetch] op [dst+off], src */
    atomic = true;
    trim(&rest);
    char *op = rest;
    while (*rest && !isspace((unsigned char)*rest))
      rest++;
    if (*rest) *rest++ = '\0';
    if (strcmp(op, "fetch") == 0) {
      fetch = true;
      trim(&rest);
      op = rest;
      while (*rest && !isspace((unsigned char)*rest))
        rest++;
      if (*rest) *rest++ = '\0';
    }
    if (!*op)
      return fail(
          as, "invalid number of operands for lock: expected 'lock [fetch] op [dst+offset], src'");
    mnemonic = op;
  }
  const struct form *f = find_form(mnemonic, atomic);
  if (!f) {
    if (atomic)
      return fail(as, "invalid atomic operation 'lock %s%s'", fetch ? "fetch " : "", mnemonic);
    return fail(as, "invalid mnemonic '%s'", mnemonic);
  }
  if (atomic && (f->imm & LBPF_ATOMIC_FETCH) && fetch)
    return fail(as, "'lock %s' always fetches; write it without 'fetch'", mnemonic);
  char *ops[MAX_OPERANDS];
  int n = split_operands(as, rest, ops);
  if (n < 0) return -1;
  if (atomic && n != 2)
    return fail(as,
                "invalid number of operands for lock %s: expected 2 ([dst+offset], src), got %d",
                mnemonic, n);
  return assemble_insn(as, f, ops, n, fetch);
}

static int cmp_label(const void *a, const void *b) {
  return strcmp(((const struct label *)a)->name, ((const struct label *)b)->name);
}

static int resolve(struct assembler *as) {
  if (as->nlabels) qsort(as->labels, as->nlabels, sizeof *as->labels, cmp_label);
  for (size_t i = 1; i < as->nlabels; i++)
    if (strcmp(as->labels[i].name, as->labels[i - 1].name) == 0) {
      as->line =
          as->labels[i].line > as->labels[i - 1].line ? as->labels[i].line : as->labels[i - 1].line;
      return fail(as, "duplicate label '%s'", as->labels[i].name);
    }
  for (size_t i = 0; i < as->nfixups; i++) {
    struct fixup *f = &as->fixups[i];
    struct label key;
    snprintf(key.name, sizeof key.name, "%s", f->label);
    struct label *l = as->nlabels == 0
                          ? NULL
                          : bsearch(&key, as->labels, as->nlabels, sizeof *as->labels, cmp_label);
    size_t target;
    as->line = f->line;
    if (l)
      target = l->slot;
    else if (strcmp(f->label, "exit") == 0 && as->exit_label)
      target = as->first_exit;
    else
      return fail(as, "undefined label '%s'", f->label);
    int64_t rel = (int64_t)target - (int64_t)f->slot - 1;
    struct lbpf_insn in = lbpf_decode(as->code + f->slot * 8);
    if (f->to_imm)
      in.imm = (int32_t)rel;
    else if (rel < INT16_MIN || rel > INT16_MAX)
      return fail(as, "label '%s' is too far for a 16-bit jump offset (%" PRId64 ")", f->label,
                  rel);
    else
      in.offset = (int16_t)rel;
    lbpf_encode(in, as->code + f->slot * 8);
  }
  return 0;
}

int lbpf_assemble(const char *text, size_t len, unsigned first_line, uint8_t **code, size_t *size,
                  char *err, size_t errlen) {
  struct assembler as;
  memset(&as, 0, sizeof as);
  as.err = err;
  as.errlen = errlen;
  as.line = first_line;
  int rc = 0;
  size_t i = 0;
  while (i < len && rc == 0) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    char buf[MAX_LINE];
    if (j - i >= sizeof buf) {
      rc = fail(&as, "line longer than %d characters", MAX_LINE - 1);
      break;
    }
    memcpy(buf, text + i, j - i);
    buf[j - i] = '\0';
    if (memchr(buf, '\0', j - i)) {
      rc = fail(&as, "NUL byte in assembly text");
      break;
    }
    rc = assemble_line(&as, buf);
    i = j + 1;
    if (rc == 0) as.line++;
  }
  if (rc == 0) rc = resolve(&as);
  if (rc == 0 && as.nslots == 0) {
    snprintf(err, errlen, "no instructions");
    rc = -1;
  }
  free(as.fixups);
  free(as.labels);
  if (rc) {
    free(as.code);
    return -1;
  }
  *code = as.code;
  *size = as.nslots * 8;
  return 0;
}

/* ---- the disassembler ---- */

static const struct form *find_printable(enum shape shape, uint8_t opcode, int16_t offset,
                                         int32_t imm) {
  build_forms();
  for (size_t i = 0; i < NFORMS; i++) {
    const struct form *f = &forms[i];
    if (f->alias || f->shape != shape) continue;
    uint8_t op = opcode;
    if (shape == SH_ALU || shape == SH_JCC) op &= (uint8_t)~LBPF_SRC_X;
    if (f->opcode != op) continue;
    if ((shape == SH_ALU || shape == SH_ALUREG) && f->offset != offset) continue;
    if ((shape == SH_END || shape == SH_ATOMIC) && f->imm != imm) continue;
    return f;
  }
  return NULL;
}

static void imm_text(char *buf, size_t n, int32_t imm) {
  if (imm > -4096 && imm < 4096)
    snprintf(buf, n, "%" PRId32, imm);
  else
    snprintf(buf, n, "0x%" PRIx32, (uint32_t)imm);
}

static void mem_text(char *buf, size_t n, unsigned reg, int16_t off) {
  if (off == 0)
    snprintf(buf, n, "[%%r%u]", reg);
  else
    snprintf(buf, n, "[%%r%u%+d]", reg, off);
}

/* The text of the instruction, or "" if no form prints it. */
static unsigned text_of(const uint8_t *code, size_t ninsns, size_t pc, char *buf, size_t n) {
  struct lbpf_insn in = lbpf_decode(code + pc * 8);
  const struct form *f;
  char a[48], b[48];
  uint8_t cls = LBPF_CLASS(in.opcode);
  buf[0] = '\0';
  unsigned src = in.src, dst = in.dst;
  if (cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_ALU64) {
    uint8_t op = LBPF_OP(in.opcode);
    if (op == LBPF_ALU_NEG && (f = find_printable(SH_NEG, in.opcode, 0, 0)))
      snprintf(buf, n, "%s %%r%u", f->name, dst);
    else if (op == LBPF_ALU_END && (f = find_printable(SH_END, in.opcode, 0, in.imm)))
      snprintf(buf, n, "%s %%r%u", f->name, dst);
    else if (op == LBPF_ALU_MOV && in.offset != 0 &&
             (f = find_printable(SH_ALUREG, in.opcode, in.offset, 0)))
      snprintf(buf, n, "%s %%r%u, %%r%u", f->name, dst, src);
    else if ((f = find_printable(SH_ALU, in.opcode, in.offset, 0))) {
      if (in.opcode & LBPF_SRC_X)
        snprintf(buf, n, "%s %%r%u, %%r%u", f->name, dst, src);
      else {
        imm_text(a, sizeof a, in.imm);
        snprintf(buf, n, "%s %%r%u, %s", f->name, dst, a);
      }
    }
  } else if (cls == LBPF_CLASS_JMP || cls == LBPF_CLASS_JMP32) {
    uint8_t op = LBPF_OP(in.opcode);
    if (in.opcode == (LBPF_CLASS_JMP | LBPF_JMP_JA))
      snprintf(buf, n, "ja %+d", in.offset);
    else if (in.opcode == (LBPF_CLASS_JMP32 | LBPF_JMP_JA))
      snprintf(buf, n, "ja32 %+" PRId32, in.imm);
    else if (in.opcode == (LBPF_CLASS_JMP | LBPF_JMP_EXIT))
      snprintf(buf, n, "exit");
    else if (in.opcode == (LBPF_CLASS_JMP | LBPF_JMP_CALL)) {
      if (src == LBPF_CALL_LOCAL)
        snprintf(buf, n, "call local %+" PRId32, in.imm);
      else
        snprintf(buf, n, "call %" PRId32, in.imm);
    } else if (in.opcode == (LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X))
      snprintf(buf, n, "call %%r%u", dst);
    else if (op != LBPF_JMP_CALL && op != LBPF_JMP_EXIT &&
             (f = find_printable(SH_JCC, in.opcode, 0, 0))) {
      if (in.opcode & LBPF_SRC_X)
        snprintf(a, sizeof a, "%%r%u", src);
      else
        imm_text(a, sizeof a, in.imm);
      snprintf(buf, n, "%s %%r%u, %s, %+d", f->name, dst, a, in.offset);
    }
  } else if ((f = find_printable(SH_LDX, in.opcode, 0, 0))) {
    mem_text(a, sizeof a, src, in.offset);
    snprintf(buf, n, "%s %%r%u, %s", f->name, dst, a);
  } else if ((f = find_printable(SH_ST, in.opcode, 0, 0))) {
    mem_text(a, sizeof a, dst, in.offset);
    imm_text(b, sizeof b, in.imm);
    snprintf(buf, n, "%s %s, %s", f->name, a, b);
  } else if ((f = find_printable(SH_STX, in.opcode, 0, 0))) {
    mem_text(a, sizeof a, dst, in.offset);
    snprintf(buf, n, "%s %s, %%r%u", f->name, a, src);
  } else if ((f = find_printable(SH_ATOMIC, in.opcode, 0, in.imm & ~LBPF_ATOMIC_FETCH)) ||
             (f = find_printable(SH_ATOMIC, in.opcode, 0, in.imm))) {
    bool fetch = (in.imm & LBPF_ATOMIC_FETCH) && !(f->imm & LBPF_ATOMIC_FETCH);
    mem_text(a, sizeof a, dst, in.offset);
    snprintf(buf, n, "lock %s%s %s, %%r%u", fetch ? "fetch " : "", f->name, a, src);
  } else if (in.opcode == (LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW) && pc + 1 < ninsns) {
    struct lbpf_insn hi = lbpf_decode(code + (pc + 1) * 8);
    uint64_t v = (uint64_t)(uint32_t)in.imm | (uint64_t)(uint32_t)hi.imm << 32;
    snprintf(buf, n, "lddw %%r%u, 0x%" PRIx64, dst, v);
    return 2;
  }
  return 1;
}

static void raw_text(const uint8_t *b, char *buf, size_t n) {
  uint64_t w = 0;
  for (int i = 7; i >= 0; i--)
    w = w << 8 | b[i];
  snprintf(buf, n, ".raw 0x%016" PRIx64, w);
}

unsigned lbpf_disasm_insn(const uint8_t *code, size_t ninsns, size_t pc, char *buf, size_t buflen) {
  char text[128];
  unsigned slots = text_of(code, ninsns, pc, text, sizeof text);
  /* Keep the text only if it assembles back to the same bytes. */
  uint8_t *again = NULL;
  size_t size = 0;
  char err[128];
  bool same = text[0] &&
              lbpf_assemble(text, strlen(text), 1, &again, &size, err, sizeof err) == 0 &&
              size == slots * 8u && memcmp(again, code + pc * 8, size) == 0;
  free(again);
  if (same) {
    snprintf(buf, buflen, "%s", text);
    return slots;
  }
  raw_text(code + pc * 8, buf, buflen);
  return 1;
}

/* The target slot of a jump or local call at pc, or -1 if it has none. */
static int64_t target_of(const uint8_t *code, size_t pc) {
  struct lbpf_insn in = lbpf_decode(code + pc * 8);
  uint8_t cls = LBPF_CLASS(in.opcode), op = LBPF_OP(in.opcode);
  if (in.opcode == (LBPF_CLASS_JMP | LBPF_JMP_CALL))
    return in.src == LBPF_CALL_LOCAL ? (int64_t)pc + 1 + in.imm : -1;
  if (in.opcode == (LBPF_CLASS_JMP32 | LBPF_JMP_JA)) return (int64_t)pc + 1 + in.imm;
  if ((cls == LBPF_CLASS_JMP || cls == LBPF_CLASS_JMP32) && op != LBPF_JMP_CALL &&
      op != LBPF_JMP_EXIT)
    return (int64_t)pc + 1 + in.offset;
  return -1;
}

int lbpf_disassemble(FILE *out, const uint8_t *code, size_t size) {
  return lbpf_disassemble_noted(out, code, size, NULL);
}

int lbpf_disassemble_noted(FILE *out, const uint8_t *code, size_t size, const char *const *notes) {
  size_t n = size / 8;
  /* which slots start an instruction, and which are targets */
  uint8_t *mark = calloc(n + 1, 1);
  if (!mark && n) return -1;
  enum { START = 1, TARGET = 2 };
  char line[160];
  for (size_t pc = 0; pc < n;) {
    mark[pc] |= START;
    pc += lbpf_disasm_insn(code, n, pc, line, sizeof line);
  }
  for (size_t pc = 0; pc < n;) {
    unsigned slots = lbpf_disasm_insn(code, n, pc, line, sizeof line);
    int64_t t = strncmp(line, ".raw", 4) ? target_of(code, pc) : -1;
    if (t >= 0 && (uint64_t)t < n && (mark[t] & START)) mark[t] |= TARGET;
    pc += slots;
  }
  for (size_t pc = 0; pc < n;) {
    unsigned slots = lbpf_disasm_insn(code, n, pc, line, sizeof line);
    if (mark[pc] & TARGET) fprintf(out, "L%zu:\n", pc);
    int64_t t = strncmp(line, ".raw", 4) ? target_of(code, pc) : -1;
    if (t >= 0 && (uint64_t)t < n && (mark[t] & TARGET)) {
      /* replace the numeric target, the last word of the line, by the label */
      char *last = strrchr(line, ' ');
      if (last) snprintf(last + 1, sizeof line - (size_t)(last + 1 - line), "L%" PRId64, t);
    }
    if (notes && notes[pc])
      fprintf(out, "    %-32s # %s\n", line, notes[pc]);
    else
      fprintf(out, "    %s\n", line);
    pc += slots;
  }
  free(mark);
  if (size % 8) {
    fprintf(out, "# %zu trailing byte%s, not a whole instruction\n", size % 8,
            size % 8 == 1 ? "" : "s");
    return -1;
  }
  return 0;
}

/* ---- ISA versions ---- */

unsigned lbpf_cpu_version(const uint8_t *code, size_t size) {
  /* the instruction table says which version introduced each form */
  unsigned v = 1;
  for (size_t pc = 0; pc + 8 <= size; pc += 8) {
    struct lbpf_insn in = lbpf_decode(code + pc);
    const struct lbpf_form *f = lbpf_form_of(in);
    if (f != NULL && f->cpu > v) v = f->cpu;
    if (f != NULL && lbpf_form_is_lddw(f)) pc += 8; /* its second slot is an immediate */
  }
  return v;
}
