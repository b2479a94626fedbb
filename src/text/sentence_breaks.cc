// ICU 72's sent.txt states UAX #29's sentence rules as chained regular
// expressions; the fast path applies the same rules (SB1-SB11) pair by pair,
// with SB8's look-ahead, over UTF-8. The tests hold it to ICU's breaks for
// every class, every code point and the corpus.
#include "text/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/bmp_table.h"
#include "text/icu_breaks.h"

namespace nkg {

namespace {

// Sentence_Break values as ICU numbers them (USentenceBreak), kept in a byte.
using Sb = uint8_t;
constexpr Sb kOther = U_SB_OTHER, kATerm = U_SB_ATERM, kClose = U_SB_CLOSE, kFormat = U_SB_FORMAT,
             kLower = U_SB_LOWER, kNumeric = U_SB_NUMERIC, kOLetter = U_SB_OLETTER, kSep = U_SB_SEP,
             kSp = U_SB_SP, kSTerm = U_SB_STERM, kUpper = U_SB_UPPER, kCR = U_SB_CR,
             kExtend = U_SB_EXTEND, kLF = U_SB_LF, kSContinue = U_SB_SCONTINUE;
constexpr int kClasses = U_SB_COUNT;
static_assert(kClasses <= 32, "classes are tested as bits of a 32-bit mask");

constexpr uint32_t bit(Sb c) { return uint32_t{1} << c; }
constexpr uint32_t kParaSep = bit(kSep) | bit(kCR) | bit(kLF);
constexpr uint32_t kIgnored = bit(kExtend) | bit(kFormat);  // SB5
// SB8's run between "ATerm Close* Sp*" and a lower-case letter.
constexpr uint32_t kNotLetters =
    ~(bit(kOLetter) | bit(kUpper) | bit(kLower) | kParaSep | bit(kATerm) | bit(kSTerm));

Sb icu_class(UChar32 c) { return static_cast<Sb>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)); }

// ICU's own answers, looked up once: the property lookup costs more than the
// whole rule logic for a character.
const std::array<Sb, 128> kAscii = [] {
  std::array<Sb, 128> t{};
  for (UChar32 c = 0; c < 128; ++c) t[static_cast<size_t>(c)] = icu_class(c);
  return t;
}();

// Terminators and separators: the only characters after which a sentence
// may end.
constexpr uint32_t kStop = bit(kATerm) | bit(kSTerm) | kParaSep;

// ASCII bytes that are none of them, to skip between terminators.
const std::array<bool, 256> kSkip = [] {
  std::array<bool, 256> t{};
  for (size_t b = 0; b < 128; ++b) t[b] = !(bit(kAscii[b]) & kStop);
  return t;
}();

// The vector scan below assumes that ASCII's terminators and separators are
// exactly these bytes; it checks ICU's table once and stays off otherwise.
constexpr uint8_t kAsciiStops[] = {'\n', '\r', '!', '.', '?'};
const bool kVectorScan = [] {
  for (size_t b = 0; b < 128; ++b) {
    bool listed = false;
    for (uint8_t s : kAsciiStops) listed = listed || s == b;
    if (listed == kSkip[b]) return false;
  }
  return true;
}();

// The vector scan also passes over two-byte characters, all but those with
// one of these leads and one of these trails: every two-byte terminator or
// separator is such a pair (checked against ICU's table once, else it
// stops at every non-ASCII byte), and few letters are.
constexpr uint8_t kStopLeads[] = {0xC2, 0xD6, 0xD8, 0xDB, 0xDC, 0xDF};
constexpr uint8_t kStopTrails[] = {0x80, 0x81, 0x82, 0x85, 0x89, 0x94, 0x9D, 0x9E, 0x9F, 0xB9};
const bool kVectorTwoByte = [] {
  for (UChar32 c = 0x80; c < 0x800; ++c) {
    if (!(bit(icu_class(c)) & kStop)) continue;
    bool lead = false, trail = false;
    for (uint8_t b : kStopLeads) lead = lead || b == (0xC0 | (c >> 6));
    for (uint8_t b : kStopTrails) trail = trail || b == (0x80 | (c & 0x3F));
    if (!lead || !trail) return false;
  }
  return true;
}();

