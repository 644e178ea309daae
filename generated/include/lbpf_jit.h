#line 1522 "lit/jit-alu.nw"
/* The ALU-run JIT of litbpf: layout, code buffer, model J, emitter E. */
#ifndef LBPF_JIT_H
#define LBPF_JIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"
#include "lbpf_thumb.h"

#line 55 "lit/jit-alu.nw"
/* Where BPF register i lives in the register file (byte offsets). */
#define LBPF_JIT_REG_LO(i) (8u * (i))
#define LBPF_JIT_REG_HI(i) (8u * (i) + 4u)
/* The ARM register holding the register file's address during a run. */
#define LBPF_JIT_BASE_REG 0u
/* Halves are numbered 2*i (low word of BPF register i) and 2*i + 1 (high). */
#define LBPF_JIT_NHALVES (2 * LBPF_NREGS)
/* The ARM registers a run allocates, in order: caller-saved (the first
   LBPF_JIT_POOL_CLOBBERED), then saved ones. */
#define LBPF_JIT_POOL_SIZE 13
#define LBPF_JIT_POOL_CLOBBERED 4
extern const uint8_t lbpf_jit_pool[LBPF_JIT_POOL_SIZE];
/* Scratch registers an instruction may need (64-bit arsh by a register). */
#define LBPF_JIT_MAX_SCRATCH 3
/* Bytes of machine stack a run may use (at most a frame of ten words and
   six saved around a call of a routine: 64). */
#define LBPF_JIT_MODEL_STACK 64u
#line 109 "lit/jit-alu.nw"
enum lbpf_jit_buf_status {
  LBPF_JIT_BUF_OK = 0,
  LBPF_JIT_BUF_FULL,    /* an array (code, instructions, labels, fix-ups) is full */
  LBPF_JIT_BUF_INVALID, /* an instruction the model does not accept */
  LBPF_JIT_BUF_RANGE,   /* a branch whose target is out of its form's range */
  LBPF_JIT_BUF_UNBOUND  /* a branch to a label never bound, or a label out of range */
};
#define LBPF_JIT_UNBOUND UINT32_MAX

/* A branch waiting for its label: eight bytes. */
struct lbpf_jit_fixup {
  uint32_t offset;      /* byte offset of the branch */
  uint32_t label_shape; /* its label (the low 24 bits) and its shape (the top 8) */
};
#define LBPF_JIT_FIXUP_LABELS (UINT32_C(1) << 24) /* the labels a fix-up can name */

struct lbpf_jit_buf {
  uint8_t *code; /* bytes, or NULL */
  size_t cap;
  struct lbpf_thumb_insn *insns; /* instructions, or NULL */
  size_t icap;
  uint32_t *labels; /* byte offset of each label, LBPF_JIT_UNBOUND until bound */
  size_t nlabels;
  struct lbpf_jit_fixup *fixups;
  size_t fcap, nfixups;
  size_t len; /* bytes emitted */
  size_t n;   /* instructions emitted */
  enum lbpf_jit_buf_status status;
  bool unchecked; /* instructions kept unchecked (planning's record, with stand-ins) */
};

/* Start an empty buffer over the caller's arrays (any may be NULL with a
   size of 0); every label starts unbound. */
void lbpf_jit_buf_init(struct lbpf_jit_buf *b, uint8_t *code, size_t cap,
                       struct lbpf_thumb_insn *insns, size_t icap, uint32_t *labels, size_t nlabels,
                       struct lbpf_jit_fixup *fixups, size_t fcap);
/* Append one instruction. */
void lbpf_jit_emit(struct lbpf_jit_buf *b, const struct lbpf_thumb_insn *i);
/* Append the branch i (B, B<c>, CBZ or CBNZ, of either width) to label. */
void lbpf_jit_branch(struct lbpf_jit_buf *b, const struct lbpf_thumb_insn *i, uint32_t label);
/* Bind label to the current offset. */
void lbpf_jit_bind(struct lbpf_jit_buf *b, uint32_t label);
/* Patch every branch; the buffer's status. */
enum lbpf_jit_buf_status lbpf_jit_resolve(struct lbpf_jit_buf *b);
#line 1324 "lit/jit-alu.nw"
/* The plan of a run: what it loads, stores, needs, and its body's length. */
struct lbpf_jit_plan {
  uint32_t read_first; /* halves read before written (bit 2*i: low word of r_i) */
  uint32_t written;    /* halves written */
  uint32_t zero;       /* halves the run has set to 0 so far */
  unsigned nscratch;   /* scratch registers */
  uint32_t body;       /* instructions of the body */
  uint32_t insns;      /* BPF instructions of the run */
  uint32_t calls;      /* calls of run-time routines (64-bit divisions) */
};
/* Slots (1, or 2 for lddw) of the ALU-run instruction at pc whose code
   calls nothing (every ALU form but the 64-bit divisions, and lddw); 0 if
   the instruction is none. */
