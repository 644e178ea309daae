/* Loaders of program files.  See loader.h. */
#include "loader.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytecode.h"
#include "lbpf_image.h"

static int failf(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return -1;
}

/* ---- files ---- */

enum lbpf_load_error lbpf_read_file(const char *path, size_t max, uint8_t **data, size_t *len,
                                    char *err, size_t errlen) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    failf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    return LBPF_LOAD_IO;
  }
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (f != stdin) fclose(f);
    failf(err, errlen, "%s: is a directory, not a program file", path);
    return LBPF_LOAD_IO;
  }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap + 1);
  enum lbpf_load_error rc = LBPF_LOAD_OK;
  while (buf) {
    if (n == cap) {
      if (cap > max) break;
      size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
      uint8_t *nb = realloc(buf, ncap + 1);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap = ncap;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n > max) break;
    if (got == 0) break;
  }
  if (!buf) {
    failf(err, errlen, "%s: out of memory", path);
    rc = LBPF_LOAD_IO;
  } else if (n > max) {
    failf(err, errlen, "%s: file larger than %zu bytes, refused", path, max);
    rc = LBPF_LOAD_IO;
  } else if (ferror(f)) {
    failf(err, errlen, "%s: read error: %s", path, strerror(errno));
    rc = LBPF_LOAD_IO;
  }
  if (f != stdin) fclose(f);
  if (rc != LBPF_LOAD_OK) {
    free(buf);
    return rc;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return LBPF_LOAD_OK;
}

/* ---- hexadecimal ---- */

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int lbpf_hex_decode(const char *text, size_t len, uint8_t **out, size_t *outlen, char *err,
                    size_t errlen) {
  uint8_t *buf = malloc(len / 2 + 1);
  if (!buf) return failf(err, errlen, "out of memory");
  size_t n = 0, i = 0;
  while (i < len) {
    if (isspace((unsigned char)text[i])) {
      i++;
      continue;
    }
    if (text[i] == '0' && i + 1 < len && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
    size_t start = i;
    while (i < len && hexval((unsigned char)text[i]) >= 0)
      i++;
    if (i < len && !isspace((unsigned char)text[i])) {
      free(buf);
      return failf(err, errlen, "invalid character '%c' (0x%02x) in hex at offset %zu",
                   isprint((unsigned char)text[i]) ? text[i] : '?', (unsigned char)text[i], i);
    }
    if ((i - start) % 2) {
      free(buf);
      return failf(err, errlen, "odd number of hex digits in group at offset %zu", start);
    }
    if (i == start) {
      free(buf);
      return failf(err, errlen, "'0x' without digits at offset %zu", start);
    }
    for (size_t k = start; k < i; k += 2)
      buf[n++] =
          (uint8_t)(hexval((unsigned char)text[k]) << 4 | hexval((unsigned char)text[k + 1]));
  }
  *out = buf;
  *outlen = n;
  return 0;
}

/* ---- .data test files ---- */

bool lbpf_is_elf(const uint8_t *data, size_t len) {
  return len >= 4 && data[0] == 0x7f && data[1] == 'E' && data[2] == 'L' && data[3] == 'F';
}

bool lbpf_is_testfile(const char *path, const uint8_t *data, size_t len) {
  size_t pl = strlen(path);
  if (pl >= 5 && strcmp(path + pl - 5, ".data") == 0) return true;
  /* Otherwise: a text file (bytecode nearly always holds a zero byte, text
     never does) with a line that starts with "-- ". */
  if (memchr(data, 0, len)) return false;
  for (size_t i = 0; i + 3 <= len; i++)
    if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "-- ", 3) == 0) return true;
  return false;
}

enum section { S_NONE, S_ASM, S_RAW, S_MEM, S_RESULT, S_ERROR, S_C, S_NOREGOFF, S_COUNT };
static const char *const section_names[S_COUNT] = {"",       "asm",   "raw", "mem",
                                                   "result", "error", "c",   "no register offset"};

struct span {
  const char *text;
  size_t len;
  unsigned first_line; /* line number of the first line of the span */
  bool present;
};

/* The raw section: 64-bit words written 0x%016x (the word's little-endian
   bytes are the instruction), or single hex bytes "07 00 ..". */
static int parse_raw(const struct span *sp, const char *name, uint8_t **code, size_t *size,
                     char *err, size_t errlen) {
  size_t cap = 64, n = 0;
  uint8_t *buf = malloc(cap);
  unsigned line = sp->first_line;
  if (!buf) return failf(err, errlen, "out of memory");
  for (size_t i = 0; i < sp->len;) {
    char c = sp->text[i];
    if (c == '\n') {
      line++;
      i++;
      continue;
    }
    if (isspace((unsigned char)c)) {
      i++;
      continue;
    }
    if (c == '#') {
      while (i < sp->len && sp->text[i] != '\n')
        i++;
      continue;
    }
    size_t start = i;
    while (i < sp->len && !isspace((unsigned char)sp->text[i]))
      i++;
    size_t tl = i - start;
    const char *t = sp->text + start;
    uint8_t bytes[8];
    size_t nb;
    bool word = tl > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
    if (word) {
      uint64_t w = 0;
      if (tl - 2 > 16) goto bad;
      for (size_t k = 2; k < tl; k++) {
        int v = hexval((unsigned char)t[k]);
        if (v < 0) goto bad;
        w = w << 4 | (uint64_t)v;
      }
      for (int k = 0; k < 8; k++)
        bytes[k] = (uint8_t)(w >> (8 * k));
      nb = 8;
    } else if (tl == 2 && hexval((unsigned char)t[0]) >= 0 && hexval((unsigned char)t[1]) >= 0) {
      bytes[0] = (uint8_t)(hexval((unsigned char)t[0]) << 4 | hexval((unsigned char)t[1]));
      nb = 1;
    } else {
      goto bad;
    }
    if (n + nb > cap) {
      if (cap > LBPF_FILE_MAX) goto bad;
      uint8_t *nbuf = realloc(buf, cap * 2);
      if (!nbuf) {
        free(buf);
        return failf(err, errlen, "out of memory");
      }
      buf = nbuf;
      cap *= 2;
    }
    memcpy(buf + n, bytes, nb);
    n += nb;
    continue;
  bad:
    free(buf);
    return failf(
        err, errlen,
        "%s: line %u: -- raw: invalid item '%.*s' (expected a 64-bit word 0x... or a hex byte)",
        name, line, (int)(tl > 40 ? 40 : tl), t);
  }
  *code = buf;
  *size = n;
  return 0;
}

/* Strip comments and blanks; return whether anything is left. */
static bool only_comments(const struct span *sp) {
  bool in_comment = false;
  for (size_t i = 0; i < sp->len; i++) {
    char c = sp->text[i];
    if (c == '\n')
      in_comment = false;
    else if (c == '#')
      in_comment = true;
    else if (!in_comment && !isspace((unsigned char)c))
      return false;
  }
  return true;
}

