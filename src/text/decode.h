// Reading an article file into UTF-8 text (stage 1).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace nkg {

struct DecodeOptions {
  std::string encoding;              // e.g. "windows-1256"; empty = UTF-8 or BOM-marked UTF-16
  bool lenient = false;              // substitute U+FFFD for invalid UTF-8 instead of rejecting
  uint64_t max_bytes = 64ull << 20;  // larger files are refused (ICU lengths are int32)
};

struct Decoded {
  std::string text;            // UTF-8, BOM dropped
  std::string sha256;          // hex digest of the raw bytes
  uint32_t substitutions = 0;  // U+FFFD inserted in lenient mode
};

// Decodes raw bytes. `file` names the source in errors.
std::optional<Decoded> decode_bytes(const std::string& bytes, const std::string& file,
                                    const DecodeOptions& opts, Error* err);

// Reads and decodes a file.
std::optional<Decoded> read_article(const std::string& path, const DecodeOptions& opts, Error* err);

// Index of the first invalid UTF-8 byte, or npos when valid. Rejects overlongs,
// surrogates (ED A0..BF) and code points above U+10FFFF.
size_t find_invalid_utf8(std::string_view s);

}  // namespace nkg
