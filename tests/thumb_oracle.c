/* The LLVM oracle of the Thumb-2 encoder, decoder and printer.

     thumb-oracle asm SEED N    print, in UAL, N random instances of every form
                                and N random IT blocks
     thumb-oracle check SEED N  read llvm-mc -show-encoding's output for that
                                text on stdin and check, instruction by
                                instruction, that our encoder gives LLVM's
                                bytes and our decoder reads LLVM's bytes back
                                to the instruction we printed
     thumb-oracle bin SEED N    write the same instructions as raw code bytes
                                (for the disassembler round trip)
     thumb-oracle noise SEED N  write 1000 * N random halfwords (IT
                                instructions replaced by NOP, since a random
                                block would hold what no block may), for the
                                disassembler round trip on arbitrary bytes

   The list is a function of SEED and N alone, so the three modes agree. */
#include "lbpf_thumb.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
  struct lbpf_thumb_insn insn;
  int itcond; /* -1 outside an IT block */
};

static struct item *items;
static size_t nitems, cap;

static void add(const struct lbpf_thumb_insn *i, int itcond) {
  if (nitems == cap) {
    cap = cap ? 2 * cap : 1024;
    items = realloc(items, cap * sizeof *items);
    if (!items) fprintf(stderr, "thumb-oracle: out of memory\n"), exit(2);
  }
  items[nitems++] = (struct item){*i, itcond};
}

/* Forms that may stand inside an IT block in the oracle.  Branches may only
   end a block, CBZ/CBNZ, conditional branches and IT may not be in one. */
static const unsigned it_forms[] = {
    LBPF_THUMB_F_ADDSUB_REG16, LBPF_THUMB_F_ADDSUB_IMM3, LBPF_THUMB_F_MOV_IMM8,
    LBPF_THUMB_F_CMP_IMM8,     LBPF_THUMB_F_ADDSUB_IMM8, LBPF_THUMB_F_DP_REG16,
    LBPF_THUMB_F_ADD_HI,       LBPF_THUMB_F_CMP_HI,      LBPF_THUMB_F_MOV_HI,
    LBPF_THUMB_F_LDST_REG16,   LBPF_THUMB_F_LDST_IMM16,  LBPF_THUMB_F_LDST_SP16,
    LBPF_THUMB_F_EXTEND16,     LBPF_THUMB_F_REV16,       LBPF_THUMB_F_DP_IMM,
    LBPF_THUMB_F_DP_REG,       LBPF_THUMB_F_SHIFT_REG,   LBPF_THUMB_F_MOVWT,
    LBPF_THUMB_F_ADDSUBW,      LBPF_THUMB_F_EXTEND,      LBPF_THUMB_F_MISC,
    LBPF_THUMB_F_MUL,          LBPF_THUMB_F_MULL,        LBPF_THUMB_F_DIV,
    LBPF_THUMB_F_LDST_IMM12,   LBPF_THUMB_F_LDST_NEG8,   LBPF_THUMB_F_LDST_REG,
    LBPF_THUMB_F_LDRD_STRD,    LBPF_THUMB_F_BITFIELD,    LBPF_THUMB_F_NOP16};

/* Inside an IT block a wide MUL of low registers that writes its second
   operand (MUL commutes) has no spelling that LLVM assembles wide (mul.w is not accepted,
   and muleq picks the narrow form, which does not set flags in a block). */
static bool ambiguous_in_it(const struct lbpf_thumb_insn *i) {
  return i->form == LBPF_THUMB_F_MUL && i->op == LBPF_THUMB_MUL && i->rd < 8 && i->rn < 8 &&
         (i->rd == i->rm || i->rd == i->rn);
}

static void build(uint64_t seed, unsigned n) {
  uint64_t rng = seed * 0x9e3779b97f4a7c15u + 1;
  struct lbpf_thumb_insn i;
  for (unsigned form = 1; form < LBPF_THUMB_NFORMS; form++) {
    if (form == LBPF_THUMB_F_IT) continue; /* only as the head of a block, below */
    for (unsigned k = 0; k < n; k++) {
      if (!lbpf_thumb_random_insn(&rng, form, &i)) {
        fprintf(stderr, "thumb-oracle: no valid instance of form %u\n", form);
        exit(2);
      }
      add(&i, -1);
    }
  }
  for (unsigned k = 0; k < n; k++) {
    struct lbpf_thumb_insn it;
    do lbpf_thumb_random_insn(&rng, LBPF_THUMB_F_IT, &it);
    while (it.cond == LBPF_THUMB_AL);
    add(&it, -1);
    for (unsigned state = (unsigned)(it.cond << 4 | it.mask); state & 15;
         state = lbpf_thumb_it_advance(state)) {
      do lbpf_thumb_random_insn(&rng, it_forms[lbpf_thumb_rand(&rng) % (sizeof it_forms / sizeof *it_forms)], &i);
      while (ambiguous_in_it(&i));
      add(&i, (int)(state >> 4));
    }
  }
}

