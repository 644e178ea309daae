/* A profile of the whole-program JIT's code by the Thumb-2 model's cost
   counters (`make bench-jit-profile'): each benchmark program is compiled
   by jit and run once on the model, through the JIT chapter's host driver
   (lbpf_jit_prog_machine_call) with a machine that steps the model one
   instruction at a time and charges each executed instruction to its code
   offset.  The generator's label map then charges each offset to the
   BPF instruction whose code it is (lbpf_jit_prog_label_pc: the nearest
   label at or before it), and that instruction to its class; code under no
   instruction's label (the prologue, the epilogue, the failure exit) is the
   run's fixed cost.  Only the map is read, never the generator's sequences.

     jit_profile OUT.md NAME...

   NAME's program is build/bench/bpf/NAME.o, its input bench/programs/NAME.mem.
   Each run must agree with the specification's (status and r0), and the
   stepped instruction count with the model driver's own count of the same
   run.  Instructions are charged; the cycles shown are the run's total.
   Exit status 0, 1 on any failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_io.h"
#include "lbpf_engines.h"
#include "lbpf_jit_prog.h"
#include "loader.h"

enum cls { C_ALU, C_MEM, C_JUMP, C_CALL, C_EXIT, C_FIXED, C_COUNT };
static const char *const cls_name[C_COUNT] = {
    "ALU (and lddw)", "load/store/atomic (with the region check)", "jumps", "calls (helper, local, callx)",
    "exit", "entry and exit (fixed)"};

struct profile {
  uint32_t code_base; /* the code area's model address, found on the first step */
  size_t code_len;
  uint64_t *insns; /* per code byte offset */
};

static enum lbpf_thumb_status stepped(void *machine, struct lbpf_thumb_state *s,
                                      const struct lbpf_thumb_area *areas, size_t nareas,
                                      uint32_t sentinel, uint64_t max_steps,
                                      struct lbpf_thumb_result *r) {
  struct profile *p = machine;
  for (size_t i = 0; i < nareas; i++)
    if (areas[i].perm & LBPF_THUMB_EXEC) p->code_base = areas[i].base, p->code_len = areas[i].size;
  uint64_t steps = 0, cycles = 0;
  for (;;) {
    uint32_t at = s->r[15] & ~1u;
    struct lbpf_thumb_result one;
    enum lbpf_thumb_status st =
        lbpf_thumb_run(s, areas, nareas, sentinel, steps < max_steps ? 1 : 0, &one);
    steps += one.insns, cycles += one.cycles;
    if (at >= p->code_base && at - p->code_base < p->code_len)
      p->insns[at - p->code_base] += one.insns;
    if (st != LBPF_THUMB_STEP_LIMIT || steps >= max_steps) {
      *r = one;
      r->insns = steps, r->cycles = cycles;
      return st;
    }
  }
}

static struct profile prof;
static struct lbpf_havm_model_count stepped_count;

static bool profile_call(void *ctx, const struct lbpf_jit_prog *vm, struct lbpf_jit_prog_state *st,
                         const struct lbpf_helper_ctx *hctx) {
  return lbpf_jit_prog_machine_call(stepped, ctx, &stepped_count, vm, st, hctx);
}

static enum cls class_of(uint8_t opcode) {
  switch (LBPF_CLASS(opcode)) {
  case LBPF_CLASS_LDX:
  case LBPF_CLASS_ST:
  case LBPF_CLASS_STX: return C_MEM;
  case LBPF_CLASS_JMP:
  case LBPF_CLASS_JMP32:
    if (LBPF_OP(opcode) == LBPF_JMP_CALL) return C_CALL;
    if (LBPF_OP(opcode) == LBPF_JMP_EXIT) return C_EXIT;
    return C_JUMP;
  default: return C_ALU; /* alu, alu64, and lddw (class ld) */
  }
}

static uint8_t stack_memory[LBPF_STACK_SIZE * LBPF_MAX_CALL_DEPTH] __attribute__((aligned(16)));

struct row {
  const char *name;
  uint64_t insns, cycles, bpf_insns;
  uint64_t by[C_COUNT], out_of_line;
  uint64_t execs[C_COUNT]; /* entries into the code of an instruction of the class */
};

