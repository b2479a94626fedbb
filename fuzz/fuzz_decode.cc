// libFuzzer target: reading an article (BAD-INPUTS cases 1-8).
//
// Bytes -> decode_bytes (options chosen by the first byte) -> when decoded,
// normalize_with_map and segment on the text. Checks the invariants the
// later stages rely on: decoded text is valid UTF-8 without NUL, a leading BOM dropped, the
// offset map is monotonic and ends at the text's length, and every sentence
// and token is a non-empty byte range on character boundaries.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "text/decode.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_decode: invariant broken: %s\n", what);
  std::abort();
}

void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

bool on_boundary(const std::string& s, uint32_t b) {
  return b == s.size() || (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80);
}

constexpr const char* kEncodings[] = {"",
                                      "",
                                      "",
                                      "",
                                      "windows-1256",
                                      "windows-1250",
                                      "UTF-16LE",
                                      "UTF-16BE",
                                      "ISO-8859-1",
                                      "Shift_JIS",
                                      "UTF-8",
                                      "GB18030",
                                      "UTF-32",
                                      "KOI8-R",
                                      "UTF-7",
                                      "no-such-charset"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t sel = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  nkg::DecodeOptions opts;
  opts.encoding = kEncodings[sel & 0x0F];
  opts.lenient = (sel & 0x10) != 0;
  if (sel & 0x20) opts.max_bytes = sel & 0x3F;  // small limits exercise the size check

  nkg::Error err;
  auto dec = nkg::decode_bytes(bytes, "fuzz.txt", opts, &err);
  if (!dec) {
    check(err.file == "fuzz.txt", "error names the file");
    check(!err.reason.empty(), "error has a reason");
    return 0;
  }
  const std::string& text = dec->text;
  check(!text.empty(), "decoded text is not empty");
  check(nkg::find_invalid_utf8(text) == std::string::npos, "decoded text is valid UTF-8");
  check(text.find('\0') == std::string::npos, "decoded text has no NUL");
  // One BOM is dropped; a second U+FEFF is a character of the text.
  if (opts.encoding.empty() && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 &&
      bytes.compare(3, 3, "\xEF\xBB\xBF") != 0) {
    check(text.compare(0, 3, "\xEF\xBB\xBF") != 0, "BOM dropped");
    if (!opts.lenient) check(text == bytes.substr(3), "nothing but the BOM dropped");
  }
  check(dec->sha256.size() == 64, "sha256 is 64 hex digits");
  if (!opts.lenient || !opts.encoding.empty()) check(dec->substitutions == 0, "no substitutions");

  const nkg::KeyedText kt = nkg::normalize_with_map(text);
  check(kt.to_orig.size() == kt.key.size() + 1, "offset map has key.size()+1 entries");
  check(kt.to_orig.back() == text.size(), "offset map ends at the text's length");
  for (size_t i = 0; i < kt.key.size(); ++i) {
    check(kt.to_orig[i] <= kt.to_orig[i + 1], "offset map is monotonic");
    check(on_boundary(text, kt.to_orig[i]), "offset map points at character starts");
  }
  check(nkg::find_invalid_utf8(kt.key) == std::string::npos, "match key is valid UTF-8");

  nkg::Document doc;
  doc.id = doc.path = "fuzz.txt";
  doc.text = text;
  nkg::segment(doc);
  uint32_t prev_end = 0;
  for (const nkg::Span& s : doc.sentences) {
    check(s.begin < s.end && s.end <= text.size(), "sentence span inside the text");
    check(s.begin >= prev_end, "sentences in order");
    check(on_boundary(text, s.begin) && on_boundary(text, s.end), "sentence on boundaries");
    prev_end = s.end;
  }
  prev_end = 0;
  for (const nkg::Token& t : doc.tokens) {
    check(t.span.begin < t.span.end && t.span.end <= text.size(), "token span inside the text");
    check(t.span.begin >= prev_end, "tokens in order");
    check(on_boundary(text, t.span.begin) && on_boundary(text, t.span.end), "token on boundaries");
    check(t.sentence < doc.sentences.size(), "token's sentence exists");
    check(nkg::find_invalid_utf8(t.key) == std::string::npos, "token key is valid UTF-8");
    prev_end = t.span.end;
  }
  // Code-point offsets are what the graph writes.
  if (!doc.tokens.empty()) {
    const nkg::Token& last = doc.tokens.back();
    check(doc.code_point_offset(last.span.begin) < doc.code_point_offset(last.span.end),
          "code-point offsets increase");
  }
  return 0;
}