static int encode_bytes(const struct lbpf_thumb_insn *i, uint8_t *b) {
  uint16_t hw[2];
  int n = lbpf_thumb_encode(i, hw);
  for (int k = 0; k < n; k++) b[2 * k] = (uint8_t)hw[k], b[2 * k + 1] = (uint8_t)(hw[k] >> 8);
  return 2 * n;
}

static int check(void) {
  char line[512], text[128];
  size_t k = 0, bad = 0;
  while (fgets(line, sizeof line, stdin)) {
    char *enc = strstr(line, "@ encoding: [");
    if (!enc) continue;
    uint8_t got[4];
    int ngot = 0;
    for (char *p = enc + 13; *p && *p != ']' && ngot < 4;) {
      unsigned v;
      if (sscanf(p, "0x%x", &v) != 1) break;
      got[ngot++] = (uint8_t)v;
      p = strchr(p, ',');
      if (!p) break;
      p++;
    }
    if (k >= nitems) {
      fprintf(stderr, "thumb-oracle: llvm-mc produced more instructions than were given\n");
      return 1;
    }
    struct item *it = &items[k++];
    uint8_t want[4];
    int nwant = encode_bytes(&it->insn, want);
    lbpf_thumb_print(&it->insn, it->itcond, text, sizeof text);
    uint16_t hw[2] = {(uint16_t)(got[0] | got[1] << 8), (uint16_t)(ngot > 2 ? got[2] | got[3] << 8 : 0)};
    struct lbpf_thumb_insn back;
    int size = lbpf_thumb_decode(hw, (size_t)ngot / 2, &back);
    bool enc_ok = nwant == ngot && memcmp(want, got, (size_t)ngot) == 0;
    bool dec_ok = size * 2 == ngot && memcmp(&back, &it->insn, sizeof back) == 0;
    if (!enc_ok || !dec_ok) {
      if (bad++ < 30) {
        fprintf(stderr, "thumb-oracle: %-36s ours", text);
        for (int j = 0; j < nwant; j++) fprintf(stderr, " %02x", want[j]);
        fprintf(stderr, " llvm");
        for (int j = 0; j < ngot; j++) fprintf(stderr, " %02x", got[j]);
        fprintf(stderr, "%s\n", dec_ok ? "" : " (decoder disagrees)");
      }
    }
  }
  if (k != nitems) {
    fprintf(stderr, "thumb-oracle: llvm-mc encoded %zu of %zu instructions\n", k, nitems);
    return 1;
  }
  printf("thumb-oracle: %zu instructions of %d forms: %zu passed, %zu failed\n", nitems,
         LBPF_THUMB_NFORMS - 1, nitems - bad, bad);
  return bad != 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: thumb-oracle asm|check|bin SEED N\n");
    return 2;
  }
  char *end;
  uint64_t seed = strtoull(argv[2], &end, 0);
  unsigned long n = strtoul(argv[3], &end, 0);
  if (n == 0 || n > 100000 || *end) return fprintf(stderr, "thumb-oracle: bad N\n"), 2;
  if (!strcmp(argv[1], "noise")) {
    uint64_t rng = seed * 0x9e3779b97f4a7c15u + 5;
    for (unsigned long k = 0; k < 1000 * n; k++) {
      uint16_t h = (uint16_t)lbpf_thumb_rand(&rng);
      if ((h >> 8) == 0xbf && (h & 15)) h = 0xbf00;
      uint8_t b[2] = {(uint8_t)h, (uint8_t)(h >> 8)};
      fwrite(b, 1, 2, stdout);
    }
    return 0;
  }
  build(seed, (unsigned)n);
  if (!strcmp(argv[1], "asm")) {
    char text[128];
    for (size_t k = 0; k < nitems; k++) {
      lbpf_thumb_print(&items[k].insn, items[k].itcond, text, sizeof text);
      printf("\t%s\n", text);
    }
    return 0;
  }
  if (!strcmp(argv[1], "bin")) {
    for (size_t k = 0; k < nitems; k++) {
      uint8_t b[4];
      fwrite(b, 1, (size_t)encode_bytes(&items[k].insn, b), stdout);
    }
    return 0;
  }
  if (!strcmp(argv[1], "check")) return check();
  fprintf(stderr, "thumb-oracle: unknown mode %s\n", argv[1]);
  return 2;
}
