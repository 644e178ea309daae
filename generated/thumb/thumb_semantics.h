#line 745 "lit/thumb-sem.nw"
/* The semantics of the Thumb-2 model, written once over the value interface
   V, K, ADD, ... (see lit/thumb-sem.nw).  Included by each instance after it
   has defined the interface and the MACHINE type; not a public header. */
#line 138 "lit/thumb-sem.nw"
struct awc {
  V result, carry, overflow;
};
static struct awc add_with_carry(MACHINE *m, V x, V y, V cin) {
  (void)m;
  V s1 = ADD(x, y), r = ADD(s1, cin);
  struct awc a;
  a.result = r;
  a.carry = OR(ULT(s1, x), ULT(r, s1));
  a.overflow = LSHR(AND(XOR(x, r), XOR(y, r)), K(31));
  return a;
}
static V bit31(MACHINE *m, V x) {
  (void)m;
  return LSHR(x, K(31));
}
static V ror(MACHINE *m, V x, V n) { /* n in 0..31 */
  (void)m;
  return OR(LSHR(x, n), SHL(x, SUB(K(32), n)));
}
static V sign_extend(MACHINE *m, V x, unsigned bits) {
  (void)m;
  return ASHR(SHL(x, K(32 - bits)), K(32 - bits));
}
#line 169 "lit/thumb-sem.nw"
struct shifted {
  V value, carry;
};
static struct shifted shift_imm(MACHINE *m, V x, unsigned type, unsigned n) {
  struct shifted s = {x, m->c};
  switch (type) {
  case LBPF_THUMB_SHIFT_LSL:
    if (n) s.value = SHL(x, K(n)), s.carry = AND(LSHR(x, K(32 - n)), K(1));
    break;
  case LBPF_THUMB_SHIFT_LSR: s.value = LSHR(x, K(n)), s.carry = AND(LSHR(x, K(n - 1)), K(1)); break;
  case LBPF_THUMB_SHIFT_ASR: s.value = ASHR(x, K(n)), s.carry = AND(LSHR(x, K(n - 1)), K(1)); break;
  case LBPF_THUMB_SHIFT_ROR: s.value = ror(m, x, K(n)), s.carry = bit31(m, s.value); break;
  default: /* RRX */ s.value = OR(SHL(m->c, K(31)), LSHR(x, K(1))), s.carry = AND(x, K(1));
  }
  return s;
}
#line 202 "lit/thumb-sem.nw"
static struct shifted shift_reg(MACHINE *m, V x, unsigned op, V amount) {
  V n = AND(amount, K(0xff)), zero = EQ(n, K(0));
  struct shifted s;
  switch (op) {
  case LBPF_THUMB_LSL: s.value = SHL(x, n), s.carry = AND(LSHR(x, SUB(K(32), n)), K(1)); break;
  case LBPF_THUMB_LSR: s.value = LSHR(x, n), s.carry = AND(LSHR(x, SUB(n, K(1))), K(1)); break;
  case LBPF_THUMB_ASR: s.value = ASHR(x, n), s.carry = AND(ASHR(x, SUB(n, K(1))), K(1)); break;
  default: /* ROR */ s.value = ror(m, x, AND(n, K(31))), s.carry = bit31(m, s.value);
  }
  s.carry = ITE(zero, m->c, s.carry);
  return s;
}
#line 226 "lit/thumb-sem.nw"
static V condition_holds(MACHINE *m, unsigned cond) {
  V one = K(1), result;
  switch (cond >> 1) {
  case 0: result = m->z; break;                                /* EQ */
  case 1: result = m->c; break;                                /* HS */
  case 2: result = m->n; break;                                /* MI */
  case 3: result = m->v; break;                                /* VS */
  case 4: result = AND(m->c, XOR(m->z, one)); break;           /* HI */
  case 5: result = EQ(m->n, m->v); break;                      /* GE */
  case 6: result = AND(XOR(m->z, one), EQ(m->n, m->v)); break; /* GT */
  default: return one;                                         /* AL */
  }
  return (cond & 1) ? XOR(result, one) : result;
}
#line 247 "lit/thumb-sem.nw"
static V count_leading_zeros(MACHINE *m, V x) {
  (void)m;
  V n = K(0);
  static const unsigned widths[5] = {16, 8, 4, 2, 1};
  for (int k = 0; k < 5; k++) {
    V top_clear = EQ(LSHR(x, K(32 - widths[k])), K(0));
    n = ITE(top_clear, ADD(n, K(widths[k])), n);
    x = ITE(top_clear, SHL(x, K(widths[k])), x);
  }
  return ITE(EQ(x, K(0)), ADD(n, K(1)), n); /* only 0 still has its top bit clear */
}
static V byte(MACHINE *m, V x, unsigned k) {
  (void)m;
  return AND(LSHR(x, K(8 * k)), K(0xff));
}
static V reverse_bytes(MACHINE *m, V x) {
  return OR(OR(SHL(byte(m, x, 0), K(24)), SHL(byte(m, x, 1), K(16))),
            OR(SHL(byte(m, x, 2), K(8)), byte(m, x, 3)));
}
#line 275 "lit/thumb-sem.nw"
static void write_reg(MACHINE *m, unsigned d, V v) {
  if (d == 13) v = AND(v, K(~3u));
  m->r[d] = ITE(m->pass, v, m->r[d]);
}
static void write_flags(MACHINE *m, V result, V carry, V overflow, bool arithmetic) {
  m->n = ITE(m->pass, bit31(m, result), m->n);
  m->z = ITE(m->pass, EQ(result, K(0)), m->z);
  m->c = ITE(m->pass, carry, m->c);
  if (arithmetic) m->v = ITE(m->pass, overflow, m->v);
}
#line 297 "lit/thumb-sem.nw"
static bool narrow_flag_setting(const struct lbpf_thumb_insn *i) {
  switch (i->form) {
  case LBPF_THUMB_F_SHIFT_IMM16:
  case LBPF_THUMB_F_ADDSUB_REG16:
  case LBPF_THUMB_F_ADDSUB_IMM3:
  case LBPF_THUMB_F_MOV_IMM8:
  case LBPF_THUMB_F_ADDSUB_IMM8:
  case LBPF_THUMB_F_DP_REG16: return true;
  default: return false;
  }
}

