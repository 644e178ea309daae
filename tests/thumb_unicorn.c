/* The execution oracle of the Thumb-2 model: random programs run on the
   concrete model and on unicorn's Cortex-M4 must agree on registers, flags,
   memory and faults.

     thumb-unicorn SEED COUNT [VERBOSE]

   A program is a list of groups, each one of:
     - one random instruction of a data-processing, multiply, divide or
       bit-manipulation form;
     - a memory access, preceded by MOVW/MOVT that point its base (and index)
       register at a chosen address: mostly inside the read-write data area,
       sometimes in a read-only area or in unmapped memory, or straddling the
       end of an area (to compare faults); single transfers may be unaligned,
       doubleword and multiple ones are aligned;
     - a forward branch (B, B<c>, CBZ/CBNZ, BL, 16- and 32-bit) to the start
       of a later group, or a branch through a register (BX, BLX, or PUSH
       and POP {pc}) to one;
     - a small counted loop (MOVS, a body, SUBS, BNE backwards);
     - an IT block of data-processing instructions, sometimes holding a
       memory access (set up before the block) or ending with a forward
       branch;
   and the program ends with MOVW/MOVT LR = sentinel | 1 and either BX LR or
   a PUSH {rX, lr} / POP {rY, pc} pair (16- or 32-bit), the JIT's epilogue.

   What is not generated, because unicorn (QEMU) does not model it as a
   Cortex-M4 does or because the model refuses it by design: UNPREDICTABLE
   encodings and placements, branches to addresses with bit 0 clear or
   outside the code, unaligned LDRD/STRD/LDM/STM (they
   fault on both but unicorn reports the UsageFault through its exception
   machinery, not as an error), and writes to SP other than by PUSH/POP,
   ADD/SUB SP, #imm and LDM/STM write-back.  On a fault only the kind and the
   pc are compared: unicorn does not promise a precise state after an
   aborted instruction. */
#include "lbpf_thumb.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#define CODE_BASE 0x00010000u
#define CODE_SIZE 0x1000u
#define DATA_BASE 0x20000000u
#define DATA_SIZE 0x2000u
#define RO_BASE 0x30000000u
#define RO_SIZE 0x1000u
#define UNMAPPED 0x40000000u
#define SENTINEL 0x00080000u
#define MAX_INSNS 400

static uint64_t rng;
static unsigned pick(unsigned n) { return (unsigned)(lbpf_thumb_rand(&rng) % n); }

/* ---- building programs ---- */

struct slot {
  struct lbpf_thumb_insn insn;
  int target; /* for a branch: the slot it goes to, else -1 */
};
static struct slot prog[MAX_INSNS];
static int nslots;
static int group_start[MAX_INSNS], ngroups;

static void emit(const struct lbpf_thumb_insn *i, int target) {
  prog[nslots].insn = *i;
  prog[nslots].target = target;
  nslots++;
}
static void emit_movwt(unsigned rd, uint32_t value) {
  struct lbpf_thumb_insn w = {.form = LBPF_THUMB_F_MOVWT, .op = LBPF_THUMB_MOVW, .rd = (uint8_t)rd,
                              .imm = (int32_t)(value & 0xffff)};
  emit(&w, -1);
  w.op = LBPF_THUMB_MOVT, w.imm = (int32_t)(value >> 16);
  emit(&w, -1);
}

static const unsigned dp_forms[] = {
    LBPF_THUMB_F_SHIFT_IMM16, LBPF_THUMB_F_ADDSUB_REG16, LBPF_THUMB_F_ADDSUB_IMM3,
    LBPF_THUMB_F_MOV_IMM8,    LBPF_THUMB_F_CMP_IMM8,     LBPF_THUMB_F_ADDSUB_IMM8,
    LBPF_THUMB_F_DP_REG16,    LBPF_THUMB_F_ADD_HI,       LBPF_THUMB_F_CMP_HI,
    LBPF_THUMB_F_MOV_HI,      LBPF_THUMB_F_DP_IMM,       LBPF_THUMB_F_ADDSUBW,
    LBPF_THUMB_F_MOVWT,       LBPF_THUMB_F_BITFIELD,     LBPF_THUMB_F_DP_REG,
    LBPF_THUMB_F_SHIFT_REG,   LBPF_THUMB_F_EXTEND16,     LBPF_THUMB_F_EXTEND,
    LBPF_THUMB_F_REV16,       LBPF_THUMB_F_MISC,         LBPF_THUMB_F_MUL,
    LBPF_THUMB_F_MULL,        LBPF_THUMB_F_DIV,          LBPF_THUMB_F_NOP16,
    LBPF_THUMB_F_NOP};
