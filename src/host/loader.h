/* Reading programs into memory: raw bytecode files, the conformance suite's
   .data test files, and ELF relocatable objects from clang -target bpf.
   Every function checks every size and offset it reads, and on refusal
   writes into err a message that says what is wrong and where. */
#ifndef LBPF_LOADER_H
#define LBPF_LOADER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"

/* Files larger than this are refused: no eBPF program or test is near it
   (LBPF_MAX_INSNS slots are 512 KiB), and reading stays bounded. */
#define LBPF_FILE_MAX ((size_t)16 << 20)

/* Why a load failed: the file could not be read, or its contents are not a
   well-formed program.  The tools give the two different exit codes. */
enum lbpf_load_error { LBPF_LOAD_OK = 0, LBPF_LOAD_IO, LBPF_LOAD_FORMAT };

/* Read a whole file (at most max bytes) into a malloc'd buffer with a NUL
   after the last byte.  "-" is the standard input. */
enum lbpf_load_error lbpf_read_file(const char *path, size_t max, uint8_t **data, size_t *len,
                                    char *err, size_t errlen);

/* Decode hexadecimal bytes: pairs of hex digits, optionally separated by
   white space (and an optional 0x before each group).  Returns 0 or -1 with
   a message naming the offending character or the odd digit. */
int lbpf_hex_decode(const char *text, size_t len, uint8_t **out, size_t *outlen, char *err,
                    size_t errlen);

/* A conformance test file, parsed. */
struct lbpf_testfile {
  uint8_t *code; /* the program: assembled -- asm, or -- raw */
  size_t code_size;
  uint8_t *mem; /* -- mem, or NULL */
  size_t mem_len;
  bool has_mem;
  bool has_result;
  uint64_t result;
  bool has_error; /* -- error: the program must be refused or fail */
  char error_text[128];
};

/* Parse (and assemble) a .data file; name is used in messages.  This is the
   one reader of the format: the conformance runner, the tools, the
   interpreter's tests and the property-based checker use it.  A test file
   must say what it expects (-- result or -- error); the _unchecked variant
   also reads a file that does not (a pbt case whose outcome depends on
   where memory lies). */
int lbpf_testfile_parse(const char *text, size_t len, const char *name, struct lbpf_testfile *tf,
                        char *err, size_t errlen);
int lbpf_testfile_parse_unchecked(const char *text, size_t len, const char *name,
                                  struct lbpf_testfile *tf, char *err, size_t errlen);
void lbpf_testfile_free(struct lbpf_testfile *tf);

/* Is this an ELF file (by its magic number)?  A .data file (by its name ending
   in .data, or text without zero bytes that has a "-- " section line)? */
bool lbpf_is_elf(const uint8_t *data, size_t len);
bool lbpf_is_testfile(const char *path, const uint8_t *data, size_t len);

/* ELF objects.  An ELF64 little-endian BPF relocatable object from clang
   -target bpf (-mcpu=v1..v4) is linked into one program:

   The entry.  With entry non-NULL, it is the function symbol or the code
   section of that name (a section's entry is its first instruction); a name
   that matches nothing, or matches two different places, is refused with
   the candidates.  Without, the default is, in this order: the only global
   function; if there is no global function, the only function; if there is
   no function symbol at all, the start of the only code section.  Anything
   else (two global functions, say) is refused with the list of candidates:
   the loader never guesses.

   The code.  Every executable section with code, the entry's first; if the
   entry is not the first instruction of its section, slot 0 is a `ja` to it.
   Local calls with R_BPF_64_32 relocations are resolved in that layout.

   The data.  Allocated sections that are not code: writable ones (.data,
   .bss, ...) laid out in region LBPF_ELF_DATA (read-write), the others
   (.rodata, .rodata.str1.1, ...) in LBPF_ELF_RODATA (read-only), each at an
   offset aligned as the section asks, up to 8.  lddw with R_BPF_64_64 and
   64-bit data words with R_BPF_64_ABS64 receive the address of their
   target when lbpf_elf_bind is given the regions' places.  Any other
   relocation, a symbol the object does not define, and Linux map sections
   are refused with a message naming the relocation and the symbol. */
