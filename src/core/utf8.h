// Byte-level facts about UTF-8 text, eight bytes at a time: terms, spans and
// names are measured in code points, and most of them are ASCII.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nkg {

// Code points in well-formed UTF-8: the bytes that do not continue a
// sequence (10xxxxxx).
inline size_t count_code_points(std::string_view s) {
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bit 7 of each byte of `cont` is set where the byte is 10xxxxxx.
    const uint64_t cont = w & ~(w << 1) & 0x8080808080808080ULL;
    n += 8 - static_cast<size_t>(std::popcount(cont));
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// The length of the ASCII prefix of `s`.
inline size_t ascii_prefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0x80) == 0) ++i;
  return i;
}

inline bool is_ascii(std::string_view s) { return ascii_prefix(s) == s.size(); }

}  // namespace nkg
