#include "extract/amounts.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "core/serial.h"
#include "extract/dates.h"
#include "text/key_table.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace nkg {

const char* amount_kind_name(AmountKind k) {
  switch (k) {
    case AmountKind::Money:
      return "Money";
    case AmountKind::Percent:
      return "Percent";
    case AmountKind::Count:
      return "Count";
  }
  return "?";
}

namespace {

// ---------------------------------------------------------------------------
// Exact decimal arithmetic on digit strings: value = digits × 10^exp.

struct Dec {
  std::string digits = "0";
  int32_t exp = 0;
};

// "123.45", "7", "1e9", "2.5e3".
bool dec_parse(std::string_view s, Dec* out) {
  Dec d;
  d.digits.clear();
  size_t i = 0;
  bool point = false;
  int32_t frac = 0;
  for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
    char c = s[i];
    if (c == '.') {
      if (point) return false;
      point = true;
    } else if (c >= '0' && c <= '9') {
      d.digits.push_back(c);
      frac += point;
    } else {
      return false;
    }
  }
  if (d.digits.empty()) return false;
  int32_t e = 0;
  if (i < s.size()) {
    bool neg = false;
    if (++i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == s.size()) return false;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      e = e * 10 + (s[i] - '0');
      if (e > 1000) return false;
    }
    if (neg) e = -e;
  }
  d.exp = e - frac;
  *out = std::move(d);
  return true;
}

// Canonical xsd:decimal of digits × 10^exp: no exponent, no leading zeros,
// no trailing fractional zeros, no point for integers. Written into `out`
// piece by piece: temporaries cost more than the digits.
void dec_write(std::string_view digits, int64_t exp, std::string* out) {
  out->clear();
  size_t z = digits.find_first_not_of('0');
  if (z == std::string_view::npos) {
    out->push_back('0');
    return;
  }
  std::string_view digs = digits.substr(z);
  if (exp >= 0) {
    out->reserve(digs.size() + static_cast<size_t>(exp));
    out->append(digs);
    out->append(static_cast<size_t>(exp), '0');
    return;
  }
  size_t frac = static_cast<size_t>(-exp);
  // The fraction loses its trailing zeros; a padded one keeps digs' first
  // digit, which is not one.
  std::string_view fp = digs.size() <= frac ? digs : digs.substr(digs.size() - frac);
  while (!fp.empty() && fp.back() == '0') fp.remove_suffix(1);
  if (digs.size() <= frac) {
    out->reserve(2 + frac);
    out->append("0.");
    out->append(frac - digs.size(), '0');
  } else {
    out->reserve(digs.size() + 1);
    out->append(digs.substr(0, digs.size() - frac));
    if (!fp.empty()) out->push_back('.');
  }
  out->append(fp);
}

std::string dec_str(const Dec& d) {
  std::string s;
  dec_write(d.digits, d.exp, &s);
  return s;
}

// Schoolbook product; `b` is a scale or a short multiplier, so this is
// linear in the length of `a`.
Dec dec_mul(const Dec& a, const Dec& b) {
  Dec r;
  r.exp = a.exp + b.exp;
  if (b.digits.find_first_not_of('0') == b.digits.size() - 1 && b.digits.back() == '1') {
    r.digits = a.digits;  // b is a power of ten
    return r;
  }
  std::vector<uint64_t> acc(a.digits.size() + b.digits.size(), 0);
  for (size_t i = 0; i < a.digits.size(); ++i)
    for (size_t j = 0; j < b.digits.size(); ++j)
      acc[i + j + 1] += static_cast<uint64_t>(a.digits[i] - '0') * (b.digits[j] - '0');
  uint64_t carry = 0;
  for (size_t k = acc.size(); k-- > 0;) {
    uint64_t v = acc[k] + carry;
    acc[k] = v % 10;
    carry = v / 10;
  }
  r.digits.resize(acc.size());
  for (size_t k = 0; k < acc.size(); ++k) r.digits[k] = static_cast<char>('0' + acc[k]);
  return r;
}

Dec dec_of(const std::string& canonical) {
  Dec d;
  if (!dec_parse(canonical, &d)) d = Dec{};
  return d;
}

// dec_str(dec_mul(dec_of(canonical), mult)) into `out`, without the
// product when `mult` is a power of ten (every scale is one): the digits
// stay, the exponent moves, and a canonical value times one is itself.
void dec_scale(const std::string& canonical, const Dec& mult, std::string* out) {
  const std::string& m = mult.digits;
  if (m.find_first_not_of('0') != m.size() - 1 || m.back() != '1') {
    *out = dec_str(dec_mul(dec_of(canonical), mult));
    return;
  }
  if (mult.exp == 0) {
    *out = canonical;
    return;
  }
  // The digits of a canonical decimal are its bytes but the point.
  char digits[64];
  size_t n = 0;
  int32_t frac = 0;
  bool point = false;
  for (char c : canonical) {
    if (n == sizeof digits || !((c >= '0' && c <= '9') || (c == '.' && !point))) {
      Dec d = dec_of(canonical);  // long, or not canonical after all
      dec_write(d.digits, int64_t{d.exp} + mult.exp, out);
      return;
    }
    if (c == '.') {
      point = true;
    } else {
      digits[n++] = c;
      frac += point;
    }
  }
  dec_write(std::string_view(digits, n), int64_t{mult.exp} - frac, out);
}

