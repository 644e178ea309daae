#line 478 "lit/target.nw"
#include "target.h"

#define SYST_CSR (*(volatile uint32_t *)0xe000e010)
#define SYST_RVR (*(volatile uint32_t *)0xe000e014)
#define SYST_CVR (*(volatile uint32_t *)0xe000e018)
#define SYST_WRAP ((uint64_t)1 << 24)

volatile uint32_t lbpf_m4_wraps;

void lbpf_m4_systick(void) {
  lbpf_m4_wraps++;
}

uint32_t lbpf_m4_timed_call(struct lbpf_m4_call *call, uint32_t pad);
__asm__(".syntax unified\n"
        ".thumb\n"
        ".text\n"
        ".global lbpf_m4_timed_call\n"
        ".type lbpf_m4_timed_call, %function\n"
        ".thumb_func\n"
        "lbpf_m4_timed_call:\n"
        "  push {r4-r7, lr}\n"
        "  mov r4, r0\n"
        "  ldr r6, =0xe000e018\n"    /* SysTick current value */
        "  adr r5, 1f\n"             /* the end of the padding sled */
        "  sub r5, r5, r1, lsl #1\n" /* minus pad 16-bit nops */
        "  orr r5, r5, #1\n"         /* Thumb state */
        "  ldr r0, [r4, #4]\n"
        "  ldr r1, [r4, #8]\n"
        "  ldr r2, [r4, #12]\n"
        "  ldr r3, [r4, #16]\n"
        "  ldr r12, [r4]\n"
        "  ldr lr, =lbpf_m4_wraps\n"
        "  movs r7, #0\n"
        "  str r7, [lr]\n"
        "  str r7, [r6]\n" /* restart the ticks: the origin */
        "  bx r5\n"
        "  nop.n\n"
        "  nop.n\n"
        "  nop.n\n"
        "  nop.n\n"
        "1:blx r12\n"
        "  ldr r7, [r6]\n" /* the reading */
        "  str r0, [r4, #20]\n"
        "  str r1, [r4, #24]\n"
        "  mov r0, r7\n"
        "  pop {r4-r7, pc}\n"
        "  .ltorg\n");

/* The calibration callee: exactly one instruction. */
__attribute__((naked)) static void one_instruction(void) {
  __asm__ volatile("bx lr\n");
}

static uint64_t overhead;

void lbpf_m4_cost_init(void) {
  SYST_RVR = 0xffffff;
  SYST_CVR = 0;
  SYST_CSR = 7; /* processor clock, interrupt on wrap, enabled */
  struct lbpf_m4_call empty = {.fn = (void *)(uintptr_t)one_instruction};
  overhead = lbpf_m4_cost(&empty, 0, 0) - 1;
}

uint64_t lbpf_m4_ticks(struct lbpf_m4_call *call, uint32_t pad) {
  uint32_t now = lbpf_m4_timed_call(call, pad);
  /* the write leaves 0; the first tick reloads 0xffffff, then it counts down */
  uint64_t in_period = now == 0 ? 0 : SYST_WRAP - now;
  return (uint64_t)lbpf_m4_wraps * SYST_WRAP + in_period;
}

uint64_t lbpf_m4_ticks_now(void) {
  uint32_t now = SYST_CVR;
  return (uint64_t)lbpf_m4_wraps * SYST_WRAP + (now == 0 ? 0 : SYST_WRAP - now);
}

uint64_t lbpf_m4_cost(struct lbpf_m4_call *call, void (*restore)(void *ctx), void *ctx) {
  uint64_t sum = 0;
  for (uint32_t pad = 0; pad < 5; pad++) {
    if (restore) restore(ctx);
    sum += lbpf_m4_ticks(call, pad);
  }
  return sum - overhead;
}