static void data_processing(MACHINE *m, const struct lbpf_thumb_insn *i, bool in_it) {
  V a = m->r[i->rn];
  struct shifted b = {K((uint32_t)i->imm), m->c};
  unsigned op = i->op;
  switch (i->form) {
  case LBPF_THUMB_F_DP_IMM: {
    uint32_t field = 0;
    lbpf_thumb_modimm_encode((uint32_t)i->imm, &field);
    if (field >> 10) b.carry = K((uint32_t)i->imm >> 31); /* a rotated constant sets C */
    break;
  }
  case LBPF_THUMB_F_SHIFT_IMM16:
  case LBPF_THUMB_F_DP_REG: b = shift_imm(m, m->r[i->rm], i->shift, i->amount); break;
  case LBPF_THUMB_F_SHIFT_REG: b = shift_reg(m, a, op, m->r[i->rm]), op = LBPF_THUMB_MOV; break;
  case LBPF_THUMB_F_DP_REG16:
    if (op >= LBPF_THUMB_LSL && op <= LBPF_THUMB_ROR)
      b = shift_reg(m, a, op, m->r[i->rm]), op = LBPF_THUMB_MOV;
    else if (op != LBPF_THUMB_RSB)
      b.value = m->r[i->rm];
    break;
  case LBPF_THUMB_F_ADDSUB_REG16:
  case LBPF_THUMB_F_ADD_HI:
  case LBPF_THUMB_F_CMP_HI:
  case LBPF_THUMB_F_MOV_HI: b.value = m->r[i->rm]; break;
  default: break; /* the other immediate forms: b is the immediate, C unchanged */
  }
  bool setflags = i->form >= LBPF_THUMB_F_DP_IMM ? i->setflags
                  : narrow_flag_setting(i)       ? !in_it
                                                 : false;
  if (op >= LBPF_THUMB_TST && op <= LBPF_THUMB_CMP) setflags = true;

#line 346 "lit/thumb-sem.nw"
  struct awc r = {K(0), b.carry, m->v};
  bool arithmetic = false;
  V not_b = NOT(b.value);
  switch (op) {
  case LBPF_THUMB_AND:
  case LBPF_THUMB_TST: r.result = AND(a, b.value); break;
  case LBPF_THUMB_BIC: r.result = AND(a, not_b); break;
  case LBPF_THUMB_ORR: r.result = OR(a, b.value); break;
  case LBPF_THUMB_ORN: r.result = OR(a, not_b); break;
  case LBPF_THUMB_EOR:
  case LBPF_THUMB_TEQ: r.result = XOR(a, b.value); break;
  case LBPF_THUMB_MOV: r.result = b.value; break;
  case LBPF_THUMB_MVN: r.result = not_b; break;
  case LBPF_THUMB_ADD:
  case LBPF_THUMB_CMN: r = add_with_carry(m, a, b.value, K(0)), arithmetic = true; break;
  case LBPF_THUMB_ADC: r = add_with_carry(m, a, b.value, m->c), arithmetic = true; break;
  case LBPF_THUMB_SUB:
  case LBPF_THUMB_CMP: r = add_with_carry(m, a, not_b, K(1)), arithmetic = true; break;
  case LBPF_THUMB_SBC: r = add_with_carry(m, a, not_b, m->c), arithmetic = true; break;
  case LBPF_THUMB_RSB: r = add_with_carry(m, NOT(a), b.value, K(1)), arithmetic = true; break;
  case LBPF_THUMB_MUL: /* the narrow MULS: N and Z only */
    r.result = MUL(a, b.value), r.carry = m->c;
    break;
  }
  if (!(op >= LBPF_THUMB_TST && op <= LBPF_THUMB_CMP)) write_reg(m, i->rd, r.result);
  if (setflags) write_flags(m, r.result, r.carry, r.overflow, arithmetic);
#line 338 "lit/thumb-sem.nw"
}
#line 381 "lit/thumb-sem.nw"
static void multiply_divide(MACHINE *m, const struct lbpf_thumb_insn *i) {
  V a = m->r[i->rn], b = m->r[i->rm];
  switch (i->op) {
  case LBPF_THUMB_MUL: write_reg(m, i->rd, MUL(a, b)); break;
  case LBPF_THUMB_MLA: write_reg(m, i->rd, ADD(m->r[i->ra], MUL(a, b))); break;
  case LBPF_THUMB_MLS: write_reg(m, i->rd, SUB(m->r[i->ra], MUL(a, b))); break;
  case LBPF_THUMB_UMULL:
  case LBPF_THUMB_SMULL: {
    V hi = i->op == LBPF_THUMB_UMULL ? MULHU(a, b) : MULHS(a, b), lo = MUL(a, b);
    write_reg(m, i->rd, lo), write_reg(m, i->ra, hi);
    break;
  }
  case LBPF_THUMB_UMLAL: {
    V lo = ADD(m->r[i->rd], MUL(a, b));
    V hi = ADD(ADD(m->r[i->ra], MULHU(a, b)), ULT(lo, m->r[i->rd]));
    write_reg(m, i->rd, lo), write_reg(m, i->ra, hi);
    break;
  }
  case LBPF_THUMB_UDIV: write_reg(m, i->rd, ITE(EQ(b, K(0)), K(0), UDIV(a, b))); break;
  case LBPF_THUMB_SDIV: {
    V overflow = AND(EQ(a, K(0x80000000u)), EQ(b, K(0xffffffffu)));
    write_reg(m, i->rd, ITE(EQ(b, K(0)), K(0), ITE(overflow, a, SDIV(a, b))));
    break;
  }
  }
}

