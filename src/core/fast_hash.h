// A 64-bit hash of a byte string for the project's own hash tables and
// caches, after wyhash (public domain): a string of up to 16 bytes, as
// nearly every word and key is, costs two or four overlapping loads and two
// 64x64->128-bit multiplies, with no loop over its bytes; longer strings
// take 16 bytes a step. Every byte reaches the low bits, which pick a slot.
// Nothing written depends on the values: they only place entries in tables.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nkg {
namespace fast_hash_detail {

__extension__ typedef unsigned __int128 u128;

inline uint64_t mum(uint64_t a, uint64_t b) {
  const u128 r = static_cast<u128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
inline uint64_t load8(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t load4(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
constexpr uint64_t kSecret0 = 0xa0761d6478bd642full, kSecret1 = 0xe7037ed1a0b428dbull,
                   kSecret2 = 0x8ebc6af09c88c6e3ull;

}  // namespace fast_hash_detail

inline uint64_t fast_hash(std::string_view s) {
  using namespace fast_hash_detail;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  uint64_t seed = kSecret0, a, b;
  if (n <= 16) {
    if (n >= 4) {
      // Four 4-byte loads that together cover every byte.
      const size_t mid = (n >> 3) << 2;
      a = (load4(p) << 32) | load4(p + mid);
      b = (load4(p + n - 4) << 32) | load4(p + n - 4 - mid);
    } else if (n > 0) {
      a = (uint64_t{p[0]} << 16) | (uint64_t{p[n >> 1]} << 8) | p[n - 1];
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    size_t i = n;
    for (; i > 16; i -= 16, p += 16) seed = mum(load8(p) ^ kSecret1, load8(p + 8) ^ seed);
    a = load8(p + i - 16);
    b = load8(p + i - 8);
  }
  return mum(kSecret1 ^ n, mum(a ^ kSecret2, b ^ seed));
}

// Whether n bytes at a and b are equal: for n up to 24, as hash table keys
// nearly always are, a few overlapping loads compared inline, where a call
// to memcmp costs several times more for so few bytes.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  using namespace fast_hash_detail;
  const auto* x = reinterpret_cast<const unsigned char*>(a);
  const auto* y = reinterpret_cast<const unsigned char*>(b);
  if (n >= 8) {
    if (n > 24) return std::memcmp(a, b, n) == 0;
    uint64_t d = (load8(x) ^ load8(y)) | (load8(x + n - 8) ^ load8(y + n - 8));
    if (n > 16) d |= load8(x + 8) ^ load8(y + 8);
    return d == 0;
  }
  if (n >= 4) return ((load4(x) ^ load4(y)) | (load4(x + n - 4) ^ load4(y + n - 4))) == 0;
  if (n == 0) return true;
  // Bytes 0, n/2 and n-1 are every byte of a string of one to three.
  return x[0] == y[0] && x[n >> 1] == y[n >> 1] && x[n - 1] == y[n - 1];
}

}  // namespace nkg