// Compares two canonical decimals.
int dec_cmp(const std::string& a, const std::string& b) {
  size_t pa = a.find('.'), pb = b.find('.');
  std::string_view ia = std::string_view(a).substr(0, pa), ib = std::string_view(b).substr(0, pb);
  if (ia.size() != ib.size()) return ia.size() < ib.size() ? -1 : 1;
  if (int c = ia.compare(ib)) return c < 0 ? -1 : 1;
  std::string_view fa = pa == std::string::npos ? "" : std::string_view(a).substr(pa + 1);
  std::string_view fb = pb == std::string::npos ? "" : std::string_view(b).substr(pb + 1);
  for (size_t k = 0; k < std::max(fa.size(), fb.size()); ++k) {
    char x = k < fa.size() ? fa[k] : '0', y = k < fb.size() ? fb[k] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Locale separators, from ICU (Latin numbering system: the text's digits are
// already ASCII in match keys, and "fa" with Arabic-Indic digits has its own
// separators U+066B/U+066C, handled explicitly).

struct Seps {
  char dec = '.';  // '.' or ','
};

Seps locale_seps(const std::string& lang) {
  // The language asked last, before hashing: a thread's articles come in
  // runs of one language, and most of their numbers have separators.
  thread_local std::string last_lang;
  thread_local Seps last;
  thread_local bool have_last = false;
  if (have_last && lang == last_lang) return last;
  thread_local std::unordered_map<std::string, Seps> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) {
    last_lang = lang;
    last = it->second;
    have_last = true;
    return last;
  }
  Seps s;
  if (!lang.empty() && lang != "und") {
    icu::Locale loc(lang.c_str());
    UErrorCode st = U_ZERO_ERROR;
    loc.setKeywordValue("numbers", "latn", st);
    st = U_ZERO_ERROR;
    icu::DecimalFormatSymbols sym(loc, st);
    if (U_SUCCESS(st)) {
      auto one = [&](icu::DecimalFormatSymbols::ENumberFormatSymbol which) -> char {
        icu::UnicodeString u = sym.getSymbol(which);
        return u.length() == 1 && (u[0] == '.' || u[0] == ',') ? static_cast<char>(u[0]) : 0;
      };
      // Locales whose decimal separator is neither (none known) keep '.'.
      if (char d = one(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol)) s.dec = d;
    }
  }
  cache.emplace(lang, s);
  return s;
}

bool is_space_cp(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x202F || c == 0x2007; }

// ---------------------------------------------------------------------------
// The match stream: the document as a string of token keys, each framed by
// kWord, with the text between tokens reduced to its symbols (spaces,
// hyphens, apostrophes and invisible controls dropped, line breaks and
// controls turned into kBlock, the rest match-keyed). Dictionary forms go
// through the same reduction, so "US-Dollar", "US Dollar", "mld.", "US$",
// "$" and "%" are all plain substring matches at token boundaries.

constexpr char kWord = '\x1f';
constexpr char kBlock = '\x1e';

bool dropped_separator(UChar32 c) { return is_word_joiner(c); }

bool blocking(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ||
         u_charType(c) == U_CONTROL_CHAR;
}

// Writes a string through a position into storage sized ahead: the stream
// grows a byte at a time, and std::string's appends would check capacity
// and terminate the string at each. Passed by value and kept in locals, so
// that the compiler holds the pointer and position in registers (a char
// store may alias anything in memory, which would reload them per byte).
struct Writer {
  std::string* s;
  char* p;
  size_t at = 0, cap = 0;
  explicit Writer(std::string* str) : s(str), p(str->data()), cap(str->size()) {}
  // Room for k more bytes.
  void reserve(size_t k) {
    if (at + k > cap) grow(k);
  }
  void grow(size_t k) {
    s->resize(std::max(2 * cap, at + k));
    p = s->data();
    cap = s->size();
  }
  void put(char c) { p[at++] = c; }
  void put(std::string_view v) {
    std::memcpy(p + at, v.data(), v.size());
    at += v.size();
  }
};

// Copies a key (most are a few bytes) with overlapping word moves, where
// memcpy is a call.
void copy_key(std::string_view k, char* dst) {
  size_t n = k.size();
  if (n >= 8 && n <= 16) {
    uint64_t a, b;
    std::memcpy(&a, k.data(), 8);
    std::memcpy(&b, k.data() + n - 8, 8);
    std::memcpy(dst, &a, 8);
    std::memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    std::memcpy(&a, k.data(), 4);
    std::memcpy(&b, k.data() + n - 4, 4);
    std::memcpy(dst, &a, 4);
    std::memcpy(dst + n - 4, &b, 4);
  } else if (n > 0 && n < 4) {  // first, middle and last byte cover 1-3 bytes
    dst[0] = k[0];
    dst[n / 2] = k[n / 2];
    dst[n - 1] = k[n - 1];
  } else {
    std::memcpy(dst, k.data(), n);
  }
}

Writer append_gap(std::string_view raw, Writer w) {
  // Match keys fold code point by code point, so each symbol is keyed on its
  // own; ASCII (nearly every gap is one space) needs neither ICU nor a copy.
  // Room for one byte per byte of the gap is kept: a byte yields at most one,
  // except through a match key, which makes room for itself.
  w.reserve(raw.size());
  const auto* p = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t n = static_cast<int32_t>(raw.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i++]);
      if (c < 0x20 || c == 0x7F)  // controls, line breaks included
        w.put(kBlock);
      else if (c != ' ' && c != '-' && c != '\'')  // the ASCII word joiners
        w.put(ascii_key_char(c));
      continue;
    }
    int32_t b = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || blocking(c)) {
      w.put(kBlock);
    } else if (!dropped_separator(c)) {
      std::string key = match_key(raw.substr(static_cast<size_t>(b), static_cast<size_t>(i - b)));
      w.reserve(key.size() + static_cast<size_t>(n - i));
      w.put(key);
    }
  }
  return w;
}

struct Stream {
  std::string s;
  std::vector<uint32_t> start;  // per token: position of the kWord before its key
  std::vector<uint32_t> end;    // per token: position after the kWord after its key
};

// Whether a key holds a kWord, which makes its framed key more than one
// stream unit (never seen in news; number_starts asks it of each key once).
bool holds_kword(std::string_view key) { return key.find(kWord) != std::string_view::npos; }

// Fills `st` (its buffers may hold an earlier article's stream: every byte
// up to the new size is rewritten).
void fill_stream(const Document& d, Stream* out) {
  Stream& st = *out;
  // A first guess at the size: a byte per byte of text plus the frames.
  // Keys that outgrow their surface grow it through the Writer.
  size_t n = d.tokens.size();
  st.s.resize(d.text.size() + 2 * n);
  st.start.resize(n);
  st.end.resize(n);
  // Locals, not members: stores into the stream could alias the vectors.
  uint32_t* start = st.start.data();
  uint32_t* end = st.end.data();
  const Token* tok = d.tokens.data();
  std::string_view text = d.text;
  Writer w(&st.s);
  uint32_t prev = 0;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tok[i];
    const uint32_t b = t.span.begin;
    const std::string_view key = t.key;
    // Room for the gap (a byte per byte at most but through a match key,
    // which append_gap makes room for) and the framed key.
    w.reserve(b - prev + key.size() + 2);
    if (b > prev + 1 || (b == prev + 1 && text[prev] != ' ')) {  // a space adds nothing
      // ASCII here, as append_gap does it: nearly every other gap is ", "
      // or ". ", not worth a call.
      for (uint32_t j = prev; j < b; ++j) {
        const char c = text[j];
        if (static_cast<uint8_t>(c) >= 0x80) {
          w = append_gap(text.substr(j, b - j), w);
          w.reserve(key.size() + 2);
          break;
        }
        if (c < 0x20 || c == 0x7F)
          w.put(kBlock);
        else if (c != ' ' && c != '-' && c != '\'')
          w.put(ascii_key_char(c));
      }
    }
    start[i] = static_cast<uint32_t>(w.at);
    w.put(kWord);
    copy_key(key, w.p + w.at);
    w.at += key.size();
    w.put(kWord);
    end[i] = static_cast<uint32_t>(w.at);
    prev = t.span.end;
  }
  w = append_gap(text.substr(prev), w);
  st.s.resize(w.at);
}

Stream make_stream(const Document& d) {
  Stream st;
  fill_stream(d, &st);
  return st;
}

// The stream of an article under analysis, in a per-thread buffer: an
// article's stream is dropped when its amounts are found, and reusing the
// storage saves allocating and zeroing it for each.
const Stream& article_stream(const Document& d) {
  thread_local Stream st;
  fill_stream(d, &st);
  return st;
}

// The first unit of the stream at `pos`: a framed word or one code point.
std::string_view unit_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {};
  if (s[pos] == kWord) {
    size_t e = s.find(kWord, pos + 1);
    return e == std::string_view::npos ? std::string_view{} : s.substr(pos, e + 1 - pos);
  }
  size_t e = pos + 1;
  while (e < s.size() && (static_cast<uint8_t>(s[e]) & 0xC0) == 0x80) ++e;
  return s.substr(pos, e - pos);
}

// The last unit of the stream before `pos`.
std::string_view unit_before(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return {};
  if (s[pos - 1] == kWord) {
    if (pos < 2) return {};
    size_t b = s.rfind(kWord, pos - 2);
    return b == std::string_view::npos ? std::string_view{} : s.substr(b, pos - b);
  }
  size_t b = pos - 1;
  while (b > 0 && (static_cast<uint8_t>(s[b]) & 0xC0) == 0x80) --b;
  return s.substr(b, pos - b);
}