#define NDP (sizeof dp_forms / sizeof *dp_forms)

static bool uses_sp_or_pc(const struct lbpf_thumb_insn *i) {
  return i->rd >= 13 && i->rd != 14 ? true
         : i->rn >= 13 && i->rn != 14 ? true
         : i->rm >= 13 && i->rm != 14 ? true
                                      : i->ra >= 13 && i->ra != 14;
}
static bool writes(const struct lbpf_thumb_insn *i, unsigned r) {
  if (i->form == LBPF_THUMB_F_MULL) return i->rd == r || i->ra == r;
  if (i->op >= LBPF_THUMB_TST && i->op <= LBPF_THUMB_CMP) return false;
  if (i->form == LBPF_THUMB_F_NOP16 || i->form == LBPF_THUMB_F_NOP) return false;
  return i->rd == r;
}

/* A random data-processing-like instruction; in_it: it will stand in an IT
   block (so no narrow MOVS rd, rm). */
static void random_dp(struct lbpf_thumb_insn *i, bool in_it) {
  for (;;) {
    lbpf_thumb_random_insn(&rng, dp_forms[pick(NDP)], i);
    if (uses_sp_or_pc(i)) continue;
    if (in_it && i->form == LBPF_THUMB_F_SHIFT_IMM16 && i->amount == 0) continue;
    return;
  }
}

/* An address for an access of size bytes (aligned to align): usually inside
   the data area, sometimes in the read-only area, unmapped, or straddling
   the end of the data area. */
static uint32_t random_address(uint32_t size, uint32_t align, bool store) {
  unsigned k = pick(100);
  uint32_t a;
  if (k < 3) a = UNMAPPED + pick(64) * align;
  else if (k < 6) a = DATA_BASE + DATA_SIZE - size + align * (1 + pick(2)); /* past the end */
  else if (k < 12) a = RO_BASE + pick(RO_SIZE - size);
  else a = DATA_BASE + pick(DATA_SIZE - size);
  (void)store;
  return a & ~(align - 1);
}

/* A random memory access, after the MOVW/MOVT that set up its registers;
   the access itself is emitted, or returned in *held to be placed later (in
   an IT block). */