static int parse_result(const struct span *sp, const char *name, uint64_t *out, char *err,
                        size_t errlen) {
  /* one hexadecimal number, 0x optional, comments and blank lines around */
  char buf[128];
  size_t n = 0;
  bool in_comment = false;
  for (size_t i = 0; i < sp->len; i++) {
    char c = sp->text[i];
    if (c == '\n')
      in_comment = false;
    else if (c == '#')
      in_comment = true;
    if (in_comment) continue;
    if (n + 1 >= sizeof buf)
      return failf(err, errlen, "%s: line %u: -- result: too long", name, sp->first_line);
    buf[n++] = c;
  }
  buf[n] = '\0';
  char *s = buf;
  while (isspace((unsigned char)*s))
    s++;
  char *e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1]))
    *--e = '\0';
  char *digits = s;
  if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) digits += 2;
  size_t nd = strlen(digits);
  if (nd == 0 || nd > 16 || strspn(digits, "0123456789abcdefABCDEF") != nd)
    return failf(err, errlen,
                 "%s: line %u: -- result: expected one hexadecimal 64-bit value, got '%.40s'", name,
                 sp->first_line, s);
  uint64_t v = 0;
  for (size_t i = 0; i < nd; i++)
    v = v << 4 | (uint64_t)hexval((unsigned char)digits[i]);
  *out = v;
  return 0;
}

static int parse_testfile(const char *text, size_t len, const char *name, bool need_expectation,
                          struct lbpf_testfile *tf, char *err, size_t errlen);

int lbpf_testfile_parse(const char *text, size_t len, const char *name, struct lbpf_testfile *tf,
                        char *err, size_t errlen) {
  return parse_testfile(text, len, name, true, tf, err, errlen);
}

int lbpf_testfile_parse_unchecked(const char *text, size_t len, const char *name,
                                  struct lbpf_testfile *tf, char *err, size_t errlen) {
  return parse_testfile(text, len, name, false, tf, err, errlen);
}

static int parse_testfile(const char *text, size_t len, const char *name, bool need_expectation,
                          struct lbpf_testfile *tf, char *err, size_t errlen) {
  struct span sp[S_COUNT];
  memset(sp, 0, sizeof sp);
  memset(tf, 0, sizeof *tf);
  enum section cur = S_NONE;
  unsigned line = 1;
  if (memchr(text, '\0', len)) return failf(err, errlen, "%s: NUL byte in a text file", name);
  for (size_t i = 0; i < len; line++) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    size_t ll = j - i;
    if (ll >= 2 && text[i] == '-' && text[i + 1] == '-') {
      /* a section line: "-- name" */
      size_t a = i + 2, b = j;
      while (a < b && isspace((unsigned char)text[a]))
        a++;
      while (b > a && isspace((unsigned char)text[b - 1]))
        b--;
      enum section s = S_NONE;
      for (int k = 1; k < S_COUNT; k++)
        if (strlen(section_names[k]) == b - a && memcmp(section_names[k], text + a, b - a) == 0)
          s = (enum section)k;
      if (s == S_NONE)
        return failf(err, errlen, "%s: line %u: unknown section '-- %.*s'", name, line,
                     (int)(b - a > 40 ? 40 : b - a), text + a);
      if (sp[s].present)
        return failf(err, errlen, "%s: line %u: second '-- %s' section", name, line,
                     section_names[s]);
      cur = s;
      sp[s].present = true;
      sp[s].text = j < len ? text + j + 1 : text + len;
      sp[s].first_line = line + 1;
    } else if (cur == S_NONE) {
      size_t a = i;
      while (a < j && isspace((unsigned char)text[a]))
        a++;
      if (a < j && text[a] != '#')
        return failf(err, errlen, "%s: line %u: text before the first '-- ' section", name, line);
    } else {
      sp[cur].len = (size_t)(text + j - sp[cur].text);
    }
    i = j + 1;
  }
  if (!sp[S_ASM].present && !sp[S_RAW].present)
    return failf(err, errlen, "%s: no program (no '-- asm' or '-- raw' section)", name);
  if (need_expectation && !sp[S_RESULT].present && !sp[S_ERROR].present)
    return failf(err, errlen, "%s: no expectation (no '-- result' or '-- error' section)", name);
  if (sp[S_RESULT].present && sp[S_ERROR].present)
    return failf(err, errlen, "%s: both '-- result' and '-- error' sections", name);

  char msg[256];
  if (sp[S_ASM].present) {
    if (lbpf_assemble(sp[S_ASM].text, sp[S_ASM].len, sp[S_ASM].first_line, &tf->code,
                      &tf->code_size, msg, sizeof msg)) {
      failf(err, errlen, "%s: -- asm: %s", name, msg);
      goto fail;
    }
  }
  if (sp[S_RAW].present) {
    uint8_t *raw = NULL;
    size_t rawlen = 0;
    if (parse_raw(&sp[S_RAW], name, &raw, &rawlen, err, errlen)) goto fail;
    if (!tf->code) {
      tf->code = raw;
      tf->code_size = rawlen;
    } else {
      /* both: they must say the same thing */
      bool same = rawlen == tf->code_size && memcmp(raw, tf->code, rawlen) == 0;
      free(raw);
      if (!same) {
        failf(err, errlen, "%s: the '-- asm' and '-- raw' sections give different programs", name);
        goto fail;
      }
    }
  }
  if (sp[S_MEM].present) {
    /* comments out, then hex */
    char *clean = malloc(sp[S_MEM].len + 1);
    if (!clean) {
      failf(err, errlen, "out of memory");
      goto fail;
    }
    bool in_comment = false;
    for (size_t i = 0; i < sp[S_MEM].len; i++) {
      char c = sp[S_MEM].text[i];
      if (c == '\n')
        in_comment = false;
      else if (c == '#')
        in_comment = true;
      clean[i] = in_comment ? ' ' : c;
    }
    int rc = lbpf_hex_decode(clean, sp[S_MEM].len, &tf->mem, &tf->mem_len, msg, sizeof msg);
    free(clean);
    if (rc) {
      failf(err, errlen, "%s: line %u: -- mem: %s", name, sp[S_MEM].first_line, msg);
      goto fail;
    }
    tf->has_mem = true;
  }
  if (sp[S_RESULT].present) {
    if (parse_result(&sp[S_RESULT], name, &tf->result, err, errlen)) goto fail;
    tf->has_result = true;
  }
  if (sp[S_ERROR].present) {
    tf->has_error = true;
    if (!only_comments(&sp[S_ERROR])) {
      size_t n =
          sp[S_ERROR].len < sizeof tf->error_text - 1 ? sp[S_ERROR].len : sizeof tf->error_text - 1;
      memcpy(tf->error_text, sp[S_ERROR].text, n);
      tf->error_text[n] = '\0';
      for (char *p = tf->error_text; *p; p++)
        if (*p == '\n') *p = ' ';
    }
  }
  return 0;
