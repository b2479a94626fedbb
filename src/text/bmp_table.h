#pragma once

#include <unicode/umachine.h>

#include <cstddef>
#include <memory>

namespace nkg {

// `classify` of every BMP code point, computed once per process (a few ms;
// one table per instantiation): the break fast paths then cost one load per
// character. Surrogates never decode from well-formed UTF-8, so their
// entries are never read.
template <class T, T (*classify)(UChar32)>
const T* bmp_table() {
  static const std::unique_ptr<T[]> table = [] {
    auto t = std::make_unique<T[]>(0x10000);
    for (UChar32 c = 0; c < 0x10000; ++c) t[static_cast<size_t>(c)] = classify(c);
    return t;
  }();
  return table.get();
}

}  // namespace nkg
