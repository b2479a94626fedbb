// Sentence segmentation without ICU's break iterator for the text it is sure
// of, and ICU's iterator itself as the reference and fallback.
#pragma once
#include <string_view>
#include <vector>

#include "core/document.h"

namespace nkg {

// Sentence boundaries of well-formed UTF-8 exactly as ICU 72's root sentence
// break iterator finds them, as byte spans covering the whole text in order.
// Returns false (out unspecified) for text it does not handle exactly;
// the caller then runs ICU. That is only ill-formed UTF-8 (and text of 2 GiB
// or more): every Sentence_Break class is handled.
bool fast_sentence_spans(std::string_view utf8, std::vector<nkg::Span>& out);

// The reference: ICU's root sentence iterator over the UTF-8 text.
bool icu_sentence_spans(std::string_view utf8, std::vector<nkg::Span>& out);

}  // namespace nkg