fail:
  lbpf_testfile_free(tf);
  return -1;
}

void lbpf_testfile_free(struct lbpf_testfile *tf) {
  free(tf->code);
  free(tf->mem);
  memset(tf, 0, sizeof *tf);
}

/* ---- ELF ---- */

/* Little-endian reads; the caller has checked the bounds. */
static uint16_t rd16(const uint8_t *p) {
  return (uint16_t)(p[0] | p[1] << 8);
}
static uint32_t rd32(const uint8_t *p) {
  return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}
static uint64_t rd64(const uint8_t *p) {
  return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* Is [off, off+size) inside a file of len bytes?  Without overflow. */
static bool inside(uint64_t off, uint64_t size, size_t len) {
  return off <= len && size <= len - off;
}

enum { SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_RELA = 4, SHT_REL = 9, SHF_EXECINSTR = 4 };
enum { EHDR_SIZE = 64, SHDR_SIZE = 64, SYM_SIZE = 24, EM_BPF = 247, ET_REL = 1 };

struct shdr {
  uint32_t name, type;
  uint64_t flags, offset, size;
  uint32_t link, info;
  uint64_t addralign, entsize;
};

static struct shdr read_shdr(const uint8_t *p) {
  struct shdr s;
  s.name = rd32(p);
  s.type = rd32(p + 4);
  s.flags = rd64(p + 8);
  s.offset = rd64(p + 24);
  s.size = rd64(p + 32);
  s.link = rd32(p + 40);
  s.info = rd32(p + 44);
  s.addralign = rd64(p + 48);
  s.entsize = rd64(p + 56);
  return s;
}

/* A NUL-terminated string at offset off of a string section, or NULL. */
static const char *elf_string(const uint8_t *data, size_t len, const struct shdr *strtab,
                              uint64_t off) {
  if (!inside(strtab->offset, strtab->size, len) || off >= strtab->size) return NULL;
  const char *s = (const char *)data + strtab->offset + off;
  if (!memchr(s, '\0', strtab->size - off)) return NULL;
  return s;
}


/* ---- ELF objects: the linker ----

   An object from clang -target bpf holds code in one or more executable
   sections (.text, and any section a program names with
   __attribute__((section(...)))), data in .data, .bss and .rodata*
   sections, and REL relocations that tie them together.  lbpf_elf_link
   makes one program of it:

   - the entry is chosen by the rule in loader.h, never guessed;
   - the entry's section comes first, then the other executable sections in
     section-header order; if the entry is not the first instruction of its
     section, slot 0 is a `ja` to it (a forward jump: no budget spent);
   - a call with an R_BPF_64_32 relocation gets the pc-relative immediate of
     its target in that layout;
   - the writable data sections are laid out one after the other in region
     LBPF_ELF_DATA, the read-only ones in LBPF_ELF_RODATA, each at an offset
     aligned as the section asks (at most 8); an lddw with an R_BPF_64_64
     relocation, and a 64-bit word of data with R_BPF_64_ABS64, are recorded
     as (region, offset) and get their address from lbpf_elf_bind once the
     caller has placed the regions. */

enum { SHT_NOBITS = 8, SHF_WRITE = 1, SHF_ALLOC = 2 };
enum { STB_GLOBAL = 1, STB_WEAK = 2, STT_FUNC = 2, SHN_LORESERVE = 0xff00 };
enum { R_BPF_NONE = 0, R_BPF_64_64 = 1, R_BPF_64_ABS64 = 2, R_BPF_64_32 = 10 };
enum { OP_LDDW = 0x18, OP_CALL = 0x85, OP_JA = 0x05 };
enum section_kind { SEC_NONE, SEC_CODE, SEC_DATA, SEC_RODATA };

struct elf_sym {
  const char *name; /* "" for a section symbol or a nameless one */
  unsigned bind, type;
  uint16_t shndx;
  uint64_t value;
};

struct elf {
  const uint8_t *data;
  size_t len;
  const char *name;
  const uint8_t *sh;
  unsigned shnum;
  struct shdr strtab;
  bool has_symtab;
  struct shdr symtab, symstr;
  uint64_t nsyms;
  enum section_kind *kind; /* per section */
  uint64_t *place;         /* code: first slot; data: byte offset in its region */
  char *err;
  size_t errlen;
};

static struct shdr elf_shdr(const struct elf *e, unsigned i) {
  return read_shdr(e->sh + (size_t)i * SHDR_SIZE);
}

static const char *elf_section_name(const struct elf *e, unsigned i) {
  if (i >= e->shnum) return "?";
  const char *s = elf_string(e->data, e->len, &e->strtab, elf_shdr(e, i).name);
  return s ? s : "?";
}

/* Symbol k, checked: its name is a string of the symbol string table. */
static int elf_symbol(const struct elf *e, uint64_t k, struct elf_sym *out) {
  if (!e->has_symtab || k >= e->nsyms)
    return failf(e->err, e->errlen, "%s: symbol %" PRIu64 " does not exist (%" PRIu64 " symbols)",
                 e->name, k, e->nsyms);
  const uint8_t *p = e->data + e->symtab.offset + k * SYM_SIZE;
  out->name = elf_string(e->data, e->len, &e->symstr, rd32(p));
  if (!out->name)
    return failf(e->err, e->errlen, "%s: symbol %" PRIu64 " has an invalid name offset", e->name,
                 k);
  out->bind = p[4] >> 4;
  out->type = p[4] & 0xf;
  out->shndx = rd16(p + 6);
  out->value = rd64(p + 8);
  if (!*out->name && out->shndx < e->shnum) out->name = elf_section_name(e, out->shndx);
  return 0;
}

/* The header and the section table: every offset and size checked. */
static int elf_open(struct elf *e) {
  const uint8_t *data = e->data;
  size_t len = e->len;
  const char *name = e->name;
  char *err = e->err;
  size_t errlen = e->errlen;
  if (len < EHDR_SIZE || !lbpf_is_elf(data, len))
    return failf(err, errlen, "%s: ELF header truncated (%zu bytes, need %d)", name, len,
                 EHDR_SIZE);
  if (data[4] != 2)
    return failf(err, errlen, "%s: not a 64-bit ELF file (class %u)", name, data[4]);
  if (data[5] != 1)
    return failf(err, errlen, "%s: not a little-endian ELF file (data encoding %u)", name, data[5]);
  uint16_t type = rd16(data + 16), machine = rd16(data + 18);
  if (machine != EM_BPF)
    return failf(err, errlen, "%s: ELF machine %u is not BPF (%d)", name, machine, EM_BPF);
  if (type != ET_REL)
    return failf(err, errlen, "%s: ELF type %u is not a relocatable object (%d)", name, type,
                 ET_REL);
  uint64_t shoff = rd64(data + 40);
  uint16_t shentsize = rd16(data + 58), shnum = rd16(data + 60), shstrndx = rd16(data + 62);
  if (shentsize != SHDR_SIZE)
    return failf(err, errlen, "%s: ELF section header size %u, expected %d", name, shentsize,
                 SHDR_SIZE);
  if (shnum == 0) return failf(err, errlen, "%s: ELF file has no section headers", name);
  if (!inside(shoff, (uint64_t)shnum * SHDR_SIZE, len))
    return failf(err, errlen,
                 "%s: ELF section header table (offset 0x%" PRIx64 ", %u entries) extends past the "
                 "end of the file (%zu bytes)",
                 name, shoff, shnum, len);
  if (shstrndx >= shnum)
    return failf(err, errlen, "%s: ELF section name table index %u out of range (%u sections)",
                 name, shstrndx, shnum);
  e->sh = data + shoff;
  e->shnum = shnum;
  e->strtab = elf_shdr(e, shstrndx);
  if (!inside(e->strtab.offset, e->strtab.size, len))
    return failf(err, errlen,
                 "%s: ELF section name table (section %u) extends past the end of the file", name,
                 shstrndx);
  for (unsigned i = 1; i < shnum; i++) {
    struct shdr s = elf_shdr(e, i);
    if (s.type != SHT_SYMTAB) continue;
    if (e->has_symtab)
      return failf(err, errlen, "%s: more than one symbol table (section %u is the second)", name,
                   i);
    if (!inside(s.offset, s.size, len) || s.link >= shnum || s.link == i)
      return failf(err, errlen, "%s: the symbol table (section %u) is malformed", name, i);
    e->symtab = s;
    e->symstr = elf_shdr(e, s.link);
    if (!inside(e->symstr.offset, e->symstr.size, len))
      return failf(err, errlen, "%s: the symbol names (section %u) extend past the end of the file",
                   name, s.link);
    e->nsyms = s.size / SYM_SIZE;
    e->has_symtab = true;
  }
  return 0;
}

/* Which sections become code and data, and their sizes. */
static int elf_classify(struct elf *e, uint64_t *code_slots, uint64_t region_size[2]) {
  for (unsigned i = 1; i < e->shnum; i++) {
    struct shdr s = elf_shdr(e, i);
    e->kind[i] = SEC_NONE;
    if ((s.type != SHT_PROGBITS && s.type != SHT_NOBITS) || s.size == 0) continue;
    const char *nm = elf_string(e->data, e->len, &e->strtab, s.name);
    if (!nm)
      return failf(e->err, e->errlen, "%s: ELF section %u has an invalid name offset 0x%x",
                   e->name, i, s.name);
    if (s.type == SHT_PROGBITS && (s.flags & SHF_EXECINSTR)) {
      if (!inside(s.offset, s.size, e->len))
        return failf(e->err, e->errlen,
                     "%s: ELF section %u '%s' (offset 0x%" PRIx64 ", size 0x%" PRIx64
                     ") extends past the end of the file (%zu bytes)",
                     e->name, i, nm, s.offset, s.size, e->len);
      if (s.size % LBPF_INSN_SIZE)
        return failf(e->err, e->errlen,
                     "%s: code section '%s' has %" PRIu64 " bytes, not a whole number of "
                     "instructions",
                     e->name, nm, s.size);
      e->kind[i] = SEC_CODE;
      e->place[i] = *code_slots;
      *code_slots += s.size / LBPF_INSN_SIZE;
      if (*code_slots > LBPF_MAX_INSNS)
        return failf(e->err, e->errlen, "%s: more than %d instructions of code", e->name,
                     LBPF_MAX_INSNS);
      continue;
    }
    if (!(s.flags & SHF_ALLOC)) continue;
    if (strcmp(nm, "maps") == 0 || strcmp(nm, ".maps") == 0)
      return failf(e->err, e->errlen,
                   "%s: section '%s' declares Linux BPF maps, which litbpf does not have; keep "
                   "state in global variables or through the key-value helpers",
                   e->name, nm);
    if (s.type == SHT_PROGBITS && !inside(s.offset, s.size, e->len))
      return failf(e->err, e->errlen,
                   "%s: ELF section %u '%s' (offset 0x%" PRIx64 ", size 0x%" PRIx64
                   ") extends past the end of the file (%zu bytes)",
                   e->name, i, nm, s.offset, s.size, e->len);
    int r = (s.flags & SHF_WRITE) ? LBPF_ELF_DATA : LBPF_ELF_RODATA;
    uint64_t align = s.addralign > 8 ? 8 : s.addralign ? s.addralign : 1;
    if (s.addralign & (s.addralign - 1))
      return failf(e->err, e->errlen, "%s: section '%s' has alignment %" PRIu64 ", not a power of 2",
                   e->name, nm, s.addralign);
    uint64_t at = (region_size[r] + align - 1) & ~(align - 1);
    if (s.size > LBPF_ELF_REGION_MAX || at > LBPF_ELF_REGION_MAX - s.size)
      return failf(e->err, e->errlen,
                   "%s: section '%s' (%" PRIu64 " bytes) makes the %s region larger than %zu bytes",
                   e->name, nm, s.size, r == LBPF_ELF_DATA ? "data" : "rodata",
                   (size_t)LBPF_ELF_REGION_MAX);
    e->kind[i] = r == LBPF_ELF_DATA ? SEC_DATA : SEC_RODATA;
    e->place[i] = at;
    region_size[r] = at + s.size;
  }
  return 0;
}

/* ---- the entry ---- */

struct entry {
  unsigned sec;
  uint64_t offset; /* bytes into the section */
  const char *name;
};

static int add_entry(struct entry *c, size_t *n, size_t cap, struct entry x) {
  for (size_t i = 0; i < *n; i++)
    if (c[i].sec == x.sec && c[i].offset == x.offset) return 0; /* the same code, two names */
  if (*n < cap) c[*n] = x;
  (*n)++;
  return 0;
}

/* "'a' (section .text, offset 0x10), 'b' (section fc/main)" */
static void list_entries(const struct elf *e, const struct entry *c, size_t n, size_t cap,
                         char *buf, size_t len) {
  size_t k = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < n && i < cap && k < len; i++) {
    int w = snprintf(buf + k, len - k, "%s'%s' (section %s", i ? ", " : "", c[i].name,
                     elf_section_name(e, c[i].sec));
    if (w < 0) return;
    k += (size_t)w;
    if (k < len && c[i].offset) {
      w = snprintf(buf + k, len - k, ", offset 0x%" PRIx64, c[i].offset);
      if (w < 0) return;
      k += (size_t)w;
    }
    if (k < len) k += (size_t)snprintf(buf + k, len - k, ")");
  }
  if (n > cap && k < len) snprintf(buf + k, len - k, " and %zu more", n - cap);
}

