// Word segmentation as ICU 72's root word break iterator does it (UAX #29
// word rules as ICU writes them), in two implementations: ICU itself, and a
// fast path straight over UTF-8 for the characters news text is made of.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace nkg {

// A segment ICU tags as a word (rule status >= UBRK_WORD_NONE_LIMIT): byte
// offsets into the text, and whether its status is UBRK_WORD_NUMBER.
struct WordSeg {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool number = false;
  bool operator==(const WordSeg&) const = default;
};

// The word segments of well-formed UTF-8, in order, exactly as ICU finds
// them. Returns false (out unspecified) when the text holds anything the fast
// path does not reproduce exactly: ill-formed UTF-8, scripts ICU segments by
// dictionary (Han, kana, Hangul, Thai and other complex-context scripts),
// Hebrew letters, emoji and regional indicators. The caller then runs ICU.
bool fast_word_segments(std::string_view utf8, std::vector<WordSeg>& out);

// The reference: ICU's root word break iterator over the UTF-8 text. Returns
// false only when ICU cannot open an iterator.
bool icu_word_segments(std::string_view utf8, std::vector<WordSeg>& out);

}  // namespace nkg