static void bit_manipulation(MACHINE *m, const struct lbpf_thumb_insn *i) {
  V x = m->r[i->rm];
  switch (i->op) {
  case LBPF_THUMB_SXTB:
  case LBPF_THUMB_SXTH:
  case LBPF_THUMB_UXTB:
  case LBPF_THUMB_UXTH: {
    V rotated = i->amount ? ror(m, x, K(i->amount)) : x;
    V v = i->op == LBPF_THUMB_SXTB   ? sign_extend(m, rotated, 8)
          : i->op == LBPF_THUMB_SXTH ? sign_extend(m, rotated, 16)
          : i->op == LBPF_THUMB_UXTB ? AND(rotated, K(0xff))
                                     : AND(rotated, K(0xffff));
    write_reg(m, i->rd, v);
    break;
  }
  case LBPF_THUMB_CLZ: write_reg(m, i->rd, count_leading_zeros(m, x)); break;
  case LBPF_THUMB_REV: write_reg(m, i->rd, reverse_bytes(m, x)); break;
  case LBPF_THUMB_REV16:
    write_reg(m, i->rd, OR(SHL(AND(x, K(0x00ff00ff)), K(8)), AND(LSHR(x, K(8)), K(0x00ff00ff))));
    break;
  case LBPF_THUMB_REVSH:
    write_reg(m, i->rd, OR(SHL(sign_extend(m, x, 8), K(8)), byte(m, x, 1)));
    break;

#line 436 "lit/thumb-sem.nw"
  case LBPF_THUMB_UBFX:
  case LBPF_THUMB_SBFX: {
    V top = SHL(m->r[i->rn], K(32u - i->amount - i->width));
    V down = K(32u - i->width);
    write_reg(m, i->rd, i->op == LBPF_THUMB_UBFX ? LSHR(top, down) : ASHR(top, down));
    break;
  }
  case LBPF_THUMB_BFI:
  case LBPF_THUMB_BFC: {
    uint32_t ones = i->width == 32 ? 0xffffffffu : (1u << i->width) - 1;
    uint32_t mask = ones << i->amount;
    V inserted = i->op == LBPF_THUMB_BFI ? AND(SHL(m->r[i->rn], K(i->amount)), K(mask)) : K(0);
    write_reg(m, i->rd, OR(AND(m->r[i->rd], K(~mask)), inserted));
    break;
  }
  case LBPF_THUMB_MOVW: write_reg(m, i->rd, K((uint32_t)i->imm)); break;
  case LBPF_THUMB_MOVT:
    write_reg(m, i->rd, OR(AND(m->r[i->rd], K(0xffff)), K((uint32_t)i->imm << 16)));
    break;
#line 428 "lit/thumb-sem.nw"
  }
}
#line 468 "lit/thumb-sem.nw"
static int known(MACHINE *m, V v, uint32_t *out) {
  (void)m;
  return CONCRETE(m, v, out) ? 0 : LBPF_THUMB_SYMBOLIC;
}
static int check_access(MACHINE *m, uint32_t addr, uint32_t size, unsigned perm) {
  if (ACCESSIBLE(m, addr, size, perm)) return 0;
  m->fault_addr = addr;
  return LBPF_THUMB_FAULT_MEMORY;
}
static int check_aligned(MACHINE *m, uint32_t addr) {
  if ((addr & 3) == 0) return 0;
  m->fault_addr = addr;
  return LBPF_THUMB_FAULT_ALIGNMENT;
}

