/* Unit checks of the host tools' building blocks (src/host/bytecode.c,
   src/host/loader.c), run by `make check-tools-unit`:
   - the ISA chapter's lbpf_decode/lbpf_encode, which the tools use, give
     back every pseudo-random instruction word;
   - the assembler's error messages name the right line and the problem,
     and quote at most 40 characters of the user's text, however long;
   - the ISA version of characteristic instructions;
   - hex decoding accepts what it should and refuses what it should;
   - through the engine table, for every engine: after a refused load no
     run executes anything, whether the state held an accepted program
     before or was never loaded (filled with garbage). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "lbpf_engines.h"
#include "lbpf_isa.h"
#include "loader.h"

static int failures;

#define CHECK(cond, ...)                                                                           \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      failures++;                                                                                  \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                  \
      printf(__VA_ARGS__);                                                                         \
      printf("\n");                                                                                \
    }                                                                                              \
  } while (0)

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void) { /* xorshift64 */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static void decoding_round_trips(void) {
  for (int k = 0; k < 200000; k++) {
    uint8_t b[8], again[8];
    uint64_t w = next();
    for (int i = 0; i < 8; i++)
      b[i] = (uint8_t)(w >> (8 * i));
    struct lbpf_insn in = lbpf_decode(b);
    CHECK(in.opcode == b[0] && in.dst == (b[1] & 0x0f) && in.src == b[1] >> 4 &&
              (uint16_t)in.offset == (uint16_t)(b[2] | b[3] << 8) && (uint32_t)in.imm == (uint32_t)(w >> 32),
          "decode of 0x%016" PRIx64, w);
    lbpf_encode(in, again);
    CHECK(memcmp(again, b, 8) == 0, "encode of 0x%016" PRIx64, w);
  }
}

/* Assembling text must fail at line `line` with a message containing `what`. */
static void asm_error(const char *text, unsigned line, const char *what) {
  uint8_t *code = NULL;
  size_t size;
  char err[256], want[32];
  int rc = lbpf_assemble(text, strlen(text), 1, &code, &size, err, sizeof err);
  CHECK(rc == -1, "'%s' assembled", text);
  if (rc == 0) {
    free(code);
    return;
  }
  if (line)
    snprintf(want, sizeof want, "line %u: ", line);
  else
    want[0] = '\0'; /* a message about the whole text */
  CHECK(strncmp(err, want, strlen(want)) == 0 && strstr(err, what), "'%s': got '%s', want '%s%s'",
        text, err, want, what);
}

static void assembler_errors(void) {
  asm_error("exit\nldxq %r0, %r1\n", 2, "invalid mnemonic");
  asm_error("mov %r0, 1\n\n# c\nor %r0, %r50\nexit\n", 4, "invalid register");
  asm_error("mov32 %r0, 2147483648\nexit\n", 1, "out of 32-bit");
  asm_error("mov32 %r0, 0x100000000\nexit\n", 1, "out of 32-bit");
  asm_error("mov32 %r0, -2147483649\nexit\n", 1, "out of 32-bit");
  asm_error("ldxb %r0, [%r1+0x10000]\nexit\n", 1, "out of 16-bit");
  asm_error("ldxb %r0, %r1\nexit\n", 1, "memory operand");
  asm_error("lddw %r0\nexit\n", 1, "takes 2 operands");
  asm_error("exit\nja NOT_A_LABEL\n", 2, "undefined label 'NOT_A_LABEL'");
  asm_error("lock or [%r10-8]\nexit\n", 1, "number of operands for lock");
  asm_error("lock\nexit\n", 1, "number of operands for lock");
  asm_error("lock sub [%r10-8], %r1\nexit\n", 1, "invalid atomic operation");
  asm_error("lock fetch xchg [%r10-8], %r1\nexit\n", 1, "always fetches");
  asm_error("a:\nexit\na:\nexit\n", 3, "duplicate label 'a'");
  asm_error("mov %r0,, 1\nexit\n", 1, "empty operand");
  asm_error("exit %r0\n", 1, "takes 0 operands");
  asm_error("movsx832 %r0, 5\nexit\n", 1, "register");
  asm_error("", 0, "no instructions");
  asm_error("# only a comment\n\n", 0, "no instructions");
}

