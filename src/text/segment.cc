#include "text/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <memory>
#include <vector>

#include "core/serial.h"
#include "text/key_table.h"
#include "text/normalize.h"
#include "text/sentence_breaks.h"
#include "text/word_breaks.h"

namespace nkg {

bool is_word_joiner(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  switch (c) {
    case '-':
    case 0x2010:
    case 0x2011:
    case '\'':
    case 0x2019:
    case 0x200C:
    case 0x200D:
    case 0x00AD:
    case 0x0640:
      return true;
    default:
      return u_charType(c) == U_FORMAT_CHAR;
  }
}

namespace {

// Separators that keep two words together for matching: spaces, hyphens,
// apostrophes and the invisible controls Persian copy is full of.
bool is_joining_separator(UChar32 c) {
  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) return false;
  return is_word_joiner(c);
}

// The same for ASCII, which most gaps are, as a table of the function's own
// answers.
const std::array<bool, 128> kAsciiJoining = [] {
  std::array<bool, 128> t{};
  for (UChar32 c = 0; c < 128; ++c) t[static_cast<size_t>(c)] = is_joining_separator(c);
  return t;
}();

bool is_upper_or_title(UChar32 c) { return u_isupper(c) || u_istitle(c); }

// Its answers for the code points of two UTF-8 bytes (Latin, Greek,
// Cyrillic, Arabic script), which start most words that do not start in
// ASCII: a load where ICU's property lookups cost two calls.
const std::array<bool, 0x800> kTwoByteUpper = [] {
  std::array<bool, 0x800> t{};
  for (UChar32 c = 0; c < 0x800; ++c) t[static_cast<size_t>(c)] = is_upper_or_title(c);
  return t;
}();

// "U.S", "D.C": letters joined by periods (numbers such as "2.5" are not).
bool is_dotted_abbreviation(std::string_view w) {
  bool dot = false;
  for (char ch : w) {
    if (ch == '.')
      dot = true;
    else if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
      return false;
  }
  return dot;
}

bool ends_with_ordinal_or_initial(const std::string& text, Span s) {
  uint32_t e = s.end;
  while (e > s.begin && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  if (e < s.begin + 2 || text[e - 1] != '.') return false;
  uint32_t k = e - 1;
  uint32_t digits = 0;
  while (k > s.begin && text[k - 1] >= '0' && text[k - 1] <= '9') --k, ++digits;
  bool starts_word = k == s.begin || text[k - 1] == ' ' || text[k - 1] == '(';
  if (digits >= 1 && digits <= 2 && starts_word) return true;
  if (digits == 0 && k >= s.begin + 1 && text[k - 1] >= 'A' && text[k - 1] <= 'Z') {
    uint32_t j = k - 1;
    return j == s.begin || text[j - 1] == ' ' || text[j - 1] == '.';
  }
  return false;
}

// Surfaces to key ids, with a surface of up to 22 bytes (most words) kept in
// its 32-byte slot: a lookup reads one cache line, where KeyTable's slot,
// entry and arena are three, and this table outgrows the caches.
class SurfaceTable {
 public:
  // A surface of up to 16 bytes as two words, zero past its end: hashed
  // and compared as such without a branch on its length, which varies
  // from word to word and so was mispredicted at nearly every token.
  struct Words {
    uint64_t lo = 0, hi = 0;
  };
  explicit SurfaceTable(size_t capacity = 1024) : slots_(capacity) {}
  // The id stored for `s` (hash `h`, words `w` from short_words), or 0.
  // Once a token, so its own loop, which the caller inlines.
  uint32_t get(std::string_view s, uint64_t h, const Words& w) const {
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (!sl.kid || (sl.tag == tag && holds(sl, s, w))) return sl.kid;
    }
  }
  // Stores `kid` (not 0) for `s`, which get has just not found.
  void put(std::string_view s, uint64_t h, uint32_t kid) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    Slot& sl = slots_[probe(s, h)];
    sl.tag = static_cast<uint32_t>(h >> 32);
    sl.kid = kid;
    if (s.size() <= kInline) {
      sl.len = static_cast<uint8_t>(s.size());
      std::memcpy(sl.text, s.data(), s.size());
    } else {
      sl.len = kLong;
      const auto at = static_cast<uint32_t>(arena_.size()), n = static_cast<uint32_t>(s.size());
      std::memcpy(sl.text, &at, 4);
      std::memcpy(sl.text + 4, &n, 4);
      arena_.append(s);
    }
    ++count_;
  }
  size_t size() const { return count_; }

