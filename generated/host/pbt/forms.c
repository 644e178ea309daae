#line 307 "lit/pbt.nw"
#include <stdio.h>
#include <string.h>

#include "lbpf_pbt.h"

enum field { BY_OPCODE, BY_OFFSET, BY_IMM, BY_SRC };

struct form {
  uint8_t opcode;
  uint8_t field;
  int32_t value;
  char name[24];
};

static struct form forms[LBPF_PBT_NFORMS];
static int nforms;
/* The forms of each opcode (at most ten: the atomics), so that classifying an
   instruction does not scan the whole table. */
static int16_t by_opcode[256][10];
static uint8_t nby_opcode[256];

static void add(uint8_t opcode, enum field field, int32_t value, const char *name) {
  if (nforms >= LBPF_PBT_NFORMS) return; /* caught by the unit test on the count */
  if (nby_opcode[opcode] < 10) by_opcode[opcode][nby_opcode[opcode]++] = (int16_t)nforms;
  struct form *f = &forms[nforms++];
  f->opcode = opcode;
  f->field = (uint8_t)field;
  f->value = value;
  snprintf(f->name, sizeof f->name, "%s", name);
}

#line 383 "lit/pbt.nw"
static void build(void) {
  if (nforms > 0) return;
  static const struct {
    uint8_t op;
    const char *name;
  } binops[] = {{LBPF_ALU_ADD, "add"}, {LBPF_ALU_SUB, "sub"}, {LBPF_ALU_MUL, "mul"},
                {LBPF_ALU_DIV, "div"}, {LBPF_ALU_OR, "or"},   {LBPF_ALU_AND, "and"},
                {LBPF_ALU_LSH, "lsh"}, {LBPF_ALU_RSH, "rsh"}, {LBPF_ALU_MOD, "mod"},
                {LBPF_ALU_XOR, "xor"}, {LBPF_ALU_MOV, "mov"}, {LBPF_ALU_ARSH, "arsh"}};
  static const struct {
    uint8_t op;
    const char *name;
  } conds[] = {{LBPF_JMP_JEQ, "jeq"},   {LBPF_JMP_JGT, "jgt"},  {LBPF_JMP_JGE, "jge"},
               {LBPF_JMP_JSET, "jset"}, {LBPF_JMP_JNE, "jne"},  {LBPF_JMP_JSGT, "jsgt"},
               {LBPF_JMP_JSGE, "jsge"}, {LBPF_JMP_JLT, "jlt"},  {LBPF_JMP_JLE, "jle"},
               {LBPF_JMP_JSLT, "jslt"}, {LBPF_JMP_JSLE, "jsle"}};
  static const char *const sizes[4] = {"w", "h", "b", "dw"}; /* by LBPF_SIZE >> 3 */
  char name[24];
  for (int w = 0; w < 2; w++) {
    uint8_t cls = w ? LBPF_CLASS_ALU64 : LBPF_CLASS_ALU;
    const char *bits = w ? "64" : "32";
    for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++)
      for (int x = 0; x < 2; x++) {
        uint8_t opc = (uint8_t)(cls | binops[i].op | (x ? LBPF_SRC_X : LBPF_SRC_K));
        int has_signed = binops[i].op == LBPF_ALU_DIV || binops[i].op == LBPF_ALU_MOD;
        snprintf(name, sizeof name, "%s%s %s", binops[i].name, bits, x ? "reg" : "imm");
        add(opc, has_signed || (x && binops[i].op == LBPF_ALU_MOV) ? BY_OFFSET : BY_OPCODE, 0,
            name);
        if (has_signed) {
          snprintf(name, sizeof name, "s%s%s %s", binops[i].name, bits, x ? "reg" : "imm");
          add(opc, BY_OFFSET, 1, name);
        }
      }
    snprintf(name, sizeof name, "neg%s", bits);
    add((uint8_t)(cls | LBPF_ALU_NEG), BY_OPCODE, 0, name);
    for (int from = 8; from <= (w ? 32 : 16); from *= 2) {
      snprintf(name, sizeof name, "movsx%s from %d", bits, from);
      add((uint8_t)(cls | LBPF_ALU_MOV | LBPF_SRC_X), BY_OFFSET, from, name);
    }
    for (int width = 16; width <= 64; width *= 2) {
      if (w) {
        snprintf(name, sizeof name, "bswap%d", width);
        add((uint8_t)(cls | LBPF_ALU_END), BY_IMM, width, name);
      } else {
        snprintf(name, sizeof name, "le%d", width);
        add((uint8_t)(cls | LBPF_ALU_END), BY_IMM, width, name);
        snprintf(name, sizeof name, "be%d", width);
        add((uint8_t)(cls | LBPF_ALU_END | LBPF_SRC_X), BY_IMM, width, name);
      }
    }
  }
  for (int w = 0; w < 2; w++) {
    uint8_t cls = w ? LBPF_CLASS_JMP32 : LBPF_CLASS_JMP;
    for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++)
      for (int x = 0; x < 2; x++) {
        snprintf(name, sizeof name, "%s%s %s", conds[i].name, w ? "32" : "", x ? "reg" : "imm");
        add((uint8_t)(cls | conds[i].op | (x ? LBPF_SRC_X : LBPF_SRC_K)), BY_OPCODE, 0, name);
      }
  }
  add(LBPF_CLASS_JMP | LBPF_JMP_JA, BY_OPCODE, 0, "ja");
  add(LBPF_CLASS_JMP32 | LBPF_JMP_JA, BY_OPCODE, 0, "ja32");
  add(LBPF_CLASS_JMP | LBPF_JMP_CALL, BY_SRC, LBPF_CALL_HELPER, "call helper");
  add(LBPF_CLASS_JMP | LBPF_JMP_CALL, BY_SRC, LBPF_CALL_LOCAL, "call local");
  add(LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, BY_OPCODE, 0, "callx");
  add(LBPF_CLASS_JMP | LBPF_JMP_EXIT, BY_OPCODE, 0, "exit");
  add(LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, BY_OPCODE, 0, "lddw");
  for (int s = 0; s < 4; s++) {
    uint8_t size = (uint8_t)(s << 3);
    snprintf(name, sizeof name, "ldx%s", sizes[s]);
    add((uint8_t)(LBPF_CLASS_LDX | LBPF_MODE_MEM | size), BY_OPCODE, 0, name);
    if (size != LBPF_SIZE_DW) {
      snprintf(name, sizeof name, "ldxs%s", sizes[s]);
      add((uint8_t)(LBPF_CLASS_LDX | LBPF_MODE_MEMSX | size), BY_OPCODE, 0, name);
    }
    snprintf(name, sizeof name, "st%s", sizes[s]);
    add((uint8_t)(LBPF_CLASS_ST | LBPF_MODE_MEM | size), BY_OPCODE, 0, name);
    snprintf(name, sizeof name, "stx%s", sizes[s]);
    add((uint8_t)(LBPF_CLASS_STX | LBPF_MODE_MEM | size), BY_OPCODE, 0, name);
  }
  static const struct {
    int32_t imm;
    const char *name;
  } atomics[] = {{LBPF_ATOMIC_ADD, "add"},   {LBPF_ATOMIC_ADD | LBPF_ATOMIC_FETCH, "fetch_add"},
                 {LBPF_ATOMIC_OR, "or"},     {LBPF_ATOMIC_OR | LBPF_ATOMIC_FETCH, "fetch_or"},
                 {LBPF_ATOMIC_AND, "and"},   {LBPF_ATOMIC_AND | LBPF_ATOMIC_FETCH, "fetch_and"},
                 {LBPF_ATOMIC_XOR, "xor"},   {LBPF_ATOMIC_XOR | LBPF_ATOMIC_FETCH, "fetch_xor"},
                 {LBPF_ATOMIC_XCHG, "xchg"}, {LBPF_ATOMIC_CMPXCHG, "cmpxchg"}};
  for (int w = 0; w < 2; w++)
    for (size_t i = 0; i < sizeof atomics / sizeof atomics[0]; i++) {
      snprintf(name, sizeof name, "atomic%s %s", w ? "64" : "32", atomics[i].name);
      add((uint8_t)(LBPF_CLASS_STX | LBPF_MODE_ATOMIC | (w ? LBPF_SIZE_DW : LBPF_SIZE_W)), BY_IMM,
          atomics[i].imm, name);
    }
}

#line 340 "lit/pbt.nw"
int lbpf_pbt_form(struct lbpf_insn insn) {
  build();
  for (int k = 0; k < nby_opcode[insn.opcode]; k++) {
    int i = by_opcode[insn.opcode][k];
    const struct form *f = &forms[i];
    switch (f->field) {
    case BY_OPCODE: return i;
    case BY_OFFSET:
      if (insn.offset == f->value) return i;
      break;
    case BY_IMM:
      if (insn.imm == f->value) return i;
      break;
    case BY_SRC:
      if (insn.src == f->value) return i;
      break;
    }
  }
  return -1;
}

const char *lbpf_pbt_form_name(int form) {
  build();
  return form >= 0 && form < nforms ? forms[form].name : "?";
}
