#line 120 "lit/target.nw"
#include <stdint.h>

#include "target.h"

extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[], __stack_top[];

void lbpf_m4_reset(void);
void lbpf_m4_systick(void);
void lbpf_m4_unexpected(void);

#line 140 "lit/target.nw"
typedef void (*lbpf_m4_vector)(void);

__attribute__((section(".vectors"), used)) static const lbpf_m4_vector vectors[16] = {
    (lbpf_m4_vector)(uintptr_t)__stack_top, /* initial main stack pointer */
    lbpf_m4_reset,                          /* 1 reset */
    lbpf_m4_unexpected,                     /* 2 NMI */
    lbpf_m4_unexpected,                     /* 3 HardFault */
    lbpf_m4_unexpected,                     /* 4 MemManage */
    lbpf_m4_unexpected,                     /* 5 BusFault */
    lbpf_m4_unexpected,                     /* 6 UsageFault */
    0,
    0,
    0,
    0,
    lbpf_m4_unexpected, /* 11 SVCall */
    lbpf_m4_unexpected, /* 12 DebugMonitor */
    0,
    lbpf_m4_unexpected, /* 14 PendSV */
    lbpf_m4_systick,    /* 15 SysTick */
};
#line 166 "lit/target.nw"
void lbpf_m4_reset(void) {
  volatile uint32_t *src = __data_load;
  for (volatile uint32_t *dst = __data_start; dst < __data_end;)
    *dst++ = *src++;
  for (volatile uint32_t *p = __bss_start; p < __bss_end;)
    *p++ = 0;
  lbpf_sh_exit(lbpf_m4_main());
}
#line 179 "lit/target.nw"
__attribute__((naked)) void lbpf_m4_unexpected(void) {
  __asm__ volatile("mrs r0, ipsr\n"
                   "ldr r1, [sp, #24]\n"
                   "b lbpf_m4_fault\n");
}

void lbpf_m4_fault(uint32_t ipsr, uint32_t pc) {
  lbpf_m4_puts("firmware: unexpected exception ");
  lbpf_m4_putu(ipsr & 0x1ff);
  lbpf_m4_puts(" at pc ");
  lbpf_m4_puthex(pc, 8);
  lbpf_m4_puts("\n");
  lbpf_sh_exit(3);
}
