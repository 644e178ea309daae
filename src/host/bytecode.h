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
#include "lbpf_isa.h"

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
/* The same, with notes[pc] (when notes and notes[pc] are not NULL) written
   after the instruction at slot pc as a comment "# ...": the text still
   reassembles to the same bytes. */
int lbpf_disassemble_noted(FILE *out, const uint8_t *code, size_t size, const char *const *notes);

/* The text of the instruction at slot pc (numeric jump offsets, no labels)
   into buf; returns the number of slots it takes (1, or 2 for lddw). */
unsigned lbpf_disasm_insn(const uint8_t *code, size_t ninsns, size_t pc, char *buf, size_t buflen);

/* The lowest ISA version (1..4) that has every instruction of the code, as
   the instruction table (spec/isa.nw) gives it: v2 adds the 64-bit
   JLT/JLE/JSLT/JSLE, v3 JMP32, atomics and local calls, v4 signed division,
   movsx, sign-extending loads, bswap, ja32 and callx. */
unsigned lbpf_cpu_version(const uint8_t *code, size_t size);

#endif