struct Form {
  std::string s;                                       // stream of the form
  std::string value;                                   // the row's value
  Dec dec;                                             // the value as a decimal
  bool has_dec = false;                                // when it is one (dec_parse)
  long long integer = 0;                               // the value as strtoll reads it
  bool is_integer = false;                             // when it reads all of it
  std::vector<std::pair<uint32_t, std::string>> caps;  // word index -> required surface
  uint32_t words = 0;
  bool one_letter = false;      // a single one-letter word ("m", "k")
  bool code_or_symbol = false;  // has a symbol or a capitals code ("$", "US$", "USD")
  bool ends_dot = false;
};

// A set of token keys whose test turns nearly every other key away with one
// bit, from the key's length and first, second and last bytes, before any
// hashing: for testing every token of an article against a few hundred
// words.
class WordSet {
 public:
  void add(std::string_view key) {
    bits_[slot(key) / 64] |= uint64_t{1} << (slot(key) % 64);
    table_.emplace(key, 1);
  }
  bool contains(std::string_view key) const {
    return (bits_[slot(key) / 64] >> (slot(key) % 64) & 1) && table_.contains(key);
  }

 private:
  static constexpr int kBits = 16;
  static uint32_t slot(std::string_view k) {
    uint32_t h = static_cast<uint32_t>(k.size());
    if (!k.empty()) {
      h = h * 131 + static_cast<uint8_t>(k[0]);
      h = h * 131 + static_cast<uint8_t>(k[k.size() > 1]);
      h = h * 131 + static_cast<uint8_t>(k.back());
    }
    return (h * 2654435761u) >> (32 - kBits);
  }
  uint64_t bits_[(1 << kBits) / 64] = {};
  KeyTable table_;
};

struct FormSet {
  std::vector<Form> forms;
  // The keys of the words that forms start with (a form may also start
  // with a symbol).
  std::vector<std::string> first_words;
  // Form indexes by the stream unit they start / end with (KeyTable value:
  // index into the lists), and forms that are one bare word, by key.
  struct Lists {
    KeyTable index;
    std::vector<std::vector<uint32_t>> lists;
    std::vector<std::string> units;  // per list: its unit
    // The framed words among the units: most words of a text start no form,
    // and the filter turns them away without hashing.
    KeyFilter words;
    static bool is_word(std::string_view unit) { return unit.size() >= 2 && unit[0] == kWord; }
    // What the filter is keyed by: the word past its opening frame byte.
    static std::string_view filter_key(std::string_view unit) { return unit.substr(1); }
    void add(std::string_view unit, uint32_t form) {
      uint32_t at = index.emplace(unit, static_cast<uint32_t>(lists.size()));
      if (at == lists.size()) {
        lists.emplace_back();
        units.emplace_back(unit);
      }
      lists[at].push_back(form);
      if (is_word(unit)) words.add(filter_key(unit));
    }
    bool may_hold_word(std::string_view unit) const { return words.may_contain(filter_key(unit)); }
    const std::vector<uint32_t>* find(std::string_view unit) const {
      if (is_word(unit) && !may_hold_word(unit)) return nullptr;
      uint32_t at = index.get(unit, UINT32_MAX);
      return at == UINT32_MAX ? nullptr : &lists[at];
    }
  };
  Lists by_first, by_last;
  KeyTable single;
  uint32_t id = 0;  // the class's index in the finder's UnitIndex rows
  static constexpr uint32_t kNoForm = UINT32_MAX;

  // Adds `text`; false when it reduces to nothing (a lone hyphen).
  bool add(const std::string& text, const std::string& value) {
    Document d;
    d.text = text;
    segment(d);
    Stream st = make_stream(d);
    if (st.s.empty() || st.s.find(kBlock) != std::string::npos) return false;
    Form f;
    f.s = st.s;
    f.value = value;
    // Parsed once: scales multiply and number words add up on every hit.
    f.has_dec = dec_parse(value, &f.dec);
    char* endp = nullptr;
    f.integer = std::strtoll(value.c_str(), &endp, 10);
    f.is_integer = endp && *endp == '\0';
    f.words = static_cast<uint32_t>(d.tokens.size());
    for (uint32_t w = 0; w < d.tokens.size(); ++w) {
      // A word written in capitals, of at most five letters, is a code or an
      // abbreviation matched case-sensitively ("US", never the pronoun "us").
      std::string_view surf = d.slice(d.tokens[w].span);
      const auto* p = reinterpret_cast<const uint8_t*>(surf.data());
      int32_t n = static_cast<int32_t>(surf.size()), letters = 0;
      bool all_upper = true;
      for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (u_isalpha(c)) {
          ++letters;
          all_upper = all_upper && u_isupper(c);
        }
      }
      if (letters > 0 && letters <= 5 && all_upper) f.caps.emplace_back(w, std::string(surf));
    }
    size_t word_bytes = 0;
    for (const auto& t : d.tokens) word_bytes += t.key.size() + 2;
    f.code_or_symbol = !f.caps.empty() || word_bytes != f.s.size();
    f.ends_dot = f.s.back() == '.';
    if (f.words == 1 && word_bytes == f.s.size()) {
      const std::string_view k = d.tokens[0].key;
      int32_t cps = 0;
      for (unsigned char c : k) cps += (c & 0xC0) != 0x80;
      f.one_letter = cps == 1;
      single.emplace(k, static_cast<uint32_t>(forms.size()));
    }
    uint32_t idx = static_cast<uint32_t>(forms.size());
    std::string_view first = unit_at(f.s, 0);
    if (Lists::is_word(first)) first_words.emplace_back(first.substr(1, first.size() - 2));
    by_first.add(first, idx);
    by_last.add(unit_before(f.s, f.s.size()), idx);
    forms.push_back(std::move(f));
    return true;
  }
};

// The units that forms start (or end) with, over all classes at once: the
// finder asks several classes about one stream position (scale, currency
// and percent after a number; approx, upto, currency and range_from before
// it; every item ender after a word), and one lookup serves them all.
constexpr size_t kClasses = 13;
struct UnitIndex {
  using Row = std::array<const std::vector<uint32_t>*, kClasses>;  // per class id
  KeyTable index;                                                  // unit -> row
  std::vector<Row> rows;
  KeyFilter words;  // as in FormSet::Lists
  // `lists` must outlive the index.
  void add(const FormSet::Lists& lists, uint32_t cls) {
    for (size_t k = 0; k < lists.units.size(); ++k) {
      const std::string& unit = lists.units[k];
      uint32_t row = index.emplace(unit, static_cast<uint32_t>(rows.size()));
      if (row == rows.size()) rows.emplace_back();
      rows[row][cls] = &lists.lists[k];
      if (FormSet::Lists::is_word(unit)) words.add(FormSet::Lists::filter_key(unit));
    }
  }
  const Row* find(std::string_view unit) const {
    if (FormSet::Lists::is_word(unit) && !words.may_contain(FormSet::Lists::filter_key(unit)))
      return nullptr;
    uint32_t at = index.get(unit, UINT32_MAX);
    return at == UINT32_MAX ? nullptr : &rows[at];
  }
};

struct Hit {
  const Form* form = nullptr;
  uint32_t begin = 0, end = 0;  // stream positions
  explicit operator bool() const { return form != nullptr; }
};

