// Language identification (stage 3) with CLD2 (Debian libcld2): it names
// Persian, Polish, German, Slovenian, English and ~80 more from plain text.
#pragma once
#include <string>
#include <string_view>

#include "core/document.h"

namespace nkg {

struct LangGuess {
  std::string lang = "und";  // BCP 47 primary tag
  bool reliable = false;
};

LangGuess identify_language(std::string_view utf8);

// The language of a segmented document, from a sample of its words that do
// not start with a capital or a digit (all words of an uncased script), up
// to kLangSampleBytes; the whole text when that sample is short. CLD2 costs
// more per byte than segmenting, and a few hundred bytes of ordinary words
// decide as well as the whole article: better, since names, which make up
// much of news and read the same in every language, are left out.
LangGuess identify_language(const Document& doc);
inline constexpr size_t kLangSampleBytes = 512;
// That sample, words separated by spaces; empty when it would be under half
// of kLangSampleBytes.
std::string language_sample(const Document& doc);

}  // namespace nkg