uint32_t lbpf_jit_alu_slots(const struct lbpf_program *prog, uint32_t pc);
/* Slots of the instruction at pc in a run of the hybrid VM: those of
   lbpf_jit_alu_slots, and 1 for the 64-bit divisions (a routine's call). */
uint32_t lbpf_jit_run_slots(const struct lbpf_program *prog, uint32_t pc);
/* The same of in, the instruction at pc (pc < prog->ninsns), decoded. */
uint32_t lbpf_jit_insn_run_slots(const struct lbpf_program *prog, uint32_t pc, struct lbpf_insn in);
void lbpf_jit_plan_init(struct lbpf_jit_plan *p);
/* Add the ALU-run instruction at pc; false (p unchanged) if the run would no
   longer fit the register pool. */
bool lbpf_jit_plan_insn(struct lbpf_jit_plan *p, const struct lbpf_program *prog, uint32_t pc);
/* Plan the run of len slots at pc; false if it is no run. */
bool lbpf_jit_plan_run(struct lbpf_jit_plan *p, const struct lbpf_program *prog, uint32_t pc,
                       uint32_t len);
/* Does the run save callee-saved registers (one push, one pop)? */
bool lbpf_jit_plan_saves(const struct lbpf_jit_plan *p);
/* Thumb-2 instructions the run's code executes (it has no branch). */
uint32_t lbpf_jit_plan_cost(const struct lbpf_jit_plan *p);
/* The generator: write the code of the run of len slots at pc into b (J with
   an instructions buffer, E with a bytes buffer).  False if it is no run or
   the buffer refused. */
bool lbpf_jit_alu_gen(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                      struct lbpf_jit_buf *b);
/* The same with the run's plan already made (lbpf_jit_plan_run). */
bool lbpf_jit_alu_gen_planned(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                              const struct lbpf_jit_plan *plan, struct lbpf_jit_buf *b);
/* The body of the one ALU-run instruction at pc (one of lbpf_jit_alu_slots:
   no routine's call), its half h in ARM register arm[h] and its scratch
   registers in tmp, the halves of zero taken as 0. */
bool lbpf_jit_alu_gen_insn(const struct lbpf_program *prog, uint32_t pc,
                           const uint8_t arm[LBPF_JIT_NHALVES],
                           const uint8_t tmp[LBPF_JIT_MAX_SCRATCH], uint32_t zero,
                           struct lbpf_jit_buf *b);
/* The body of a run as planning records it: the generator's instructions
   with stand-ins (LBPF_JIT_STAND_IN + half, then + LBPF_JIT_NHALVES +
   scratch) for the registers not yet allocated; at most
   LBPF_JIT_RECORD_MAX of them. */
#define LBPF_JIT_STAND_IN 16u
#define LBPF_JIT_RECORD_MAX 96u
struct lbpf_jit_record {
  struct lbpf_jit_buf buf; /* the instructions meaning over insns, unchecked */
  struct lbpf_thumb_insn insns[LBPF_JIT_RECORD_MAX];
};
/* An empty record. */
void lbpf_jit_record_init(struct lbpf_jit_record *rec);
/* lbpf_jit_plan_insn, also recording the instruction's body in rec; false
   (p and rec unchanged) if the run no longer fits the pool or the record. */
bool lbpf_jit_plan_record(struct lbpf_jit_plan *p, struct lbpf_jit_record *rec,
                          const struct lbpf_program *prog, uint32_t pc);
/* Write the code of a run planned and recorded from an empty plan and an
   empty record; false if the buffer refused. */
bool lbpf_jit_alu_gen_recorded(const struct lbpf_jit_plan *plan, const struct lbpf_jit_record *rec,
                               struct lbpf_jit_buf *b);
/* lbpf_jit_alu_gen_insn from the record of the one instruction (planned
   and recorded from an empty plan, with the zero halves it is given, and
   an empty record): the same body, without running the generator again. */
bool lbpf_jit_alu_gen_insn_recorded(const struct lbpf_jit_record *rec,
                                    const uint8_t arm[LBPF_JIT_NHALVES],
                                    const uint8_t tmp[LBPF_JIT_MAX_SCRATCH],
                                    struct lbpf_jit_buf *b);
/* J, the model: the Thumb-2 instructions of the run of len slots at slot pc
   of a verified program (every slot of it an ALU-run instruction).  Writes
   at most cap instructions to out and returns how many; 0 when cap is too
   small or the slots are no run. */
