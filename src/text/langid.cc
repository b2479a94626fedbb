#include "text/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdio>  // CLD2's header needs it first

#include "text/decode.h"
#include "text/key_memo.h"
#include "text/normalize.h"

namespace nkg {

namespace {
// What both the sample and the markers read: words that start with neither a
// capital nor a digit (names read the same in every language).
bool is_ordinary_word(const Token& t) { return !t.upper && !t.is_number; }
}  // namespace

LangGuess identify_language(std::string_view text) {
  LangGuess g;
  bool reliable = false;
  // CLD2 scores NFC text; decomposed letters would read as another language.
  // Most text is NFC already: check the UTF-8 in place rather than copy it
  // through UTF-16 (nfc() substitutes for ill-formed bytes, so only
  // well-formed text takes the shortcut).
  std::string composed;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFCInstance(st);
  bool composed_already =
      U_SUCCESS(st) &&
      n2->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), st) &&
      U_SUCCESS(st) && find_invalid_utf8(text) == std::string_view::npos;
  if (!composed_already) {
    composed = nfc(text);
    text = composed;
  }
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                                             /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return g;
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 uses a few legacy codes; map them to BCP 47.
  if (code == "iw")
    code = "he";
  else if (code == "in")
    code = "id";
  else if (code == "zh-Hant")
    code = "zh-Hant";
  g.lang = code;
  g.reliable = reliable;
  return g;
}

std::string language_sample(const Document& doc) {
  std::string sample;
  sample.reserve(kLangSampleBytes);
  for (const Token& t : doc.tokens) {
    if (!is_ordinary_word(t)) continue;
    const std::string_view w = doc.slice(t.span);
    if (sample.size() + w.size() + 1 > kLangSampleBytes) break;
    sample.append(w);
    sample += ' ';
  }
  // Below half the budget, CLD2 is better off with everything there is.
  if (sample.size() < kLangSampleBytes / 2) sample.clear();
  return sample;
}

LangGuess identify_language(const Document& doc) {
  const std::string sample = language_sample(doc);
  return identify_language(sample.empty() ? std::string_view(doc.text) : std::string_view(sample));
}

MarkerWords::MarkerWords(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& langs) {
  for (const auto& [lang, words] : langs) {
    if (words.empty()) continue;
    if (languages_.size() == 64) break;  // one bit each; far more than there are packs
    const uint64_t bit = uint64_t{1} << languages_.size();
    languages_.push_back(lang);
    for (const auto& w : words) {
      const std::string key = match_key(w);
      if (key.empty()) continue;
      const uint32_t id = words_.emplace(key, static_cast<uint32_t>(masks_.size()));
      if (id == masks_.size()) masks_.push_back(0);
      masks_[id] |= bit;
    }
  }
}

std::optional<std::string> MarkerWords::decide(const Document& doc) const {
  if (languages_.empty()) return std::nullopt;
  const size_t nl = languages_.size();
  // Per-thread counters: this runs once per article, and allocating three
  // vectors cost as much as the lookups.
  thread_local std::vector<uint32_t> hits, distinct;
  thread_local std::vector<uint8_t> seen;
  hits.assign(nl, 0);
  distinct.assign(nl, 0);
  seen.assign(masks_.size(), 0);
  thread_local KeyMemo<uint32_t> memo;  // 1 + index into masks_, or kNotMarker
  const bool by_kid = memo.start(doc.key_serial, serial_);
  size_t n = 0;
  for (const Token& t : doc.tokens) {
    if (!is_ordinary_word(t)) continue;
    if (++n > kWindow) {
      n = kWindow;
      break;
    }
    constexpr uint32_t kNotMarker = UINT32_MAX - 1;
    uint32_t id;
    if (const uint32_t known = by_kid ? memo.get(t.key_id) : 0) {
      id = known - 1;
    } else {
      id = words_.get(t.key, kNotMarker);
      if (by_kid) memo.set(t.key_id, id + 1);
    }
    if (id == kNotMarker) continue;
    const bool first = !seen[id];
    seen[id] = 1;
    for (uint64_t m = masks_[id]; m; m &= m - 1) {
      const auto i = static_cast<size_t>(__builtin_ctzll(m));
      ++hits[i];
      distinct[i] += first;
    }
  }
  if (n < kMinWords) return std::nullopt;
  const size_t best =
      static_cast<size_t>(std::max_element(hits.begin(), hits.end()) - hits.begin());
  if (hits[best] < std::max(kMinHits, n / kHitShare) || distinct[best] < kMinDistinct)
    return std::nullopt;
  // A rival that only shares one word (English "in" in Slovenian) is no rival.
  for (size_t i = 0; i < nl; ++i)
    if (i != best && distinct[i] >= 2 && hits[i] * kRivalRatio > hits[best]) return std::nullopt;
  return languages_[best];
}

LangGuess identify_language(const Document& doc, const MarkerWords& markers) {
  if (auto lang = markers.decide(doc)) return LangGuess{*lang, true};
  return identify_language(doc);
}

}  // namespace nkg
