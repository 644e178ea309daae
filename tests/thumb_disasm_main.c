/* A stand-alone driver of `litbpf thumb-disasm`, for the tests of the
   Thumb-2 model (the litbpf tool itself dispatches to the same function). */
#include "thumb_cmd.h"

int main(int argc, char **argv) {
  char name[] = "thumb-disasm";
  if (argc > 0) argv[0] = name;
  return lbpf_cmd_thumb_disasm(argc, argv);
}
