#line 380 "spec/isa.nw"
#include "lbpf_isa.h"

#define LBPF_FORM_NAME(name, opcode, kind, value, reads, writes, cpu) name,
static const char *const form_names[LBPF_NFORMS] = {LBPF_FORMS(LBPF_FORM_NAME)};

const char *lbpf_form_name(const struct lbpf_form *form) {
  return form != NULL ? form_names[form - lbpf_forms] : "?";
}
