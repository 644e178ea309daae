/* Host-side helpers on raw eBPF bytecode: the byte packing of one
   instruction, the assembler and disassembler of the conformance suite's
   syntax, and the ISA version ("cpu") an instruction needs.

   The packing is written out here, byte by byte, rather than borrowed from
   the specification, so that the tools that produce test programs do not
   share a bug with the semantics they test. */
#ifndef LBPF_BYTECODE_H
#define LBPF_BYTECODE_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lbpf.h"

/* Instruction bytes: opcode, dst in the low nibble and src in the high nibble
   of byte 1, int16 offset and int32 immediate, both little-endian. */
static inline struct lbpf_insn lbpf_tool_unpack(const uint8_t *b) {
  struct lbpf_insn in;
  in.opcode = b[0];
  in.dst = (uint8_t)(b[1] & 0x0f);
  in.src = (uint8_t)(b[1] >> 4);
  in.offset = (int16_t)(uint16_t)(b[2] | (uint16_t)b[3] << 8);
  in.imm =
      (int32_t)((uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 | (uint32_t)b[7] << 24);
  return in;
}

static inline void lbpf_tool_pack(uint8_t *b, struct lbpf_insn in) {
  uint16_t off = (uint16_t)in.offset;
  uint32_t imm = (uint32_t)in.imm;
  b[0] = in.opcode;
  b[1] = (uint8_t)((in.dst & 0x0f) | (in.src & 0x0f) << 4);
  b[2] = (uint8_t)off;
  b[3] = (uint8_t)(off >> 8);
  b[4] = (uint8_t)imm;
  b[5] = (uint8_t)(imm >> 8);
  b[6] = (uint8_t)(imm >> 16);
  b[7] = (uint8_t)(imm >> 24);
}

/* Assemble len bytes of text.  first_line is the line number of the text's
   first line in its file (1 for a plain assembly file), so that an error in
   a .data file names the file's line.  On success returns 0 and a malloc'd
   *code of *size bytes; on failure returns -1 and a message "line N: ..." in
   err. */
int lbpf_assemble(const char *text, size_t len, unsigned first_line, uint8_t **code, size_t *size,
                  char *err, size_t errlen);

/* Write the disassembly of size bytes of code to out, one instruction per
   line, with labels "L<pc>:" at jump and call targets.  Instructions the
   assembler cannot express (unknown opcodes, nonzero unused fields) are
   written as ".raw 0x<64-bit word>" so that the text always reassembles to
   the same bytes.  A trailing partial instruction is written as a comment
   and makes the result -1. */
int lbpf_disassemble(FILE *out, const uint8_t *code, size_t size);

/* The text of the instruction at slot pc (numeric jump offsets, no labels)
   into buf; returns the number of slots it takes (1, or 2 for lddw). */
unsigned lbpf_disasm_insn(const uint8_t *code, size_t ninsns, size_t pc, char *buf, size_t buflen);

/* The lowest ISA version (1..4) that has every instruction of the code, as
   the instruction table (spec/isa.nw) gives it: v2 adds the 64-bit
   JLT/JLE/JSLT/JSLE, v3 JMP32, atomics and local calls, v4 signed division,
   movsx, sign-extending loads, bswap, ja32 and callx. */
unsigned lbpf_cpu_version(const uint8_t *code, size_t size);

#endif