/* Profile one program into row; false (with a message) on any failure. */
static bool profile_one(const char *name, struct row *row) {
  char path[512], err[256];
  snprintf(path, sizeof path, "build/bench/bpf/%s.o", name);
  struct lbpf_program_file pf;
  if (lbpf_load_program_file(path, NULL, &pf, err, sizeof err) != LBPF_LOAD_OK) {
    fprintf(stderr, "jit_profile: %s\n", err);
    return false;
  }
  snprintf(path, sizeof path, "bench/programs/%s.mem", name);
  size_t mem_len;
  uint8_t *pristine = lbpf_bench_read_file(path, &mem_len), *mem = malloc(mem_len + 8);
  struct lbpf_env env = {0};
  env.budget = UINT64_C(1) << 32;
  env.stack = stack_memory, env.stack_size = sizeof stack_memory;
  env.regions = pf.regions, env.nregions = pf.nregions;
  struct lbpf_program prog;
  struct lbpf_fault fault;
  if (pristine == NULL || mem == NULL ||
      lbpf_verify(pf.code, pf.code_size, &env, &prog, &fault) != LBPF_OK) {
    fprintf(stderr, "jit_profile: %s: no input or refused\n", name);
    return false;
  }
  uint32_t n = prog.ninsns;
  /* the map: the generator once more, into buffers of our own */
  size_t cap = lbpf_jit_prog_code_bound(n), nlabels = lbpf_jit_prog_nlabels(n);
  uint8_t *code = malloc(cap);
  uint32_t *labels = malloc(nlabels * sizeof *labels);
  struct lbpf_jit_fixup *fixups = malloc(lbpf_jit_prog_nfixups(n) * sizeof *fixups);
  void *work = aligned_alloc(8, (lbpf_jit_prog_work_size(n) + 7) / 8 * 8);
  struct lbpf_jit_buf b;
  lbpf_jit_buf_init(&b, code, cap, NULL, 0, labels, nlabels, fixups, lbpf_jit_prog_nfixups(n));
  if (code == NULL || labels == NULL || fixups == NULL || work == NULL ||
      !lbpf_jit_prog_gen(&prog, &env, &b)) {
    fprintf(stderr, "jit_profile: %s: the generator refused\n", name);
    return false;
  }
  /* the run, stepped; the code must be the map's */
  struct lbpf_jit_prog vm;
  prof.insns = calloc(b.len, sizeof *prof.insns);
  stepped_count = (struct lbpf_havm_model_count){0, 0, 0};
  if (prof.insns == NULL ||
      lbpf_jit_prog_load(&vm, pf.code, pf.code_size, &env, work, lbpf_jit_prog_work_size(n),
                         profile_call, &prof, &fault) != LBPF_OK ||
      vm.code_len != b.len || memcmp(vm.code, code, b.len) != 0) {
    fprintf(stderr, "jit_profile: %s: the load's code is not the map's\n", name);
    return false;
  }
  struct lbpf_result res, spec_res, plain_res;
  memcpy(mem, pristine, mem_len);
  lbpf_jit_prog_run(&vm, mem, mem_len, &res);
  /* the same run on the model driver's own machine, counted */
  struct lbpf_havm_model_count plain = {0, 0, 0};
  struct lbpf_jit_prog vm2;
  void *work2 = aligned_alloc(8, (lbpf_jit_prog_work_size(n) + 7) / 8 * 8);
  if (work2 == NULL || lbpf_jit_prog_load(&vm2, pf.code, pf.code_size, &env, work2,
                                          lbpf_jit_prog_work_size(n), lbpf_jit_prog_model_call,
                                          &plain, &fault) != LBPF_OK) {
    fprintf(stderr, "jit_profile: %s: cannot load it twice\n", name);
    return false;
  }
  memcpy(mem, pristine, mem_len);
  lbpf_jit_prog_run(&vm2, mem, mem_len, &plain_res);
  /* the specification's run, for the outcome and the BPF instructions executed */
  const struct lbpf_engine *spec = lbpf_engine_find("spec");
  void *state = malloc(spec->state_size(pf.code_size));
  if (state == NULL || spec->load(state, pf.code, pf.code_size, &env, &fault) != LBPF_OK) {
    fprintf(stderr, "jit_profile: %s: the specification refuses it\n", name);
    return false;
  }
  memcpy(mem, pristine, mem_len);
  spec->run(state, mem, mem_len, &spec_res);
  if (res.status != spec_res.status || res.r0 != spec_res.r0 || res.status != LBPF_OK ||
      stepped_count.insns != plain.insns) {
    fprintf(stderr,
            "jit_profile: %s: jit %s r0 %llx, spec %s r0 %llx; stepped %llu insns %llu cycles, "
            "driver %llu insns %llu cycles\n",
            name, lbpf_status_name(res.status), (unsigned long long)res.r0,
            lbpf_status_name(spec_res.status), (unsigned long long)spec_res.r0,
            (unsigned long long)stepped_count.insns, (unsigned long long)stepped_count.cycles,
            (unsigned long long)plain.insns, (unsigned long long)plain.cycles);
    return false;
  }
  /* offset -> owning pc: every bound code label, the nearest at or before;
     at equal offsets an instruction's own code (its pc label) wins, then
     the later pc (the labels an instruction binds at its end are where the
     next one's code begins) */
  int64_t *owner = malloc(b.len * sizeof *owner);
  if (owner == NULL) return false;
  for (size_t x = 0; x < b.len; x++) owner[x] = -1;
  uint32_t ool = lbpf_jit_prog_out_of_line(labels, n);
  {
    /* for each offset the best label at it, then carried forward */
    int64_t *best = malloc(b.len * sizeof *best);
    bool *own = calloc(b.len, sizeof *own);
    bool *any = calloc(b.len, sizeof *any);
    if (best == NULL || own == NULL || any == NULL) return false;
    for (size_t i = 0; i < nlabels; i++) {
      uint32_t off = labels[i];
      if (off == LBPF_JIT_UNBOUND || off >= b.len) continue;
      int64_t pc = lbpf_jit_prog_label_pc(n, i);
      if (pc < 0 && i < (size_t)LBPF_JIT_PROG_LABEL_KINDS * n) continue; /* a mark, no code */
      bool is_own = pc >= 0 && lbpf_jit_prog_pc_offset(labels, (uint32_t)pc) == off;
      if (!any[off] || (is_own && !own[off]) ||
          (is_own == own[off] && pc > best[off])) {
        best[off] = pc, own[off] = is_own, any[off] = true;
      }
    }
    int64_t cur = -1;
    for (size_t x = 0; x < b.len; x++) {
      if (any[x]) cur = best[x];
      owner[x] = cur;
    }
    free(best), free(own), free(any);
  }
  memset(row, 0, sizeof *row);
  row->name = name;
  /* the cycles of the unstepped run: one step at a time, the model cannot
     see a load follow another (one cycle less), so cycles are not charged */
  row->insns = stepped_count.insns, row->cycles = plain.cycles;
  row->bpf_insns = spec_res.insns;
  for (size_t x = 0; x < b.len; x++) {
    if (prof.insns[x] == 0) continue;
    enum cls c = owner[x] < 0 ? C_FIXED : class_of(prog.code[LBPF_INSN_SIZE * (size_t)owner[x]]);
    row->by[c] += prof.insns[x];
    if (x >= ool && owner[x] >= 0) row->out_of_line += prof.insns[x];
  }
  /* how often each instruction ran: the executions of the first instruction
     at its own label (an ALU run's inner instructions have none, so only
     the classes that never join a run are counted) */
  for (uint32_t pc = 0; pc < n; pc++) {
    uint32_t off = lbpf_jit_prog_pc_offset(labels, pc);
    if (off != LBPF_JIT_UNBOUND && off < b.len)
      row->execs[class_of(prog.code[LBPF_INSN_SIZE * (size_t)pc])] += prof.insns[off];
  }
  free(owner), free(prof.insns), free(code), free(labels), free(fixups);
  free(work), free(work2), free(state), free(mem), free(pristine);
  lbpf_program_file_free(&pf);
  return true;
}