static void random_memory_held(struct lbpf_thumb_insn *held);
static void random_memory(void) { random_memory_held(NULL); }
static void random_memory_held(struct lbpf_thumb_insn *held) {
  static const unsigned forms[] = {LBPF_THUMB_F_LDST_REG16, LBPF_THUMB_F_LDST_IMM16,
                                   LBPF_THUMB_F_LDST_SP16,  LBPF_THUMB_F_LDST_IMM12,
                                   LBPF_THUMB_F_LDST_NEG8,  LBPF_THUMB_F_LDST_REG,
                                   LBPF_THUMB_F_LDRD_STRD,  LBPF_THUMB_F_LDMSTM16,
                                   LBPF_THUMB_F_LDMSTM,     LBPF_THUMB_F_PUSHPOP16,
                                   LBPF_THUMB_F_SP_IMM16};
  struct lbpf_thumb_insn i;
  for (;;) {
    unsigned form = forms[pick(sizeof forms / sizeof *forms)];
    lbpf_thumb_random_insn(&rng, form, &i);
    if (form == LBPF_THUMB_F_SP_IMM16) {
      i.imm &= 0x3c; /* keep SP near the middle of the data area */
      break;
    }
    if (form == LBPF_THUMB_F_PUSHPOP16) {
      if (i.op == LBPF_THUMB_POP) i.reglist &= 0xff; /* no pc */
      if (!i.reglist) continue;
      break;
    }
    if (form == LBPF_THUMB_F_LDST_SP16) break;
    if (form == LBPF_THUMB_F_LDMSTM) {
      i.reglist &= 0x5fff; /* no pc (a branch), no sp */
      if (i.rn == 13 || !lbpf_thumb_valid(&i)) continue;
    }
    if (uses_sp_or_pc(&i)) continue;
    if (held && (i.form == LBPF_THUMB_F_SHIFT_IMM16)) continue;
    if ((form == LBPF_THUMB_F_LDST_REG16 || form == LBPF_THUMB_F_LDST_REG) && i.rm == i.rn) continue;
    break;
  }
  bool sp_based = i.form == LBPF_THUMB_F_SP_IMM16 || i.form == LBPF_THUMB_F_PUSHPOP16 ||
                  i.form == LBPF_THUMB_F_LDST_SP16;
  uint32_t count = 0;
  for (unsigned r = 0; r < 16; r++) count += i.reglist >> r & 1;
  uint32_t size = 4, align = 1, offset = 0, index = 0;
  switch (i.op) {
  case LBPF_THUMB_LDRB: case LBPF_THUMB_LDRSB: case LBPF_THUMB_STRB: size = 1; break;
  case LBPF_THUMB_LDRH: case LBPF_THUMB_LDRSH: case LBPF_THUMB_STRH: size = 2; break;
  case LBPF_THUMB_LDRD: case LBPF_THUMB_STRD: size = 8, align = 4; break;
  case LBPF_THUMB_LDM: case LBPF_THUMB_STM: case LBPF_THUMB_LDMDB: case LBPF_THUMB_STMDB:
    size = 4 * count, align = 4;
    break;
  default: break;
  }
  bool store = i.op == LBPF_THUMB_STR || i.op == LBPF_THUMB_STRB || i.op == LBPF_THUMB_STRH ||
               i.op == LBPF_THUMB_STRD || i.op == LBPF_THUMB_STM || i.op == LBPF_THUMB_STMDB;
  uint32_t addr = random_address(size, align, store);
  switch (i.form) {
  case LBPF_THUMB_F_LDST_REG16: case LBPF_THUMB_F_LDST_REG:
    index = pick(64);
    offset = index << i.amount;
    break;
  case LBPF_THUMB_F_LDST_NEG8: offset = 0u - (uint32_t)i.imm; break;
  case LBPF_THUMB_F_LDRD_STRD: offset = i.add ? (uint32_t)i.imm : 0u - (uint32_t)i.imm; break;
  case LBPF_THUMB_F_LDMSTM:
    if (i.op == LBPF_THUMB_LDMDB || i.op == LBPF_THUMB_STMDB) offset = 0u - 4 * count;
    break;
  case LBPF_THUMB_F_LDMSTM16: break;
  default: offset = (uint32_t)i.imm;
  }
  if (!sp_based) {
    emit_movwt(i.rn, addr - offset);
    if (i.form == LBPF_THUMB_F_LDST_REG16 || i.form == LBPF_THUMB_F_LDST_REG) emit_movwt(i.rm, index);
  }
  if (held) *held = i;
  else emit(&i, -1);
}

static void random_branch(int nplanned_groups) {
  (void)nplanned_groups;
  static const unsigned forms[] = {LBPF_THUMB_F_B16, LBPF_THUMB_F_B, LBPF_THUMB_F_BCOND16,
                                   LBPF_THUMB_F_BCOND, LBPF_THUMB_F_CBZ, LBPF_THUMB_F_BL};
  struct lbpf_thumb_insn i;
  lbpf_thumb_random_insn(&rng, forms[pick(sizeof forms / sizeof *forms)], &i);
  i.imm = 0;
  /* the target group is chosen when the program is complete: -2 - k means
     "k groups ahead" */
  emit(&i, -2 - (int)pick(4));
}

/* A branch through a register to the start of a later group: MOVW/MOVT put
   the target's address (with bit 0 set) in a register, then BX or BLX to
   it, or a PUSH of it and a POP into the pc. */
