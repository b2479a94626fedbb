// Amounts stated in text: money ("1,1 mld dolarów", "$300 million",
// "rund 2,5 Milliarden US-Dollar", "۱.۵ میلیارد دالر"), percentages ("51%",
// "40 Prozent", "۶۰ درصد") and counts of things ("12 samolotów Embraer",
// "acht weitere Flugzeuge"). Language-neutral: every word comes from the
// pack's numbers.tsv -- scale, currency, number, percent, approx, upto,
// range_sep, over, and the optional classes range_from ("zwischen", opens a
// range whose separator may then be a range_and word, "und"), number_join
// ("بیست و پنج"), item_stop (function words that end a counted item) and
// weak_number (number words that are also common words, counted only with a
// scale, currency or percent). Decimal conventions come from ICU's number
// symbols for the pack's language.
//
// Currency and percent signs are not word tokens: they are matched in the
// text between tokens, so "$300" is the single token "300" with "$" before
// it, and `first`/`last` span word tokens only.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/dates.h"
#include "lang/langpack.h"

namespace nkg {

enum class AmountKind { Money, Percent, Count };
const char* amount_kind_name(AmountKind k);

struct Amount {
  AmountKind kind = AmountKind::Count;
  uint32_t first = 0, last = 0;  // token indexes, inclusive: the whole expression
                                 // (approx/up-to words, currency and scale words)
  std::string value;             // canonical xsd:decimal: "1100000000", "2.5"
  std::string high;              // upper bound of a range ("10-15 mld"), else empty
  std::string currency;          // ISO 4217 for Money ("USD"), else empty
  bool up_to = false;            // "up to", "bis zu", "do", "تا"
  bool approximate = false;      // "about", "rund", "około", "حدود"
  // What is counted (Count) or what the share is of (Percent): the 1-3 word
  // tokens right after the expression, in the same sentence with no
  // punctuation between, stopping before numbers and number words. A number
  // right after a capitalised item word is part of a model name
  // ("Boeing 787-9").
  uint32_t item_first = 0, item_last = 0;
  bool has_item = false;
};

class AmountFinder {
 public:
  explicit AmountFinder(const LangPack& pack);
  ~AmountFinder();
  AmountFinder(AmountFinder&&) noexcept;
  AmountFinder& operator=(AmountFinder&&) noexcept;

  // Amounts in text order, non-overlapping. Never counts: dates
  // (DateFinder), bare years 1900-2100, spelled-out "one"/"ein" (articles),
  // ordinals ("80. tygodnia"), numbers glued to designations ("C5+1",
  // "10:30", "Boeing 787."), scores ("3-1").
  std::vector<Amount> find(const Document& doc) const;
  // The same, given the document's dates as this language's DateFinder finds them.
  std::vector<Amount> find(const Document& doc, const std::vector<DateHit>& dates) const;

  struct Impl;  // compiled forms (opaque)

 private:
  std::unique_ptr<Impl> impl_;
};

// Parses a number as written in `lang` (a token key or the raw text; digits
// of any script): "1,1" is 1.1 where the comma is the decimal separator
// (pl, de, sl) and "1,100" is 1100 where it groups (en); "1.100.000,50",
// "1,100,000.5", "410 000" (any space), "1'000'000", "۷٫۵" (Arabic decimal
// separator), "۱٬۱۰۰" (Arabic thousands separator). Separators are learnt from
// ICU's DecimalFormatSymbols for the language (Latin numbering system). A
// lone separator that is not the locale's decimal separator groups when
// exactly three digits follow it and is a decimal point otherwise. Writes
// the canonical xsd:decimal form ("1100", "1.1", "0.5"); false when `text`
// is not a well-formed number (e.g. "1.2.3", "12,34,5").
bool parse_number(const std::string& text, const std::string& lang, std::string* canonical);

}  // namespace nkg
