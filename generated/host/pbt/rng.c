#line 107 "lit/pbt.nw"
#include "lbpf_pbt.h"

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

void lbpf_pbt_seed(struct lbpf_pbt_rng *rng, uint64_t seed, uint64_t index) {
  uint64_t x = seed;
  uint64_t mixed = splitmix64(&x) ^ index;
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64(&mixed);
  if ((rng->s[0] | rng->s[1] | rng->s[2] | rng->s[3]) == 0) rng->s[0] = 1;
}

static uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

uint64_t lbpf_pbt_next(struct lbpf_pbt_rng *rng) {
  uint64_t *s = rng->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}
#line 144 "lit/pbt.nw"
uint64_t lbpf_pbt_below(struct lbpf_pbt_rng *rng, uint64_t n) {
  if (n <= 1) return 0;
  uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do
    x = lbpf_pbt_next(rng);
  while (x >= limit);
  return x % n;
}