// Past the bytes that are plainly no terminator or separator: ASCII ones,
// and, 16 bytes at a time where SSE2 is there (all x86-64), well-formed
// two-byte characters (Cyrillic, Arabic, Latin accents) but those that may
// be one. Stops at any other byte, for the caller to read.
const uint8_t* skip_plain(const uint8_t* q, const uint8_t* end) {
  // One ASCII byte alone first: measured to cost fewer instructions than
  // none, two or four.
  for (const uint8_t* stop = end - q > 1 ? q + 1 : end; q < stop && *q < 0x80; ++q)
    if (!kSkip[*q]) return q;
#if defined(__SSE2__)
  if (kVectorScan) {
    const auto eq = [](__m128i v, uint8_t b) {
      return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
    };
    const auto mask = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
    while (end - q >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      const unsigned stops =
          mask(_mm_or_si128(_mm_or_si128(eq(v, kAsciiStops[0]), eq(v, kAsciiStops[1])),
                            _mm_or_si128(_mm_or_si128(eq(v, kAsciiStops[2]), eq(v, kAsciiStops[3])),
                                         eq(v, kAsciiStops[4]))));
      const unsigned high = mask(v);
      if (!high || !kVectorTwoByte) {
        if (stops | high) return q + __builtin_ctz(stops | high);
        q += 16;
        continue;
      }
      // Leads C2-DF and continuations 80-BF, by signed compares.
      const unsigned lead =
          mask(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC1))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xE0)))));
      const unsigned cont = mask(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0))));
      // Longer characters and ill-formed bytes: other non-ASCII bytes, a
      // continuation after no lead, a lead before no continuation (or its
      // continuation past the block).
      const unsigned bad = (high & ~(lead | cont)) | (cont & ~(lead << 1)) | (lead & ~(cont >> 1));
      const __m128i leads =
          _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(v, kStopLeads[0]), eq(v, kStopLeads[1])),
                                    _mm_or_si128(eq(v, kStopLeads[2]), eq(v, kStopLeads[3]))),
                       _mm_or_si128(eq(v, kStopLeads[4]), eq(v, kStopLeads[5])));
      const __m128i trails = _mm_or_si128(
          _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(v, kStopTrails[0]), eq(v, kStopTrails[1])),
                                    _mm_or_si128(eq(v, kStopTrails[2]), eq(v, kStopTrails[3]))),
                       _mm_or_si128(_mm_or_si128(eq(v, kStopTrails[4]), eq(v, kStopTrails[5])),
                                    _mm_or_si128(eq(v, kStopTrails[6]), eq(v, kStopTrails[7])))),
          _mm_or_si128(eq(v, kStopTrails[8]), eq(v, kStopTrails[9])));
      const unsigned maybe = lead & mask(leads) & (mask(trails) >> 1);
      if (const unsigned m = stops | bad | maybe) return q + __builtin_ctz(m);
      q += 16;
    }
  }
#endif
  while (q < end && kSkip[*q]) ++q;
  return q;
}

}  // namespace