static void pct(FILE *f, uint64_t part, uint64_t whole) {
  fprintf(f, " %.1f |", whole ? 100.0 * (double)part / (double)whole : 0.0);
}

static void per(FILE *f, uint64_t insns, uint64_t execs) {
  if (execs)
    fprintf(f, " %.1f |", (double)insns / (double)execs);
  else
    fprintf(f, " – |");
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: jit_profile OUT.md NAME...\n");
    return 1;
  }
  int nrows = argc - 2;
  struct row *rows = calloc((size_t)nrows + 1, sizeof *rows), *all = &rows[nrows];
  if (rows == NULL) return 1;
  all->name = "all programs";
  for (int k = 0; k < nrows; k++) {
    if (!profile_one(argv[k + 2], &rows[k])) return 1;
    all->insns += rows[k].insns, all->cycles += rows[k].cycles, all->bpf_insns += rows[k].bpf_insns;
    all->out_of_line += rows[k].out_of_line;
    for (int c = 0; c < C_COUNT; c++) all->by[c] += rows[k].by[c], all->execs[c] += rows[k].execs[c];
  }
  FILE *f = fopen(argv[1], "w");
  if (f == NULL) return 1;
  fprintf(f, "# Where the whole-program JIT's code spends its instructions\n\n"
             "Generated by `make bench-jit-profile` (bench/jit_profile.c). Do not edit by hand.\n\n"
             "Each benchmark program, compiled by `jit` and run once with its input on the\n"
             "Thumb-2 model (the host driver, stepped one instruction at a time), with every\n"
             "executed Thumb-2 instruction charged to the BPF instruction whose code it is, by\n"
             "the generator's label map alone (the nearest code label at or before it), and\n"
             "that instruction to its class. *Fixed* is code under no instruction's label:\n"
             "the prologue, the epilogue and the shared failure exit. The inline budget code\n"
             "of a taken backward jump or a call is the jump's or the call's. Helper calls run\n"
             "on the host through the gate and are not counted. *Out of line* is the share\n"
             "of all instructions executed in the out-of-line code (ALU runs, slow paths of\n"
             "the region check, local functions' entries, stubs), whatever their class.\n\n"
             "Columns: model instructions and cycles of the run, BPF instructions the\n"
             "specification executes, model instructions per BPF instruction, then the\n"
             "share (%%) of the model instructions per class, and for loads and stores and\n"
             "for jumps the model instructions per executed one (*per ld/st*, *per jump*;\n"
             "an instruction's executions are those of the first instruction at its label).\n\n");
  fprintf(f, "| program | model insns | cycles | BPF insns | per BPF insn |");
  for (int c = 0; c < C_COUNT; c++) fprintf(f, " %s |", cls_name[c]);
  fprintf(f, " out of line | per ld/st | per jump |\n| --- | ---: | ---: | ---: | ---: |");
  for (int c = 0; c <= C_COUNT + 2; c++) fprintf(f, " ---: |");
  fprintf(f, "\n");
  for (int k = 0; k <= nrows; k++) {
    const struct row *r = &rows[k];
    fprintf(f, "| %s%s%s | %llu | %llu | %llu | %.1f |", k == nrows ? "**" : "", r->name,
            k == nrows ? "**" : "", (unsigned long long)r->insns, (unsigned long long)r->cycles,
            (unsigned long long)r->bpf_insns,
            r->bpf_insns ? (double)r->insns / (double)r->bpf_insns : 0.0);
    for (int c = 0; c < C_COUNT; c++) pct(f, r->by[c], r->insns);
    pct(f, r->out_of_line, r->insns);
    per(f, r->by[C_MEM], r->execs[C_MEM]);
    per(f, r->by[C_JUMP], r->execs[C_JUMP]);
    fprintf(f, "\n");
  }
  int top = 0;
  for (int c = 1; c < C_COUNT; c++)
    if (all->by[c] > all->by[top]) top = c;
  fprintf(f, "\nOver all %d programs: %.1f model instructions per BPF instruction; the largest\n"
             "share, %.1f%%, goes to %s; a load or store with its region check\n"
             "executes %.1f model instructions, a jump %.1f.\n",
          nrows, (double)all->insns / (double)all->bpf_insns,
          100.0 * (double)all->by[top] / (double)all->insns, cls_name[top],
          (double)all->by[C_MEM] / (double)all->execs[C_MEM],
          (double)all->by[C_JUMP] / (double)all->execs[C_JUMP]);
  fclose(f);
  free(rows);
  return 0;
}
