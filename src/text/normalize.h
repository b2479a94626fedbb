// Match keys (stage 2): the text as the matchers compare it. Never used for
// output: literals keep the original spelling.
//
// Per code point: Arabic letters folded to Persian (ي ى→ی, ك→ک, ة ۀ→ه, أ إ آ→ا),
// NFKC case folding (ICU), canonical decomposition with every nonspacing mark
// removed (Latin accents, Arabic harakat, hamza above), format controls (ZWNJ,
// ZWJ, bidi controls, soft hyphen, U+FEFF) and tatweel removed, and decimal
// digits of any script mapped to ASCII.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nkg {

// The match key of one ASCII character: ASCII folds by lower-casing alone.
inline char ascii_key_char(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string match_key(std::string_view utf8);

struct KeyedText {
  std::string key;
  // to_orig[i]: byte offset in the original of the character that produced
  // key byte i; to_orig[key.size()] is the original's length.
  std::vector<uint32_t> to_orig;
};

KeyedText normalize_with_map(std::string_view utf8);

// NFC of a string, for labels and titles written to the graph (anchors keep
// the original bytes, so their offsets stay exact).
std::string nfc(std::string_view utf8);

}  // namespace nkg