enum { ENTRY_CAP = 16 };

static int elf_entry(const struct elf *e, const char *want, struct entry *chosen) {
  struct entry globals[ENTRY_CAP], funcs[ENTRY_CAP], named[ENTRY_CAP];
  size_t nglobals = 0, nfuncs = 0, nnamed = 0;
  unsigned ncode = 0, code_sec = 0;
  for (unsigned i = 1; i < e->shnum; i++)
    if (e->kind[i] == SEC_CODE) {
      ncode++;
      if (!code_sec) code_sec = i;
      if (want && strcmp(elf_section_name(e, i), want) == 0)
        add_entry(named, &nnamed, ENTRY_CAP, (struct entry){i, 0, elf_section_name(e, i)});
    }
  if (ncode == 0)
    return failf(e->err, e->errlen, "%s: no executable section with code in the ELF file",
                 e->name);
  for (uint64_t k = 1; k < e->nsyms; k++) {
    struct elf_sym s;
    if (elf_symbol(e, k, &s)) return -1;
    if (s.type != STT_FUNC || s.shndx == 0) continue;
    if (s.shndx >= e->shnum || e->kind[s.shndx] != SEC_CODE)
      return failf(e->err, e->errlen, "%s: function '%s' is in section %u '%s', which is not code",
                   e->name, s.name, s.shndx, elf_section_name(e, s.shndx));
    struct shdr sec = elf_shdr(e, s.shndx);
    if (s.value % LBPF_INSN_SIZE || s.value >= sec.size)
      return failf(e->err, e->errlen,
                   "%s: function '%s' is at offset 0x%" PRIx64 " of section '%s', not at an "
                   "instruction of it",
                   e->name, s.name, s.value, elf_section_name(e, s.shndx));
    struct entry x = {s.shndx, s.value, s.name};
    add_entry(funcs, &nfuncs, ENTRY_CAP, x);
    if (s.bind == STB_GLOBAL || s.bind == STB_WEAK) add_entry(globals, &nglobals, ENTRY_CAP, x);
    if (want && strcmp(s.name, want) == 0) add_entry(named, &nnamed, ENTRY_CAP, x);
  }
  char list[700];
  if (want) {
    if (nnamed == 1) {
      *chosen = named[0];
      return 0;
    }
    const struct entry *c = nnamed ? named : nfuncs ? funcs : NULL;
    size_t n = nnamed ? nnamed : nfuncs;
    if (c)
      list_entries(e, c, n, ENTRY_CAP, list, sizeof list);
    else
      snprintf(list, sizeof list, "section '%s'", elf_section_name(e, code_sec));
    return failf(e->err, e->errlen, "%s: --entry '%s' %s; %s: %s", e->name, want,
                 nnamed ? "names different code" : "names no function and no code section",
                 nnamed ? "it could be" : "the candidates are", list);
  }
  if (nglobals == 1) {
    *chosen = globals[0];
    return 0;
  }
  if (nglobals == 0 && nfuncs == 1) {
    *chosen = funcs[0];
    return 0;
  }
  if (nfuncs == 0 && ncode == 1) {
    *chosen = (struct entry){code_sec, 0, elf_section_name(e, code_sec)};
    return 0;
  }
  const struct entry *c = nglobals ? globals : funcs;
  size_t n = nglobals ? nglobals : nfuncs;
  if (n)
    list_entries(e, c, n, ENTRY_CAP, list, sizeof list);
  else
    snprintf(list, sizeof list, "%u code sections and no function symbol", ncode);
  return failf(e->err, e->errlen,
               "%s: which function is the program?  %zu %s: %s; choose one with --entry NAME",
               e->name, n, nglobals ? "global functions" : n ? "functions" : "candidates", list);
}