bool fast_sentence_spans(std::string_view utf8, std::vector<Span>& out) {
  out.clear();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  const Sb* bmp = bmp_table<Sb, icu_class>();
  // The class of the character at i, moving i past it; false when ill-formed.
  auto next = [&](int32_t& i, Sb& c) {
    if (p[i] < 0x80) {
      c = kAscii[p[i++]];
      return true;
    }
    UChar32 u;
    U8_NEXT(p, i, n, u);
    if (u < 0) return false;
    c = u < 0x10000 ? bmp[u] : icu_class(u);
    return true;
  };
  // SB7's letter before the ATerm at i, found backwards since the skip below
  // does not keep it (Extend and Format belong to it, SB5).
  auto cased_before = [&](int32_t i) {
    while (i > 0) {
      UChar32 u;
      U8_PREV(p, 0, i, u);  // well-formed: the forward pass has been over it
      const Sb d = u < 0x10000 ? bmp[u] : icu_class(u);
      if (!(bit(d) & kIgnored)) return d == kUpper || d == kLower;
    }
    return false;
  };
  // SB8: after "ATerm Close* Sp*", no break when the characters up to the
  // next letter are all "not letters" and that letter is lower case.
  auto lower_follows = [&](int32_t i) {
    while (i < n) {
      Sb d;
      if (!next(i, d)) return false;  // the main loop rejects the text there
      if (d == kLower) return true;
      if (!((kNotLetters | kIgnored) & bit(d))) return false;
    }
    return false;
  };

  enum class Term { kNone, kClosed, kSpaced };  // after SATerm Close* / SATerm Close* Sp+
  Term term = Term::kNone;
  bool aterm = false;   // the terminator was ATerm (SB8 applies)
  int32_t term_at = 0;  // where the terminator is (SB7)
  Sb prev = kOther;     // previous character, Extend and Format folded in (SB5)
  uint32_t start = 0;
  for (int32_t i = 0; i < n;) {
    if (term == Term::kNone && i > 0 && !(bit(prev) & kParaSep)) {
      // Nothing breaks before the next terminator or separator: skip to it.
      const int32_t from = i;
      const uint8_t* q = p + i;
      const uint8_t* const end = p + n;
      for (;;) {
        q = skip_plain(q, end);
        if (q == end || *q < 0x80) break;
        // Two-byte characters the vector scan left (near the end, or
        // possible stops) inline; a two-byte stop is found below.
        const uint8_t* r = q;
        while (end - r >= 2 && *r >= 0xC2 && *r < 0xE0 && (r[1] & 0xC0) == 0x80 &&
               !(bit(bmp[((*r & 0x1Fu) << 6) | (r[1] & 0x3Fu)]) & kStop))
          r += 2;
        if (r != q) {
          q = r;
          continue;
        }
        auto j = static_cast<int32_t>(q - p);
        Sb c;
        if (!next(j, c)) return false;
        if (bit(c) & kStop) break;
        q = p + j;
      }
      i = static_cast<int32_t>(q - p);
      if (i != from) prev = kOther;  // neither a terminator nor a separator
      if (i == n) break;
    }
    const auto at = static_cast<uint32_t>(i);
    Sb c;
    if (!next(i, c)) return false;
    bool brk;
    if (at == 0) {
      brk = false;  // SB1; a leading Extend or Format stands alone (SB5)
    } else if (bit(prev) & kParaSep) {
      brk = !(prev == kCR && c == kLF);  // SB3, SB4
    } else if (bit(c) & kIgnored) {
      continue;  // SB5: part of the previous character
    } else if (term == Term::kNone) {
      brk = false;  // SB998
    } else {
      const bool keep = (prev == kATerm && c == kNumeric) ||                         // SB6
                        (prev == kATerm && c == kUpper && cased_before(term_at)) ||  // SB7
                        c == kSContinue || c == kSTerm || c == kATerm ||             // SB8a
                        (term == Term::kClosed && c == kClose) ||                    // SB9
                        c == kSp || (bit(c) & kParaSep) ||                           // SB9, SB10
                        (aterm && lower_follows(static_cast<int32_t>(at)));          // SB8
      brk = !keep;                                                                   // SB11
    }
    if (brk) {
      out.push_back({start, at});
      start = at;
    }
    if (c == kATerm || c == kSTerm) {
      term = Term::kClosed;
      aterm = c == kATerm;
      term_at = static_cast<int32_t>(at);
    } else if (c == kClose && term == Term::kClosed && !brk) {
      // stays SATerm Close*
    } else if (c == kSp && term != Term::kNone && !brk) {
      term = Term::kSpaced;
    } else {
      term = Term::kNone;
    }
    prev = c;
  }
  if (n > 0) out.push_back({start, static_cast<uint32_t>(n)});
  return true;
}

bool icu_sentence_spans(std::string_view utf8, std::vector<Span>& out) {
  out.clear();
  thread_local std::vector<uint32_t> bounds;
  if (!icu_boundaries(BreakKind::Sentence, utf8, bounds)) return false;
  for (size_t k = 0; k + 1 < bounds.size(); ++k) out.push_back({bounds[k], bounds[k + 1]});
  return true;
}

}  // namespace nkg
