#include "text/icu_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>

namespace nkg {

bool icu_boundaries(BreakKind kind, std::string_view utf8, std::vector<uint32_t>& bounds,
                    std::vector<int32_t>* statuses) {
  bounds.clear();
  if (statuses) statuses->clear();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return false;
  // Building an iterator costs more than segmenting a short article: each
  // thread keeps one of each kind. Root rules: language-neutral; ICU's
  // dictionary-based breakers for Thai and CJK still apply by script.
  thread_local std::unique_ptr<icu::BreakIterator> word_it, sent_it;
  auto& it = kind == BreakKind::Word ? word_it : sent_it;
  UErrorCode st = U_ZERO_ERROR;
  if (!it) {
    it.reset(kind == BreakKind::Word
                 ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st)
                 : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) {
      it.reset();
      return false;
    }
  }
  // ICU's iterators run about twice as fast over UTF-16 as over a UTF-8
  // UText: convert, keeping each unit's byte offset to map the breaks back.
  // Ill-formed UTF-8 (only reachable by callers that skip decoding) stays on
  // the UTF-8 UText, which substitutes as ICU always has.
  thread_local std::vector<UChar> units;
  thread_local std::vector<uint32_t> byte_at;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  units.clear();
  byte_at.clear();
  units.reserve(static_cast<size_t>(n));
  byte_at.reserve(static_cast<size_t>(n) + 1);
  bool utf16 = true;
  for (int32_t i = 0; i < n;) {
    const auto at = static_cast<uint32_t>(i);
    if (p[i] < 0x80) {
      units.push_back(p[i++]);
      byte_at.push_back(at);
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      utf16 = false;
      break;
    }
    if (c <= 0xFFFF) {
      units.push_back(static_cast<UChar>(c));
      byte_at.push_back(at);
    } else {
      units.push_back(U16_LEAD(c));
      units.push_back(U16_TRAIL(c));
      byte_at.push_back(at);
      byte_at.push_back(at);
    }
  }
  byte_at.push_back(static_cast<uint32_t>(n));
  UText* ut = utf16
                  ? utext_openUChars(nullptr, units.data(), static_cast<int64_t>(units.size()), &st)
                  : utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(n), &st);
  if (U_FAILURE(st)) return false;
  it->setText(ut, st);
  const bool ok = U_SUCCESS(st);
  if (ok)
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
      bounds.push_back(utf16 ? byte_at[static_cast<size_t>(b)] : static_cast<uint32_t>(b));
      if (statuses && bounds.size() > 1) statuses->push_back(it->getRuleStatus());
    }
  // Detach the iterator before the UText closes.
  icu::UnicodeString empty;
  it->setText(empty);
  utext_close(ut);
  // One huge article must not pin its buffers to the thread for good.
  if (units.capacity() > (size_t{1} << 22)) {
    std::vector<UChar>().swap(units);
    std::vector<uint32_t>().swap(byte_at);
  }
  return ok;
}

}  // namespace nkg
