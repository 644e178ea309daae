/* Jitted whole programs on unicorn's Cortex-M4 (lit/jit.nw, "Jitted
   programs on unicorn"): the property-based checker's programs compiled by
   the whole-program JIT and run by the JIT chapter's host driver
   (lbpf_jit_prog_machine_call: its areas, gate and step limit) on a second
   machine, unicorn, instead of the Thumb-2 model.  Every outcome is
   compared with the specification's, and with the model's run, by the
   engines chapter's comparator.

   jit_unicorn SEED COUNT

   Cases 0 to COUNT - 1 of SEED, the odd ones with long arithmetic runs.

   Unicorn maps whole pages; a memory hook holds every access to exactly the
   bytes and the permission of one area, and a code hook every fetch to the
   code, so an access the model would fault on stops unicorn too, and the
   driver reports it as a broken isolation witness (abort).  Exit status: 0
   all agree and the sample exercised helper calls, local calls, callx and
   accesses at and across every region's edges; 1 otherwise; 2 set-up
   error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_jit_prog.h"
#include "lbpf_pbt.h"

#define PAGE 0x1000u
#define ALU_RUNS 30 /* in odd cases: long arithmetic runs, percent of items */
#define MAX_MAPPED 32

static void die(const char *what, uc_err e) {
  fprintf(stderr, "jit-unicorn: %s: %s\n", what, uc_strerror(e));
  exit(2);
}

/* ---- the machine: lbpf_thumb_run's contract on unicorn ---- */

static uint64_t uc_insns, uc_gates; /* executed on unicorn, stops at the gate */

struct uc_machine {
  uc_engine *uc;
  const struct lbpf_thumb_area *areas;
  size_t nareas;
  uint32_t sentinel;
  uint64_t steps, max_steps;
  enum lbpf_thumb_status stop; /* LBPF_THUMB_RETURNED: no hook stopped the run */
  uint32_t stop_pc, stop_addr;
  uint32_t mapped[MAX_MAPPED]; /* first pages of what is mapped, 0 when free */
  uint32_t mapped_len[MAX_MAPPED];
};

static const struct lbpf_thumb_area *area_of(const struct uc_machine *m, uint64_t a, uint64_t n) {
  for (size_t i = 0; i < m->nareas; i++)
    if (a >= m->areas[i].base && a + n <= (uint64_t)m->areas[i].base + m->areas[i].size)
      return &m->areas[i];
  return NULL;
}

static void stop(struct uc_machine *m, enum lbpf_thumb_status s, uint32_t pc, uint32_t addr) {
  if (m->stop == LBPF_THUMB_RETURNED) m->stop = s, m->stop_pc = pc, m->stop_addr = addr;
  uc_emu_stop(m->uc);
}

static void on_code(uc_engine *uc, uint64_t address, uint32_t size, void *user) {
  struct uc_machine *m = user;
  (void)uc;
  const struct lbpf_thumb_area *a = area_of(m, address, size);
  if (a == NULL || !(a->perm & LBPF_THUMB_EXEC))
    stop(m, LBPF_THUMB_FAULT_FETCH, (uint32_t)address, (uint32_t)address);
  else if (m->steps == m->max_steps)
    stop(m, LBPF_THUMB_STEP_LIMIT, (uint32_t)address, 0);
  else
    m->steps++;
}

static uint32_t pc_of(uc_engine *uc) {
  uint32_t pc;
  uc_reg_read(uc, UC_ARM_REG_PC, &pc);
  return pc;
}

static void on_access(uc_engine *uc, uc_mem_type type, uint64_t address, int size, int64_t value,
                      void *user) {
  struct uc_machine *m = user;
  (void)value;
  unsigned need = type == UC_MEM_WRITE ? LBPF_THUMB_WRITE : LBPF_THUMB_READ;
  const struct lbpf_thumb_area *a = area_of(m, address, (uint64_t)size);
  if (a == NULL || !(a->perm & need))
    stop(m, LBPF_THUMB_FAULT_MEMORY, pc_of(uc), (uint32_t)address);
}

static bool on_invalid(uc_engine *uc, uc_mem_type type, uint64_t address, int size, int64_t value,
                       void *user) {
  struct uc_machine *m = user;
  (void)size, (void)value;
  if (type == UC_MEM_FETCH_UNMAPPED || type == UC_MEM_FETCH_PROT)
    stop(m, LBPF_THUMB_FAULT_FETCH, (uint32_t)address, (uint32_t)address);
  else
    stop(m, LBPF_THUMB_FAULT_MEMORY, pc_of(uc), (uint32_t)address);
  return false;
}

/* Map the pages of [base, base + size) not mapped yet, readable, writable
   and executable: the hooks, not the pages, enforce the areas. */
