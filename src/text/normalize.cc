#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>
#include <unordered_map>
#include <vector>

namespace nkg {
namespace {

UChar32 fold_arabic(UChar32 c) {
  switch (c) {
    case 0x064A:
    case 0x0649:
      return 0x06CC;  // ي ى -> ی
    case 0x0643:
      return 0x06A9;  // ك -> ک
    case 0x0629:
    case 0x06C0:
      return 0x0647;  // ة ۀ -> ه
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
      return 0x0627;  // أ إ آ ٱ -> ا
    default:
      return c;
  }
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

std::string fold_code_point(UChar32 c) {
  UErrorCode st = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  std::string out;
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
    out += static_cast<char>('0' + u_charDigitValue(c));
    return out;
  }
  icu::UnicodeString u(fold_arabic(c));
  st = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_cf->normalize(u, st);
  if (U_FAILURE(st)) folded = u;
  icu::UnicodeString decomposed = nfd->normalize(folded, st);
  if (U_FAILURE(st)) decomposed = folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    int8_t type = u_charType(d);
    if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || d == 0x0640) continue;
    if (u_charType(d) == U_DECIMAL_DIGIT_NUMBER) d = '0' + u_charDigitValue(d);
    append_utf8(out, fold_arabic(d));
  }
  return out;
}

// Folding one code point at a time through ICU is slow; news text uses a
// small alphabet, so a per-thread cache turns it into a table lookup. A BMP
// code point's entry holds its folded form inline when that is at most 7
// bytes (all but a few ligatures); longer forms and code points beyond the
// BMP go to a map. One thread_local object, so one TLS lookup per call.
struct FoldCache {
  struct Entry {
    uint8_t len = 0;  // bytes + 1; 0: not folded yet; kLong: in long_forms
    char bytes[7] = {};
  };
  static constexpr uint8_t kLong = 0xFF;
  std::vector<Entry> bmp = std::vector<Entry>(0x10000);
  std::unordered_map<UChar32, std::string> long_forms;

  // c's entry when its folded form is held inline, else nullptr.
  const Entry* inline_form(UChar32 c) {
    if (c < 0 || c >= 0x10000) return nullptr;
    Entry& e = bmp[static_cast<size_t>(c)];
    if (!e.len) {
      std::string f = fold_code_point(c);
      if (f.size() < sizeof e.bytes) {
        e.len = static_cast<uint8_t>(f.size() + 1);
        f.copy(e.bytes, f.size());
      } else {
        long_forms.emplace(c, std::move(f));
        e.len = kLong;
      }
    }
    return e.len != kLong ? &e : nullptr;
  }
  void append(std::string& out, UChar32 c) {
    if (const Entry* e = inline_form(c)) {
      out.append(e->bytes, e->len - 1u);
      return;
    }
    auto it = long_forms.find(c);
    if (it == long_forms.end()) it = long_forms.emplace(c, fold_code_point(c)).first;
    out += it->second;
  }
};

FoldCache& fold_cache() {
  thread_local FoldCache cache;
  return cache;
}

}  // namespace

KeyedText normalize_with_map(std::string_view s) {
  KeyedText kt;
  kt.key.reserve(s.size());
  kt.to_orig.reserve(s.size() + 1);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  FoldCache& cache = fold_cache();
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
      kt.key += ascii_key_char(static_cast<char>(c));
      kt.to_orig.push_back(static_cast<uint32_t>(start));
      continue;
    }
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    const size_t before = kt.key.size();
    cache.append(kt.key, c);
    kt.to_orig.insert(kt.to_orig.end(), kt.key.size() - before, static_cast<uint32_t>(start));
  }
  kt.to_orig.push_back(static_cast<uint32_t>(s.size()));
  return kt;
}

std::string nfc(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_FAILURE(st) || n->isNormalized(u, st)) return std::string(s);
  icu::UnicodeString out = n->normalize(u, st);
  std::string r;
  (U_SUCCESS(st) ? out : u).toUTF8String(r);
  return r;
}

std::string match_key(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  // Most words of Latin-script news are ASCII: lower-case them in one pass.
  int32_t ascii = 0;
  while (ascii < n && p[ascii] < 0x80) ++ascii;
  std::string out(static_cast<size_t>(ascii), '\0');
  for (int32_t i = 0; i < ascii; ++i)
    out[static_cast<size_t>(i)] = ascii_key_char(static_cast<char>(p[i]));
  if (ascii == n) return out;
  // The rest folds into a buffer on the stack, a whole inline form (up to 7
  // bytes) copied at a time, and goes to the string in one append.
  char buf[256];
  size_t len = 0;
  FoldCache& cache = fold_cache();
  for (int32_t i = ascii; i < n;) {
    if (len + sizeof(FoldCache::Entry::bytes) > sizeof buf) {
      out.append(buf, len);
      len = 0;
    }
    if (p[i] < 0x80) {
      buf[len++] = ascii_key_char(static_cast<char>(p[i++]));
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (const FoldCache::Entry* e = cache.inline_form(c)) {
      std::memcpy(buf + len, e->bytes, sizeof e->bytes);
      len += e->len - 1u;
    } else {
      out.append(buf, len);
      len = 0;
      cache.append(out, c);
    }
  }
  out.append(buf, len);
  return out;
}

}  // namespace nkg
