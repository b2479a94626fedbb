#include "resolve/name_key.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstring>
#include <memory>

#include "core/utf8.h"
#include "text/normalize.h"

namespace nkg {

std::string to_ascii(std::string_view name) {
  // ASCII is its own Latin and ASCII form: only the case changes. Most
  // gazetteer labels are ASCII, and the transliterator costs some 10,000
  // instructions a name.
  if (is_ascii(name)) {
    std::string out(name);
    for (char& c : out) c = ascii_key_char(c);
    return out;
  }
  return to_ascii_icu(name);
}

std::string to_ascii_icu(std::string_view name) {
  // Building a transliterator is costly; one per thread is reused.
  thread_local std::unique_ptr<icu::Transliterator> tr = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, st));
    return U_SUCCESS(st) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (tr) tr->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool non_latin(std::string_view name) {
  const auto* p = reinterpret_cast<const uint8_t*>(name.data());
  int32_t n = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!u_isalpha(c)) continue;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) return true;
  }
  return false;
}

static std::string skeleton(const std::string& w, bool weak) {
  std::string s;
  for (size_t i = 0; i < w.size(); ++i) {
    auto next = [&](const char* t) { return w.compare(i, std::strlen(t), t) == 0; };
    char out;
    if (next("sch")) {
      out = 's';
      i += 2;
    } else if (next("sh") || next("sz") || next("zh")) {
      out = 's';
      ++i;
    } else if (next("ch") || next("kh")) {
      out = 'k';
      ++i;
    } else if (next("cz")) {
      out = 'c';
      ++i;
    } else if (next("ph")) {
      out = 'f';
      ++i;
    } else {
      switch (w[i]) {
        case 'j':
          out = 'y';
          break;
        case 'w':
          out = 'v';
          break;
        case 'c':
        case 'q':
          out = 'k';
          break;
        case 'z':
          out = 's';
          break;
        case 'x':
          s += 'k';
          out = 's';
          break;
        default:
          out = w[i];
      }
    }
    if (out == 'h' || std::strchr("aeiouy", out)) continue;
    if (weak && out == 'v') continue;
    if (!s.empty() && s.back() == out) continue;
    s += out;
  }
  return s;
}

namespace {

// The words of an ASCII name, each as skeleton(w, weak) or, when that is
// empty, its first letter.
std::vector<std::string> words_of(const std::string& a, bool weak) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= a.size(); ++i) {
    char c = i < a.size() ? a[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w += c;
    } else if (!w.empty()) {
      std::string s = skeleton(w, weak);
      out.push_back(s.empty() ? w.substr(0, 1) : s);
      w.clear();
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> skeleton_words(std::string_view name, bool weak) {
  return words_of(to_ascii(name), weak);
}

Skeletons skeletons(std::string_view name) {
  const std::string a = to_ascii(name);
  return {words_of(a, false), words_of(a, true)};
}

}  // namespace nkg
