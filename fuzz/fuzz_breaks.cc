// libFuzzer target: the fast word and sentence segmenters against ICU's
// iterators.
//
// The first byte picks the mode: the rest as raw bytes, or each byte as an
// index into characters of every word break class (so that inputs are
// mostly well-formed and reach the rules rather than the UTF-8 check).
// Wherever a fast path answers, it must answer exactly as ICU does.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/sentence_breaks.h"
#include "text/word_breaks.h"

namespace {

const char* const kChars[] = {"a",
                              "Z",
                              "\xC3\xA9",
                              "\xD8\xA7",
                              "\xD0\x96",
                              "1",
                              "\xD9\xA3",
                              ":",
                              "\xC2\xB7",
                              ",",
                              ";",
                              ".",
                              "'",
                              "\xE2\x80\x99",
                              "_",
                              " ",
                              "\xE2\x80\x83",
                              "$",
                              "\"",
                              "\r",
                              "\n",
                              "\xE2\x80\xA8",
                              "\xCC\x81",
                              "\xC2\xAD",
                              "\xE2\x80\x8C",
                              "\xE2\x80\x8D",
                              "-",
                              "@",
                              "\xEF\xBC\x9A",
                              "\xD7\x90",
                              "\xE4\xB8\xAD",
                              "\xF0\x9F\x98\x80",
                              "\xE2\x80\xAF",
                              "\xEF\xB8\x93",
                              "\xE0\xB8\x81" /* Thai */,
                              "\t",
                              "\xC2\x85"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string text;
  if (data[0] & 1) {
    text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  } else {
    constexpr size_t n = sizeof(kChars) / sizeof(kChars[0]);
    for (size_t i = 1; i < size; ++i) text += kChars[data[i] % n];
  }
  std::vector<nkg::WordSeg> fast, icu;
  if (nkg::fast_word_segments(text, fast) && nkg::icu_word_segments(text, icu) && fast != icu) {
    std::fprintf(stderr, "fuzz_breaks: fast word segments differ from ICU's\n");
    std::abort();
  }
  std::vector<nkg::Span> fast_s, icu_s;
  if (nkg::fast_sentence_spans(text, fast_s) && nkg::icu_sentence_spans(text, icu_s)) {
    bool same = fast_s.size() == icu_s.size();
    for (size_t i = 0; same && i < fast_s.size(); ++i)
      same = fast_s[i].begin == icu_s[i].begin && fast_s[i].end == icu_s[i].end;
    if (!same) {
      std::fprintf(stderr, "fuzz_breaks: fast sentence spans differ from ICU's\n");
      std::abort();
    }
  }
  return 0;
}
