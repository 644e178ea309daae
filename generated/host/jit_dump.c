#line 515 "lit/jit-emit.nw"
/* The listing of the ALU-run JIT's code. */
#include "lbpf_jit_dump.h"

#include "bytecode.h"
#include "lbpf_isa.h"

/* Print count Thumb-2 instructions from code + *off; advance *off. */
void lbpf_jit_dump_thumb(FILE *out, const uint8_t *code, size_t code_len, size_t *off,
                         uint32_t count) {
  for (uint32_t k = 0; k < count && *off + 2 <= code_len; k++) {
    uint16_t hw[2] = {(uint16_t)(code[*off] | code[*off + 1] << 8), 0};
    if (*off + 4 <= code_len) hw[1] = (uint16_t)(code[*off + 2] | code[*off + 3] << 8);
    struct lbpf_thumb_insn i;
    int size = lbpf_thumb_decode(hw, *off + 4 <= code_len ? 2 : 1, &i);
    char text[128] = "(undecodable)";
    if (size > 0 && i.form != LBPF_THUMB_F_INVALID) lbpf_thumb_print(&i, -1, text, sizeof text);
    if (size == 2)
      fprintf(out, "        %08zx:  %04x %04x  %s\n", *off, hw[0], hw[1], text);
    else
      fprintf(out, "        %08zx:  %04x       %s\n", *off, hw[0], text);
    *off += size == 2 ? 4 : 2;
  }
}

static unsigned bits(uint32_t x) {
  unsigned n = 0;
  for (; x; x &= x - 1)
    n++;
  return n;
}

void lbpf_jit_dump(FILE *out, const struct lbpf_program *prog, const uint8_t *code, size_t code_len,
                   const struct lbpf_jit_entry *entries) {
  for (uint32_t pc = 0; pc < prog->ninsns; pc++) {
    uint32_t len = entries[pc].len;
    if (!len) continue;
    struct lbpf_jit_plan whole;
    if (!lbpf_jit_plan_run(&whole, prog, pc, len)) continue;
    uint32_t saves = lbpf_jit_plan_saves(&whole) ? 1 : 0;
    fprintf(out, "run at %u: %u slots, %u Thumb-2 instructions at offset 0x%x\n", (unsigned)pc,
            (unsigned)len, (unsigned)lbpf_jit_plan_cost(&whole), (unsigned)entries[pc].offset);
    size_t off = entries[pc].offset;
    fprintf(out, "    (entry)\n");
    lbpf_jit_dump_thumb(out, code, code_len, &off, saves + bits(whole.read_first));
    struct lbpf_jit_plan p;
    lbpf_jit_plan_init(&p);
    for (uint32_t k = 0; k < len;) {
      char text[96];
      unsigned slots = lbpf_disasm_insn(prog->code, prog->ninsns, pc + k, text, sizeof text);
      fprintf(out, "    %5u: %s\n", (unsigned)(pc + k), text);
      uint32_t before = p.body;
      lbpf_jit_plan_insn(&p, prog, pc + k);
      lbpf_jit_dump_thumb(out, code, code_len, &off, p.body - before);
      k += slots ? slots : 1;
    }
    fprintf(out, "    (exit)\n");
    lbpf_jit_dump_thumb(out, code, code_len, &off,
                        bits(whole.written) + saves + 1); /* pop, bx lr */
  }
}