  // `s` read with 16 bytes' loads when `room` (bytes readable from
  // s.data() on) allows, else byte by byte: the same words either way.
  static Words short_words(std::string_view s, size_t room) {
    using namespace fast_hash_detail;
    Words w;
    const size_t n = s.size();
    if (n > 16) return w;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (room >= 16) {
      w.lo = load8(p) & kMasks[n].lo;
      w.hi = load8(p + 8) & kMasks[n].hi;
    } else {
      unsigned char b[16] = {};
      std::memcpy(b, p, n);
      w.lo = load8(b);
      w.hi = load8(b + 8);
    }
    return w;
  }
  // fast_hash with one multiply for up to 16 bytes instead of two: the
  // table's own, once a token, and no value leaves it.
  static uint64_t hash(std::string_view s, const Words& w) {
    using namespace fast_hash_detail;
    if (s.size() > 16) return fast_hash(s);
    return mum(w.lo ^ kSecret1, w.hi ^ kSecret2 ^ s.size());
  }
  static uint64_t hash(std::string_view s) { return hash(s, short_words(s, 0)); }

 private:
  static constexpr size_t kInline = 22;
  static constexpr uint8_t kLong = 0xFF;  // the text holds the arena offset and length
  struct alignas(32) Slot {
    uint32_t tag = 0;  // high half of the surface's hash
    uint32_t kid = 0;  // 0 when empty
    uint8_t len = 0;
    char text[kInline + 1] = {};
  };
  static_assert(sizeof(Slot) == 32);

  std::string_view surface(const Slot& sl) const {
    if (sl.len != kLong) return {sl.text, sl.len};
    uint32_t at, n;
    std::memcpy(&at, sl.text, 4);
    std::memcpy(&n, sl.text + 4, 4);
    return {arena_.data() + at, n};
  }
  // Bytes of a slot's text past its surface are zero (slots start zeroed
  // and are written once), so up to 16 bytes compare as two words.
  bool holds(const Slot& sl, std::string_view s, const Words& w) const {
    using namespace fast_hash_detail;
    if (s.size() <= 16) {
      const auto* t = reinterpret_cast<const unsigned char*>(sl.text);
      return ((sl.len ^ s.size()) | (load8(t) ^ w.lo) | (load8(t + 8) ^ w.hi)) == 0;
    }
    return s.size() <= kInline ? sl.len == s.size() && same_bytes(sl.text, s.data(), s.size())
                               : sl.len == kLong && surface(sl) == s;
  }
  bool holds(const Slot& sl, std::string_view s) const { return holds(sl, s, short_words(s, 0)); }
  struct Masks {
    uint64_t lo, hi;
  };
  // Per length up to 16: which bytes of the two words are the surface's.
  static constexpr std::array<Masks, 17> kMasks = [] {
    std::array<Masks, 17> m{};
    for (size_t n = 0; n <= 16; ++n) {
      const size_t a = n < 8 ? n : 8, b = n - a;
      m[n].lo = a == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * a)) - 1;
      m[n].hi = b == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * b)) - 1;
    }
    return m;
  }();
  size_t probe(std::string_view s, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (!sl.kid || (sl.tag == tag && holds(sl, s))) return i;
    }
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& sl : old) {
      if (!sl.kid) continue;
      size_t i = static_cast<size_t>(hash(surface(sl))) & mask;
      while (slots_[i].kid) i = (i + 1) & mask;
      slots_[i] = sl;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;  // surfaces longer than kInline
  size_t count_ = 0;
};

