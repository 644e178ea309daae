/* The command `litbpf thumb-disasm HEX|FILE`: a Thumb-2 disassembler whose
   output reassembles, with llvm-mc, to the same bytes. */
#ifndef LBPF_THUMB_CMD_H
#define LBPF_THUMB_CMD_H

/* argv[0] is "thumb-disasm", argv[1] a hex string (4-digit groups are
   halfwords, 2-digit groups and longer runs are bytes in memory order) or the
   name of a file of raw code bytes.  Prints one instruction per line:
   address, halfwords, UAL text.  Returns 0, or litbpf's exit code (2 usage,
   4 malformed input, 5 unreadable file) after a message on stderr.  With
   --help prints the usage. */
int lbpf_cmd_thumb_disasm(int argc, char **argv);

#endif
