// People and firms the gazetteer does not know (stage after known mentions):
// capitalised word runs classified by cues of the article's language
// (titles before or in apposition, given names, firm suffixes, prefixes and
// sector words, a Latin name in parentheses after a non-Latin one), lemmas
// chosen from forms attested in the same article, and surnames or a firm's
// first word resolved to the full name the article introduced.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/knowledge.h"

namespace nkg {

void find_titles(Document& doc, const Knowledge& k, const LemmaTable& lemmas);

void find_unknown_names(Document& doc, const Knowledge& k, const LemmaTable& lemmas);

// is_latin_word past its inline test of the first byte.
bool latin_word_slow(std::string_view s);

// Whether the first letter of `s` is of the Latin script (false: no letter).
// Inline for the words opening with an ASCII letter, most of Latin text's.
inline bool is_latin_word(std::string_view s) {
  return (!s.empty() &&
          static_cast<unsigned>((static_cast<unsigned char>(s[0]) | 0x20) - 'a') < 26) ||
         latin_word_slow(s);
}

}  // namespace nkg
