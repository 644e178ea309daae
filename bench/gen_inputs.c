/* Writes the input memory of every benchmark program, bench/programs/NAME.mem,
   deterministically: the same bytes on every machine, so the committed
   .expected files stay valid.  Usage: gen_inputs DIR.

   Multi-byte header fields are little-endian, as eBPF (bpfel) and the host
   read them.  Pseudo-random contents come from splitmix64 with fixed seeds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t splitmix64(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static void seed(uint64_t s) {
  rng_state = s;
}

/* An input image under construction. */
static uint8_t buf[4096];
static size_t used;

static void start(void) {
  memset(buf, 0, sizeof buf);
  used = 0;
}
static void put8(size_t at, uint8_t v) {
  buf[at] = v;
  if (at + 1 > used) used = at + 1;
}
static void put16be(size_t at, uint32_t v) {
  put8(at, (uint8_t)(v >> 8));
  put8(at + 1, (uint8_t)v);
}
static void put32(size_t at, uint32_t v) {
  for (int i = 0; i < 4; i++)
    put8(at + i, (uint8_t)(v >> (8 * i)));
}
static void put64(size_t at, uint64_t v) {
  for (int i = 0; i < 8; i++)
    put8(at + i, (uint8_t)(v >> (8 * i)));
}
/* n printable characters, as in a message or a sensor log. */
static void put_text(size_t at, size_t n) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (size_t i = 0; i < n; i++)
    put8(at + i, (uint8_t)alphabet[splitmix64() % (sizeof alphabet - 1)]);
}
static void put_bytes(size_t at, size_t n) {
  for (size_t i = 0; i < n; i++)
    put8(at + i, (uint8_t)splitmix64());
}

static const char *outdir;

static void finish(const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s.mem", outdir, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL || fwrite(buf, 1, used, f) != used || fclose(f) != 0) {
    fprintf(stderr, "gen_inputs: cannot write %s\n", path);
    exit(1);
  }
}

/* The one's-complement checksum of RFC 1071 over big-endian 16-bit words. */
static uint32_t ones_sum(const uint8_t *p, size_t n, uint32_t acc) {
  for (size_t i = 0; i + 1 < n; i += 2)
    acc += (uint32_t)p[i] << 8 | p[i + 1];
  return acc;
}
static uint16_t ones_fold_not(uint32_t acc) {
  while (acc >> 16)
    acc = (acc & 0xffff) + (acc >> 16);
  return (uint16_t)~acc;
}

static void gen_ipv4_udp(void) {
  enum { IHL = 20, UDP_HDR = 8, PAYLOAD = 64 };
  const uint32_t total = IHL + UDP_HDR + PAYLOAD, ulen = UDP_HDR + PAYLOAD;
  const size_t ip = 4, udp = ip + IHL;
  start();
  put32(0, total);
  put8(ip + 0, 0x45); /* version 4, IHL 5 words */
  put16be(ip + 2, total);
  put16be(ip + 4, 0x1c46); /* identification */
  put16be(ip + 6, 0x4000); /* don't fragment */
  put8(ip + 8, 64);        /* TTL */
  put8(ip + 9, 17);        /* UDP */
  put8(ip + 12, 192);
  put8(ip + 13, 168);
  put8(ip + 14, 1);
  put8(ip + 15, 10);
  put8(ip + 16, 10);
  put8(ip + 17, 0);
  put8(ip + 18, 0);
  put8(ip + 19, 1);
  put16be(ip + 10, ones_fold_not(ones_sum(buf + ip, IHL, 0)));
  put16be(udp + 0, 5683); /* CoAP */
  put16be(udp + 2, 40000);
  put16be(udp + 4, ulen);
  put_bytes(udp + UDP_HDR, PAYLOAD);
  uint32_t acc = ones_sum(buf + ip + 12, 8, 17 + ulen);
  uint16_t check = ones_fold_not(ones_sum(buf + udp, ulen, acc));
  put16be(udp + 6, check == 0 ? 0xffff : check);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: gen_inputs DIR\n");
    return 2;
  }
  outdir = argv[1];

  /* The paper's eight, with the paper's inputs. */
  start();
  put32(0, 156);
  finish("incr");
  start();
  put32(0, 156);
  finish("square");
  start();
  put32(0, 10);
  finish("fib");
  start();
  put8(0, 156);
  put8(1, 3);
  put8(2, 6);
  put8(3, 0);
  finish("bitswap");

  seed(1);
  start();
  put32(0, 16);
  put32(4, 160);
  put32(8, 60);
  put_text(16, 140);
  put8(160 + 139, 0);
  finish("memcpy");

  seed(2);
  start();
  put32(0, 32);
  for (int i = 0; i < 32; i++)
    put32(4 + 4 * i, (uint32_t)(splitmix64() % 10000));
  finish("bubblesort");

  start();
  put32(0, 100);
  put32(4, 200);
  put32(8, 40);
  put32(12 + 4 * 39, 0);
  finish("sock_buffer");

  seed(3);
  start();
  put32(0, 180);
  put_text(4, 360);
  finish("fletcher32");

  /* The realistic kernels. */
  seed(4);
  start();
  put32(0, 256);
  put_bytes(4, 256);
  finish("crc32");
  seed(5);
  start();
  put32(0, 256);
  put_bytes(4, 256);
  finish("fnv1a");
  seed(6);
  start();
  put32(0, 0x9747b28cu);
  put32(4, 250);
  put_bytes(8, 252);
  finish("murmur3");
  seed(7);
  start();
  put32(0, 64);
  for (int i = 0; i < 64; i++)
    put64(8 + 8 * i, splitmix64());
  finish("isort64");
  seed(8);
  gen_ipv4_udp();
  finish("ipv4_udp");

  static const char config[] = "# uplink configuration\n"
                               "iface eth0 mtu 1500 rate 115200\n"
                               "route add 10.0.0.0/24 via 10.0.0.1 metric 20;\n"
                               "route add 192.168.1.0/24 via 192.168.1.254 metric 100;\n"
                               "sensor temp0 period_ms=250 threshold=42 hysteresis=3\n"
                               "sensor hum1 period_ms=1000 threshold=80 hysteresis=5\n"
                               "coap port 5683 retries 4 timeout 2000 (ack_random_factor 15)\n";
  start();
  put32(0, (uint32_t)(sizeof config - 1));
  for (size_t i = 0; i + 1 < sizeof config; i++)
    put8(4 + i, (uint8_t)config[i]);
  finish("tokenize");

  start();
  put64(0, 0x853c49e6748fea9bull);
  put32(8, 500);
  put32(12, 0);
  finish("xorshift");

  seed(9);
  start();
  put32(0, 24);
  for (int i = 0; i < 24; i++) {
    uint64_t a, b;
    if (i % 4 == 0) { /* consecutive Fibonacci numbers: Euclid's worst case */
      uint64_t f0 = 0, f1 = 1;
      for (int k = 0; k < 60 + i; k++) {
        uint64_t t = f0 + f1;
        f0 = f1;
        f1 = t;
      }
      a = f1;
      b = f0;
    } else { /* a common factor times two random cofactors */
      uint64_t g = (splitmix64() & 0xffff) + 1;
      a = g * (splitmix64() >> 20);
      b = g * (splitmix64() >> 20);
    }
    put64(8 + 16 * i, a);
    put64(16 + 16 * i, b);
  }
  finish("gcd64");

  seed(10);
  start();
  put32(0, 32);
  for (int i = 0; i < 32; i++)
    put64(8 + 8 * i, splitmix64() >> (i % 5 * 8));
  finish("isqrt64");
  return 0;
}