static void map_pages(struct uc_machine *m, uint32_t base, uint32_t size) {
  uint32_t first = base & ~(PAGE - 1), end = (uint32_t)(((uint64_t)base + size + PAGE - 1) & ~(uint64_t)(PAGE - 1));
  for (uint32_t p = first; p < end; p += PAGE) {
    bool have = false;
    for (size_t i = 0; i < MAX_MAPPED && !have; i++)
      have = m->mapped_len[i] && p >= m->mapped[i] && p - m->mapped[i] < m->mapped_len[i];
    if (have) continue;
    uint32_t q = p;
    while (q < end) {
      bool taken = false;
      for (size_t i = 0; i < MAX_MAPPED && !taken; i++)
        taken = m->mapped_len[i] && q >= m->mapped[i] && q - m->mapped[i] < m->mapped_len[i];
      if (taken) break;
      q += PAGE;
    }
    size_t slot = 0;
    while (slot < MAX_MAPPED && m->mapped_len[slot]) slot++;
    if (slot == MAX_MAPPED) die("too many mappings", UC_ERR_NOMEM);
    uc_err e = uc_mem_map(m->uc, p, q - p, UC_PROT_ALL);
    if (e != UC_ERR_OK) die("map", e);
    m->mapped[slot] = p, m->mapped_len[slot] = q - p;
    p = q - PAGE;
  }
}

static enum lbpf_thumb_status unicorn_run(void *machine, struct lbpf_thumb_state *s,
                                          const struct lbpf_thumb_area *areas, size_t nareas,
                                          uint32_t sentinel, uint64_t max_steps,
                                          struct lbpf_thumb_result *r) {
  struct uc_machine *m = machine;
  m->areas = areas, m->nareas = nareas, m->sentinel = sentinel;
  m->steps = 0, m->max_steps = max_steps, m->stop = LBPF_THUMB_RETURNED;
  for (size_t i = 0; i < nareas; i++) {
    map_pages(m, areas[i].base, areas[i].size);
    uc_err e = uc_mem_write(m->uc, areas[i].base, areas[i].bytes, areas[i].size);
    if (e != UC_ERR_OK) die("write an area", e);
  }
  map_pages(m, sentinel, 2);
  for (int k = 0; k < 13; k++) uc_reg_write(m->uc, UC_ARM_REG_R0 + k, &s->r[k]);
  uc_reg_write(m->uc, UC_ARM_REG_SP, &s->r[13]);
  uc_reg_write(m->uc, UC_ARM_REG_LR, &s->r[14]);
  uint32_t nzcv = s->n << 31 | s->z << 30 | s->c << 29 | s->v << 28;
  uc_reg_write(m->uc, UC_ARM_REG_APSR_NZCV, &nzcv);
  uc_err e = uc_emu_start(m->uc, s->r[15] | 1u, sentinel & ~1u, 0, 0);
  for (int k = 0; k < 13; k++) uc_reg_read(m->uc, UC_ARM_REG_R0 + k, &s->r[k]);
  uc_reg_read(m->uc, UC_ARM_REG_SP, &s->r[13]);
  uc_reg_read(m->uc, UC_ARM_REG_LR, &s->r[14]);
  uc_reg_read(m->uc, UC_ARM_REG_PC, &s->r[15]);
  uc_reg_read(m->uc, UC_ARM_REG_APSR_NZCV, &nzcv);
  s->n = nzcv >> 31 & 1, s->z = nzcv >> 30 & 1, s->c = nzcv >> 29 & 1, s->v = nzcv >> 28 & 1;
  s->itstate = 0;
  for (size_t i = 0; i < nareas; i++)
    if (areas[i].perm & LBPF_THUMB_WRITE) {
      uc_err e2 = uc_mem_read(m->uc, areas[i].base, areas[i].bytes, areas[i].size);
      if (e2 != UC_ERR_OK) die("read an area", e2);
    }
  enum lbpf_thumb_status status = m->stop;
  uint32_t pc = m->stop_pc, addr = m->stop_addr;
  if (status == LBPF_THUMB_RETURNED && (e != UC_ERR_OK || (s->r[15] & ~1u) != (sentinel & ~1u))) {
    /* a fault no hook saw: an exception unicorn raised (an unaligned
       LDRD, an undefined encoding) */
    status = LBPF_THUMB_FAULT_UNDEFINED, pc = s->r[15], addr = 0;
    fprintf(stderr, "jit-unicorn: %s at 0x%08x\n", uc_strerror(e), (unsigned)pc);
  }
  if (status == LBPF_THUMB_FAULT_FETCH) s->r[15] = pc; /* where the gate was called */
  uc_insns += m->steps;
  uc_gates += status == LBPF_THUMB_FAULT_FETCH;
  *r = (struct lbpf_thumb_result){status, pc, addr, m->steps, 0};
  return status;
}

