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
  uint64_t entsize;
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

static const char *reloc_name(uint32_t type) {
  switch (type) {
  case 0: return "R_BPF_NONE";
  case 1: return "R_BPF_64_64";
  case 2: return "R_BPF_64_ABS64";
  case 3: return "R_BPF_64_ABS32";
  case 4: return "R_BPF_64_NODYLD32";
  case 10: return "R_BPF_64_32";
  default: return "unknown relocation";
  }
}

int lbpf_elf_code(const uint8_t *data, size_t len, const char *name, const uint8_t **code,
                  size_t *code_size, char *err, size_t errlen) {
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
  const uint8_t *sh = data + shoff;
  struct shdr strtab = read_shdr(sh + (size_t)shstrndx * SHDR_SIZE);
  if (!inside(strtab.offset, strtab.size, len))
    return failf(err, errlen,
                 "%s: ELF section name table (section %u) extends past the end of the file", name,
                 shstrndx);

  /* the code: .text if it has bytes, else the first executable section */
  int text = -1, first_exec = -1;
  for (unsigned i = 1; i < shnum; i++) {
    struct shdr s = read_shdr(sh + (size_t)i * SHDR_SIZE);
    if (s.type != SHT_PROGBITS || !(s.flags & SHF_EXECINSTR) || s.size == 0) continue;
    const char *nm = elf_string(data, len, &strtab, s.name);
    if (!nm)
      return failf(err, errlen, "%s: ELF section %u has an invalid name offset 0x%x", name, i,
                   s.name);
    if (strcmp(nm, ".text") == 0 && text < 0) text = (int)i;
    if (first_exec < 0) first_exec = (int)i;
  }
  int ci = text >= 0 ? text : first_exec;
  if (ci < 0)
    return failf(err, errlen, "%s: no executable section with code in the ELF file", name);
  struct shdr cs = read_shdr(sh + (size_t)ci * SHDR_SIZE);
  const char *cname = elf_string(data, len, &strtab, cs.name);
  if (!inside(cs.offset, cs.size, len))
    return failf(err, errlen,
                 "%s: ELF section %d '%s' (offset 0x%" PRIx64 ", size 0x%" PRIx64
                 ") extends past the end of the file (%zu bytes)",
                 name, ci, cname, cs.offset, cs.size, len);

  /* relocations against the code are not applied yet: refuse, naming one.
     A relocation section must name the section it applies to: one that names
     none (sh_info 0 or out of range) could be meant for the code, and
     running the code unrelocated would be wrong, so it is refused too. */
  for (unsigned i = 1; i < shnum; i++) {
    struct shdr r = read_shdr(sh + (size_t)i * SHDR_SIZE);
    if ((r.type == SHT_REL || r.type == SHT_RELA) && (r.info == 0 || r.info >= shnum)) {
      const char *rname = elf_string(data, len, &strtab, r.name);
      return failf(err, errlen,
                   "%s: relocation section %u '%s' applies to section %" PRIu32
                   ", which does not exist (%u sections)",
                   name, i, rname ? rname : "?", r.info, shnum);
    }
    if ((r.type != SHT_REL && r.type != SHT_RELA) || r.info != (uint32_t)ci) continue;
    const char *rname = elf_string(data, len, &strtab, r.name);
    uint64_t entsize = r.type == SHT_REL ? 16 : 24;
    if (!inside(r.offset, r.size, len) || r.size < entsize)
      return failf(err, errlen,
                   "%s: section '%s' has relocations (section %u '%s', malformed), which are not "
                   "supported",
                   name, cname, i, rname ? rname : "?");
    const uint8_t *rel = data + r.offset;
    uint64_t roff = rd64(rel), rinfo = rd64(rel + 8);
    uint32_t rtype = (uint32_t)rinfo, rsym = (uint32_t)(rinfo >> 32);
    const char *symname = NULL;
    if (r.link < shnum) {
      struct shdr st = read_shdr(sh + (size_t)r.link * SHDR_SIZE);
      if (st.type == SHT_SYMTAB && inside(st.offset, st.size, len) &&
          (uint64_t)rsym < st.size / SYM_SIZE && st.link < shnum) {
        struct shdr ss = read_shdr(sh + (size_t)st.link * SHDR_SIZE);
        const uint8_t *sym = data + st.offset + (size_t)rsym * SYM_SIZE;
        symname = elf_string(data, len, &ss, rd32(sym));
        if (symname && !*symname) {
          /* a section symbol: name it by its section */
          uint16_t shndx = rd16(sym + 6);
          if (shndx < shnum) {
            struct shdr target = read_shdr(sh + (size_t)shndx * SHDR_SIZE);
            symname = elf_string(data, len, &strtab, target.name);
          }
        }
      }
    }
    return failf(err, errlen,
                 "%s: section '%s' has %" PRIu64 " relocation(s), not supported yet; the first, at "
                 "offset 0x%" PRIx64 " (instruction %" PRIu64
                 "), is %s (type %u) against symbol '%s'",
                 name, cname, r.size / entsize, roff, roff / 8, reloc_name(rtype), rtype,
                 symname ? symname : "?");
  }
  /* A program starts at the first instruction of the section.  If clang put
     a static function first and the global ones later, running from offset
     0 would run the wrong function: refuse, naming the global function. */
  const char *first_global = NULL;
  uint64_t first_global_at = 0;
  bool global_at_start = false;
  for (unsigned i = 1; i < shnum; i++) {
    struct shdr st = read_shdr(sh + (size_t)i * SHDR_SIZE);
    if (st.type != SHT_SYMTAB || !inside(st.offset, st.size, len) || st.link >= shnum) continue;
    struct shdr ss = read_shdr(sh + (size_t)st.link * SHDR_SIZE);
    for (uint64_t k = 0; k < st.size / SYM_SIZE; k++) {
      const uint8_t *sym = data + st.offset + k * SYM_SIZE;
      unsigned bind = sym[4] >> 4, type = sym[4] & 0xf;
      if (rd16(sym + 6) != (uint16_t)ci || type != 2 /* FUNC */ || bind != 1 /* GLOBAL */) continue;
      uint64_t value = rd64(sym + 8);
      const char *sname = elf_string(data, len, &ss, rd32(sym));
      if (value == 0) global_at_start = true;
      if (sname && strcmp(sname, "entry") == 0 && value != 0)
        return failf(err, errlen,
                     "%s: function 'entry' is at offset 0x%" PRIx64 " of section '%s', not at its "
                     "start (litbpf runs a program from the first instruction of the section)",
                     name, value, cname);
      if (!first_global || value < first_global_at) {
        first_global = elf_string(data, len, &ss, rd32(sym));
        if (!first_global) first_global = "?";
        first_global_at = value;
      }
    }
  }
  if (first_global && !global_at_start)
    return failf(err, errlen,
                 "%s: section '%s' does not start with a global function: '%s' is at offset "
                 "0x%" PRIx64 " (litbpf runs a program from the first instruction of the section)",
                 name, cname, first_global, first_global_at);
  *code = data + cs.offset;
  *code_size = (size_t)cs.size;
  return 0;
}

/* ---- any program file ---- */

enum lbpf_load_error lbpf_load_program_file(const char *path, struct lbpf_program_file *pf,
                                            char *err, size_t errlen) {
  uint8_t *data;
  size_t len;
  memset(pf, 0, sizeof *pf);
  enum lbpf_load_error rc = lbpf_read_file(path, LBPF_FILE_MAX, &data, &len, err, errlen);
  if (rc) return rc;
  rc = LBPF_LOAD_FORMAT;
  if (lbpf_is_elf(data, len)) {
    const uint8_t *code;
    size_t size;
    pf->format = LBPF_FORMAT_ELF;
    if (lbpf_elf_code(data, len, path, &code, &size, err, errlen) == 0) {
      pf->code = malloc(size ? size : 1);
      if (pf->code) {
        memcpy(pf->code, code, size);
        pf->code_size = size;
        rc = LBPF_LOAD_OK;
      } else {
        failf(err, errlen, "%s: out of memory", path);
      }
    }
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
  memset(pf, 0, sizeof *pf);
}
