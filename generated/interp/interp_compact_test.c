#line 1905 "lit/interp.nw"
#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf.h"
#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_havm.h"
#include "lbpf_interp.h"
#include "lbpf_isa.h"
#include "loader.h"

/* A variant is the interpreter's three entry points. */
struct variant {
  const char *name;
  bool compact; /* the compact shape (which clears registers on every run) */
  size_t (*code_size)(uint32_t);
  enum lbpf_status (*load)(struct lbpf_interp *, const uint8_t *, size_t, const struct lbpf_env *,
                           void *, size_t, struct lbpf_fault *);
  void (*run)(struct lbpf_interp *, void *, size_t, struct lbpf_result *);
};
#line 1852 "lit/interp.nw"
/* The threaded dispatch in the compact shape: what -Os builds for a firmware. */
#define LBPF_INTERP_COMPACT 1
#line 1932 "lit/interp.nw"
#define lbpf_interp_code_size lbpf_interp_other_code_size
#define lbpf_interp_load lbpf_interp_other_load
#define lbpf_interp_run lbpf_interp_other_run
#include "interp.c"
#undef lbpf_interp_code_size
#undef lbpf_interp_load
#undef lbpf_interp_run
#line 1855 "lit/interp.nw"
static const struct variant variants[] = {
    {"threaded, compact", true, lbpf_interp_other_code_size, lbpf_interp_other_load,
     lbpf_interp_other_run},
};
#include "interp_cases.h"

LBPF_INTERP_SUITE(interp_compact)
