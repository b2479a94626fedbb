// ICU's root word and sentence break iterators over UTF-8 text, with
// boundaries as byte offsets: the reference the fast segmentation paths
// (word_breaks.h, sentence_breaks.h) reproduce, and what segment() falls
// back to where they decline.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace nkg {

enum class BreakKind { Word, Sentence };

// The boundaries ICU's root iterator of `kind` finds in `utf8`, in order
// (0 first, the text's size last; just {0} for empty text), and, when
// `statuses`, the rule status of each segment between two of them. False
// when ICU cannot open the iterator or the text is 2 GiB or more.
bool icu_boundaries(BreakKind kind, std::string_view utf8, std::vector<uint32_t>& bounds,
                    std::vector<int32_t>* statuses = nullptr);

}  // namespace nkg