static int load_store(MACHINE *m, const struct lbpf_thumb_insn *i) {
  uint32_t base, index = 0;
  int err = ADDRESS(m, m->r[i->rn], &base) ? 0 : LBPF_THUMB_SYMBOLIC;
  if (err) return err;
  if (i->form == LBPF_THUMB_F_LDST_REG16 || i->form == LBPF_THUMB_F_LDST_REG) {
    if ((err = known(m, m->r[i->rm], &index))) return err;
    index <<= i->amount;
  } else {
    index = i->form == LBPF_THUMB_F_LDST_NEG8 ? 0u - (uint32_t)i->imm : (uint32_t)i->imm;
  }
  uint32_t addr = base + index;
  unsigned op = i->op;
  uint32_t size = op == LBPF_THUMB_LDR || op == LBPF_THUMB_STR                               ? 4
                  : op == LBPF_THUMB_LDRH || op == LBPF_THUMB_LDRSH || op == LBPF_THUMB_STRH ? 2
                                                                                             : 1;
  bool load = op <= LBPF_THUMB_LDRSH;
  if ((err = check_access(m, addr, size, load ? LBPF_THUMB_READ : LBPF_THUMB_WRITE))) return err;
  if (!load) {
    STORE(m, addr, size, m->r[i->rd]);
    return 0;
  }
  V v = LOAD(m, addr, size);
  if (op == LBPF_THUMB_LDRSB) v = sign_extend(m, v, 8);
  if (op == LBPF_THUMB_LDRSH) v = sign_extend(m, v, 16);
  write_reg(m, i->rd, v);
  return 0;
}
#line 518 "lit/thumb-sem.nw"
static int load_store_double(MACHINE *m, const struct lbpf_thumb_insn *i) {
  uint32_t base;
  int err = known(m, m->r[i->rn], &base);
  if (err) return err;
  uint32_t addr = i->add ? base + (uint32_t)i->imm : base - (uint32_t)i->imm;
  bool load = i->op == LBPF_THUMB_LDRD;
  if ((err = check_aligned(m, addr))) return err;
  if ((err = check_access(m, addr, 4, load ? LBPF_THUMB_READ : LBPF_THUMB_WRITE)) ||
      (err = check_access(m, addr + 4, 4, load ? LBPF_THUMB_READ : LBPF_THUMB_WRITE)))
    return err;
  if (load) {
    V lo = LOAD(m, addr, 4), hi = LOAD(m, addr + 4, 4);
    write_reg(m, i->rd, lo), write_reg(m, i->ra, hi);
  } else {
    STORE(m, addr, 4, m->r[i->rd]), STORE(m, addr + 4, 4, m->r[i->ra]);
  }
  return 0;
}