static void random_register_branch(void) {
  unsigned r = pick(8), how = pick(3);
  int ahead = -2 - (int)pick(3);
  struct lbpf_thumb_insn w = {.form = LBPF_THUMB_F_MOVWT, .op = LBPF_THUMB_MOVW, .rd = (uint8_t)r};
  emit(&w, ahead);
  w.op = LBPF_THUMB_MOVT;
  emit(&w, ahead);
  if (how < 2) {
    struct lbpf_thumb_insn b = {.form = LBPF_THUMB_F_BX, .op = how ? LBPF_THUMB_BLX : LBPF_THUMB_BX,
                                .rm = (uint8_t)r};
    emit(&b, -1);
  } else {
    struct lbpf_thumb_insn push = {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_PUSH,
                                   .reglist = (uint16_t)(1u << r)};
    struct lbpf_thumb_insn pop = {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_POP, .reglist = 0x8000};
    emit(&push, -1), emit(&pop, -1);
  }
}

static void random_loop(void) {
  unsigned counter = pick(8);
  struct lbpf_thumb_insn i = {.form = LBPF_THUMB_F_MOV_IMM8, .op = LBPF_THUMB_MOV,
                              .rd = (uint8_t)counter, .imm = (int32_t)(1 + pick(6))};
  emit(&i, -1);
  int body = nslots;
  for (unsigned k = 1 + pick(4); k > 0; k--) {
    do random_dp(&i, false);
    while (writes(&i, counter));
    emit(&i, -1);
  }
  i = (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_ADDSUB_IMM8, .op = LBPF_THUMB_SUB,
                               .rd = (uint8_t)counter, .rn = (uint8_t)counter, .imm = 1};
  emit(&i, -1);
  i = (struct lbpf_thumb_insn){.form = pick(2) ? LBPF_THUMB_F_BCOND16 : LBPF_THUMB_F_BCOND,
                               .op = LBPF_THUMB_B, .cond = LBPF_THUMB_NE};
  emit(&i, body);
}

/* An IT block of data-processing instructions; sometimes one of them is a
   memory access (its registers set up before the block), and sometimes the
   last is a forward branch. */
static void random_it_block(void) {
  struct lbpf_thumb_insn it, i, access;
  bool with_access = pick(2);
  if (with_access) random_memory_held(&access);
  do lbpf_thumb_random_insn(&rng, LBPF_THUMB_F_IT, &it);
  while (it.cond == LBPF_THUMB_AL);
  unsigned slots = 0;
  for (unsigned state = (unsigned)(it.cond << 4 | it.mask); state & 15; state = lbpf_thumb_it_advance(state))
    slots++;
  unsigned access_slot = pick(slots), k = 0;
  bool branch_last = pick(4) == 0;
  emit(&it, -1);
  for (unsigned state = (unsigned)(it.cond << 4 | it.mask); state & 15; state = lbpf_thumb_it_advance(state), k++) {
    if (with_access && k == access_slot) {
      emit(&access, -1);
    } else if (branch_last && k == slots - 1) {
      lbpf_thumb_random_insn(&rng, pick(2) ? LBPF_THUMB_F_B16 : LBPF_THUMB_F_B, &i);
      emit(&i, -2 - (int)pick(3));
    } else {
      /* nothing in the block may change the access's address registers */
      do random_dp(&i, true);
      while (with_access && (writes(&i, access.rn) || writes(&i, access.rm)));
      emit(&i, -1);
    }
  }
}