/* ---- the engine: jit with unicorn as its call ---- */

static struct uc_machine machine;

static bool unicorn_call(void *ctx, const struct lbpf_jit_prog *vm, struct lbpf_jit_prog_state *st,
                         const struct lbpf_helper_ctx *hctx) {
  struct uc_machine *m = ctx;
  uc_engine *uc;
  uc_err e = uc_open(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS, &uc);
  if (e != UC_ERR_OK) die("uc_open", e);
  if ((e = uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_M4)) != UC_ERR_OK) die("cpu model", e);
  memset(m, 0, sizeof *m);
  m->uc = uc;
  uc_hook h;
  if ((e = uc_hook_add(uc, &h, UC_HOOK_CODE, (void *)on_code, m, 1, 0)) != UC_ERR_OK ||
      (e = uc_hook_add(uc, &h, UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE, (void *)on_access, m, 1, 0)) !=
          UC_ERR_OK ||
      (e = uc_hook_add(uc, &h, UC_HOOK_MEM_INVALID, (void *)on_invalid, m, 1, 0)) != UC_ERR_OK)
    die("hooks", e);
  bool ok = lbpf_jit_prog_machine_call(unicorn_run, m, NULL, vm, st, hctx);
  uc_close(uc);
  return ok;
}

/* The jit engine's state is its struct lbpf_jit_prog, then the work memory
   (lit/jit.nw, "The engine"): load with the engine's own load, then give
   the program unicorn's call in place of the model's. */
static const struct lbpf_engine *jit;

static size_t uc_state_size(size_t code_size) { return jit->state_size(code_size); }

static enum lbpf_status uc_load(void *state, const uint8_t *code, size_t code_size,
                                const struct lbpf_env *env, struct lbpf_fault *fault) {
  enum lbpf_status s = jit->load(state, code, code_size, env, fault);
  struct lbpf_jit_prog *vm = state;
  vm->call = unicorn_call, vm->call_ctx = &machine;
  return s;
}

static void uc_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_jit_prog_run(state, mem, mem_len, result);
}

static const struct lbpf_engine jit_unicorn = {"jit-unicorn", uc_state_size, uc_load, uc_run};

/* ---- the machine's own check ---- */

/* A one-byte access at offset off of an 8-byte area with permission perm,
   then bx lr, on the machine; the status it reports. */
static enum lbpf_thumb_status probe(uint8_t op, uint32_t off, unsigned perm) {
  enum { CODE_AT = 0x00010000u, DATA_AT = 0x20000000u, SENTINEL_AT = 0x00f00000u, LEN = 8 };
  const struct lbpf_thumb_insn insns[] = {
      {.form = LBPF_THUMB_F_LDST_IMM16, .op = op, .rd = 1, .rn = 0, .imm = (int32_t)off},
      {.form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = 14},
  };
  uint8_t code[8], data[LEN] = {0};
  size_t len = 0;
  for (size_t i = 0; i < 2; i++) {
    uint16_t hw[2];
    int n = lbpf_thumb_encode(&insns[i], hw);
    for (int k = 0; k < n; k++) code[len++] = (uint8_t)hw[k], code[len++] = (uint8_t)(hw[k] >> 8);
  }
  struct lbpf_thumb_area areas[] = {{CODE_AT, (uint32_t)len, LBPF_THUMB_EXEC, code},
                                    {DATA_AT, LEN, perm, data}};
  struct lbpf_thumb_state s;
  memset(&s, 0, sizeof s);
  s.r[0] = DATA_AT, s.r[14] = SENTINEL_AT | 1u, s.r[15] = CODE_AT | 1u;
  uc_err e = uc_open(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS, &machine.uc);
  if (e != UC_ERR_OK) die("uc_open", e);
  struct uc_machine *m = &machine;
  uc_engine *uc = m->uc;
  memset(m, 0, sizeof *m);
  m->uc = uc;
  uc_hook h;
  uc_hook_add(uc, &h, UC_HOOK_CODE, (void *)on_code, m, 1, 0);
  uc_hook_add(uc, &h, UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE, (void *)on_access, m, 1, 0);
  uc_hook_add(uc, &h, UC_HOOK_MEM_INVALID, (void *)on_invalid, m, 1, 0);
  struct lbpf_thumb_result r;
  enum lbpf_thumb_status status = unicorn_run(m, &s, areas, 2, SENTINEL_AT, 100, &r);
  uc_close(uc);
  return status;
}

/* The hooks hold accesses to exactly an area's bytes and permission,
   though unicorn maps whole pages. */