struct NumHit {
  std::string value;   // canonical
  uint32_t last = 0;   // last token
  uint32_t end = 0;    // stream position after the number
  bool word = false;   // spelled out
  bool weak = false;   // a weak_number word ("نه" is also "no"): counts only when scaled
  bool plain = false;  // a single token of ASCII digits only (year candidate)
  // A scale, currency or percent written onto the number ("5m", "2.5bn", "5zł").
  const Form* attached = nullptr;
  int attached_class = 0;  // 1 scale, 2 currency, 3 percent
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "ddd" groups separated by single spaces ("410 000", as a U+202F-joined key).
bool space_groups(std::string_view s, size_t first_max) {
  size_t b = 0;
  bool first = true;
  while (true) {
    size_t e = s.find(' ', b);
    std::string_view g = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    // first_max 0: every group has exactly three digits.
    if (!all_digits(g) || (first && first_max ? g.size() > first_max : g.size() != 3)) return false;
    if (e == std::string_view::npos) return true;
    first = false;
    b = e + 1;
  }
}

}  // namespace

// ---------------------------------------------------------------------------

bool parse_number(const std::string& text, const std::string& lang, std::string* canonical) {
  // Plain ASCII digits, most numbers in text, are one group: their canonical
  // form only loses leading zeros.
  if (all_digits(text)) {
    size_t z = text.find_first_not_of('0');
    if (canonical) *canonical = z == std::string::npos ? "0" : text.substr(z);
    return true;
  }
  // Reduce to digits, '.', ',', 'D' (explicit decimal) and 'G' (explicit group).
  std::string s;
  s.reserve(text.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {  // ASCII without ICU: the same classes
      char c = static_cast<char>(p[i++]);
      if ((c >= '0' && c <= '9') || c == '.' || c == ',')
        s.push_back(c);
      else if (c == '\'' || c == ' ' || (c >= '\t' && c <= '\r'))  // ASCII white space
        s.push_back('G');
      else
        return false;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (u_isdigit(c)) {
      int32_t v = u_charDigitValue(c);
      if (v < 0 || v > 9) return false;
      s.push_back(static_cast<char>('0' + v));
    } else if (c == '.' || c == ',') {
      s.push_back(static_cast<char>(c));
    } else if (c == 0x066B) {
      s.push_back('D');
    } else if (c == 0x066C || c == '\'' || c == 0x2019 || is_space_cp(c)) {
      s.push_back('G');
    } else {
      return false;
    }
  }
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front())) ||
      !std::isdigit(static_cast<unsigned char>(s.back())))
    return false;
  size_t n_dot = 0, n_com = 0, n_dec = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool sep = !std::isdigit(static_cast<unsigned char>(s[i]));
    if (sep && !std::isdigit(static_cast<unsigned char>(s[i + 1]))) return false;  // "1..2"
    n_dot += s[i] == '.';
    n_com += s[i] == ',';
    n_dec += s[i] == 'D';
  }
  size_t dec = std::string::npos;
  if (n_dec > 1) return false;
  if (n_dec == 1) {
    dec = s.find('D');
  } else if (n_dot && n_com) {
    size_t last = std::max(s.rfind('.'), s.rfind(','));
    if ((s[last] == '.' ? n_dot : n_com) != 1) return false;
    dec = last;
  } else if (n_dot + n_com == 1) {
    char c = n_dot ? '.' : ',';
    size_t pos = s.find(c);
    size_t after = 0;
    while (pos + 1 + after < s.size() &&
           std::isdigit(static_cast<unsigned char>(s[pos + 1 + after])))
      ++after;
    bool at_end = pos + 1 + after == s.size();
    Seps loc = locale_seps(lang);
    if (!at_end) return false;  // "1,5 000": a separator after the decimal point
    // The locale's decimal separator is one; any other lone separator groups
    // when exactly three digits follow ("1.100" in Polish, "1,100" in English).
    if (c == loc.dec || after != 3) dec = pos;
  }
  // Grouped integer part: first group 1-3 digits, then groups of exactly 3.
  std::string_view ip = std::string_view(s).substr(0, dec);
  std::string digits;
  digits.reserve(s.size());
  size_t groups = 0, b = 0;
  while (b <= ip.size()) {
    size_t e = b;
    while (e < ip.size() && std::isdigit(static_cast<unsigned char>(ip[e]))) ++e;
    size_t len = e - b;
    ++groups;
    digits.append(ip.substr(b, len));
    if (e == ip.size()) {
      if (groups > 1 && len != 3) return false;
      break;
    }
    if (groups == 1 ? (len < 1 || len > 3) : len != 3) return false;
    b = e + 1;
  }
  Dec d;
  d.digits = std::move(digits);
  if (dec != std::string::npos) {
    std::string_view fp = std::string_view(s).substr(dec + 1);
    if (!all_digits(fp)) return false;
    d.digits.append(fp);
    d.exp = -static_cast<int32_t>(fp.size());
  }
  if (canonical) *canonical = dec_str(d);
  return true;
}

// ---------------------------------------------------------------------------

struct AmountFinder::Impl {
  std::string lang;
  uint64_t serial = next_serial();  // names this finder's answers kept by key id
  DateFinder dates;
  FormSet scale, currency, number, percent, approx, upto, range_sep, range_from, range_and,
      number_join, over, item_stop, weak_number;
  std::vector<std::string> range_syms;  // symbol range separators as match keys: "-", "–"
  // The classes that end a counted item.
  std::array<const FormSet*, 11> item_enders{&scale,     &currency, &number,    &percent,
                                             &approx,    &upto,     &range_sep, &range_from,
                                             &range_and, &over,     &item_stop};
  UnitIndex first_units, last_units;  // by_first and by_last of every class
  WordSet number_words;               // the words that number forms start with

  Impl(const Impl&) = delete;  // item_enders points into this
  explicit Impl(const LangPack& pack) : lang(pack.lang), dates(pack) {
    std::unordered_map<std::string, FormSet*> sets{{"scale", &scale},
                                                   {"currency", &currency},
                                                   {"number", &number},
                                                   {"percent", &percent},
                                                   {"approx", &approx},
                                                   {"upto", &upto},
                                                   {"range_sep", &range_sep},
                                                   {"range_from", &range_from},
                                                   {"range_and", &range_and},
                                                   {"number_join", &number_join},
                                                   {"over", &over},
                                                   {"item_stop", &item_stop},
                                                   {"weak_number", &weak_number}};
    for (const auto& row : pack.numbers) {
      auto it = sets.find(row.cls);
      if (it == sets.end()) continue;
      for (const auto& f : row.forms) {
        if (row.cls == "range_sep" && key_tokens(f).empty()) {
          range_syms.push_back(match_key(f));
          continue;
        }
        it->second->add(f, row.value);
      }
    }
    uint32_t id = 0;
    for (FormSet* fs : {&scale, &currency, &number, &percent, &approx, &upto, &range_sep,
                        &range_from, &range_and, &number_join, &over, &item_stop, &weak_number}) {
      fs->id = id;
      first_units.add(fs->by_first, id);
      last_units.add(fs->by_last, id);
      ++id;
    }
    for (const std::string& w : number.first_words) number_words.add(w);
  }
};

namespace {

// What the finder made of a thread's keys, by key id (KeyMemo's scheme):
// news repeats its words, and each answer depends on the key alone.
struct KeyAnswers {
  uint64_t finder = 0, keys = 0;  // Impl::serial, Document::key_serial
  std::vector<uint8_t> known;     // number_starts' flags
  // The UnitIndex row of the key's framed form, first_units' and
  // last_units': 0 not known yet, 1 none, else 2 + the row.
  std::vector<uint16_t> first, last;
};

// One run of the finder over one document.
class Run {
 public:
  Run(const AmountFinder::Impl& m, const Document& d, const std::vector<DateHit>& dates)
      : m_(m), d_(d), tk_(d.tokens), st_(article_stream(d)), excluded_(d.tokens.size(), false) {
    lang_ = m.lang.empty() ? d.lang : m.lang;
    for (const auto& h : dates)
      for (uint32_t k = h.first; k <= h.last && k < excluded_.size(); ++k) excluded_[k] = true;
  }

