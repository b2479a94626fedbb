#include "text/decode.h"

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/sha256.h"

namespace nkg {

size_t find_invalid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c == 0xED) { len = 3; hi = 0x9F; }  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return i;
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string::npos;
}

namespace {

bool convert_with_icu(const std::string& bytes, const char* charset, std::string* out,
                      std::string* why) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) {
    *why = std::string("unknown encoding '") + charset + "'";
    return false;
  }
  // Stop on unmappable bytes instead of substituting silently.
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) {
    *why = std::string("cannot be decoded as ") + charset + " (" + u_errorName(status) + ")";
    return false;
  }
  out->clear();
  u.toUTF8String(*out);
  return true;
}

bool only_whitespace(const std::string& s) {
  for (unsigned char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) return false;
  return true;
}

}  // namespace

std::optional<Decoded> decode_bytes(const std::string& bytes, const std::string& file,
                                    const DecodeOptions& opts, Error* err) {
  auto fail = [&](std::string why) {
    *err = Error{file, std::move(why)};
    return std::nullopt;
  };
  if (bytes.size() > opts.max_bytes)
    return fail("file too large (" + std::to_string(bytes.size()) + " bytes; limit " +
                std::to_string(opts.max_bytes) + ")");
  Decoded d;
  d.sha256 = sha256_hex(bytes);
  std::string why;
  auto starts = [&](const char* bom, size_t n) {
    return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0;
  };
  if (!opts.encoding.empty()) {
    if (!convert_with_icu(bytes, opts.encoding.c_str(), &d.text, &why)) return fail(why);
  } else if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
    if (!convert_with_icu(bytes, starts("\xFF\xFE", 2) ? "UTF-16LE" : "UTF-16BE", &d.text, &why))
      return fail(why);
  } else {
    d.text = bytes;
    if (memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
      // A NUL with every other byte zero is UTF-16 without a BOM.
      size_t zeros = 0;
      for (char c : bytes) zeros += (c == '\0');
      if (bytes.size() >= 4 && zeros * 3 >= bytes.size())
        return fail("unknown encoding (looks like UTF-16 without a byte order mark)");
      return fail("binary file (NUL byte at offset " +
                  std::to_string(static_cast<const char*>(memchr(bytes.data(), '\0', bytes.size())) -
                                 bytes.data()) +
                  ")");
    }
    size_t bad = find_invalid_utf8(d.text);
    if (bad != std::string::npos) {
      if (!opts.lenient)
        return fail("invalid UTF-8 at byte offset " + std::to_string(bad) +
                    " (if the file is in a legacy encoding, name it with --encoding, e.g. "
                    "--encoding windows-1256; or use --lenient)");
      // Lenient mode: replace each maximal invalid run with U+FFFD via ICU.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(d.text);
      std::string fixed;
      u.toUTF8String(fixed);
      for (size_t i = 0; i + 2 < fixed.size(); ++i)
        if (fixed.compare(i, 3, "\xEF\xBF\xBD") == 0) ++d.substitutions;
      d.text = std::move(fixed);
    }
  }
  if (d.text.compare(0, 3, "\xEF\xBB\xBF") == 0) d.text.erase(0, 3);
  if (d.text.find('\0') != std::string::npos) return fail("binary file (NUL character)");
  if (d.text.empty()) return fail("empty file");
  if (only_whitespace(d.text)) return fail("file holds only whitespace");
  return d;
}

std::optional<Decoded> read_article(const std::string& path, const DecodeOptions& opts,
                                    Error* err) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    *err = Error{path, std::string("cannot read: ") + std::strerror(errno)};
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    *err = Error{path, "is a directory"};
    return std::nullopt;
  }
  if (static_cast<uint64_t>(st.st_size) > opts.max_bytes) {
    *err = Error{path, "file too large (" + std::to_string(st.st_size) + " bytes; limit " +
                           std::to_string(opts.max_bytes) + ")"};
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = Error{path, std::string("cannot read: ") + std::strerror(errno)};
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    *err = Error{path, "read error"};
    return std::nullopt;
  }
  return decode_bytes(buf.str(), path, opts, err);
}

}  // namespace nkg
