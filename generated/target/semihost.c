#line 263 "lit/target.nw"
#include <string.h>

#include "target.h"

uint32_t lbpf_sh_call(uint32_t op, const void *args) {
  register uint32_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = args;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

long lbpf_sh_open(const char *path, uint32_t mode) {
  uint32_t args[3] = {(uint32_t)(uintptr_t)path, mode, (uint32_t)strlen(path)};
  return (long)(int32_t)lbpf_sh_call(SYS_OPEN, args);
}

static long open_file(const char *path) {
  return lbpf_sh_open(path, SH_MODE_RB);
}

bool lbpf_sh_read(long fd, void *buf, size_t n) {
  uint32_t args[3] = {(uint32_t)fd, (uint32_t)(uintptr_t)buf, (uint32_t)n};
  return lbpf_sh_call(SYS_READ, args) == 0; /* the bytes not read */
}

bool lbpf_sh_write(long fd, const void *buf, size_t n) {
  uint32_t args[3] = {(uint32_t)fd, (uint32_t)(uintptr_t)buf, (uint32_t)n};
  return lbpf_sh_call(SYS_WRITE, args) == 0; /* the bytes not written */
}

void lbpf_sh_close(long fd) {
  uint32_t args[1] = {(uint32_t)fd};
  lbpf_sh_call(SYS_CLOSE, args);
}

long lbpf_sh_file_length(const char *path) {
  long fd = open_file(path);
  if (fd < 0) return -1;
  uint32_t args[1] = {(uint32_t)fd};
  long len = (long)(int32_t)lbpf_sh_call(SYS_FLEN, args);
  lbpf_sh_close(fd);
  return len;
}

long lbpf_sh_read_file(const char *path, void *buf, size_t cap) {
  long fd = open_file(path);
  if (fd < 0) return -1;
  uint32_t handle[1] = {(uint32_t)fd};
  long len = (long)(int32_t)lbpf_sh_call(SYS_FLEN, handle);
  if (len < 0 || (size_t)len > cap || !lbpf_sh_read(fd, buf, (size_t)len)) len = -1;
  lbpf_sh_close(fd);
  return len;
}

_Noreturn void lbpf_sh_exit(int status) {
  /* ADP_Stopped_ApplicationExit and the status */
  uint32_t args[2] = {0x20026, (uint32_t)status};
  lbpf_sh_call(SYS_EXIT_EXTENDED, args);
  for (;;)
    continue; /* not reached: QEMU has exited */
}