// A thread's match keys by surface, numbered: news repeats its words, so
// most tokens cost one probe here instead of a fold (match_key), and carry
// an id by which later stages (token_lemmas) find what they made of the key
// without hashing it again. Bounded: past kMaxKeys it starts over under a
// new serial, so no id is ever read under the wrong numbering.
class SurfaceKeys {
 public:
  SurfaceKeys() { restart(); }
  // The serial of the numbering; restarts first when full.
  uint64_t serial_for_next_document() {
    if (keys_->size() >= kMaxKeys || surfaces_.size() >= 2 * kMaxKeys) restart();
    return serial_;
  }
  std::shared_ptr<const void> store() const { return keys_; }
  // The id of the key of `surface` (from 1), and the key.
  // `room`: the bytes readable from surface.data() on (at least its size).
  uint32_t id(std::string_view surface, size_t room) {
    const SurfaceTable::Words w = SurfaceTable::short_words(surface, room);
    const uint64_t h = SurfaceTable::hash(surface, w);
    uint32_t kid = surfaces_.get(surface, h, w);
    if (kid) return kid;
    std::string key = match_key(surface);
    const auto next = static_cast<uint32_t>(keys_->size() + 1);
    kid = key_ids_.emplace(key, next);
    if (kid == next) views_.push_back(keys_->emplace_back(std::move(key)));
    surfaces_.put(surface, h, kid);
    return kid;
  }
  std::string_view key(uint32_t kid) const { return views_[kid - 1]; }

 private:
  static constexpr size_t kMaxKeys = size_t{1} << 16;
  void restart() {
    surfaces_ = SurfaceTable();
    key_ids_ = KeyTable(1024);
    // Documents segmented before keep the old keys alive.
    keys_ = std::make_shared<std::deque<std::string>>();
    views_.clear();
    serial_ = next_serial();
  }
  SurfaceTable surfaces_;  // surface -> key id
  KeyTable key_ids_;       // key -> key id
  // A deque never moves its strings, so tokens may point into them.
  std::shared_ptr<std::deque<std::string>> keys_;
  std::vector<std::string_view> views_;  // the keys by id - 1: no deque arithmetic per token
  uint64_t serial_ = 0;
};

}  // namespace