  std::vector<Amount> find() {
    std::vector<Amount> out;
    uint32_t consumed = 0;  // stream position where the previous amount ended
    uint32_t from = 0;      // the first token after the previous attempt
    const std::vector<uint32_t>& starts = number_starts();
    out.reserve(starts.size());  // at most one amount starts at each; the vector is short-lived
    for (uint32_t i : starts) {
      if (i < from || excluded_[i] || st_.start[i] < consumed) continue;
      hint_ = i;
      Amount a;
      uint32_t end = 0, next = i + 1;
      bool found = expression_at(i, consumed, &a, &end, &next);
      from = next;  // past a rejected run of digit groups too: keeps this linear
      if (!found) continue;
      out.push_back(std::move(a));
      consumed = end;
    }
    return out;
  }

 private:
  // The tokens where a number may start, in order: numbers, tokens starting
  // with a digit and the first words of number words. Most tokens are none,
  // and the scan passes them over without building anything; a plain key's
  // stream unit is its framed key, so it is looked up as it is, and the
  // answer depends on the key alone: kept by key id (KeyMemo's scheme), news
  // repeats its words. Finds out plain_keys_ on the way.
  const std::vector<uint32_t>& number_starts() {
    thread_local std::vector<uint32_t> starts;  // no allocation per article
    starts.clear();
    const Token* tk = tk_.data();
    const auto n = static_cast<uint32_t>(tk_.size());
    // Answers by key id, read through locals: stores into `starts` could
    // alias the memo's fields for the compiler.
    memo_ = start_memo();
    std::vector<uint8_t>* memo = memo_ ? &memo_->known : nullptr;
    const uint8_t* known_of = memo ? memo->data() : nullptr;
    size_t ids = memo ? memo->size() : 0;
    constexpr uint8_t kKnown = 1, kStarts = 2, kHoldsWord = 4;  // 0: not known yet
    uint8_t all = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const Token& t = tk[i];
      const uint32_t kid = t.key_id;
      uint8_t known = kid < ids ? known_of[kid] : 0;
      if (!known) {
        known = kKnown | (digit_first(t.key) || m_.number_words.contains(t.key) ? kStarts : 0) |
                (holds_kword(t.key) ? kHoldsWord : 0);
        if (memo && kid) {  // id 0: none
          if (kid >= memo->size()) memo->resize(kid + 1 + kid / 2, 0);
          (*memo)[kid] = known;
          known_of = memo->data();
          ids = memo->size();
        }
      }
      all |= known;
      if (t.is_number || (known & kStarts)) starts.push_back(i);
    }
    plain_keys_ = !(all & kHoldsWord);
    if (!plain_keys_) {  // the framed key of such a key is no unit: look up the stream's
      starts.clear();
      for (uint32_t i = 0; i < n; ++i)
        if (tk[i].is_number || digit_first(tk[i].key) ||
            m_.number.by_first.find(token_unit(i)) != nullptr)
          starts.push_back(i);
    }
    return starts;
  }
  static bool digit_first(std::string_view k) { return !k.empty() && k[0] >= '0' && k[0] <= '9'; }
  // This thread's answers for this finder by the document's key ids, or
  // null when its tokens carry none. Finders of several languages take
  // turns on one thread's key ids.
  KeyAnswers* start_memo() const {
    thread_local std::vector<KeyAnswers> memos;
    if (d_.key_serial == 0) return nullptr;
    auto it = std::find_if(memos.begin(), memos.end(),
                           [&](const KeyAnswers& m) { return m.finder == m_.serial; });
    if (it == memos.end()) {
      if (memos.size() >= 8) memos.erase(memos.begin());  // finders come and go (tests)
      it = memos.insert(memos.end(), KeyAnswers{m_.serial, 0, {}, {}, {}});
    }
    if (it->keys != d_.key_serial) {  // a new numbering: the ids mean other keys
      it->keys = d_.key_serial;
      it->known.clear();
      it->first.clear();
      it->last.clear();
    }
    return &*it;
  }

  // First token whose key starts at or after stream position `pos`
  // (std::lower_bound over the starts).
  uint32_t token_from(uint32_t pos) const {
    return first_past(st_.start, [pos](uint32_t v) { return v >= pos; });
  }
  // Last token whose key ends at or before stream position `pos` (or -1):
  // std::upper_bound over the ends, less one.
  int64_t token_to(uint32_t pos) const {
    return int64_t{first_past(st_.end, [pos](uint32_t v) { return v > pos; })} - 1;
  }
  // The first index of `a` (ascending) whose value `past` holds, or a.size().
  // The positions asked about are a few tokens from the one being tried
  // (hint_): a few steps from it, then a binary search of the rest.
  template <class Past>
  uint32_t first_past(const std::vector<uint32_t>& a, Past past) const {
    const uint32_t* v = a.data();
    const auto n = static_cast<uint32_t>(a.size());
    uint32_t t = hint_ < n ? hint_ : n - 1;  // n > 0: find() runs on tokens only
    if (past(v[t])) {                        // the answer is t or before it
      for (int k = 0; k < 4; ++k, --t)
        if (t == 0 || !past(v[t - 1])) return t;
      return static_cast<uint32_t>(
          std::partition_point(v, v + t, [&](uint32_t x) { return !past(x); }) - v);
    }
    for (int k = 0; k < 4; ++k)  // after it
      if (++t == n || past(v[t])) return t;
    return static_cast<uint32_t>(
        std::partition_point(v + t + 1, v + n, [&](uint32_t x) { return !past(x); }) - v);
  }

  bool caps_ok(const Form& f, uint32_t begin) const {
    if (f.caps.empty()) return true;
    uint32_t t0 = token_from(begin);
    for (const auto& [w, surf] : f.caps) {
      if (t0 + w >= tk_.size() || d_.slice(tk_[t0 + w].span) != surf) return false;
    }
    return true;
  }