/* ---- relocations ---- */

static const char *reloc_name(uint32_t type) {
  switch (type) {
  case R_BPF_NONE: return "R_BPF_NONE";
  case R_BPF_64_64: return "R_BPF_64_64";
  case R_BPF_64_ABS64: return "R_BPF_64_ABS64";
  case 3: return "R_BPF_64_ABS32";
  case 4: return "R_BPF_64_NODYLD32";
  case R_BPF_64_32: return "R_BPF_64_32";
  default: return "unknown relocation";
  }
}

static int add_reloc(struct lbpf_elf_program *p, struct lbpf_elf_reloc r, const struct elf *e) {
  if (p->nrelocs % 64 == 0) {
    struct lbpf_elf_reloc *more = realloc(p->relocs, (p->nrelocs + 64) * sizeof *more);
    if (!more) return failf(e->err, e->errlen, "%s: out of memory", e->name);
    p->relocs = more;
  }
  p->relocs[p->nrelocs++] = r;
  return 0;
}

/* Record what a relocation did: "TYPE 'symbol'+addend -> what". */
static int add_note(struct lbpf_elf_program *p, int in, uint64_t at, const char *type,
                    const char *symbol, int64_t addend, const char *what, uint64_t offset,
                    const struct elf *e) {
  if (p->nnotes % 64 == 0) {
    struct lbpf_elf_note *more = realloc(p->notes, (p->nnotes + 64) * sizeof *more);
    if (!more) return failf(e->err, e->errlen, "%s: out of memory", e->name);
    p->notes = more;
  }
  struct lbpf_elf_note *n = &p->notes[p->nnotes++];
  n->in = in;
  n->at = at;
  /* a symbol name is the object's: at most 40 characters of it are shown */
  const char *more = strlen(symbol) > 40 ? "..." : "";
  if (strcmp(what, "pc") == 0) /* a call: its target, as the disassembly labels it */
    snprintf(n->text, sizeof n->text, "%s '%.40s%s'%+" PRId64 " -> L%" PRIu64, type, symbol, more,
             addend, offset);
  else
    snprintf(n->text, sizeof n->text, "%s '%.40s%s'%+" PRId64 " -> %s+0x%" PRIx64, type, symbol,
             more, addend, what, offset);
  return 0;
}

static const char *const region_label[LBPF_ELF_NREGIONS] = {"data", "rodata"};

