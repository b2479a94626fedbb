// Language identification (stage 3): the packs' marker words first, then
// CLD2 (Debian libcld2), which names Persian, Polish, German, Slovenian,
// English and ~80 more from plain text.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/serial.h"
#include "text/key_table.h"

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

// A cheap first opinion before CLD2 (data/lang/<xx>/markers.tsv): words that
// are frequent in one language and rare in every other once folded to match
// keys ("ki", "tudi" for Slovenian; "się", "przez" for Polish). A document
// whose ordinary words are full of one language's markers, from several
// distinct markers and with no rival close behind, is that language; anything
// less clear-cut goes to CLD2, which tells close languages apart (Slovenian
// from Croatian, Polish from Slovak) and knows the ~80 without a pack. CLD2
// costs about 250 instructions a byte of its sample; the markers one table
// lookup a word, and news decides by them nine times out of ten.
class MarkerWords {
 public:
  MarkerWords() = default;
  // (language, words as written); a language with no words never decides.
  explicit MarkerWords(const std::vector<std::pair<std::string, std::vector<std::string>>>& langs);
  // The language the markers name beyond doubt, or nothing.
  std::optional<std::string> decide(const Document& doc) const;

  // Of the first kWindow ordinary words (those language_sample takes), the
  // winner's markers must be at least max(kMinHits, n / kHitShare), from
  // kMinDistinct different words, and no rival with two or more distinct markers may have over
  // 1/kRivalRatio as many. Set on text in 32 languages (27 without a pack), generated articles and
  // the seeds, where the markers decided nothing CLD2 does not (README); tests/langid_test.cc holds
  // them to CLD2 on the corpus and seeds, and keeps close languages without a pack undecided.
  static constexpr size_t kWindow = 150, kMinWords = 30, kMinHits = 8, kHitShare = 12,
                          kMinDistinct = 4, kRivalRatio = 3;

 private:
  KeyTable words_;               // match key -> index into masks_
  std::vector<uint64_t> masks_;  // bit i: a marker of languages_[i]
  std::vector<std::string> languages_;
  uint64_t serial_ = next_serial();  // copies share it, and answer alike (KeyMemo)
};

// The markers' verdict when they give one (reliable), else CLD2's.
LangGuess identify_language(const Document& doc, const MarkerWords& markers);

}  // namespace nkg