  // The forms of every class starting (ending) at stream position `c`
  // (`p`), looked up only when it is not the position asked last: the finder
  // asks several classes in a row about one position, and that test stays
  // inline, the lookup not. At a token's start (end) the unit is the token's
  // framed key, whose row is kept by key id.
  const UnitIndex::Row* first_row(uint32_t c) const {
    if (c != first_at_) {
      first_at_ = c;
      first_row_ = find_first(c);
    }
    return first_row_;
  }
  [[gnu::noinline]] const UnitIndex::Row* find_first(uint32_t c) const {
    if (plain_keys_)
      if (uint32_t t = token_from(c); t < tk_.size() && st_.start[t] == c)
        return key_row(m_.first_units, &KeyAnswers::first, t);
    return m_.first_units.find(unit_at(st_.s, c));
  }
  const UnitIndex::Row* last_row(uint32_t p) const {
    if (p != last_at_) {
      last_at_ = p;
      last_row_ = find_last(p);
    }
    return last_row_;
  }
  [[gnu::noinline]] const UnitIndex::Row* find_last(uint32_t p) const {
    if (plain_keys_)
      if (int64_t t = token_to(p); t >= 0 && st_.end[static_cast<size_t>(t)] == p)
        return key_row(m_.last_units, &KeyAnswers::last, static_cast<uint32_t>(t));
    return m_.last_units.find(unit_before(st_.s, p));
  }
  // `index`'s row of token t's framed key (a plain key), kept in `rows`:
  // known, it is a load here; else looked up out of line.
  const UnitIndex::Row* key_row(const UnitIndex& index, std::vector<uint16_t> KeyAnswers::*rows,
                                uint32_t t) const {
    const uint32_t kid = tk_[t].key_id;
    std::vector<uint16_t>* known = memo_ && kid ? &(memo_->*rows) : nullptr;  // id 0: none
    if (known && kid < known->size() && (*known)[kid]) {
      const uint16_t r = (*known)[kid];
      return r == 1 ? nullptr : &index.rows[r - 2];
    }
    return learn_row(index, known, t);
  }
  [[gnu::noinline]] const UnitIndex::Row* learn_row(const UnitIndex& index,
                                                    std::vector<uint16_t>* known,
                                                    uint32_t t) const {
    const UnitIndex::Row* row = index.find(token_unit(t));
    if (known && index.rows.size() < UINT16_MAX - 2) {
      const uint32_t kid = tk_[t].key_id;
      if (kid >= known->size()) known->resize(kid + 1 + kid / 2, 0);
      (*known)[kid] = static_cast<uint16_t>(row ? row - index.rows.data() + 2 : 1);
    }
    return row;
  }
  static const std::vector<uint32_t>* of(const UnitIndex::Row* row, const FormSet& fs) {
    return row ? (*row)[fs.id] : nullptr;
  }

  // Longest form of `fs` starting at stream position `c`.
  Hit fwd(const FormSet& fs, uint32_t c) const { return fwd(fs, c, of(first_row(c), fs)); }
  // The same at the start of token i, whose framed key is its first unit
  // unless the key holds a kWord itself.
  Hit fwd_token(const FormSet& fs, uint32_t i) const {
    return fwd(fs, st_.start[i], of(token_row(i), fs));
  }
  const UnitIndex::Row* token_row(uint32_t i) const {
    const uint32_t c = st_.start[i];
    if (c != first_at_) {
      first_at_ = c;
      first_row_ = plain_keys_ ? key_row(m_.first_units, &KeyAnswers::first, i) : find_first(c);
    }
    return first_row_;
  }
  std::string_view token_unit(uint32_t i) const {
    uint32_t c = st_.start[i];
    return plain_keys_ ? std::string_view(st_.s).substr(c, st_.end[i] - c) : unit_at(st_.s, c);
  }
  // Most classes have no form at a position: that answer stays inline.
  Hit fwd(const FormSet& fs, uint32_t c, const std::vector<uint32_t>* list) const {
    return list ? fwd_list(fs, c, *list) : Hit{};
  }
  [[gnu::noinline]] Hit fwd_list(const FormSet& fs, uint32_t c,
                                 const std::vector<uint32_t>& list) const {
    Hit best;
    for (uint32_t idx : list) {
      const Form& f = fs.forms[idx];
      if (best && f.s.size() <= best.end - best.begin) continue;
      if (st_.s.compare(c, f.s.size(), f.s) != 0 || !caps_ok(f, c)) continue;
      best = Hit{&f, c, static_cast<uint32_t>(c + f.s.size())};
    }
    return best;
  }

  // Longest form of `fs` ending at stream position `p`.
  Hit bwd(const FormSet& fs, uint32_t p) const {
    const auto* list = of(last_row(p), fs);
    return list ? bwd_list(fs, p, *list) : Hit{};
  }
  [[gnu::noinline]] Hit bwd_list(const FormSet& fs, uint32_t p,
                                 const std::vector<uint32_t>& list) const {
    Hit best;
    for (uint32_t idx : list) {
      const Form& f = fs.forms[idx];
      if (f.s.size() > p || (best && f.s.size() <= best.end - best.begin)) continue;
      uint32_t b = static_cast<uint32_t>(p - f.s.size());
      if (st_.s.compare(b, f.s.size(), f.s) != 0 || !caps_ok(f, b)) continue;
      best = Hit{&f, b, p};
    }
    return best;
  }

  // A hit following token `prev` belongs to the same expression: its words
  // are in prev's sentence, unless an abbreviation's dot ("Mrd. Euro") made
  // ICU start a new sentence.
  bool follows(uint32_t prev, const Hit& h) const {
    uint32_t t = token_from(h.begin);
    if (t >= tk_.size() || st_.start[t] >= h.end) return true;  // symbols only
    if (tk_[t].sentence == tk_[prev].sentence) return true;
    return h.begin > 0 && st_.s[h.begin - 1] == '.';
  }
  // A hit before token `next` belongs to the same expression.
  bool precedes(const Hit& h, uint32_t next) const {
    int64_t t = token_to(h.end);
    if (t < 0 || st_.end[static_cast<size_t>(t)] <= h.begin) return true;  // symbols only
    return tk_[static_cast<size_t>(t)].sentence == tk_[next].sentence || h.form->ends_dot;
  }

  std::string_view raw_gap(uint32_t j) const {  // text between tokens j-1 and j
    uint32_t b = j ? tk_[j - 1].span.end : 0;
    return std::string_view(d_.text).substr(b, tk_[j].span.begin - b);
  }
  static std::string_view trim_space(std::string_view g) {
    auto sp = [](char c) { return c == ' ' || c == '\t'; };
    while (!g.empty() && sp(g.front())) g.remove_prefix(1);
    while (!g.empty() && sp(g.back())) g.remove_suffix(1);
    return g;
  }
  // Exactly one space character (any kind) between tokens j-1 and j.
  bool single_space(uint32_t j) const {
    std::string_view g = raw_gap(j);
    const auto* p = reinterpret_cast<const uint8_t*>(g.data());
    int32_t n = static_cast<int32_t>(g.size()), i = 0;
    if (n == 0) return false;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    return i == n && c != '\n' && c != '\r' && is_space_cp(c);
  }
  bool same_sentence(uint32_t a, uint32_t b) const {
    return a < tk_.size() && b < tk_.size() && tk_[a].sentence == tk_[b].sentence;
  }