static int load_store_multiple(MACHINE *m, const struct lbpf_thumb_insn *i, uint32_t *branch_to) {
  unsigned op = i->op, rn = i->rn, list = i->reglist, count = 0;
  bool writeback = i->writeback;
  if (op == LBPF_THUMB_PUSH) op = LBPF_THUMB_STMDB, rn = 13, writeback = true;
  if (op == LBPF_THUMB_POP) op = LBPF_THUMB_LDM, rn = 13, writeback = true;
  for (unsigned r = 0; r < 16; r++)
    count += list >> r & 1;
  uint32_t base;
  int err = known(m, m->r[rn], &base);
  if (err) return err;
  bool down = op == LBPF_THUMB_LDMDB || op == LBPF_THUMB_STMDB;
  bool load = op == LBPF_THUMB_LDM || op == LBPF_THUMB_LDMDB;
  uint32_t start = down ? base - 4 * count : base;
  if ((err = check_aligned(m, start))) return err;
  for (unsigned k = 0; k < count; k++)
    if ((err = check_access(m, start + 4 * k, 4, load ? LBPF_THUMB_READ : LBPF_THUMB_WRITE)))
      return err;
  V loaded[16];
  uint32_t addr = start;
  for (unsigned r = 0; r < 16; r++) {
    if (!(list >> r & 1)) continue;
    if (load)
      loaded[r] = LOAD(m, addr, 4);
    else
      STORE(m, addr, 4, m->r[r]);
    addr += 4;
  }
  if (load && (list >> 15 & 1) && (err = known(m, loaded[15], branch_to))) return err;
  if (writeback) write_reg(m, rn, K(down ? start : base + 4 * count));
  if (load)
    for (unsigned r = 0; r < 15; r++)
      if (list >> r & 1) write_reg(m, r, loaded[r]);
  return 0;
}
#line 579 "lit/thumb-sem.nw"
static int branch_to_register(MACHINE *m, uint32_t target) {
  if (!(target & 1)) {
    m->fault_addr = target;
    return LBPF_THUMB_FAULT_INTERWORKING;
  }
  m->pc = target & ~1u;
  return 0;
}
#line 599 "lit/thumb-sem.nw"
static bool is_branch(const struct lbpf_thumb_insn *i) {
  switch (i->form) {
  case LBPF_THUMB_F_B16:
  case LBPF_THUMB_F_B:
  case LBPF_THUMB_F_BL:
  case LBPF_THUMB_F_BX: return true;
  case LBPF_THUMB_F_PUSHPOP16: return i->op == LBPF_THUMB_POP && (i->reglist & 0x8000);
  case LBPF_THUMB_F_LDMSTM: return i->op == LBPF_THUMB_LDM && (i->reglist & 0x8000);
  default: return false;
  }
}
static bool allowed_in_it(const struct lbpf_thumb_insn *i, unsigned itstate) {
  if (!(itstate & 15)) return true;
  switch (i->form) {
  case LBPF_THUMB_F_IT:
  case LBPF_THUMB_F_CBZ:
  case LBPF_THUMB_F_BCOND16:
  case LBPF_THUMB_F_BCOND: return false;
  case LBPF_THUMB_F_SHIFT_IMM16: return !(i->shift == LBPF_THUMB_SHIFT_LSL && i->amount == 0);
  default: return !is_branch(i) || (itstate & 15) == 8;
  }
}
#line 627 "lit/thumb-sem.nw"
struct step_info {
  struct lbpf_thumb_insn insn;
  bool executed, taken;  /* the condition passed; a branch was taken */
  uint32_t target;       /* where a taken branch went */
  uint32_t div_n, div_m; /* the operands of a division, when known */
};

