// Sentence and word segmentation (stage 2) exactly as ICU's root break
// iterators find them: by the fast paths of word_breaks.h and
// sentence_breaks.h where they answer, by ICU where they do not; boundaries
// are byte offsets into the UTF-8 text.
#pragma once
#include "core/document.h"

namespace nkg {

// Fills doc.sentences and doc.tokens (word tokens only, with match keys).
void segment(Document& doc);

}  // namespace nkg

#include <string>
#include <string_view>
#include <vector>

namespace nkg {

// Characters that keep two words one name for matching: white space
// (line breaks included), hyphens, apostrophes, ZWNJ/ZWJ, soft hyphen,
// tatweel and other format controls.
bool is_word_joiner(int32_t c);

// Match keys of the word tokens of a short string (a dictionary form),
// segmented exactly as article text is, so "Kassym-Jomart Tokayev" gives
// {"kassym", "jomart", "tokayev"}.
std::vector<std::string> key_tokens(std::string_view text);

}  // namespace nkg
