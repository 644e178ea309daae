/* Reading programs into memory: raw bytecode files, the conformance suite's
   .data test files, and ELF relocatable objects from clang -target bpf.
   Every function checks every size and offset it reads, and on refusal
   writes into err a message that says what is wrong and where. */
#ifndef LBPF_LOADER_H
#define LBPF_LOADER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* The code of an ELF64 little-endian BPF relocatable object: the .text
   section, or if it is empty the first executable section with code.  An
   object with relocations against that section is refused with a message
   naming the first relocation.  *code points into data. */
int lbpf_elf_code(const uint8_t *data, size_t len, const char *name, const uint8_t **code,
                  size_t *code_size, char *err, size_t errlen);

/* What a program file holds, whatever its format. */
enum lbpf_program_format { LBPF_FORMAT_RAW, LBPF_FORMAT_DATA, LBPF_FORMAT_ELF };

struct lbpf_program_file {
  enum lbpf_program_format format;
  uint8_t *code; /* malloc'd copy */
  size_t code_size;
  uint8_t *mem; /* the .data file's -- mem, or NULL */
  size_t mem_len;
  bool has_mem;
};

enum lbpf_load_error lbpf_load_program_file(const char *path, struct lbpf_program_file *pf,
                                            char *err, size_t errlen);
void lbpf_program_file_free(struct lbpf_program_file *pf);

#endif
