#line 285 "lit/pbt.nw"
#include <stdio.h>
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

int lbpf_pbt_form(struct lbpf_insn insn) {
  const struct lbpf_form *f = lbpf_form_of(insn);
  return f != NULL ? (int)(f - lbpf_forms) : -1;
}

const char *lbpf_pbt_form_name(int form) {
  static char names[LBPF_NFORMS][32];
  if (form < 0 || form >= LBPF_NFORMS) return "?";
  const struct lbpf_form *f = &lbpf_forms[form];
  if (names[form][0] == '\0') {
    /* the immediate and register forms of an operation share a mnemonic */
    bool shared = false;
    for (int k = 0; k < LBPF_NFORMS; k++)
      shared |= k != form && strcmp(lbpf_form_name(&lbpf_forms[k]), lbpf_form_name(f)) == 0;
    const bool reg = f->kind == LBPF_KIND_ALU_X || f->kind == LBPF_KIND_JCOND_X;
    snprintf(names[form], sizeof names[form], "%s%s", lbpf_form_name(f),
             shared ? (reg ? " reg" : " imm") : "");
  }
  return names[form];
}
