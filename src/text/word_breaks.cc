#include "text/word_breaks.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/bmp_table.h"
#include "text/icu_breaks.h"

namespace nkg {

namespace {

// The word break classes ICU 72's word.txt rules tell apart, as far as the
// fast path follows them. Format and ZWJ act as Extend once emoji (the only
// thing ZWJ binds to, rule 3c) are rejected; Double_Quote binds only to
// Hebrew letters (rules 7b/7c), also rejected, so it is Other here.
// MidNumLet and Single_Quote join both letters and digits.
enum Wb : uint8_t {
  kOther,
  kCR,
  kLF,
  kNewline,
  kExt,  // Extend, Format, ZWJ
  kLetter,
  kNumeric,
  kMidLetter,
  kMidNum,
  kMidBoth,  // MidNumLet, Single_Quote
  kExtendNumLet,
  kSpace,  // WSegSpace
  kReject,
};

Wb classify(UChar32 c) {
  // Emoji sequences (rules 3c, 14), dictionary-segmented scripts (Han, kana,
  // Hangul, and Line_Break=Complex_Context: Thai, Lao, Khmer, Myanmar...)
  // follow rules the fast path does not implement.
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
      u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
      u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
    return kReject;
  UErrorCode st = U_ZERO_ERROR;
  switch (uscript_getScript(c, &st)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
      return kReject;
    default:
      break;
  }
  if (U_FAILURE(st)) return kReject;
  // ICU's root rules take the colons out of MidLetter (CLDR's tailoring):
  // "a:b" is two words.
  if (c == ':' || c == 0xFE55 || c == 0xFF1A) return kOther;
  // ...and count "@" as a letter, so that "user@example" stays one word.
  if (c == '@') return kLetter;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kOther;
    case U_WB_CR:
      return kCR;
    case U_WB_LF:
      return kLF;
    case U_WB_NEWLINE:
      return kNewline;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:
      return kExt;
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kNumeric;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kMidBoth;
    case U_WB_EXTENDNUMLET:
      return kExtendNumLet;
    case U_WB_WSEGSPACE:
      return kSpace;
    default:  // Hebrew_Letter, Katakana, Regional_Indicator, E_Base...
      return kReject;
  }
}

// The vector scan of Units::skip_ascii_letters assumes that ASCII's letters
// are exactly A-Z, a-z and "@"; it checks the table once and stays off
// otherwise.
const bool kVectorLetters = [] {
  const Wb* t = bmp_table<Wb, classify>();
  for (int b = 0; b < 128; ++b) {
    const bool letter = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '@';
    if ((t[b] == kLetter) != letter) return false;
  }
  return true;
}();

// A character with the Extend/Format/ZWJ run that rule 4 attaches to it.
struct Unit {
  Wb cls;
  int32_t begin;
  int32_t base_end;  // after the character itself
  int32_t end;       // after its trailing Extend/Format/ZWJ
};

// The text as units, each character decoded once (one character of
// lookahead finds the Extend run), with one unit of push-back for the rules
// that look past a middle character.
class Units {
 public:
  explicit Units(std::string_view s)
      : p_(reinterpret_cast<const uint8_t*>(s.data())),
        n_(static_cast<int32_t>(s.size())),
        bmp_(bmp_table<Wb, classify>()) {
    peek();
  }