static void random_program(void) {
  nslots = ngroups = 0;
  int groups = 1 + (int)pick(20);
  for (int g = 0; g < groups; g++) {
    group_start[ngroups++] = nslots;
    unsigned k = pick(100);
    struct lbpf_thumb_insn i;
    if (k < 50) random_dp(&i, false), emit(&i, -1);
    else if (k < 75) random_memory();
    else if (k < 82) random_branch(groups);
    else if (k < 85) random_register_branch();
    else if (k < 92) random_it_block();
    else random_loop();
  }
  group_start[ngroups++] = nslots; /* the return sequence */
  emit_movwt(14, SENTINEL | 1);
  unsigned how = pick(4), rx = pick(8), ry = pick(8);
  if (how == 0) { /* the JIT's epilogue: through the stack, popping the pc */
    struct lbpf_thumb_insn push = {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_PUSH,
                                   .reglist = (uint16_t)(1u << rx | 0x4000)};
    struct lbpf_thumb_insn pop = {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_POP,
                                  .reglist = (uint16_t)(1u << ry | 0x8000)};
    emit(&push, -1), emit(&pop, -1);
  } else if (how == 1) { /* the same with push.w / pop.w */
    struct lbpf_thumb_insn push = {.form = LBPF_THUMB_F_LDMSTM, .op = LBPF_THUMB_STMDB, .rn = 13,
                                   .writeback = 1, .reglist = (uint16_t)(1u << (rx + 4) | 0x4000)};
    struct lbpf_thumb_insn pop = {.form = LBPF_THUMB_F_LDMSTM, .op = LBPF_THUMB_LDM, .rn = 13,
                                  .writeback = 1, .reglist = (uint16_t)(1u << (ry + 4) | 0x8000)};
    emit(&push, -1), emit(&pop, -1);
  } else {
    struct lbpf_thumb_insn bx = {.form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = 14};
    emit(&bx, -1);
  }
  /* resolve forward branches to the start of a later group */
  for (int s = 0; s < nslots; s++) {
    if (prog[s].target > -2) continue;
    int ahead = -2 - prog[s].target, g = 0;
    while (group_start[g] <= s) g++;
    g += ahead;
    if (g >= ngroups) g = ngroups - 1;
    prog[s].target = group_start[g];
  }
}

/* Lay the program out at CODE_BASE; false if a branch is out of reach (the
   program is then dropped). */
static size_t layout(uint8_t *code) {
  uint32_t addr[MAX_INSNS + 1];
  uint32_t a = CODE_BASE;
  for (int s = 0; s < nslots; s++) {
    addr[s] = a;
    uint16_t hw[2];
    int n = lbpf_thumb_encode(&prog[s].insn, hw);
    if (n == 0 && prog[s].target >= 0) n = prog[s].insn.form < LBPF_THUMB_F_DP_IMM ? 1 : 2;
    a += 2u * (unsigned)(n ? n : 2);
  }
  addr[nslots] = a;
  size_t len = 0;
  for (int s = 0; s < nslots; s++) {
    if (prog[s].target >= 0 && prog[s].insn.form == LBPF_THUMB_F_MOVWT) {
      uint32_t a = addr[prog[s].target] | 1; /* an address for a register branch */
      prog[s].insn.imm = (int32_t)(prog[s].insn.op == LBPF_THUMB_MOVT ? a >> 16 : a & 0xffff);
    } else if (prog[s].target >= 0) {
      prog[s].insn.imm = (int32_t)(addr[prog[s].target] - (addr[s] + 4));
    }
    uint16_t hw[2];
    int n = lbpf_thumb_encode(&prog[s].insn, hw);
    if (n == 0) return 0;
    for (int k = 0; k < n; k++) code[len++] = (uint8_t)hw[k], code[len++] = (uint8_t)(hw[k] >> 8);
  }
  return len;
}

/* ---- running ---- */

static uc_engine *uc;
static uint8_t data0[DATA_SIZE], ro0[RO_SIZE], model_data[DATA_SIZE], model_ro[RO_SIZE],
    uc_data[DATA_SIZE], model_code[CODE_SIZE];

static void uc_check(uc_err e, const char *what) {
  if (e != UC_ERR_OK) {
    fprintf(stderr, "thumb-unicorn: %s: %s\n", what, uc_strerror(e));
    exit(2);
  }
}

static void setup_unicorn(void) {
  uc_check(uc_open(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS, &uc), "uc_open");
  uc_check(uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_M4), "cpu model");
  uc_check(uc_mem_map(uc, CODE_BASE, CODE_SIZE, UC_PROT_READ | UC_PROT_EXEC), "map code");
  uc_check(uc_mem_map(uc, DATA_BASE, DATA_SIZE, UC_PROT_READ | UC_PROT_WRITE), "map data");
  uc_check(uc_mem_map(uc, RO_BASE, RO_SIZE, UC_PROT_READ), "map ro");
  uc_check(uc_mem_map(uc, SENTINEL, 0x1000, UC_PROT_READ | UC_PROT_EXEC), "map sentinel");
}