/* A long operand or label is quoted to 40 characters and "...". */
static void long_names_are_clipped(void) {
  char text[1100], err[1024];
  uint8_t *code = NULL;
  size_t size;
  const char *shapes[] = {"ja 1%s\nexit\n", "1%s:\nexit\n", "mov %%r0, %s\nexit\n",
                          "%s %%r0, 1\nexit\n", "call local 1%s\nexit\n"};
  char name[901];
  memset(name, 'x', 900);
  name[900] = '\0';
  for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    snprintf(text, sizeof text, shapes[k], name);
    int rc = lbpf_assemble(text, strlen(text), 1, &code, &size, err, sizeof err);
    CHECK(rc == -1, "shape %zu assembled", k);
    if (rc == 0) {
      free(code);
      continue;
    }
    CHECK(strlen(err) < 200 && strstr(err, "...") && strncmp(err, "line 1: ", 8) == 0,
          "shape %zu: a %zu-character message: %.120s", k, strlen(err), err);
  }
}

static void assembles_to(const char *text, uint64_t word) {
  uint8_t *code = NULL;
  size_t size = 0;
  char err[256];
  int rc = lbpf_assemble(text, strlen(text), 1, &code, &size, err, sizeof err);
  CHECK(rc == 0 && size >= 8, "'%s': %s", text, rc ? err : "too short");
  if (rc) return;
  uint64_t w = 0;
  for (int i = 7; i >= 0; i--)
    w = w << 8 | code[i];
  CHECK(w == word, "'%s' gives 0x%016" PRIx64 ", want 0x%016" PRIx64, text, w, word);
  free(code);
}

static void assembler_encodings(void) {
  /* words as the suite's raw sections write them: imm << 32 | off << 16 | regs << 8 | op */
  assembles_to("mov %r1, %r2", 0x00000000000021bfu);
  assembles_to("add32 %r3, -5", 0xfffffffb00000304u);
  assembles_to("sdiv %r3, 7", 0x0000000700010337u);
  assembles_to("movsx1664 %r1, %r2", 0x00000000001021bfu);
  assembles_to("ldxsw %r0, [%r10-4]", 0x00000000fffca081u);
  assembles_to("stw [%r1+4], 0xffffffff", 0xffffffff00040162u);
  assembles_to("lock fetch xor32 [%r10-8], %r3", 0x000000a1fff83ac3u);
  assembles_to("lock cmpxchg [%r10-8], %r1", 0x000000f1fff81adbu);
  assembles_to("be32 %r4", 0x00000020000004dcu);
  assembles_to("swap16 %r0", 0x00000010000000d7u);
  assembles_to("jsle32 %r1, %r2, -3", 0x00000000fffd21deu);
  assembles_to("ja32 +70000", 0x0001117000000006u);
  assembles_to("call 5", 0x0000000500000085u);
  assembles_to("call %r2", 0x000000000000028du);
  assembles_to("call local +2", 0x0000000200001085u);
  assembles_to("l: ja l", 0x00000000ffff0005u);
  assembles_to("ja exit\nexit", 0x0000000000000005u);
  assembles_to(".raw 0x0123456789abcdef", 0x0123456789abcdefu);
}

