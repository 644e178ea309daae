lddw %r1, 0x123456789
stxdw [%r10-8], %r1
lock add [%r10-8], %r1
call 5
exit