static bool machine_isolates(void) {
  const unsigned r = LBPF_THUMB_READ, rw = LBPF_THUMB_READ | LBPF_THUMB_WRITE;
  return probe(LBPF_THUMB_LDRB, 7, r) == LBPF_THUMB_RETURNED &&
         probe(LBPF_THUMB_LDRB, 8, r) == LBPF_THUMB_FAULT_MEMORY &&
         probe(LBPF_THUMB_STRB, 7, rw) == LBPF_THUMB_RETURNED &&
         probe(LBPF_THUMB_STRB, 7, r) == LBPF_THUMB_FAULT_MEMORY &&
         probe(LBPF_THUMB_LDRB, 0, LBPF_THUMB_WRITE) == LBPF_THUMB_FAULT_MEMORY;
}

/* ---- the loop ---- */

/* Compare a and b on c; stats (may be NULL) counts c with a's result. */
static bool fails(const struct lbpf_engine *a, const struct lbpf_engine *b, struct lbpf_pbt_case *c,
                  uint64_t seed, uint64_t k, struct lbpf_pbt_stats *stats) {
  struct lbpf_comparison report;
  memset(&report, 0, sizeof report);
  unsigned diff = lbpf_pbt_compare(a, b, c, &report);
  if (stats) lbpf_pbt_stats_add(stats, c, report.a.load == LBPF_OK ? &report.a.result : NULL);
  if (diff == 0) {
    lbpf_comparison_free(&report);
    return false;
  }
  fprintf(stderr, "jit-unicorn: seed %llu case %llu: %s and %s disagree\n",
          (unsigned long long)seed, (unsigned long long)k, a->name, b->name);
  lbpf_comparison_describe(&report, stderr);
  lbpf_comparison_free(&report);
  lbpf_pbt_shrink(a, b, c, diff, 2000);
  lbpf_pbt_print_data(stderr, c, "jit on unicorn disagrees");
  return true;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: jit_unicorn SEED COUNT\n");
    return 2;
  }
  uint64_t seed = strtoull(argv[1], NULL, 0), count = strtoull(argv[2], NULL, 0);
  const struct lbpf_engine *spec = lbpf_engine_find("spec");
  jit = lbpf_engine_find("jit");
  if (spec == NULL || jit == NULL) {
    fprintf(stderr, "jit-unicorn: no spec or jit engine\n");
    return 2;
  }
  if (!machine_isolates()) {
    fprintf(stderr, "jit-unicorn: the machine lets an access past an area's bytes or permission\n");
    return 1;
  }
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  static struct lbpf_pbt_case c;
  struct lbpf_pbt_stats stats;
  memset(&stats, 0, sizeof stats);
  uint64_t helpers = 0, locals = 0, callxs = 0, failed = 0;
  const uint8_t call = LBPF_CLASS_JMP | LBPF_JMP_CALL;
  for (uint64_t k = 0; k < count && failed < 3; k++) {
    struct lbpf_pbt_rng rng;
    lbpf_pbt_seed(&rng, seed, k);
    cfg.alu_runs = k % 2 ? ALU_RUNS : 0;
    lbpf_pbt_gen(&rng, &cfg, &c);
    for (uint32_t pc = 0; pc < c.nslots; pc++) {
      helpers += c.insns[pc].opcode == call && c.insns[pc].src == LBPF_CALL_HELPER;
      locals += c.insns[pc].opcode == call && c.insns[pc].src == LBPF_CALL_LOCAL;
      callxs += c.insns[pc].opcode == (call | LBPF_SRC_X);
    }
    if (fails(spec, &jit_unicorn, &c, seed, k, &stats) || fails(jit, &jit_unicorn, &c, seed, k, NULL))
      failed++;
  }
  uint64_t edges = 1;
  for (int r = 0; r < LBPF_PBT_REGION_COUNT; r++)
    edges = edges && stats.aims[r][LBPF_PBT_AIM_EDGE] && stats.aims[r][LBPF_PBT_AIM_OUTSIDE];
  printf("jit-unicorn: seed %llu: %llu cases, %llu disagreements; calls: %llu helper, %llu local, "
         "%llu callx; outcomes (spec): ok %llu, memory %llu, budget %llu; on unicorn: %llu "
         "instructions, %llu calls through the gate\n",
         (unsigned long long)seed, (unsigned long long)stats.cases, (unsigned long long)failed,
         (unsigned long long)helpers, (unsigned long long)locals, (unsigned long long)callxs,
         (unsigned long long)stats.status[LBPF_OK], (unsigned long long)stats.status[LBPF_ERR_MEMORY],
         (unsigned long long)stats.status[LBPF_ERR_BUDGET], (unsigned long long)uc_insns,
         (unsigned long long)uc_gates);
  if (failed) return 1;
  if (!helpers || !locals || !callxs || !edges || !stats.status[LBPF_ERR_MEMORY]) {
    fprintf(stderr, "jit-unicorn: the sample missed a call kind, an edge or a memory error\n");
    return 1;
  }
  return 0;
}