  // A number starting at token i: digits (with grouping across spaces), digits
  // with a scale/currency/percent written on ("5m"), or number words.
  bool number_at(uint32_t i, NumHit* out) const {
    const Token& t = tk_[i];
    if (excluded_[i]) return false;
    if (t.is_number) {
      // "410 000": separate tokens joined by one space, each later group of
      // exactly three digits; a decimal part ("410 000,5") ends the number.
      uint32_t j = i;
      const bool digits = all_digits(t.key);
      if (digits ? t.key.size() <= 3 : space_groups(t.key, 3)) {  // digits alone: one group
        // At most five more groups (10^18): longer runs of digit groups are
        // tables or noise, and capping keeps hostile input linear.
        while (j + 1 < tk_.size() && j - i < 5 && tk_[j + 1].is_number && !excluded_[j + 1] &&
               same_sentence(j, j + 1) && single_space(j + 1)) {
          std::string_view k = tk_[j + 1].key;
          size_t sep = std::min(k.find_first_of(".,"), k.find("\xd9\xab"));  // U+066B
          if (!space_groups(k.substr(0, sep), 0)) break;
          if (sep != std::string_view::npos) {
            size_t frac = k[sep] == '\xd9' ? sep + 2 : sep + 1;
            if (!all_digits(k.substr(frac))) break;
          }
          ++j;
          if (sep != std::string_view::npos) break;
        }
      }
      out->last = j;
      out->end = st_.end[j];
      out->plain = j == i && digits;
      if (out->plain) {  // parse_number's first case, without copying the key
        const std::string_view k = t.key;
        const size_t z = k.find_first_not_of('0');
        out->value.assign(z == std::string_view::npos ? std::string_view("0") : k.substr(z));
        return true;
      }
      // A narrow no-break space is a number connector for ICU, so "70\u202F%"
      // is the token "70 " (keys turn every space into U+0020).
      std::string text(t.key);
      while (!text.empty() && text.back() == ' ') text.pop_back();
      for (uint32_t k = i + 1; k <= j; ++k) {
        text += ' ';
        text += tk_[k].key;
      }
      return parse_number(text, lang_, &out->value);
    }
    if (!t.key.empty() && t.key[0] >= '0' && t.key[0] <= '9') {
      size_t k = t.key.find_first_not_of("0123456789., ");
      if (k == std::string::npos) return false;
      std::string num(t.key.substr(0, k));
      while (!num.empty() && (num.back() == '.' || num.back() == ',' || num.back() == ' '))
        num.pop_back();
      std::string_view suffix = std::string_view(t.key).substr(k);
      const FormSet* sets[] = {&m_.scale, &m_.currency, &m_.percent};
      for (int c = 0; c < 3; ++c) {
        uint32_t form = sets[c]->single.get(suffix, FormSet::kNoForm);
        if (form == FormSet::kNoForm) continue;
        if (!parse_number(num, lang_, &out->value)) return false;
        out->attached = &sets[c]->forms[form];
        out->attached_class = c + 1;
        out->last = i;
        out->end = st_.end[i];
        return true;
      }
      return false;
    }
    Hit h = fwd_token(m_.number, i);
    if (!h) return false;
    if (!h.form->has_dec) return false;
    long long total = h.form->integer;
    const bool integer = h.form->is_integer;
    uint32_t last = static_cast<uint32_t>(token_to(h.end));
    uint32_t end = h.end;
    // "twenty five", "three hundred", "بیست و پنج".
    while (integer && last + 1 < tk_.size()) {
      uint32_t c = end;
      if (Hit j = fwd(m_.number_join, c); j && follows(last, j)) c = j.end;
      Hit nx = fwd(m_.number, c);
      if (!nx || !follows(last, nx)) break;
      if (!nx.form->is_integer) break;
      const long long v = nx.form->integer;
      if (v == 100 && total > 0 && total < 10) {
        total *= 100;
      } else if ((total >= 20 && total < 100 && total % 10 == 0 && v > 0 && v < 10) ||
                 (total >= 100 && total % 100 == 0 && v > 0 && v < 100)) {
        total += v;
      } else {
        break;
      }
      last = static_cast<uint32_t>(token_to(nx.end));
      end = nx.end;
    }
    out->value = integer ? std::to_string(total) : dec_str(h.form->dec);
    out->last = last;
    out->end = end;
    out->word = true;
    if (Hit w = fwd_token(m_.weak_number, i); w && w.end == end) out->weak = true;
    return true;
  }

  // Second number of a range after `a` ("10-15", "10 do 15", "zwischen 10
  // und 15"): its NumHit when it is larger than the first.
  bool range_after(const NumHit& a, bool opened, NumHit* b) const {
    uint32_t j = a.last + 1;
    if (a.attached || j >= tk_.size() || !same_sentence(a.last, j)) return false;
    bool sep = false;
    if (std::string_view gap = trim_space(raw_gap(j)); !gap.empty()) {  // mostly a space
      std::string key = match_key(gap);
      sep = !key.empty() && is_range_sym_key(key);
    }
    if (!sep) {
      Hit h = fwd(m_.range_sep, a.end);
      if (!h && opened) h = fwd(m_.range_and, a.end);
      if (h && follows(a.last, h)) {
        j = token_from(h.end);
        // An optional repeated currency sign: "$10 to $15 million".
        sep = j < tk_.size() &&
              (st_.start[j] == h.end || bwd(m_.currency, st_.start[j]).begin == h.end);
      }
    }
    if (!sep || j >= tk_.size() || !same_sentence(a.last, j) || !number_at(j, b)) return false;
    return dec_cmp(b->value, a.value) > 0;
  }

  bool is_range_sym_key(std::string_view key) const {
    return std::find(m_.range_syms.begin(), m_.range_syms.end(), key) != m_.range_syms.end();
  }

  // Whether token k can be part of an item: not a number-class word.
  bool stops_item(uint32_t k) const {
    const UnitIndex::Row* row = token_row(k);
    if (!row) return false;
    for (const FormSet* fs : m_.item_enders)
      if (const auto* list = (*row)[fs->id]; list && fwd_list(*fs, st_.start[k], *list))
        return true;
    return false;
  }

  // A model designation: a number glued to a capitalised word ("Boeing
  // 787-9", "F-16", "Boeing 787."), not a count. A word after it keeps it a
  // count: German capitalises nouns ("hat der Konzern 20 Flugzeuge").
  bool model_number(const NumHit& a, uint32_t i) const {
    if (i == 0 || a.word || !same_sentence(i - 1, i) || tk_[i].gap_before) return false;
    const Token& prev = tk_[i - 1];
    if (!prev.upper || prev.is_number) return false;
    if (raw_gap(i).find('-') != std::string_view::npos) return true;
    uint32_t j = a.last + 1;
    // Nothing counted after it: "a Boeing 787.", "a Boeing 787 and ...".
    if (j >= tk_.size() || !same_sentence(a.last, j) || tk_[j].gap_before || stops_item(j))
      return true;
    return tk_[j].is_number && raw_gap(j).find('-') != std::string_view::npos;
  }

  // Not a count: a number glued by a symbol to a neighbour ending or
  // starting with a digit ("10:30", "06/11", "C5+1"), or an ordinal written
  // with a dot inside a sentence ("80. tygodnia", "den 10. Jahrestag").
  bool designation_or_ordinal(uint32_t first, uint32_t last) const {
    auto glued = [&](uint32_t j) {  // tokens j-1 and j
      if (!same_sentence(j - 1, j)) return false;
      std::string_view g = raw_gap(j);
      if (g.empty() || g.find_first_of(" \t\n\r") != std::string_view::npos) return false;
      const std::string_view pk = tk_[j - 1].key;
      const std::string_view nk = tk_[j].key;
      return (j - 1 == last || j == first) && !pk.empty() && !nk.empty() &&
             (j == first ? pk.back() >= '0' && pk.back() <= '9' : nk[0] >= '0' && nk[0] <= '9');
    };
    if (first > 0 && glued(first)) return true;
    if (last + 1 >= tk_.size()) return false;
    if (glued(last + 1)) return true;
    std::string_view after = raw_gap(last + 1);
    return !after.empty() && after[0] == '.' && trim_space(after.substr(1)).empty() &&
           same_sentence(last, last + 1);
  }

  // "787-9", "3-1": a number hyphenated to another number without making a
  // range with it is a designation or a score.
  bool glued_to_number(uint32_t first, uint32_t last) const {
    auto glued = [&](uint32_t j) {  // tokens j-1 and j
      if (!tk_[j - 1].is_number || !tk_[j].is_number || !same_sentence(j - 1, j)) return false;
      std::string_view gap = trim_space(raw_gap(j));
      if (gap.empty()) return is_range_sym_key({});  // match_key("") is ""
      std::string key = match_key(gap);
      return key == "-" || is_range_sym_key(key);
    };
    return (first > 0 && glued(first)) || (last + 1 < tk_.size() && glued(last + 1));
  }

