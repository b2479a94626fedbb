// Process-wide serial numbers: never 0, never given out twice. Objects that
// caches key by (a language pack's rules, a vocabulary's ids) take a new one
// whenever they change.
#pragma once
#include <atomic>
#include <cstdint>

namespace nkg {

inline uint64_t next_serial() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

}  // namespace nkg
