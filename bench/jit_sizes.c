/* Programs of a chosen size for the whole-program JIT's compile-cost curve
   (bench/target.sh), and the JIT's memory for a size.

     jit_sizes program KIND N OUT   write a program of N slots (16 up to the
                                    verifier's limit) as raw bytecode to OUT;
                                    KIND straight (arithmetic and stack
                                    traffic) or branchy (a checked input load
                                    and forward jumps in every eight slots)
     jit_sizes work N               print lbpf_jit_prog_work_size(N),
                                    lbpf_jit_prog_code_bound(N) and
                                    lbpf_jit_prog_tables_size(N), in bytes
     jit_sizes compile KIND N       build the program in memory and load it
                                    once on this host with the jit (for
                                    callgrind, --toggle-collect on
                                    lbpf_jit_prog_gen); print the code's bytes

   Every program written is first accepted by the verifier (in the engines
   chapter's standard environment).  Exit status 0, 1 on a refusal or an
   unwritable file, 2 on a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf.h"
#include "lbpf_engines.h"
#include "lbpf_jit_prog.h"

#define MIN_SLOTS 16u
#define BLOCK 8u   /* slots of one repeated block */
#define FIRST_REG 3 /* r3..r9 are initialised, r1 is the input, r10 the frame */
#define LAST_REG 9

static uint8_t *out;
static uint32_t len;

static void put(uint8_t opcode, uint8_t dst, uint8_t src, int16_t offset, int32_t imm) {
  uint8_t *p = out + (size_t)LBPF_INSN_SIZE * len++;
  p[0] = opcode;
  p[1] = (uint8_t)(dst | src << 4);
  p[2] = (uint8_t)offset, p[3] = (uint8_t)((uint16_t)offset >> 8);
  for (int k = 0; k < 4; k++) p[4 + k] = (uint8_t)((uint32_t)imm >> (8 * k));
}

static void alu64_k(uint8_t op, uint8_t dst, int32_t imm) {
  put(LBPF_CLASS_ALU64 | op | LBPF_SRC_K, dst, 0, 0, imm);
}
static void alu64_x(uint8_t op, uint8_t dst, uint8_t src) {
  put(LBPF_CLASS_ALU64 | op | LBPF_SRC_X, dst, src, 0, 0);
}
static void alu32_k(uint8_t op, uint8_t dst, int32_t imm) {
  put(LBPF_CLASS_ALU | op | LBPF_SRC_K, dst, 0, 0, imm);
}

/* Eight slots of 64- and 32-bit arithmetic and a store and a load of the
   stack. */
static void straight_block(void) {
  alu64_x(LBPF_ALU_ADD, 3, 4);
  alu32_k(LBPF_ALU_XOR, 4, 0x55);
  put(LBPF_CLASS_STX | LBPF_MODE_MEM | LBPF_SIZE_DW, 10, 3, -8, 0);
  put(LBPF_CLASS_LDX | LBPF_MODE_MEM | LBPF_SIZE_W, 5, 10, -8, 0);
  alu64_k(LBPF_ALU_LSH, 5, 3);
  alu64_x(LBPF_ALU_MUL, 6, 5);
  alu64_x(LBPF_ALU_OR, 7, 6);
  put(LBPF_CLASS_ALU | LBPF_ALU_SUB | LBPF_SRC_X, 8, 7, 0, 0);
}

/* Eight slots: a byte of the input (a checked load), an if-else on it and
   a 64-bit comparison of two registers, all jumps forward in the block. */
static void branchy_block(void) {
  put(LBPF_CLASS_LDX | LBPF_MODE_MEM | LBPF_SIZE_B, 5, 1, 0, 0);
  put(LBPF_CLASS_JMP | LBPF_JMP_JEQ | LBPF_SRC_K, 5, 0, 2, 0);
  alu64_x(LBPF_ALU_ADD, 3, 5);
  put(LBPF_CLASS_JMP | LBPF_JMP_JA, 0, 0, 1, 0);
  alu64_k(LBPF_ALU_SUB, 3, 1);
  put(LBPF_CLASS_JMP | LBPF_JMP_JGT | LBPF_SRC_X, 3, 4, 1, 0);
  alu64_x(LBPF_ALU_MOV, 4, 3);
  alu32_k(LBPF_ALU_ADD, 6, 7);
}

