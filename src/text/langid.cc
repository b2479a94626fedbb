#include "text/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/normalizer2.h>

#include <cstdio>  // CLD2's header needs it first

#include "text/decode.h"
#include "text/normalize.h"

namespace nkg {

LangGuess identify_language(std::string_view text) {
  LangGuess g;
  bool reliable = false;
  // CLD2 scores NFC text; decomposed letters would read as another language.
  // Most text is NFC already: check the UTF-8 in place rather than copy it
  // through UTF-16 (nfc() substitutes for ill-formed bytes, so only
  // well-formed text takes the shortcut).
  std::string composed;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFCInstance(st);
  bool composed_already =
      U_SUCCESS(st) &&
      n2->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), st) &&
      U_SUCCESS(st) && find_invalid_utf8(text) == std::string_view::npos;
  if (!composed_already) {
    composed = nfc(text);
    text = composed;
  }
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                                             /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return g;
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 uses a few legacy codes; map them to BCP 47.
  if (code == "iw")
    code = "he";
  else if (code == "in")
    code = "id";
  else if (code == "zh-Hant")
    code = "zh-Hant";
  g.lang = code;
  g.reliable = reliable;
  return g;
}

std::string language_sample(const Document& doc) {
  std::string sample;
  sample.reserve(kLangSampleBytes);
  for (const Token& t : doc.tokens) {
    if (t.upper || t.is_number) continue;
    const std::string_view w = doc.slice(t.span);
    if (sample.size() + w.size() + 1 > kLangSampleBytes) break;
    sample.append(w);
    sample += ' ';
  }
  // Below half the budget, CLD2 is better off with everything there is.
  if (sample.size() < kLangSampleBytes / 2) sample.clear();
  return sample;
}

LangGuess identify_language(const Document& doc) {
  const std::string sample = language_sample(doc);
  return identify_language(sample.empty() ? std::string_view(doc.text) : std::string_view(sample));
}

}  // namespace nkg