/* The (region, offset) of a data symbol plus addend, or -1 naming it. */
static int data_target(const struct elf *e, const struct elf_sym *s, int64_t addend,
                       const char *what, struct lbpf_elf_reloc *r) {
  if (s->shndx == 0)
    return failf(e->err, e->errlen,
                 "%s: %s refers to '%s', which the object does not define (litbpf links one "
                 "object: define it, or reach the firmware through a helper)",
                 e->name, what, s->name);
  if (s->shndx >= e->shnum || (e->kind[s->shndx] != SEC_DATA && e->kind[s->shndx] != SEC_RODATA))
    return failf(e->err, e->errlen,
                 "%s: %s refers to '%s', which is not in a data section (.data, .bss, .rodata)%s",
                 e->name, what, s->name,
                 s->shndx >= SHN_LORESERVE ? " (a common or absolute symbol: compile with "
                                             "-fno-common)"
                 : s->shndx < e->shnum && e->kind[s->shndx] == SEC_CODE
                     ? " (the address of a function: eBPF calls functions by offset, not "
                       "through pointers)"
                     : "");
  r->target = e->kind[s->shndx] == SEC_DATA ? LBPF_ELF_DATA : LBPF_ELF_RODATA;
  r->offset = e->place[s->shndx] + s->value + (uint64_t)addend;
  return 0;
}

static int elf_relocate(const struct elf *e, struct lbpf_elf_program *p, unsigned code_first,
                        uint8_t *const init[2]) {
  for (unsigned i = 1; i < e->shnum; i++) {
    struct shdr rs = elf_shdr(e, i);
    if (rs.type != SHT_REL && rs.type != SHT_RELA) continue;
    /* A relocation section must name the section it applies to: one that
       names none (sh_info 0 or out of range) could be meant for the code,
       and running the code unrelocated would be wrong, so it is refused. */
    if (rs.info >= e->shnum || rs.info == 0)
      return failf(e->err, e->errlen,
                   "%s: relocation section %u '%s' applies to section %u, which does not exist "
                   "(%u sections)",
                   e->name, i, elf_section_name(e, i), (unsigned)rs.info, (unsigned)e->shnum);
    if (e->kind[rs.info] == SEC_NONE)
      continue; /* debug information and other sections that are not loaded */
    unsigned t = rs.info;
    const char *tname = elf_section_name(e, t);
    if (rs.type == SHT_RELA)
      return failf(e->err, e->errlen,
                   "%s: section '%s' has RELA relocations; clang -target bpf writes REL ones",
                   e->name, tname);
    if (!inside(rs.offset, rs.size, e->len) || rs.size % 16)
      return failf(e->err, e->errlen, "%s: the relocations of section '%s' (section %u) are "
                   "malformed", e->name, tname, i);
    if (!e->has_symtab || rs.link >= e->shnum || elf_shdr(e, rs.link).type != SHT_SYMTAB)
      return failf(e->err, e->errlen,
                   "%s: the relocations of section '%s' name no symbol table", e->name, tname);
    struct shdr ts = elf_shdr(e, t);
    for (uint64_t k = 0; k < rs.size / 16; k++) {
      const uint8_t *rel = e->data + rs.offset + k * 16;
      uint64_t off = rd64(rel), info = rd64(rel + 8);
      uint32_t type = (uint32_t)info;
      struct elf_sym s;
      if (type == R_BPF_NONE) continue;
      if (elf_symbol(e, info >> 32, &s)) return -1;
      char what[160];
      if (e->kind[t] == SEC_CODE) {
        uint64_t slot = e->place[t] + off / LBPF_INSN_SIZE + code_first;
        snprintf(what, sizeof what, "the %s relocation at offset 0x%" PRIx64 " of '%s' (pc %" PRIu64 ")",
                 reloc_name(type), off, tname, slot);
        if (off % LBPF_INSN_SIZE || off >= ts.size)
          return failf(e->err, e->errlen, "%s: %s is not at an instruction", e->name, what);
        uint8_t *insn = p->code + slot * LBPF_INSN_SIZE;
        int32_t imm = (int32_t)rd32(insn + 4);
        if (type == R_BPF_64_32 && insn[0] == OP_CALL && (insn[1] >> 4) == LBPF_CALL_LOCAL) {
          if (s.shndx == 0)
            return failf(e->err, e->errlen,
                         "%s: %s calls '%s', which the object does not define (litbpf links one "
                         "object; a helper is called by its number, e.g. "
                         "((uint64_t (*)(uint64_t))ID)(x))",
                         e->name, what, s.name);
          if (s.shndx >= e->shnum || e->kind[s.shndx] != SEC_CODE)
            return failf(e->err, e->errlen, "%s: %s calls '%s', which is not code", e->name, what,
                         s.name);
          /* as libbpf: the target is the symbol's instruction plus imm + 1 */
          int64_t target = (int64_t)(e->place[s.shndx] + code_first) +
                           (int64_t)(s.value / LBPF_INSN_SIZE) + imm + 1;
          int64_t first = (int64_t)(e->place[s.shndx] + code_first);
          int64_t end = first + (int64_t)(elf_shdr(e, s.shndx).size / LBPF_INSN_SIZE);
          if (s.value % LBPF_INSN_SIZE || target < first || target >= end)
            return failf(e->err, e->errlen,
                         "%s: %s calls outside section '%s' (symbol '%s' + %" PRId32 ")",
                         e->name, what, elf_section_name(e, s.shndx), s.name, imm);
          int64_t rel32 = target - (int64_t)slot - 1;
          for (int b = 0; b < 4; b++) insn[4 + b] = (uint8_t)((uint64_t)rel32 >> (8 * b));
          if (add_note(p, LBPF_ELF_IN_CODE, slot, reloc_name(type), s.name, imm, "pc",
                       (uint64_t)target, e))
            return -1;
        } else if (type == R_BPF_64_64 && insn[0] == OP_LDDW && (insn[1] >> 4) == 0 &&
                   off + 2 * LBPF_INSN_SIZE <= ts.size) {
          struct lbpf_elf_reloc r = {LBPF_ELF_IN_CODE, slot, 0, 0};
          if (data_target(e, &s, imm, what, &r) || add_reloc(p, r, e) ||
              add_note(p, LBPF_ELF_IN_CODE, slot, reloc_name(type), s.name, imm,
                       region_label[r.target], r.offset, e))
            return -1;
          memset(insn + 4, 0, 4);
          memset(insn + 12, 0, 4);
        } else {
          return failf(e->err, e->errlen,
                       "%s: %s (type %u, symbol '%s') is not one litbpf applies: it links "
                       "R_BPF_64_32 on a local call and R_BPF_64_64 on lddw",
                       e->name, what, type, s.name);
        }
      } else {
        int in = e->kind[t] == SEC_DATA ? LBPF_ELF_DATA : LBPF_ELF_RODATA;
        snprintf(what, sizeof what, "the %s relocation at offset 0x%" PRIx64 " of '%s'",
                 reloc_name(type), off, tname);
        if (type != R_BPF_64_ABS64)
          return failf(e->err, e->errlen,
                       "%s: %s (type %u, symbol '%s') is not one litbpf applies: data may hold "
                       "64-bit addresses (R_BPF_64_ABS64) only",
                       e->name, what, type, s.name);
        if (ts.type == SHT_NOBITS || off > ts.size || ts.size - off < 8)
          return failf(e->err, e->errlen, "%s: %s is outside its section", e->name, what);
        uint8_t *word = init[in] + e->place[t] + off;
        struct lbpf_elf_reloc r = {in, e->place[t] + off, 0, 0};
        if (data_target(e, &s, (int64_t)rd64(word), what, &r) || add_reloc(p, r, e) ||
            add_note(p, in, r.at, reloc_name(type), s.name, (int64_t)rd64(word),
                     region_label[r.target], r.offset, e))
          return -1;
        memset(word, 0, 8);
      }
    }
  }
  return 0;
}