  // The next unit; false at the end or on a character the fast path
  // rejects (then rejected() is true).
  bool next(Unit& u) {
    if (have_back_) {
      u = back_;
      have_back_ = false;
      return true;
    }
    if (pos_ >= n_) return false;
    u.cls = peek_cls_;
    u.begin = pos_;
    if (u.cls == kReject) {
      rejected_ = true;
      return false;
    }
    advance();
    u.base_end = pos_;
    // CR, LF and Newline take no Extend (rule 4 excludes them); a run of
    // Extend at the start of a segment is one unit of its own.
    if (u.cls != kCR && u.cls != kLF && u.cls != kNewline)
      while (pos_ < n_ && peek_cls_ == kExt) advance();
    u.end = pos_;
    return true;
  }
  // After a unit of class `cls` (a letter or a digit), consumes the
  // characters that only lengthen it: more of `cls` (rules 5 and 8) and
  // their Extend. Returns the new end; `ext` says whether the last character
  // is an Extend. Words are mostly such runs, and ASCII ones take a byte at a
  // time straight from the table.
  int32_t extend_run(Wb cls, bool& ext) {
    while (pos_ < n_ && (peek_cls_ == cls || peek_cls_ == kExt)) {
      ext = peek_cls_ == kExt;
      pos_ = peek_end_;
      // One- and two-byte characters (Latin, Cyrillic, Arabic script)
      // decoded inline; anything else through peek().
      while (pos_ < n_) {
        Wb k;
        int32_t len;
        if (!short_class(pos_, k, len)) break;
        if (k != cls && k != kExt) break;
        ext = k == kExt;
        pos_ += len;
      }
      peek();
    }
    return pos_;
  }
  // A word of letters alone or of digits alone (with their Extend) that a
  // character joining it to nothing ends (space, punctuation, a line break;
  // a middle one only when no letter, or digit, follows it) or the text's
  // end, in one- and two-byte characters: most words of news. Consumes it
  // and gives its bounds; otherwise consumes nothing and returns false, for
  // the full rules to read it.
  template <Wb cls>
  bool plain_word(int32_t& begin, int32_t& end) {
    if (have_back_ || pos_ >= n_ || peek_cls_ != cls) return false;
    // Rules 6/7 join letters across MidLetter, rules 11/12 digits across
    // MidNum; MidBoth does both, and the other one neither.
    constexpr Wb mid = cls == kLetter ? kMidLetter : kMidNum;
    constexpr Wb other_mid = cls == kLetter ? kMidNum : kMidLetter;
    int32_t q = peek_end_;
    while (q < n_) {
      if (cls == kLetter && is_ascii_letter(p_[q])) {
        q = skip_ascii_letters(q);
        if (q == n_) break;
      }
      Wb k;
      int32_t len;
      if (!short_class(q, k, len)) return false;
      if (k == cls || k == kExt) {
        q += len;
        continue;
      }
      if (k == mid || k == kMidBoth) {
        // It joins ("U.S", "firm's", "1,5") when one of the word's class
        // follows; an Extend after it belongs to it (rule 4) and might hide
        // one.
        Wb after;
        int32_t after_len;
        if (q + len < n_ &&
            (!short_class(q + len, after, after_len) || after == cls || after == kExt))
          return false;
        break;
      }
      // Letters and digits join each other, and "_" both (rules 9, 10, 13a).
      if (k != kOther && k != kSpace && k != kCR && k != kLF && k != kNewline && k != other_mid)
        return false;
      break;
    }
    begin = pos_;
    end = q;
    // The spaces after it too: a space joins nothing but spaces and the
    // Extend after it (rules 3d, 4), none of which is a word, so skipping
    // them changes no word.
    while (q < n_ && p_[q] == ' ') ++q;
    pos_ = q;
    peek();
    return true;
  }
  // The class of the next character, when nothing is pushed back; end()
  // says whether there is one.
  bool end() const { return pos_ >= n_; }
  Wb peek_class() const { return peek_cls_; }
  void push_back(const Unit& u) {
    back_ = u;
    have_back_ = true;
  }
  bool rejected() const { return rejected_; }

 private:
  bool is_ascii_letter(uint8_t b) const { return b < 0x80 && bmp_[b] == kLetter; }
  // Past the ASCII letters from q, 16 at a time where SSE2 is there.
  int32_t skip_ascii_letters(int32_t q) const {
#if defined(__SSE2__)
    if (kVectorLetters) {
      const __m128i bias = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
      const __m128i limit = _mm_set1_epi8(static_cast<char>(0x80 + 26));
      const __m128i case_bit = _mm_set1_epi8(0x20), at = _mm_set1_epi8('@');
      for (; q + 16 <= n_; q += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_ + q));
        // (v | 0x20) - 'a' below 26 unsigned, as a signed compare after the
        // bias; bytes of 0x80 and more land outside.
        const __m128i az = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), bias), limit);
        const auto m =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(az, _mm_cmpeq_epi8(v, at))));
        if (m != 0xFFFF) return q + __builtin_ctz(~m);
      }
    }
#endif
    while (q < n_ && is_ascii_letter(p_[q])) ++q;
    return q;
  }
  // The class and length of a one- or two-byte character at q < n_ (Latin,
  // Cyrillic, Arabic script), decoded inline; false for anything longer.
  bool short_class(int32_t q, Wb& k, int32_t& len) const {
    const uint8_t b = p_[q];
    if (b < 0x80) {
      k = bmp_[b];
      len = 1;
      return true;
    }
    if (b >= 0xC2 && b < 0xE0 && q + 1 < n_ && (p_[q + 1] & 0xC0) == 0x80) {
      k = bmp_[((b & 0x1F) << 6) | (p_[q + 1] & 0x3F)];
      len = 2;
      return true;
    }
    return false;
  }
  void advance() {
    pos_ = peek_end_;
    peek();
  }
  // Classifies the character at pos_: ASCII inline (a call, and the state
  // it sends to memory, cost more than the lookup), the rest out of line.
  [[gnu::always_inline]] void peek() {
    if (pos_ >= n_) return;
    const uint8_t b = p_[pos_];
    if (b < 0x80) {
      peek_end_ = pos_ + 1;
      peek_cls_ = bmp_[b];
      return;
    }
    peek_long();
  }
  [[gnu::noinline]] void peek_long() {
    int32_t i = pos_;
    UChar32 c;
    U8_NEXT(p_, i, n_, c);
    peek_end_ = i;
    peek_cls_ = c < 0 ? kReject : c <= 0xFFFF ? bmp_[c] : classify(c);
  }

  const uint8_t* p_;
  int32_t n_;
  const Wb* bmp_;
  int32_t pos_ = 0;
  int32_t peek_end_ = 0;
  Wb peek_cls_ = kOther;
  bool have_back_ = false;
  bool rejected_ = false;
  Unit back_{};
};