static void print_program(FILE *f) {
  char text[128];
  unsigned state = 0;
  for (int s = 0; s < nslots; s++) {
    lbpf_thumb_print(&prog[s].insn, state & 15 ? (int)(state >> 4) : -1, text, sizeof text);
    fprintf(f, "    %3d  %s\n", s, text);
    state = prog[s].insn.form == LBPF_THUMB_F_IT ? (unsigned)(prog[s].insn.cond << 4 | prog[s].insn.mask)
                                                 : lbpf_thumb_it_advance(state);
  }
}

struct tally {
  uint64_t programs, returned, faults, insns, failed, dropped;
};

static bool run_one(struct tally *t, bool verbose) {
  random_program();
  memset(model_code, 0, sizeof model_code);
  size_t len = layout(model_code);
  if (len == 0) {
    t->dropped++;
    return true;
  }
  /* the initial state */
  struct lbpf_thumb_state st;
  memset(&st, 0, sizeof st);
  for (int r = 0; r < 15; r++) st.r[r] = (uint32_t)lbpf_thumb_rand(&rng);
  for (int r = 0; r < 15; r++)
    if (pick(4) == 0) st.r[r] = (uint32_t[]){0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 31, 32}[pick(7)];
  st.r[13] = DATA_BASE + DATA_SIZE / 2;
  st.r[15] = CODE_BASE | 1;
  uint32_t flags = (uint32_t)pick(16);
  st.n = flags >> 3 & 1, st.z = flags >> 2 & 1, st.c = flags >> 1 & 1, st.v = flags & 1;
  for (size_t k = 0; k < DATA_SIZE; k++) data0[k] = (uint8_t)lbpf_thumb_rand(&rng);
  for (size_t k = 0; k < RO_SIZE; k += 64) ro0[k] = (uint8_t)lbpf_thumb_rand(&rng);
  memcpy(model_data, data0, DATA_SIZE);
  memcpy(model_ro, ro0, RO_SIZE);

  /* the model */
  struct lbpf_thumb_area areas[3] = {
      {CODE_BASE, CODE_SIZE, LBPF_THUMB_READ | LBPF_THUMB_EXEC, model_code},
      {DATA_BASE, DATA_SIZE, LBPF_THUMB_READ | LBPF_THUMB_WRITE, model_data},
      {RO_BASE, RO_SIZE, LBPF_THUMB_READ, model_ro}};
  struct lbpf_thumb_state ms = st;
  struct lbpf_thumb_result res;
  lbpf_thumb_run(&ms, areas, 3, SENTINEL, 100000, &res);

  /* unicorn */
  uc_check(uc_mem_write(uc, CODE_BASE, model_code, CODE_SIZE), "write code");
  uc_check(uc_ctl_remove_cache(uc, CODE_BASE, CODE_BASE + CODE_SIZE), "remove cache");
  uc_check(uc_mem_write(uc, DATA_BASE, data0, DATA_SIZE), "write data");
  uc_check(uc_mem_write(uc, RO_BASE, ro0, RO_SIZE), "write ro");
  for (int r = 0; r < 13; r++) uc_check(uc_reg_write(uc, UC_ARM_REG_R0 + r, &st.r[r]), "reg");
  uc_check(uc_reg_write(uc, UC_ARM_REG_SP, &st.r[13]), "sp");
  uc_check(uc_reg_write(uc, UC_ARM_REG_LR, &st.r[14]), "lr");
  uint32_t nzcv = flags << 28;
  uc_check(uc_reg_write(uc, UC_ARM_REG_APSR_NZCV, &nzcv), "apsr");
  uc_err e = uc_emu_start(uc, CODE_BASE | 1, SENTINEL, 0, 100000);
  uint32_t ur[16], upsr = 0;
  for (int r = 0; r < 13; r++) uc_reg_read(uc, UC_ARM_REG_R0 + r, &ur[r]);
  uc_reg_read(uc, UC_ARM_REG_SP, &ur[13]);
  uc_reg_read(uc, UC_ARM_REG_LR, &ur[14]);
  uc_reg_read(uc, UC_ARM_REG_PC, &ur[15]);
  uc_reg_read(uc, UC_ARM_REG_APSR_NZCV, &upsr);

  t->programs++;
  t->insns += res.insns;
  char why[256] = "";
  bool uc_memfault = e == UC_ERR_READ_UNMAPPED || e == UC_ERR_WRITE_UNMAPPED ||
                     e == UC_ERR_READ_PROT || e == UC_ERR_WRITE_PROT;
  if (res.status == LBPF_THUMB_RETURNED) {
    t->returned++;
    if (e != UC_ERR_OK || ur[15] != SENTINEL) {
      snprintf(why, sizeof why, "model returned, unicorn: %s at pc %08x", uc_strerror(e), ur[15]);
    } else {
      uint32_t mflags = ms.n << 31 | ms.z << 30 | ms.c << 29 | ms.v << 28;
      for (int r = 0; r < 15 && !why[0]; r++)
        if (ms.r[r] != ur[r]) snprintf(why, sizeof why, "r%d: model %08x unicorn %08x", r, ms.r[r], ur[r]);
      if (!why[0] && mflags != (upsr & 0xf0000000u))
        snprintf(why, sizeof why, "flags: model %x unicorn %x", mflags >> 28, upsr >> 28);
      if (!why[0]) {
        uc_check(uc_mem_read(uc, DATA_BASE, uc_data, DATA_SIZE), "read data");
        for (size_t k = 0; k < DATA_SIZE && !why[0]; k++)
          if (uc_data[k] != model_data[k])
            snprintf(why, sizeof why, "memory at %08zx: model %02x unicorn %02x", DATA_BASE + k,
                     model_data[k], uc_data[k]);
      }
    }
  } else if (res.status == LBPF_THUMB_FAULT_MEMORY) {
    t->faults++;
    /* Inside an IT block unicorn reports the pc of some later instruction
       (its translation of the block does not write the pc back before each
       access); the model reports the faulting instruction.  There only the
       kind of fault is compared. */
    bool pc_ok = ur[15] == res.pc || (ms.itstate & 15) != 0;
    if (!uc_memfault || !pc_ok)
      snprintf(why, sizeof why, "model: memory fault at pc %08x addr %08x; unicorn: %s at pc %08x",
               res.pc, res.fault_addr, uc_strerror(e), ur[15]);
  } else {
    snprintf(why, sizeof why, "model: %s at pc %08x (not expected of a generated program)",
             lbpf_thumb_status_name(res.status), res.pc);
  }
  if (why[0]) {
    t->failed++;
    if (t->failed <= 5 || verbose) {
      fprintf(stderr, "thumb-unicorn: program %" PRIu64 ": %s\n", t->programs, why);
      print_program(stderr);
    }
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: thumb-unicorn SEED COUNT [verbose]\n");
    return 2;
  }
  rng = strtoull(argv[1], NULL, 0) * 0x9e3779b97f4a7c15u + 3;
  uint64_t count = strtoull(argv[2], NULL, 0);
  bool verbose = argc > 3;
  setup_unicorn();
  struct tally t = {0};
  while (t.programs < count) {
    /* unicorn 2.0 keeps a few kilobytes per run and, after some hundred
       thousand runs on one instance, crashes: start a fresh one now and then */
    if (t.programs % 10000 == 0 && t.programs) uc_close(uc), setup_unicorn();
    run_one(&t, verbose);
  }
  uc_close(uc);
  printf("thumb-unicorn: seed %s: %" PRIu64 " programs (%" PRIu64 " returned, %" PRIu64
         " memory faults, %" PRIu64 " instructions; %" PRIu64 " dropped as out of branch range)\n",
         argv[1], t.programs, t.returned, t.faults, t.insns, t.dropped);
  printf("%" PRIu64 " passed, %" PRIu64 " failed\n", t.programs - t.failed, t.failed);
  return t.failed != 0;
}