enum { LBPF_ELF_DATA = 0, LBPF_ELF_RODATA = 1, LBPF_ELF_NREGIONS = 2 };
#define LBPF_ELF_IN_CODE (-1)
/* Neither region may exceed this (a .bss can claim any size). */
#define LBPF_ELF_REGION_MAX ((size_t)16 << 20)

/* An address to write once the regions are placed: at slot `at` of the code
   (an lddw, in == LBPF_ELF_IN_CODE) or at byte `at` of region `in` (a
   64-bit word), the address of byte `offset` of region `target`. */
struct lbpf_elf_reloc {
  int in;
  uint64_t at;
  int target;
  uint64_t offset;
};

/* A relocation the linker applied, for the reader (litbpf disasm): where
   (in and at as in lbpf_elf_reloc; local calls included) and what, as text:
   its type, its symbol and addend, and what it now points to. */
struct lbpf_elf_note {
  int in;
  uint64_t at;
  char text[112];
};

struct lbpf_elf_program {
  uint8_t *code; /* linked; the addresses of data still zero */
  size_t code_size;
  uint8_t *init[LBPF_ELF_NREGIONS]; /* initial contents (zero where .bss) */
  size_t region_size[LBPF_ELF_NREGIONS];
  struct lbpf_elf_reloc *relocs;
  size_t nrelocs;
  struct lbpf_elf_note *notes;
  size_t nnotes;
  char entry[64];    /* the entry's name */
  uint32_t entry_pc; /* where the entry's code is: 0, or after the `ja` */
};

/* Link an object (name is used in messages); on refusal returns -1 with a
   message.  lbpf_elf_program_free releases what it allocated. */
int lbpf_elf_link(const uint8_t *data, size_t len, const char *name, const char *entry,
                  struct lbpf_elf_program *p, char *err, size_t errlen);
/* Write the addresses into code (a copy of p->code) and into the regions
   (copies of p->init, at their final places). */
void lbpf_elf_bind(const struct lbpf_elf_program *p, uint8_t *code,
                   uint8_t *const region[LBPF_ELF_NREGIONS]);
void lbpf_elf_program_free(struct lbpf_elf_program *p);

/* What a program file holds, whatever its format. */
enum lbpf_program_format { LBPF_FORMAT_RAW, LBPF_FORMAT_DATA, LBPF_FORMAT_ELF, LBPF_FORMAT_IMAGE };

struct lbpf_program_file {
  enum lbpf_program_format format;
  uint8_t *code; /* malloc'd copy */
  size_t code_size;
  uint8_t *mem; /* the .data file's -- mem, or NULL */
  size_t mem_len;
  bool has_mem;
  /* ELF: the linked program, its data regions (allocated here, initialised
     and bound into code), and those that are not empty as the regions an
     environment lends the program. */
  struct lbpf_elf_program elf;
  uint8_t *region_mem[LBPF_ELF_NREGIONS];
  struct lbpf_region regions[LBPF_ELF_NREGIONS];
  size_t nregions;
};

/* Link an ELF object in memory into pf (entry as above). */
int lbpf_elf_load(const uint8_t *data, size_t len, const char *name, const char *entry,
                  struct lbpf_program_file *pf, char *err, size_t errlen);

/* Images (lit/image.nw).  lbpf_elf_pack writes a litbpf image of a linked
   object into a malloc'd buffer: its data and rodata, then the entry's
   name, the code with every relocated lddw made LDDWD or LDDWR, one
   function record (the entry, at offset 0).  An object whose data holds
   addresses (R_BPF_64_ABS64) is refused.  lbpf_is_image tells an image
   (litbpf or RIOT's rBPF) by its magic number, and lbpf_image_load checks,
   places (buffers allocated here) and binds it as the firmware does. */
int lbpf_elf_pack(const struct lbpf_elf_program *p, const char *name, uint8_t **out,
                  size_t *outlen, char *err, size_t errlen);
bool lbpf_is_image(const uint8_t *data, size_t len);
int lbpf_image_load(const uint8_t *data, size_t len, const char *name,
                    struct lbpf_program_file *pf, char *err, size_t errlen);

/* Load a program file; entry chooses an ELF object's entry (NULL: the
   default rule above) and must be NULL for the other formats. */
enum lbpf_load_error lbpf_load_program_file(const char *path, const char *entry,
                                            struct lbpf_program_file *pf, char *err,
                                            size_t errlen);
void lbpf_program_file_free(struct lbpf_program_file *pf);

#endif