// The status ICU gives a word whose last two units are a then b, when a rule
// joins them (rules 5, 8, 9, 10, 13a, 13b), or -1 when none does. ICU's
// status is that of the rule that matched last: a word ending in a digit is
// a number ("a1" too, though rule 9 is tagged as a letter rule), one ending
// in a letter a word, one ending in "_" whatever the rule joining it says.
int join_status(Wb a, Wb b) {
  switch (a) {
    case kLetter:
      return b == kLetter || b == kExtendNumLet ? 200 : b == kNumeric ? 100 : -1;
    case kNumeric:
      return b == kLetter ? 200 : b == kNumeric || b == kExtendNumLet ? 100 : -1;
    case kExtendNumLet:
      return b == kLetter || b == kExtendNumLet ? 200 : b == kNumeric ? 100 : -1;
    default:
      return -1;
  }
}

}  // namespace

bool fast_word_segments(std::string_view utf8, std::vector<WordSeg>& out) {
  out.clear();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return false;
  out.reserve(utf8.size() / 6);  // about one word per six bytes of news
  Units units(utf8);
  Unit u, v, w;
  for (;;) {
    int32_t plain_begin, plain_end;
    if (units.plain_word<kLetter>(plain_begin, plain_end)) {
      out.push_back({static_cast<uint32_t>(plain_begin), static_cast<uint32_t>(plain_end), false});
      continue;
    }
    if (units.plain_word<kNumeric>(plain_begin, plain_end)) {
      out.push_back({static_cast<uint32_t>(plain_begin), static_cast<uint32_t>(plain_end), true});
      continue;
    }
    if (!units.next(u)) break;
    switch (u.cls) {
      // The next unit need not be read to know that it starts a segment of
      // its own: nothing is pushed back after next(), so its class is the
      // peeked one.
      case kCR:  // rule 3: CR x LF
        if (!units.end() && units.peek_class() == kLF) units.next(v);
        continue;
      case kSpace:  // rule 3d: horizontal space stays together
        while (u.end == u.base_end && !units.end() && units.peek_class() == kSpace) units.next(u);
        continue;
      case kLetter:
      case kNumeric:
      case kExtendNumLet:
        break;
      default:  // a single character with its Extend, status 0
        continue;
    }
    Wb last = u.cls;
    int status = last == kLetter ? 200 : last == kNumeric ? 100 : 0;
    int32_t end = u.end;
    bool last_ext = u.end != u.base_end;
    for (;;) {
      // Nothing is pushed back here: the last unit read was consumed.
      if (last == kLetter || last == kNumeric) end = units.extend_run(last, last_ext);
      if (units.end()) break;
      // Most words end at a character that neither joins nor is a middle
      // one: stop without reading it.
      const Wb nc = units.peek_class();
      if (join_status(last, nc) < 0 && nc != kMidLetter && nc != kMidNum && nc != kMidBoth) break;
      if (!units.next(v)) break;
      const int s = join_status(last, v.cls);
      if (s >= 0) {
        status = s;
        last = v.cls;
        end = v.end;
        last_ext = v.end != v.base_end;
        continue;
      }
      // Rules 6/7 (letter, MidLetter, letter) and 11/12 (digit, MidNum,
      // digit) join across one middle character; when they do not, the
      // middle character is a segment of its own, with status 0.
      const bool mid = (last == kLetter && (v.cls == kMidLetter || v.cls == kMidBoth)) ||
                       (last == kNumeric && (v.cls == kMidNum || v.cls == kMidBoth));
      if (!mid) {
        units.push_back(v);
        break;
      }
      if (!units.next(w)) break;
      if (w.cls != last) {
        units.push_back(w);
        break;
      }
      status = last == kLetter ? 200 : 100;
      end = w.end;
      last_ext = w.end != w.base_end;
    }
    // ICU ends a word whose last "_" carries an Extend or Format with rule
    // 4, which has no status: "a_\u0301" is not a word.
    if (last == kExtendNumLet && last_ext) status = 0;
    if (status >= 100)
      out.push_back({static_cast<uint32_t>(u.begin), static_cast<uint32_t>(end), status < 200});
  }
  return !units.rejected();
}

bool icu_word_segments(std::string_view utf8, std::vector<WordSeg>& out) {
  out.clear();
  thread_local std::vector<uint32_t> bounds;
  thread_local std::vector<int32_t> statuses;
  if (!icu_boundaries(BreakKind::Word, utf8, bounds, &statuses)) return false;
  for (size_t k = 0; k < statuses.size(); ++k)
    if (statuses[k] >= UBRK_WORD_NONE_LIMIT)
      out.push_back({bounds[k], bounds[k + 1],
                     statuses[k] >= UBRK_WORD_NUMBER && statuses[k] < UBRK_WORD_NUMBER_LIMIT});
  return true;
}

}  // namespace nkg
