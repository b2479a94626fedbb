// Dates stated in text: "6 listopada 2025", "am 6. November", "7. novembra
// 2025", "ششم نومبر", "November 6, 2025", "2025-11-07". Month names come from
// ICU's calendar data for every locale of the language (Gregorian calendar,
// so fa_AF gives the Dari month names) plus the pack's months.tsv for what
// ICU lacks (e.g. Slovenian genitives).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "extract/matcher.h"
#include "lang/langpack.h"

namespace nkg {

struct DateHit {
  uint32_t first = 0, last = 0;  // token indexes, inclusive
  int year = 0;                  // 0 when the text gives none
  int month = 0;
  int day = 0;              // 0 when the text gives none
  std::string iso() const;  // "YYYY-MM-DD" ("" unless year, month and day are known)
};

class DateFinder {
 public:
  // With `vocab`, the month and weekday keys are interned there and given a
  // dictionary bit each (Vocabulary::dictionary_bit), so that tokens of a
  // LemmaTable built on it that start neither are skipped by one AND.
  explicit DateFinder(const LangPack& pack, Vocabulary* vocab = nullptr);
  std::vector<DateHit> find(const Document& doc) const;
  // The same, given the tokens' lemma candidates under pack() (token_lemmas):
  // callers that already have them save undoing the endings again.
  std::vector<DateHit> find(const Document& doc, const LemmaTable& lemmas) const;
  // Weekday (1 = Monday .. 7) named by a token key, 0 if none.
  int weekday(const std::string& key) const;
  // The same from the key's lemma candidates under pack().
  int weekday_of(const std::vector<std::string>& lemmas) const;
  // The same for token `i` of `lemmas` (under pack()).
  int weekday_at(const LemmaTable& lemmas, uint32_t i) const;
  const LangPack& pack() const { return pack_; }

 private:
  int month_of(const std::vector<std::string>& lemmas) const;
  int month_at(const LemmaTable& lemmas, uint32_t i) const;
  int ordinal_of(std::string_view key) const;
  // Month, ordinal-day and weekday numbers by key (0: none).
  KeyTable months_, ordinals_, weekdays_;
  KeyFilter month_filter_, weekday_filter_;  // most tokens are neither
  const Vocabulary* vocab_ = nullptr;
  uint64_t month_bit_ = 0, weekday_bit_ = 0;
  const LangPack& pack_;
};

// ISO date of the weekday `wd` (1 = Monday) on or before `ref` ("YYYY-MM-DD"),
// within the 6 days before it: news says "on Thursday" of the past week.
std::string resolve_weekday(const std::string& ref, int wd);

}  // namespace nkg