  static bool year_like(const NumHit& a) {
    if (!a.plain || a.value.size() != 4) return false;
    int y = std::atoi(a.value.c_str());
    return y >= 1900 && y <= 2100;
  }

  bool expression_at(uint32_t i, uint32_t consumed, Amount* am, uint32_t* end_pos,
                     uint32_t* next_tok) const {
    NumHit a;
    if (!number_at(i, &a)) return false;
    if (!a.word) *next_tok = a.last + 1;
    uint32_t start = st_.start[i];
    std::string_view currency;  // a form's value
    // Currency sign or code before the number: "$300", "US$ 2", "USD 5m".
    if (Hit h = bwd(m_.currency, start);
        h && h.begin >= consumed && h.form->code_or_symbol && precedes(h, i)) {
      currency = h.form->value;
      start = h.begin;
    }
    Hit opener = bwd(m_.range_from, start);
    if (opener && (opener.begin < consumed || !precedes(opener, i))) opener = Hit{};

    NumHit b;
    bool range = range_after(a, static_cast<bool>(opener), &b);
    if (range && a.word != b.word) range = false;
    const NumHit& tail = range ? b : a;  // what the scale and unit follow
    uint32_t last = tail.last, cursor = tail.end;
    if (!range) opener = Hit{};
    if (opener) start = opener.begin;

    Dec mult{"1", 0};
    bool one_letter = false;
    int unit = 0;  // 2 currency, 3 percent
    if (tail.attached_class == 1) {
      if (tail.attached->has_dec) mult = tail.attached->dec;
      one_letter = tail.attached->one_letter;
    } else if (tail.attached_class == 2) {
      if (!currency.empty() && currency != tail.attached->value) return false;
      currency = tail.attached->value;
    } else if (tail.attached_class == 3) {
      unit = 3;
    }
    uint32_t pre_scale_last = last, pre_scale_cursor = cursor;
    for (int k = 0; k < 2 && tail.attached_class != 2 && !unit; ++k) {
      Hit h = fwd(m_.scale, cursor);
      if (!h || !follows(last, h)) break;
      if (!h.form->has_dec) break;
      mult = dec_mul(mult, h.form->dec);
      one_letter = one_letter || h.form->one_letter;
      last = static_cast<uint32_t>(token_to(h.end));
      cursor = h.end;
    }
    if (!unit && currency.empty()) {
      if (Hit h = fwd(m_.currency, cursor); h && follows(last, h)) {
        currency = h.form->value;
        last = static_cast<uint32_t>(std::max<int64_t>(last, token_to(h.end)));
        cursor = h.end;
      } else if (Hit p = fwd(m_.percent, cursor); p && follows(last, p)) {
        unit = 3;
        last = static_cast<uint32_t>(std::max<int64_t>(last, token_to(p.end)));
        cursor = p.end;
      }
    }
    AmountKind kind = !currency.empty() ? AmountKind::Money
                      : unit == 3       ? AmountKind::Percent
                                        : AmountKind::Count;
    // A one-letter scale ("5m", "$3 m") only in money: "5 m" is five metres.
    if (one_letter && kind != AmountKind::Money) {
      if (tail.attached_class == 1) return false;
      mult = Dec{};
      mult.digits = "1";
      last = pre_scale_last;
      cursor = pre_scale_cursor;
      kind = AmountKind::Count;
    }
    bool scaled = mult.digits != "1" || mult.exp != 0;
    if (kind == AmountKind::Count) {
      if (a.word && (a.value == "1" || a.weak) && !scaled) return false;  // "ein", "one", "یک"
      if (year_like(a) && !scaled) return false;
      if (!range && !scaled && model_number(a, i)) return false;
      if (designation_or_ordinal(i, tail.last) || glued_to_number(i, tail.last)) return false;
    }

    // Approximation and upper-bound words right before: "rund", "bis zu".
    bool approx = false, up_to = false;
    for (int k = 0; k < 3; ++k) {
      Hit h = bwd(m_.approx, start), u = bwd(m_.upto, start);
      if (h && (h.begin < consumed || !precedes(h, i))) h = Hit{};
      if (u && (u.begin < consumed || !precedes(u, i))) u = Hit{};
      if (!h && !u) break;
      if (u && (!h || u.end - u.begin > h.end - h.begin)) {
        up_to = true;
        start = u.begin;
      } else {
        approx = true;
        start = h.begin;
      }
    }

    am->kind = kind;
    am->first = std::min(token_from(start), i);
    am->last = last;
    if (scaled) {
      dec_scale(a.value, mult, &am->value);
      if (range) dec_scale(b.value, mult, &am->high);
    } else {  // times one: as dec_scale has it, and the numbers are done with
      am->value = std::move(a.value);
      if (range) am->high = std::move(b.value);
    }
    am->currency = currency;
    am->approximate = approx;
    am->up_to = up_to;
    *end_pos = cursor;
    *next_tok = last + 1;

    // What is counted, or what the share is of.
    if (kind != AmountKind::Money) {
      uint32_t k = last + 1;
      uint32_t taken = 0;
      bool model = false;  // the previous item word admits a model number
      while (taken < 3 && k < tk_.size() && st_.start[k] == (taken ? st_.end[k - 1] : cursor) &&
             same_sentence(last, k) && !excluded_[k]) {
        const Token& t = tk_[k];
        bool numeric = t.is_number || (!t.key.empty() && t.key[0] >= '0' && t.key[0] <= '9');
        // A number right after a spelled-out count is a model: "vier 787".
        if (numeric ? !(model || (!taken && a.word && !range && !scaled)) : stops_item(k)) break;
        model = taken < 2 && (numeric || (t.upper && !t.is_number));
        if (!taken) am->item_first = k;
        am->item_last = k;
        ++taken;
        ++k;
      }
      if (taken) {
        am->has_item = true;
        *next_tok = am->item_last + 1;
        *end_pos = st_.end[am->item_last];
      }
    }
    return true;
  }

  const AmountFinder::Impl& m_;
  const Document& d_;
  const std::vector<Token>& tk_;
  const Stream& st_;  // article_stream's buffer: one Run at a time per thread
  std::vector<bool> excluded_;
  bool plain_keys_ = true;      // no key holds a kWord (number_starts finds out)
  uint32_t hint_ = 0;           // the token tried (first_past)
  KeyAnswers* memo_ = nullptr;  // number_starts sets it
  std::string lang_;
  // The stream positions asked about last and their rows (first_row, last_row).
  mutable uint32_t first_at_ = UINT32_MAX, last_at_ = UINT32_MAX;
  mutable const UnitIndex::Row* first_row_ = nullptr;
  mutable const UnitIndex::Row* last_row_ = nullptr;
};

}  // namespace

AmountFinder::AmountFinder(const LangPack& pack) : impl_(std::make_unique<Impl>(pack)) {}
AmountFinder::~AmountFinder() = default;
AmountFinder::AmountFinder(AmountFinder&&) noexcept = default;
AmountFinder& AmountFinder::operator=(AmountFinder&&) noexcept = default;

std::vector<Amount> AmountFinder::find(const Document& doc) const {
  if (doc.tokens.empty()) return {};
  return Run(*impl_, doc, impl_->dates.find(doc)).find();
}

std::vector<Amount> AmountFinder::find(const Document& doc,
                                       const std::vector<DateHit>& dates) const {
  if (doc.tokens.empty()) return {};
  return Run(*impl_, doc, dates).find();
}

}  // namespace nkg