size_t lbpf_jit_alu_model(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                          struct lbpf_thumb_insn *out, size_t cap);
#line 658 "lit/jit-alu.nw"
/* The run-time routines of 64-bit division: the specification's div, mod,
   sdiv and smod (ALU64) of the dividend d by the divisor s
   (lbpf_spec_udiv64 ...), indexed by 2 * signed + is_mod. */
typedef uint64_t (*lbpf_jit_routine)(uint64_t d, uint64_t s);
#define LBPF_JIT_NROUTINES 4u
extern const lbpf_jit_routine lbpf_jit_div64_routines[LBPF_JIT_NROUTINES];
/* Host: routine k is called at the gate word LBPF_JIT_MODEL_GATE + 4k. */
#define LBPF_JIT_MODEL_GATE 0x00d00000u
#line 35 "lit/jit-emit.nw"
/* The analyzer's table: one entry per slot of the program. */
struct lbpf_jit_entry {
  uint32_t offset; /* byte offset of the run's code in the code buffer */
  uint32_t len;    /* BPF slots the run covers; 0: no jitted run starts here */
};
#line 108 "lit/jit-emit.nw"
/* Cortex-M4 instructions the interpreter executes per ALU instruction (the
   cheapest measured), and what the hybrid VM spends to call a compiled run
   (see the cost model). */
#define LBPF_JIT_INTERP_ALU_COST 10u
#define LBPF_JIT_CALL_COST 10u
/* What a run-time routine of 64-bit division executes beyond the
   interpreter's division (see the cost model). */
#define LBPF_JIT_ROUTINE_COST 10u
#line 149 "lit/jit-emit.nw"
#define LBPF_JIT_MAX_INSN_BYTES 52u
#define LBPF_JIT_MAX_FRAME_BYTES (4u + 4u * LBPF_JIT_POOL_SIZE + 4u * LBPF_JIT_POOL_SIZE + 4u + 2u)
/* Bytes of code buffer that always suffice for a program of ninsns slots. */
size_t lbpf_jit_alu_code_bound(uint32_t ninsns);
#line 295 "lit/jit-emit.nw"
/* Is the run of len slots at pc cheaper compiled than interpreted? */
bool lbpf_jit_alu_worth(const struct lbpf_program *prog, uint32_t pc, uint32_t len);
/* Does the slot pc hold the first half of an lddw? */
bool lbpf_jit_is_lddw_slot(const struct lbpf_program *prog, uint32_t pc);
/* The analyzer and the emitter E (freestanding, no allocation): find the
   runs worth jitting (the stated cost model), write each run's code into
   code (cap bytes, 4-byte aligned), and fill entries[prog->ninsns].  E's
   bytes for a run are exactly those of encoding J's instructions.  Returns
   LBPF_OK, or LBPF_ERR_ARGUMENT when cap is too small (nothing half-written
   is left usable: every entry's len is then 0). */
enum lbpf_status lbpf_jit_alu_compile(const struct lbpf_program *prog, uint8_t *code, size_t cap,
                                      size_t *code_len, struct lbpf_jit_entry *entries);
#line 1420 "lit/jit-alu.nw"
/* Host only (generated/host/): run the function at code + offset on the
   Thumb-2 model with r0 = the address of regs, mapping only the code
   (execute), the 88 bytes of regs (read/write) and a machine stack of
   LBPF_JIT_MODEL_STACK bytes (read/write); any other access faults.  Returns
   the model's status (LBPF_THUMB_RETURNED on success), updates regs and fills
   result (instructions, cycles). */
enum lbpf_thumb_status lbpf_jit_model_call(const uint8_t *code, size_t code_len, uint32_t offset,
                                           uint64_t regs[LBPF_NREGS],
                                           struct lbpf_thumb_result *result);
/* The same, also giving the machine state before the call (in) and after
   it (out). */
enum lbpf_thumb_status lbpf_jit_model_run(const uint8_t *code, size_t code_len, uint32_t offset,
                                          uint64_t regs[LBPF_NREGS], struct lbpf_thumb_state *in,
                                          struct lbpf_thumb_state *out,
                                          struct lbpf_thumb_result *result);
/* Where the witness maps its areas, and the return address it gives. */
#define LBPF_JIT_MODEL_CODE 0x00010000u
#define LBPF_JIT_MODEL_REGS 0x20000000u
#define LBPF_JIT_MODEL_STACK_BASE 0x20001000u
#define LBPF_JIT_MODEL_SENTINEL 0x00f00000u
#define LBPF_JIT_MODEL_MAX_STEPS 100000u
/* Host only: if the pc of s is a word of the gate, perform the call of the
   routine it names as the AAPCS says (the arguments in r0-r3, the result in
   r0:r1; r2, r3, r12, lr and the flags spoiled), resume at lr and return
   true. */
bool lbpf_jit_model_gate(struct lbpf_thumb_state *s);
#line 1538 "lit/jit-alu.nw"
#endif