int lbpf_elf_link(const uint8_t *data, size_t len, const char *name, const char *entry,
                  struct lbpf_elf_program *p, char *err, size_t errlen) {
  struct elf e = {.data = data, .len = len, .name = name, .err = err, .errlen = errlen};
  memset(p, 0, sizeof *p);
  if (elf_open(&e)) return -1;
  e.kind = calloc(e.shnum, sizeof *e.kind);
  e.place = calloc(e.shnum, sizeof *e.place);
  int rc = -1;
  uint64_t slots = 0, region_size[LBPF_ELF_NREGIONS] = {0, 0};
  struct entry chosen = {0, 0, ""};
  if (!e.kind || !e.place) {
    failf(err, errlen, "%s: out of memory", name);
    goto out;
  }
  if (elf_classify(&e, &slots, region_size) || elf_entry(&e, entry, &chosen)) goto out;
  /* the entry's section first: renumber the code sections */
  uint64_t next = elf_shdr(&e, chosen.sec).size / LBPF_INSN_SIZE;
  e.place[chosen.sec] = 0;
  for (unsigned i = 1; i < e.shnum; i++)
    if (e.kind[i] == SEC_CODE && i != chosen.sec) {
      e.place[i] = next;
      next += elf_shdr(&e, i).size / LBPF_INSN_SIZE;
    }
  unsigned first = chosen.offset ? 1 : 0; /* slot 0 jumps to the entry */
  if (chosen.offset / LBPF_INSN_SIZE > INT16_MAX) {
    failf(err, errlen, "%s: the entry '%s' is more than %d instructions into its section", name,
          chosen.name, INT16_MAX);
    goto out;
  }
  p->code_size = (size_t)(slots + first) * LBPF_INSN_SIZE;
  p->code = calloc(1, p->code_size);
  for (int r = 0; r < LBPF_ELF_NREGIONS; r++) {
    p->region_size[r] = (size_t)region_size[r];
    p->init[r] = calloc(1, p->region_size[r] ? p->region_size[r] : 1);
  }
  if (!p->code || !p->init[0] || !p->init[1]) {
    failf(err, errlen, "%s: out of memory", name);
    goto out;
  }
  if (first) {
    p->code[0] = OP_JA;
    uint16_t off = (uint16_t)(chosen.offset / LBPF_INSN_SIZE);
    p->code[2] = (uint8_t)off;
    p->code[3] = (uint8_t)(off >> 8);
  }
  for (unsigned i = 1; i < e.shnum; i++) {
    struct shdr s = elf_shdr(&e, i);
    if (e.kind[i] == SEC_CODE) {
      memcpy(p->code + (e.place[i] + first) * LBPF_INSN_SIZE, data + s.offset, s.size);
    } else if (e.kind[i] != SEC_NONE && s.type == SHT_PROGBITS) {
      int r = e.kind[i] == SEC_DATA ? LBPF_ELF_DATA : LBPF_ELF_RODATA;
      memcpy(p->init[r] + e.place[i], data + s.offset, s.size);
    }
  }
  if (elf_relocate(&e, p, first, p->init)) goto out;
  snprintf(p->entry, sizeof p->entry, "%s", chosen.name);
  p->entry_pc = first ? (uint32_t)(chosen.offset / LBPF_INSN_SIZE + 1) : 0;
  rc = 0;
out:
  free(e.kind);
  free(e.place);
  if (rc) lbpf_elf_program_free(p);
  return rc;
}

void lbpf_elf_bind(const struct lbpf_elf_program *p, uint8_t *code,
                   uint8_t *const region[LBPF_ELF_NREGIONS]) {
  for (size_t i = 0; i < p->nrelocs; i++) {
    const struct lbpf_elf_reloc *r = &p->relocs[i];
    uint64_t addr = (uint64_t)(uintptr_t)region[r->target] + r->offset;
    if (r->in == LBPF_ELF_IN_CODE) {
      uint8_t *insn = code + r->at * LBPF_INSN_SIZE;
      for (int b = 0; b < 4; b++) {
        insn[4 + b] = (uint8_t)(addr >> (8 * b));
        insn[12 + b] = (uint8_t)(addr >> (32 + 8 * b));
      }
    } else {
      for (int b = 0; b < 8; b++) region[r->in][r->at + (uint64_t)b] = (uint8_t)(addr >> (8 * b));
    }
  }
}

void lbpf_elf_program_free(struct lbpf_elf_program *p) {
  free(p->code);
  free(p->init[0]);
  free(p->init[1]);
  free(p->relocs);
  free(p->notes);
  memset(p, 0, sizeof *p);
}

/* ---- images (lit/image.nw) ---- */

static void put32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