static int step(MACHINE *m, struct step_info *info) {
  uint32_t pc = m->pc, x;
  uint16_t hw[2] = {0, 0};
  struct lbpf_thumb_insn *i = &info->insn;
  info->executed = info->taken = false;
  m->fault_addr = pc;
  if (!FETCH(m, pc, &hw[0])) return LBPF_THUMB_FAULT_FETCH;
  int size = lbpf_thumb_insn_size(hw[0]);
  if (size == 2 && !FETCH(m, pc + 2, &hw[1])) return m->fault_addr = pc + 2, LBPF_THUMB_FAULT_FETCH;
  lbpf_thumb_decode(hw, (size_t)size, i);
  if (i->form == LBPF_THUMB_F_INVALID) return LBPF_THUMB_FAULT_UNDEFINED;
  unsigned it = m->itstate;
  if (!allowed_in_it(i, it)) return LBPF_THUMB_FAULT_UNPREDICTABLE;
  unsigned cond = it & 15 ? it >> 4 : LBPF_THUMB_AL;
  if (i->form == LBPF_THUMB_F_BCOND16 || i->form == LBPF_THUMB_F_BCOND) cond = i->cond;
  m->pass = condition_holds(m, cond);
  if (CONCRETE(m, m->pass, &x) && !x) {
    m->itstate = lbpf_thumb_it_advance(it);
    m->pc = pc + 2u * (unsigned)size;
    return 0;
  }

#line 665 "lit/thumb-sem.nw"
  struct lbpf_thumb_insn *insn = i;
  uint32_t next = pc + 2u * (unsigned)size, target = 0;
  unsigned next_it =
      i->form == LBPF_THUMB_F_IT ? (unsigned)(i->cond << 4 | i->mask) : lbpf_thumb_it_advance(it);
  bool concrete_pass = CONCRETE(m, m->pass, &x);
  int err = 0;
  m->pc = next;
  switch (insn->form) {
  case LBPF_THUMB_F_MUL:
  case LBPF_THUMB_F_MULL:
  case LBPF_THUMB_F_DIV:
    if (!CONCRETE(m, m->r[insn->rn], &info->div_n)) info->div_n = 0;
    if (!CONCRETE(m, m->r[insn->rm], &info->div_m)) info->div_m = 0;
    multiply_divide(m, insn);
    break;
  case LBPF_THUMB_F_EXTEND16:
  case LBPF_THUMB_F_EXTEND:
  case LBPF_THUMB_F_REV16:
  case LBPF_THUMB_F_MISC:
  case LBPF_THUMB_F_BITFIELD:
  case LBPF_THUMB_F_MOVWT: bit_manipulation(m, insn); break;
  case LBPF_THUMB_F_IT:
  case LBPF_THUMB_F_NOP16:
  case LBPF_THUMB_F_NOP: break;
  case LBPF_THUMB_F_LDST_REG16:
  case LBPF_THUMB_F_LDST_IMM16:
  case LBPF_THUMB_F_LDST_SP16:
  case LBPF_THUMB_F_LDST_IMM12:
  case LBPF_THUMB_F_LDST_NEG8:
  case LBPF_THUMB_F_LDST_REG:
    err = concrete_pass ? load_store(m, insn) : LBPF_THUMB_SYMBOLIC;
    break;
  case LBPF_THUMB_F_LDRD_STRD:
    err = concrete_pass ? load_store_double(m, insn) : LBPF_THUMB_SYMBOLIC;
    break;
  case LBPF_THUMB_F_PUSHPOP16:
  case LBPF_THUMB_F_LDMSTM16:
  case LBPF_THUMB_F_LDMSTM:
    target = 0;
    err = concrete_pass ? load_store_multiple(m, insn, &target) : LBPF_THUMB_SYMBOLIC;
    if (!err && is_branch(insn)) err = branch_to_register(m, target), info->taken = true;
    break;
#line 709 "lit/thumb-sem.nw"
  case LBPF_THUMB_F_BCOND16:
  case LBPF_THUMB_F_B16:
  case LBPF_THUMB_F_BCOND:
  case LBPF_THUMB_F_B:
    if (!concrete_pass)
      err = LBPF_THUMB_SYMBOLIC;
    else
      m->pc = pc + 4 + (uint32_t)insn->imm, info->taken = true;
    break;
  case LBPF_THUMB_F_BL:
    if (!concrete_pass)
      err = LBPF_THUMB_SYMBOLIC;
    else
      write_reg(m, 14, K(next | 1)), m->pc = pc + 4 + (uint32_t)insn->imm, info->taken = true;
    break;
  case LBPF_THUMB_F_BX:
    if (!concrete_pass || (err = known(m, m->r[insn->rm], &target))) {
      err = LBPF_THUMB_SYMBOLIC;
      break;
    }
    if ((err = branch_to_register(m, target))) break;
    if (insn->op == LBPF_THUMB_BLX) write_reg(m, 14, K(next | 1));
    info->taken = true;
    break;
  case LBPF_THUMB_F_CBZ: {
    uint32_t is_zero;
    if (!concrete_pass || !CONCRETE(m, EQ(m->r[insn->rn], K(0)), &is_zero)) {
      err = LBPF_THUMB_SYMBOLIC;
      break;
    }
    if (is_zero == (insn->op == LBPF_THUMB_CBZ))
      m->pc = pc + 4 + (uint32_t)insn->imm, info->taken = true;
    break;
  }
#line 695 "lit/thumb-sem.nw"
  default: data_processing(m, insn, (it & 15) != 0);
  }
  if (err) {
    m->pc = pc; /* a faulting instruction has no effect */
    return err;
  }
  m->itstate = next_it;
  info->executed = true;
  if (info->taken) info->target = m->pc;
  return 0;
#line 656 "lit/thumb-sem.nw"
}
