#include "text/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/normalize.h"

#include <cstdio>  // CLD2's header needs it first

namespace nkg {

LangGuess identify_language(std::string_view text) {
  LangGuess g;
  bool reliable = false;
  // CLD2 scores NFC text; decomposed letters would read as another language.
  std::string composed = nfc(text);
  text = composed;
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

}  // namespace nkg
