// Validation of terms before Serd writes them. Serd 0.30 writes IRIs,
// language tags and lexical forms as given, so everything is checked here.
#include "rdf/term_check.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <vector>

#include "core/civil_date.h"
#include "core/utf8.h"
#include "rdf/vocab.h"

namespace nkg::rdf {
namespace {

bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Decodes the code point at s[*i] and advances *i; -1 for ill-formed input.
int32_t next_code_point(std::string_view s, size_t* i) {
  UChar32 c = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(p, pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c;
}

// Format controls that must never reach an IRI (term_check.h).
bool is_dropped_control(UChar32 c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF || c == 0x00AD;
}

// RFC 3987 forbids these bidi formatting characters anywhere in an IRI.
bool is_bidi_format(UChar32 c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

bool is_noncharacter(UChar32 c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

// RFC 3987 ucschar.
bool is_ucschar(UChar32 c) {
  if (c >= 0xA0 && c <= 0xD7FF) return true;
  if (c >= 0xF900 && c <= 0xFDCF) return true;
  if (c >= 0xFDF0 && c <= 0xFFEF) return true;
  return c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFE) != 0xFFFE;
}

bool keep_in_segment(UChar32 c) {
  if (c < 0x80) {
    const char a = static_cast<char>(c);
    return is_alnum(a) || a == '-' || a == '.' || a == '_' || a == '~';
  }
  if (!is_ucschar(c)) return false;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

void percent_encode(std::string_view bytes, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char b : bytes) {
    out->push_back('%');
    out->push_back(kHex[b >> 4]);
    out->push_back(kHex[b & 0xF]);
  }
}

bool fail(std::string* why, const std::string& reason) {
  if (why) *why = reason;
  return false;
}

// ---- lexical forms ---------------------------------------------------------

// Consumes [0-9]+ from s at *i; returns the number of digits.
size_t digits(std::string_view s, size_t* i) {
  const size_t start = *i;
  while (*i < s.size() && is_digit(s[*i])) ++*i;
  return *i - start;
}

bool all_digits(std::string_view s) {
  size_t i = 0;
  return !s.empty() && digits(s, &i) == s.size();
}

int two_digits(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool is_integer(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  return all_digits(s);
}

// [+-]? ( [0-9]+ ('.' [0-9]+)? | '.' [0-9]+ ): no trailing dot (we write
// canonical forms only).
bool is_decimal(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  size_t i = 0;
  const size_t int_digits = digits(s, &i);
  if (i == s.size()) return int_digits > 0;
  if (s[i] != '.') return false;
  ++i;
  return digits(s, &i) > 0 && i == s.size();
}

bool is_double(std::string_view s) {
  if (s == "NaN" || s == "INF" || s == "+INF" || s == "-INF") return true;
  const size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return is_decimal(s);
  return is_decimal(s.substr(0, e)) && is_integer(s.substr(e + 1));
}

// Optional timezone at s[i..]: Z | (+|-)hh:mm with hh <= 14.
bool is_timezone(std::string_view s) {
  if (s.empty() || s == "Z") return true;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  if (!all_digits(s.substr(1, 2)) || !all_digits(s.substr(4, 2))) return false;
  const int hh = two_digits(s, 1);
  const int mm = two_digits(s, 4);
  return mm <= 59 && (hh < 14 || (hh == 14 && mm == 0));
}

// -?YYYY+ (no leading zero beyond four digits); sets *year and *i.
bool parse_year(std::string_view s, size_t* i, long long* year) {
  if (*i < s.size() && s[*i] == '-') ++*i;
  const size_t start = *i;
  const size_t n = digits(s, i);
  if (n < 4 || n > 12 || (n > 4 && s[start] == '0')) return false;
  *year = std::stoll(std::string(s.substr(start, n)));
  return true;
}

// YYYY-MM-DD at s[*i..].
bool parse_date(std::string_view s, size_t* i) {
  long long year = 0;
  if (!parse_year(s, i, &year)) return false;
  if (s.size() < *i + 6 || s[*i] != '-' || s[*i + 3] != '-') return false;
  if (!all_digits(s.substr(*i + 1, 2)) || !all_digits(s.substr(*i + 4, 2))) return false;
  const int month = two_digits(s, *i + 1);
  const int day = two_digits(s, *i + 4);
  // Year 0 is a real year in XSD 1.1 (1 BCE, a leap year), not "unknown".
  if (day < 1 || day > days_in_month(year == 0 ? 2000 : year, month)) return false;
  *i += 6;
  return true;
}

bool is_date(std::string_view s) {
  size_t i = 0;
  return parse_date(s, &i) && is_timezone(s.substr(i));
}

bool is_date_time(std::string_view s) {
  size_t i = 0;
  if (!parse_date(s, &i)) return false;
  // Thh:mm:ss
  if (s.size() < i + 9 || s[i] != 'T' || s[i + 3] != ':' || s[i + 6] != ':') return false;
  if (!all_digits(s.substr(i + 1, 2)) || !all_digits(s.substr(i + 4, 2)) ||
      !all_digits(s.substr(i + 7, 2))) {
    return false;
  }
  const int hh = two_digits(s, i + 1);
  const int mm = two_digits(s, i + 4);
  const int ss = two_digits(s, i + 7);
  i += 9;
  bool fraction_zero = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t start = i;
    if (digits(s, &i) == 0) return false;
    fraction_zero = s.substr(start, i - start).find_first_not_of('0') == std::string_view::npos;
  }
  const bool time_ok =
      (hh < 24 && mm < 60 && ss < 60) || (hh == 24 && mm == 0 && ss == 0 && fraction_zero);
  return time_ok && is_timezone(s.substr(i));
}

bool is_g_year(std::string_view s) {
  size_t i = 0;
  long long year = 0;
  return parse_year(s, &i, &year) && is_timezone(s.substr(i));
}

// ---- language tags (RFC 5646 well-formedness) ------------------------------

bool all_of(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const int32_t c = next_code_point(s, &i);
    if (c <= 0) return false;  // ill-formed, surrogate (U8_NEXT rejects them) or NUL
  }
  return true;
}

bool is_valid_iri(std::string_view iri, std::string* why) {
  if (iri.empty()) return fail(why, "empty IRI");
  if (!is_valid_utf8(iri)) return fail(why, "not valid UTF-8 (or contains NUL)");
  // scheme ":"
  size_t i = 0;
  if (!is_alpha(iri[0])) return fail(why, "no scheme (relative IRI)");
  while (i < iri.size() && (is_alnum(iri[i]) || iri[i] == '+' || iri[i] == '-' || iri[i] == '.')) {
    ++i;
  }
  if (i == iri.size() || iri[i] != ':') return fail(why, "no scheme (relative IRI)");
  ++i;
  // The authority, where '[' and ']' may appear (IP literals).
  size_t authority_end = i;
  if (iri.substr(i, 2) == "//") {
    authority_end = iri.find_first_of("/?#", i + 2);
    if (authority_end == std::string_view::npos) authority_end = iri.size();
  }
  int hashes = 0;
  while (i < iri.size()) {
    const size_t at = i;
    const int32_t c = next_code_point(iri, &i);
    if (c < 0x80) {
      const char a = static_cast<char>(c);
      if (c == ' ') return fail(why, "contains a space");
      if (c < 0x20 || c == 0x7F) return fail(why, "contains a control character");
      switch (a) {
        case '<':
        case '>':
        case '"':
        case '{':
        case '}':
        case '|':
        case '^':
        case '`':
        case '\\':
          return fail(why, std::string("contains '") + a + "'");
        case '%':
          if (at + 2 >= iri.size() || !is_hex(iri[at + 1]) || !is_hex(iri[at + 2])) {
            return fail(why, "'%' not followed by two hex digits");
          }
          break;
        case '#':
          if (++hashes > 1) return fail(why, "more than one '#'");
          break;
        case '[':
        case ']':
          if (at >= authority_end) return fail(why, std::string("'") + a + "' outside the host");
          break;
        default:
          break;
      }
    } else if (c <= 0x9F) {
      return fail(why, "contains a control character");
    } else if (is_bidi_format(c)) {
      return fail(why, "contains a bidi formatting character");
    } else if (is_noncharacter(c)) {
      return fail(why, "contains a Unicode noncharacter");
    }
  }
  return true;
}

namespace {

// What iri_segment gives for the encoded segment `out`: "_" for nothing,
// dots percent-encoded (they would be path steps).
std::string finish_segment(std::string out) {
  if (out.empty()) return "_";
  if (out == "." || out == "..") {
    std::string dots;
    percent_encode(out, &dots);
    return dots;
  }
  return out;
}

}  // namespace

std::string iri_segment(std::string_view name) {
  // ASCII (most ids and names) has no format controls and is NFC already:
  // only the encoding of each byte is left.
  if (is_ascii(name)) {
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
      if (keep_in_segment(static_cast<unsigned char>(c)))
        out += c;
      else
        percent_encode(std::string_view(&c, 1), &out);
    }
    return finish_segment(std::move(out));
  }
  // Decode (ill-formed bytes become U+FFFD, which is then percent-encoded),
  // drop format controls, then NFC.
  const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decoded.length(); i = decoded.moveIndex32(i, 1)) {
    const UChar32 c = decoded.char32At(i);
    if (!is_dropped_control(c)) kept.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normal;
  if (U_SUCCESS(status)) normal = nfc->normalize(kept, status);
  if (U_FAILURE(status)) normal = kept;

  std::string out;
  for (int32_t i = 0; i < normal.length(); i = normal.moveIndex32(i, 1)) {
    const UChar32 c = normal.char32At(i);
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    if (keep_in_segment(c)) {
      out += utf8;
    } else {
      percent_encode(utf8, &out);
    }
  }
  return finish_segment(std::move(out));
}

bool normalize_lang_tag(std::string_view tag, std::string* out) {
  if (tag.empty() || tag.size() > 64) return false;
  std::vector<std::string> subtags(1);
  for (char c : tag) {
    if (c == '-' || c == '_') {
      subtags.emplace_back();
    } else if (is_alnum(c)) {
      subtags.back().push_back(lower(c));
    } else {
      return false;
    }
  }
  for (const std::string& s : subtags) {
    if (s.empty() || s.size() > 8) return false;
  }
  size_t i = 0;
  const std::string& first = subtags[0];
  if (first == "x") {
    // privateuse only: x-abc
  } else {
    // language: 2-3 letters (+ up to three 3-letter extlangs), 4 or 5-8 letters
    if (first.size() < 2 || !all_of(first, is_alpha)) return false;
    i = 1;
    if (first.size() <= 3) {
      for (int n = 0;
           n < 3 && i < subtags.size() && subtags[i].size() == 3 && all_of(subtags[i], is_alpha);
           ++n) {
        ++i;
      }
    }
    // script
    if (i < subtags.size() && subtags[i].size() == 4 && all_of(subtags[i], is_alpha)) {
      subtags[i][0] = upper(subtags[i][0]);
      ++i;
    }
    // region
    if (i < subtags.size() && ((subtags[i].size() == 2 && all_of(subtags[i], is_alpha)) ||
                               (subtags[i].size() == 3 && all_of(subtags[i], is_digit)))) {
      for (char& c : subtags[i]) c = upper(c);
      ++i;
    }
    // variants
    while (i < subtags.size() &&
           ((subtags[i].size() >= 5) || (subtags[i].size() == 4 && is_digit(subtags[i][0])))) {
      ++i;
    }
    // extensions: singleton (not x) followed by subtags of 2-8 characters
    while (i < subtags.size() && subtags[i].size() == 1 && subtags[i] != "x") {
      size_t j = i + 1;
      while (j < subtags.size() && subtags[j].size() >= 2) ++j;
      if (j == i + 1) return false;
      i = j;
    }
  }
  // privateuse
  if (i < subtags.size()) {
    if (subtags[i] != "x" || i + 1 == subtags.size()) return false;
    i = subtags.size();
  }
  std::string result;
  for (size_t k = 0; k < subtags.size(); ++k) {
    if (k) result += '-';
    result += subtags[k];
  }
  *out = result;
  return true;
}

bool is_valid_lexical(std::string_view lexical, std::string_view datatype) {
  if (!is_valid_utf8(lexical)) return false;
  if (datatype.size() <= vocab::XSD.size() || datatype.substr(0, vocab::XSD.size()) != vocab::XSD) {
    return true;
  }
  const std::string_view local = datatype.substr(vocab::XSD.size());
  if (local == "string") return true;
  if (local == "integer") return is_integer(lexical);
  if (local == "nonNegativeInteger") {
    if (!lexical.empty() && lexical[0] == '-') {
      return all_digits(lexical.substr(1)) &&
             lexical.find_first_not_of('0', 1) == std::string_view::npos;
    }
    if (!lexical.empty() && lexical[0] == '+') lexical.remove_prefix(1);
    return all_digits(lexical);
  }
  if (local == "decimal") return is_decimal(lexical);
  if (local == "double") return is_double(lexical);
  if (local == "boolean") {
    return lexical == "true" || lexical == "false" || lexical == "1" || lexical == "0";
  }
  if (local == "date") return is_date(lexical);
  if (local == "dateTime") return is_date_time(lexical);
  if (local == "gYear") return is_g_year(lexical);
  return true;
}

}  // namespace nkg::rdf