static void cpu_versions(void) {
  struct {
    const char *text;
    unsigned cpu;
  } cases[] = {
      {"mov %r0, 1\nexit", 1},       {"jlt %r0, 1, +0\nexit", 2},
      {"jlt32 %r0, 1, +0\nexit", 3}, {"lock add [%r10-8], %r0\nexit", 3},
      {"call local +0\nexit", 3},    {"sdiv32 %r0, 3\nexit", 4},
      {"bswap16 %r0\nexit", 4},      {"be16 %r0\nexit", 1},
      {"ja32 +0\nexit", 4},          {"ldxsb %r0, [%r10-1]\nexit", 4},
      {"call %r1\nexit", 4},         {"movsx832 %r0, %r1\nexit", 4},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t *code;
    size_t size;
    char err[256];
    if (lbpf_assemble(cases[i].text, strlen(cases[i].text), 1, &code, &size, err, sizeof err)) {
      CHECK(0, "'%s': %s", cases[i].text, err);
      continue;
    }
    unsigned v = lbpf_cpu_version(code, size);
    CHECK(v == cases[i].cpu, "'%s' needs v%u, got v%u", cases[i].text, cases[i].cpu, v);
    free(code);
  }
}

static void hex_decoding(void) {
  struct {
    const char *text;
    int ok;
    size_t len;
  } cases[] = {
      {"", 1, 0},   {"00 11 ff", 1, 3}, {"0011ff", 1, 3}, {" 0x0a0b\n0c ", 1, 3}, {"abc", 0, 0},
      {"0g", 0, 0}, {"0x", 0, 0},       {"11 2", 0, 0},   {"11,22", 0, 0},        {"AA Bb", 1, 2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t *out = NULL;
    size_t len = 0;
    char err[256];
    int rc = lbpf_hex_decode(cases[i].text, strlen(cases[i].text), &out, &len, err, sizeof err);
    CHECK((rc == 0) == cases[i].ok, "hex '%s': rc %d (%s)", cases[i].text, rc, rc ? err : "");
    if (rc == 0) {
      CHECK(len == cases[i].len, "hex '%s': %zu bytes", cases[i].text, len);
      free(out);
    }
  }
}

static void a_refused_load_never_runs(void) {
  /* r0 = 1; exit   and   r0 = 2; an unknown opcode; exit */
  static const uint8_t good[] = {0xb7, 0, 0, 0, 1, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0};
  static const uint8_t bad[] = {0xb7, 0, 0, 0, 2, 0, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 0,
                                0x95, 0, 0, 0, 0, 0, 0, 0};
  static uint64_t stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE / 8];
  struct lbpf_env env = {.budget = 100, .stack = stack, .stack_size = sizeof stack};
  for (size_t e = 0; e < lbpf_nengines; e++) {
    const struct lbpf_engine *eng = &lbpf_engines[e];
    size_t size = eng->state_size(sizeof bad) > eng->state_size(sizeof good)
                      ? eng->state_size(sizeof bad)
                      : eng->state_size(sizeof good);
    uint64_t *state = malloc(size + 8);
    for (int loaded_before = 0; state && loaded_before < 2; loaded_before++) {
      struct lbpf_fault f;
      struct lbpf_result r;
      memset(state, 0xa5, size);
      if (loaded_before) {
        CHECK(eng->load(state, good, sizeof good, &env, &f) == LBPF_OK, "%s: load", eng->name);
        eng->run(state, NULL, 0, &r);
        CHECK(r.status == LBPF_OK && r.r0 == 1, "%s: the accepted program runs", eng->name);
      }
      CHECK(eng->load(state, bad, sizeof bad, &env, &f) == LBPF_ERR_UNKNOWN_OPCODE,
            "%s: refuses", eng->name);
      eng->run(state, NULL, 0, &r);
      CHECK(r.status != LBPF_OK && r.r0 == 0 && r.insns == 0 && r.budget_used == 0,
            "%s (%s): a run after a refused load gives %s, r0 %#" PRIx64 ", %" PRIu64
            " instructions",
            eng->name, loaded_before ? "loaded before" : "never loaded",
            lbpf_status_name(r.status), r.r0, r.insns);
    }
    free(state);
  }
}

int main(void) {
  decoding_round_trips();
  assembler_errors();
  long_names_are_clipped();
  assembler_encodings();
  cpu_versions();
  hex_decoding();
  a_refused_load_never_runs();
  printf("tools unit checks: %s (%d failures)\n", failures ? "FAILED" : "passed", failures);
  return failures ? 1 : 0;
}
