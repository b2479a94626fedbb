// Language identification (stage 3) with CLD2 (Debian libcld2): it names
// Persian, Polish, German, Slovenian, English and ~80 more from plain text.
#pragma once
#include <string>
#include <string_view>

namespace nkg {

struct LangGuess {
  std::string lang = "und";  // BCP 47 primary tag
  bool reliable = false;
};

LangGuess identify_language(std::string_view utf8);

}  // namespace nkg
