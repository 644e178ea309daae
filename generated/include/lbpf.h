#line 15 "spec/api.nw"
#ifndef LBPF_H
#define LBPF_H
#include <stddef.h>
#include <stdint.h>

#line 42 "spec/api.nw"
#define LBPF_INSN_SIZE 8
#define LBPF_NREGS 11
#define LBPF_STACK_SIZE 512
#define LBPF_MAX_CALL_DEPTH 8
#define LBPF_MAX_INSNS 65536
#line 56 "spec/api.nw"
/* classes: opcode & 0x07 */
#define LBPF_CLASS_LD 0x00
#define LBPF_CLASS_LDX 0x01
#define LBPF_CLASS_ST 0x02
#define LBPF_CLASS_STX 0x03
#define LBPF_CLASS_ALU 0x04
#define LBPF_CLASS_JMP 0x05
#define LBPF_CLASS_JMP32 0x06
#define LBPF_CLASS_ALU64 0x07
#define LBPF_CLASS(op) ((op)&0x07)

/* arithmetic and jump instructions: source bit and operation */
#define LBPF_SRC_K 0x00
#define LBPF_SRC_X 0x08
#define LBPF_OP(op) ((op)&0xf0)

#define LBPF_ALU_ADD 0x00
#define LBPF_ALU_SUB 0x10
#define LBPF_ALU_MUL 0x20
#define LBPF_ALU_DIV 0x30
#define LBPF_ALU_OR 0x40
#define LBPF_ALU_AND 0x50
#define LBPF_ALU_LSH 0x60
#define LBPF_ALU_RSH 0x70
#define LBPF_ALU_NEG 0x80
#define LBPF_ALU_MOD 0x90
#define LBPF_ALU_XOR 0xa0
#define LBPF_ALU_MOV 0xb0
#define LBPF_ALU_ARSH 0xc0
#define LBPF_ALU_END 0xd0

#define LBPF_JMP_JA 0x00
#define LBPF_JMP_JEQ 0x10
#define LBPF_JMP_JGT 0x20
#define LBPF_JMP_JGE 0x30
#define LBPF_JMP_JSET 0x40
#define LBPF_JMP_JNE 0x50
#define LBPF_JMP_JSGT 0x60
#define LBPF_JMP_JSGE 0x70
#define LBPF_JMP_CALL 0x80
#define LBPF_JMP_EXIT 0x90
#define LBPF_JMP_JLT 0xa0
#define LBPF_JMP_JLE 0xb0
#define LBPF_JMP_JSLT 0xc0
#define LBPF_JMP_JSLE 0xd0

/* load and store instructions: mode and size */
#define LBPF_MODE(op) ((op)&0xe0)
#define LBPF_MODE_IMM 0x00
#define LBPF_MODE_ABS 0x20
#define LBPF_MODE_IND 0x40
#define LBPF_MODE_MEM 0x60
#define LBPF_MODE_MEMSX 0x80
#define LBPF_MODE_ATOMIC 0xc0
#define LBPF_SIZE(op) ((op)&0x18)
#define LBPF_SIZE_W 0x00
#define LBPF_SIZE_H 0x08
#define LBPF_SIZE_B 0x10
#define LBPF_SIZE_DW 0x18

/* atomic operations live in the immediate */
#define LBPF_ATOMIC_FETCH 0x01
#define LBPF_ATOMIC_ADD 0x00
#define LBPF_ATOMIC_OR 0x40
#define LBPF_ATOMIC_AND 0x50
#define LBPF_ATOMIC_XOR 0xa0
#define LBPF_ATOMIC_XCHG (0xe0 | LBPF_ATOMIC_FETCH)
#define LBPF_ATOMIC_CMPXCHG (0xf0 | LBPF_ATOMIC_FETCH)

/* the source field of a call says what is called */
#define LBPF_CALL_HELPER 0
#define LBPF_CALL_LOCAL 1
#line 140 "spec/api.nw"
struct lbpf_insn {
  uint8_t opcode;
  uint8_t dst; /* 0..15 as encoded; the verifier admits 0..10 */
  uint8_t src;
  int16_t offset;
  int32_t imm;
};
#line 159 "spec/api.nw"
enum lbpf_status {
  LBPF_OK = 0,
  /* refused at load time */
  LBPF_ERR_EMPTY_PROGRAM,   /* no instruction at all */
  LBPF_ERR_PROGRAM_SIZE,    /* not a multiple of 8 bytes, or too long */
  LBPF_ERR_UNKNOWN_OPCODE,  /* opcode (or atomic/byte-swap selector) not in RFC 9669 */
  LBPF_ERR_UNUSED_FIELD,    /* a field the instruction does not use is not zero */
  LBPF_ERR_BAD_REGISTER,    /* register number above 10 */
  LBPF_ERR_WRITE_R10,       /* the frame pointer is read-only */
  LBPF_ERR_JUMP_TARGET,     /* outside the program or into the middle of lddw */
  LBPF_ERR_INCOMPLETE_LDDW, /* lddw without its second slot, or a malformed one */
  LBPF_ERR_UNKNOWN_HELPER,  /* call of a helper id nobody registered */
  LBPF_ERR_FALLS_OFF_END,   /* the last instruction can fall through */
  /* happen at run time */
  LBPF_ERR_MEMORY,       /* access outside every region or without permission */
  LBPF_ERR_CALLX_TARGET, /* callx through a register naming no helper */
  LBPF_ERR_CALL_DEPTH,   /* more nested local calls than frames */
  LBPF_ERR_BUDGET,       /* the budget ran out (see the environment) */
  LBPF_ERR_ARGUMENT,     /* the embedding passed an unusable environment */
  LBPF_ERR_ENGINE,       /* the engine itself failed (never the program's doing) */
  LBPF_STATUS_COUNT
};