/* Build the program of kind and n slots in out; false for a bad kind or size. */
static bool build(const char *kind, uint32_t n) {
  void (*block)(void) = strcmp(kind, "straight") == 0  ? straight_block
                        : strcmp(kind, "branchy") == 0 ? branchy_block
                                                       : NULL;
  if (block == NULL || n < MIN_SLOTS || n > LBPF_MAX_INSNS) return false;
  out = calloc(n, LBPF_INSN_SIZE);
  if (out == NULL) return false;
  len = 0;
  for (uint8_t r = FIRST_REG; r <= LAST_REG; r++) alu64_k(LBPF_ALU_MOV, r, r * 0x1111);
  const uint32_t tail = 2; /* r0 = r3; exit */
  while (len + BLOCK + tail <= n) block();
  while (len + tail < n) alu64_k(LBPF_ALU_ADD, 3, 1);
  alu64_x(LBPF_ALU_MOV, 0, 3);
  put(LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0);
  return true;
}

static uint8_t stack[LBPF_STACK_SIZE];

static int write_program(const char *kind, uint32_t n, const char *path) {
  if (!build(kind, n)) return 2;
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  struct lbpf_program prog;
  struct lbpf_fault fault;
  if (lbpf_verify(out, (size_t)LBPF_INSN_SIZE * n, &env, &prog, &fault) != LBPF_OK) {
    fprintf(stderr, "jit_sizes: the verifier refuses the %s program of %u slots: %s at pc %u\n",
            kind, (unsigned)n, lbpf_status_name(fault.status), (unsigned)fault.pc);
    return 1;
  }
  FILE *f = fopen(path, "wb");
  int rc = f == NULL || fwrite(out, LBPF_INSN_SIZE, n, f) != n;
  if (f != NULL && fclose(f) != 0) rc = 1;
  free(out);
  if (rc) fprintf(stderr, "jit_sizes: cannot write %s\n", path);
  return rc;
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "compile") == 0) {
    uint32_t n = (uint32_t)strtoul(argv[3], NULL, 10);
    if (!build(argv[2], n)) return 2;
    struct lbpf_env env;
    lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
    size_t work_size = lbpf_jit_prog_work_size(n);
    void *work = aligned_alloc(8, (work_size + 7) / 8 * 8);
    struct lbpf_jit_prog vm;
    struct lbpf_fault fault;
    if (work == NULL ||
        lbpf_jit_prog_load(&vm, out, (size_t)LBPF_INSN_SIZE * n, &env, work, work_size,
                           lbpf_jit_prog_model_call, NULL, &fault) != LBPF_OK) {
      fprintf(stderr, "jit_sizes: the %s program of %u slots does not compile\n", argv[2],
              (unsigned)n);
      return 1;
    }
    printf("%zu\n", vm.code_len);
    free(work);
    free(out);
    return 0;
  }
  if (argc == 5 && strcmp(argv[1], "program") == 0) {
    int rc = write_program(argv[2], (uint32_t)strtoul(argv[3], NULL, 10), argv[4]);
    if (rc != 2) return rc;
  } else if (argc == 3 && strcmp(argv[1], "work") == 0) {
    uint32_t n = (uint32_t)strtoul(argv[2], NULL, 10);
    printf("%zu %zu %zu\n", lbpf_jit_prog_work_size(n), lbpf_jit_prog_code_bound(n),
           lbpf_jit_prog_tables_size(n));
    return 0;
  }
  fprintf(stderr, "usage: jit_sizes program straight|branchy N OUT (16 <= N <= %u)\n"
                  "       jit_sizes work N\n"
                  "       jit_sizes compile straight|branchy N\n",
          (unsigned)LBPF_MAX_INSNS);
  return 2;
}