void segment(Document& doc) {
  doc.sentences.clear();
  doc.tokens.clear();
  // The fast paths (word_breaks.h, sentence_breaks.h) give ICU's breaks
  // without ICU for the text news is made of; ICU does what they decline.
  thread_local std::vector<WordSeg> words;
  thread_local std::vector<Span> sentences;
  const bool fast_words = fast_word_segments(doc.text, words);
  const bool fast_sentences = fast_sentence_spans(doc.text, sentences);
  if (!fast_words && !icu_word_segments(doc.text, words)) words.clear();
  if (!fast_sentences && !icu_sentence_spans(doc.text, sentences)) sentences.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(doc.text.data());
  const auto n = static_cast<int32_t>(doc.text.size());

  for (const Span& s : sentences) {
    // ICU ends a sentence at "am 6. November" and "J. Smith": a period after a
    // one- or two-digit number or a lone capital is an ordinal or an initial.
    if (!doc.sentences.empty() && ends_with_ordinal_or_initial(doc.text, doc.sentences.back()))
      doc.sentences.back().end = s.end;
    else
      doc.sentences.push_back(s);
  }

  thread_local SurfaceKeys surface_keys;
  doc.key_serial = surface_keys.serial_for_next_document();
  doc.key_store = surface_keys.store();
  doc.tokens.reserve(doc.text.size() / 6);  // about one word per six bytes of news
  uint32_t sidx = 0;
  // Where sentence sidx ends, unless it is the last: words before it stay in it.
  uint32_t sentence_end = doc.sentences.size() > 1 ? doc.sentences[0].end : UINT32_MAX;
  uint32_t prev_end = 0;
  // Locals: the key's stores into the token may alias the document's
  // fields for the compiler, which would reload them each word.
  const std::string_view text = doc.text;
  const Span* const sent = doc.sentences.data();
  // Spans of words are in the text: no bounds check.
  const auto slice = [&](Span s) {
    return std::string_view(text.data() + s.begin, s.end - s.begin);
  };
  const size_t sentence_count = doc.sentences.size();
  for (const WordSeg& w : words) {
    const auto b = static_cast<int32_t>(w.begin), e = static_cast<int32_t>(w.end);
    // Built in place: a Token moved into the vector costs a string move.
    const bool first_token = doc.tokens.empty();
    const uint32_t prev_sentence = first_token ? 0 : doc.tokens.back().sentence;
    Token& t = doc.tokens.emplace_back();
    t.span = {w.begin, w.end};
    // An abbreviation keeps its final period: ICU gives "U.S" for "U.S.".
    if (t.span.end < text.size() && text[t.span.end] == '.' &&
        is_dotted_abbreviation(slice(t.span)))
      t.span.end += 1;
    // A possessive "'s" is not part of the name ("Japan's", "Trump’s").
    // Tested as one rarely true condition, with & rather than &&: "s" alone
    // ends too many words for a branch on it to be predicted.
    const auto* last = p + t.span.end;
    if (t.span.end - t.span.begin >= 3 &&
        ((last[-1] == 's') & ((last[-2] == '\'') | (last[-2] == 0x99))))
      for (std::string_view poss : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        const size_t pl = poss.size();
        if (t.span.end - t.span.begin > pl + 1 && slice(t.span).ends_with(poss))
          t.span.end -= static_cast<uint32_t>(pl);
      }
    if (t.span.begin >= sentence_end) {
      while (sidx + 1 < sentence_count && sent[sidx].end <= t.span.begin) ++sidx;
      sentence_end = sidx + 1 < sentence_count ? sent[sidx].end : UINT32_MAX;
    }
    t.sentence = sidx;
    t.is_number = w.number;
    t.key_id = surface_keys.id(slice(t.span), text.size() - t.span.begin);
    t.key = surface_keys.key(t.key_id);
    if (p[b] < 0x80) {
      t.upper = p[b] >= 'A' && p[b] <= 'Z';
    } else if (p[b] >= 0xC2 && p[b] < 0xE0 && b + 1 < n && (p[b + 1] & 0xC0) == 0x80) {
      t.upper = kTwoByteUpper[((p[b] & 0x1Fu) << 6) | (p[b + 1] & 0x3Fu)];
    } else {
      UChar32 first;
      int32_t i = b;
      U8_NEXT(p, i, n, first);
      t.upper = is_upper_or_title(first);
    }
    bool gap = first_token || prev_sentence != sidx;
    // Most words follow a single space, which joins: no need to walk the gap.
    // (& again: both are unpredictable; p[prev_end] is in the text, or its
    // terminating NUL.)
    const bool one_space = (b == static_cast<int32_t>(prev_end) + 1) & (p[prev_end] == ' ');
    for (int32_t k = static_cast<int32_t>(prev_end); !gap && !one_space && k < b;) {
      if (p[k] < 0x80) {
        gap = !kAsciiJoining[p[k++]];
        continue;
      }
      UChar32 c;
      U8_NEXT(p, k, n, c);
      if (!is_joining_separator(c)) gap = true;
    }
    t.gap_before = gap;
    prev_end = std::max(static_cast<uint32_t>(e), t.span.end);
  }
  // One huge article must not pin its buffers to the thread for good.
  if (words.capacity() > (size_t{1} << 20)) std::vector<WordSeg>().swap(words);
}

}  // namespace nkg

namespace nkg {

std::vector<std::string> key_tokens(std::string_view text) {
  // Segmented exactly as segment() segments articles.
  std::vector<WordSeg> segs;
  if (!fast_word_segments(text, segs)) icu_word_segments(text, segs);
  std::vector<std::string> keys;
  keys.reserve(segs.size());
  for (const WordSeg& s : segs) {
    std::string_view w = text.substr(s.begin, s.end - s.begin);
    if (is_dotted_abbreviation(w) && s.end < text.size() && text[s.end] == '.')
      w = text.substr(s.begin, s.end - s.begin + 1);
    keys.push_back(match_key(w));
  }
  return keys;
}

}  // namespace nkg