int lbpf_elf_pack(const struct lbpf_elf_program *p, const char *name, uint8_t **out,
                  size_t *outlen, char *err, size_t errlen) {
  for (size_t i = 0; i < p->nrelocs; i++)
    if (p->relocs[i].in != LBPF_ELF_IN_CODE)
      return failf(err, errlen,
                   "%s: data holds the address of a global (an R_BPF_64_ABS64 relocation, e.g. a "
                   "table of string pointers), which an image cannot express; keep offsets or "
                   "indices in the table instead",
                   name);
  size_t d = p->region_size[LBPF_ELF_DATA], r = p->region_size[LBPF_ELF_RODATA];
  size_t namelen = strlen(p->entry) + 1, rr = r + namelen; /* the entry's name after rodata */
  size_t pd = (d + 7) & ~(size_t)7, pr = (rr + 7) & ~(size_t)7;
  size_t len = LBPF_IMAGE_HEADER + pd + pr + p->code_size + LBPF_IMAGE_FUNCTION;
  if (d > UINT32_MAX || rr > UINT32_MAX || p->code_size > UINT32_MAX)
    return failf(err, errlen, "%s: too large for an image", name);
  uint8_t *b = calloc(1, len);
  if (!b) return failf(err, errlen, "%s: out of memory", name);
  put32(b, LBPF_MAGIC);
  put32(b + 4, LBPF_MAGIC_VERSION);
  put32(b + 12, (uint32_t)d);
  put32(b + 16, (uint32_t)rr);
  put32(b + 20, (uint32_t)p->code_size);
  put32(b + 24, 1);
  uint8_t *at = b + LBPF_IMAGE_HEADER;
  if (d) memcpy(at, p->init[LBPF_ELF_DATA], d);
  at += pd;
  if (r) memcpy(at, p->init[LBPF_ELF_RODATA], r);
  memcpy(at + r, p->entry, namelen);
  at += pr;
  uint8_t *text = at;
  memcpy(text, p->code, p->code_size);
  for (size_t i = 0; i < p->nrelocs; i++) { /* lddw of a global: LDDWD or LDDWR */
    uint8_t *insn = text + p->relocs[i].at * LBPF_INSN_SIZE;
    insn[0] = p->relocs[i].target == LBPF_ELF_DATA ? LBPF_OP_LDDWD : LBPF_OP_LDDWR;
    put32(insn + 4, (uint32_t)p->relocs[i].offset);
    put32(insn + 12, (uint32_t)(p->relocs[i].offset >> 32));
  }
  at += p->code_size;
  put32(at, (uint32_t)r); /* the entry's name, at offset 0 of the text */
  put32(b + 28, lbpf_image_checksum(b + LBPF_IMAGE_HEADER, len - LBPF_IMAGE_HEADER));
  *out = b;
  *outlen = len;
  return 0;
}

bool lbpf_is_image(const uint8_t *data, size_t len) {
  if (len < 4) return false;
  uint32_t m = rd32(data);
  return m == LBPF_MAGIC || m == LBPF_RBPF_MAGIC;
}

int lbpf_image_load(const uint8_t *data, size_t len, const char *name,
                    struct lbpf_program_file *pf, char *err, size_t errlen) {
  struct lbpf_image img;
  uint32_t bad = 0;
  memset(pf, 0, sizeof *pf);
  pf->format = LBPF_FORMAT_IMAGE;
  enum lbpf_image_status s = lbpf_image_parse(data, len, &img);
  if (s != LBPF_IMAGE_OK)
    return failf(err, errlen, "%s: %s image refused: %s", name,
                 len >= 4 && rd32(data) == LBPF_RBPF_MAGIC ? "rBPF" : "litbpf",
                 lbpf_image_status_name(s));
  pf->code = malloc(img.text_len);
  pf->region_mem[0] = malloc(img.data_len ? img.data_len : 1);
  pf->region_mem[1] = malloc(img.rodata_len ? img.rodata_len : 1);
  if (!pf->code || !pf->region_mem[0] || !pf->region_mem[1]) {
    lbpf_program_file_free(pf);
    return failf(err, errlen, "%s: out of memory", name);
  }
  struct lbpf_region regions[2];
  s = lbpf_image_place(&img, pf->region_mem[0], pf->region_mem[1], pf->code, img.text_len,
                       regions, &bad);
  if (s != LBPF_IMAGE_OK) {
    lbpf_program_file_free(pf);
    return failf(err, errlen, "%s: image refused: %s at pc %" PRIu32, name,
                 lbpf_image_status_name(s), bad);
  }
  pf->code_size = img.text_len;
  for (int r = 0; r < 2; r++)
    if (regions[r].length) pf->regions[pf->nregions++] = regions[r];
  return 0;
}

/* ---- any program file ---- */

int lbpf_elf_load(const uint8_t *data, size_t len, const char *name, const char *entry,
                  struct lbpf_program_file *pf, char *err, size_t errlen) {
  memset(pf, 0, sizeof *pf);
  pf->format = LBPF_FORMAT_ELF;
  if (lbpf_elf_link(data, len, name, entry, &pf->elf, err, errlen)) return -1;
  pf->code = malloc(pf->elf.code_size);
  bool ok = pf->code != NULL;
  for (int r = 0; r < LBPF_ELF_NREGIONS; r++) {
    size_t n = pf->elf.region_size[r];
    pf->region_mem[r] = malloc(n ? n : 1);
    if (!pf->region_mem[r])
      ok = false;
    else if (n)
      memcpy(pf->region_mem[r], pf->elf.init[r], n);
    if (n)
      pf->regions[pf->nregions++] = (struct lbpf_region){
          pf->region_mem[r], n,
          r == LBPF_ELF_DATA ? LBPF_PERM_READ | LBPF_PERM_WRITE : LBPF_PERM_READ};
  }
  if (!ok) {
    lbpf_program_file_free(pf);
    return failf(err, errlen, "%s: out of memory", name);
  }
  memcpy(pf->code, pf->elf.code, pf->elf.code_size);
  pf->code_size = pf->elf.code_size;
  lbpf_elf_bind(&pf->elf, pf->code, pf->region_mem);
  return 0;
}


enum lbpf_load_error lbpf_load_program_file(const char *path, const char *entry,
                                            struct lbpf_program_file *pf, char *err,
                                            size_t errlen) {
  uint8_t *data;
  size_t len;
  memset(pf, 0, sizeof *pf);
  enum lbpf_load_error rc = lbpf_read_file(path, LBPF_FILE_MAX, &data, &len, err, errlen);
  if (rc) return rc;
  rc = LBPF_LOAD_FORMAT;
  if (lbpf_is_elf(data, len)) {
    pf->format = LBPF_FORMAT_ELF;
    if (lbpf_elf_load(data, len, path, entry, pf, err, errlen) == 0) rc = LBPF_LOAD_OK;
  } else if (entry) {
    failf(err, errlen, "%s: --entry applies to ELF objects only", path);
  } else if (lbpf_is_image(data, len)) {
    if (lbpf_image_load(data, len, path, pf, err, errlen) == 0) rc = LBPF_LOAD_OK;
  } else if (lbpf_is_testfile(path, data, len)) {
    struct lbpf_testfile tf;
    pf->format = LBPF_FORMAT_DATA;
    if (lbpf_testfile_parse((const char *)data, len, path, &tf, err, errlen) == 0) {
      pf->code = tf.code;
      pf->code_size = tf.code_size;
      pf->mem = tf.mem;
      pf->mem_len = tf.mem_len;
      pf->has_mem = tf.has_mem;
      rc = LBPF_LOAD_OK;
    }
  } else {
    pf->format = LBPF_FORMAT_RAW;
    pf->code = data;
    pf->code_size = len;
    data = NULL;
    rc = LBPF_LOAD_OK;
  }
  free(data);
  return rc;
}

void lbpf_program_file_free(struct lbpf_program_file *pf) {
  free(pf->code);
  free(pf->mem);
  for (int r = 0; r < LBPF_ELF_NREGIONS; r++) free(pf->region_mem[r]);
  lbpf_elf_program_free(&pf->elf);
  memset(pf, 0, sizeof *pf);
}