/* A short lowercase phrase, e.g. "memory access violation" for LBPF_ERR_MEMORY. */
const char *lbpf_status_name(enum lbpf_status status);
#line 196 "spec/api.nw"
enum { LBPF_PERM_READ = 1, LBPF_PERM_WRITE = 2 };

struct lbpf_region {
  void *base;    /* host address = VM address of the first byte */
  size_t length; /* in bytes; 0 is an empty region */
  unsigned perm; /* LBPF_PERM_READ | LBPF_PERM_WRITE */
};
#line 225 "spec/api.nw"
struct lbpf_env;

struct lbpf_helper_ctx {
  const struct lbpf_env *env; /* of the running program: env->user, env->regions */
  struct lbpf_region input;   /* this run's input memory, read-write */
  struct lbpf_region stack;   /* this run's stack frames, read-write */
};

typedef uint64_t (*lbpf_helper_fn)(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                                   uint64_t r3, uint64_t r4, uint64_t r5);

struct lbpf_helper {
  uint32_t id;
  lbpf_helper_fn fn;
};
#line 253 "spec/api.nw"
void lbpf_helper_ctx_init(struct lbpf_helper_ctx *ctx, const struct lbpf_env *env, void *mem,
                          size_t mem_len);
/* 1 if the program may read (write) len bytes at addr, else 0. */
int lbpf_helper_may_read(const struct lbpf_helper_ctx *ctx, uint64_t addr, uint64_t len);
int lbpf_helper_may_write(const struct lbpf_helper_ctx *ctx, uint64_t addr, uint64_t len);
/* The region in which the program's access of len bytes at addr needing
   perm is made (the first of the search order that holds it), or NULL. */
const struct lbpf_region *lbpf_helper_region(const struct lbpf_helper_ctx *ctx, uint64_t addr,
                                             uint64_t len, unsigned perm);
#line 289 "spec/api.nw"
struct lbpf_env {
  const struct lbpf_region *regions; /* besides the input memory and the stack */
  size_t nregions;
  const struct lbpf_helper *helpers;
  size_t nhelpers;
  void *user; /* for the helpers: ctx->env->user */
  uint64_t budget;
  void *stack;
  size_t stack_size;
};

/* The helper registered under id, or NULL. */
lbpf_helper_fn lbpf_env_helper(const struct lbpf_env *env, uint32_t id);
#line 312 "spec/api.nw"
struct lbpf_program {
  const uint8_t *code; /* ninsns * 8 bytes, little-endian instructions */
  uint32_t ninsns;
};

struct lbpf_fault {
  enum lbpf_status status;
  uint32_t pc; /* slot index of the offending instruction */
};

/* Verify size bytes of code against env's helpers; on success fill prog. */
enum lbpf_status lbpf_verify(const uint8_t *code, size_t size, const struct lbpf_env *env,
                             struct lbpf_program *prog, struct lbpf_fault *fault);
#line 336 "spec/api.nw"
struct lbpf_result {
  enum lbpf_status status;
  uint32_t pc;
  uint64_t r0;
  uint64_t insns;
  uint64_t budget_used;
};
#line 352 "spec/api.nw"
void lbpf_spec_run(const struct lbpf_program *prog, const struct lbpf_env *env, void *mem,
                   size_t mem_len, struct lbpf_result *result);
/* The new destination value of the ALU instruction (opcode, offset, imm)
   from the destination value d and the source value s (the source register,
   or the sign-extended immediate): the arithmetic every engine answers to. */
uint64_t lbpf_spec_alu(uint8_t opcode, int16_t offset, int32_t imm, uint64_t d, uint64_t s);
/* What lbpf_spec_alu gives for ALU64 div, mod, sdiv and smod of the dividend
   d by the divisor s (RFC 9669's results for 0 and for -1 included). */
uint64_t lbpf_spec_udiv64(uint64_t d, uint64_t s);
uint64_t lbpf_spec_umod64(uint64_t d, uint64_t s);
uint64_t lbpf_spec_sdiv64(uint64_t d, uint64_t s);
uint64_t lbpf_spec_smod64(uint64_t d, uint64_t s);
#line 376 "spec/api.nw"
/* One executed instruction, as lbpf_spec_run_watched shows it. */
struct lbpf_step {
  uint32_t pc;                 /* the instruction's slot */
  enum lbpf_status status;     /* LBPF_OK, or the error that ended the run here */
  unsigned depth;              /* local call frames beyond the entry frame, before it */
  uint64_t before[LBPF_NREGS]; /* the registers before it */
  uint64_t after[LBPF_NREGS];  /* and after it (as before when it failed) */
  uint64_t addr;               /* the memory access it attempted: size bytes at addr */
  unsigned size;               /* (0: it accesses no memory itself) */
  unsigned perm;               /* the permission the access needs: LBPF_PERM_* */
};
typedef void (*lbpf_watch_fn)(void *user, const struct lbpf_step *step);

/* lbpf_spec_run, calling watch(user, step) after each instruction. */
void lbpf_spec_run_watched(const struct lbpf_program *prog, const struct lbpf_env *env, void *mem,
                           size_t mem_len, struct lbpf_result *result, lbpf_watch_fn watch,
                           void *user);
#line 30 "spec/api.nw"
#endif
