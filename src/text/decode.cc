#include "text/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/sha256.h"
#include "core/utf8.h"

namespace nkg {

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Most news text is mostly ASCII: skip it eight bytes at a time.
    i += ascii_prefix(s.substr(i));
    if (i >= n) break;
    const unsigned char c = p[i];  // not ASCII
    size_t len;
    uint32_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (c == 0xED) {
      len = 3;
      hi = 0x9F;
    }  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF)
      len = 3;
    else if (c == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else if (c == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else
      return i;
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

// ICU measures strings in int32_t, so no limit above 2 GiB - 1 is honoured.
constexpr uint64_t kIcuMaxBytes = 0x7FFFFFFF;

uint64_t effective_limit(const DecodeOptions& opts) {
  return std::min<uint64_t>(opts.max_bytes, kIcuMaxBytes);
}

// `size` 0 = unknown (a pipe or device that went past the limit).
std::string too_large(uint64_t size, const DecodeOptions& opts) {
  const bool icu = opts.max_bytes > kIcuMaxBytes;
  std::string out = "file too large (";
  if (size)
    out += std::to_string(size) + " bytes; " +
           (icu ? "ICU's limit is " + std::to_string(kIcuMaxBytes) + " bytes"
                : "limit " + std::to_string(opts.max_bytes) + ", see --max-bytes");
  else
    out += "more than " + std::to_string(effective_limit(opts)) + " bytes" +
           (icu ? ", ICU's limit" : ", see --max-bytes");
  return out + ")";
}

size_t count_replacement_chars(const std::string& s) {
  size_t n = 0;
  for (size_t i = s.find("\xEF\xBF\xBD"); i != std::string::npos;
       i = s.find("\xEF\xBF\xBD", i + 3)) {
    ++n;
  }
  return n;
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
  if (bytes.size() > effective_limit(opts)) return fail(too_large(bytes.size(), opts));
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
      return fail(
          "binary file (NUL byte at offset " +
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
      // U+FFFD already in the text is not a substitution.
      d.substitutions =
          static_cast<uint32_t>(count_replacement_chars(fixed) - count_replacement_chars(d.text));
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
  auto fail = [&](std::string why) {
    *err = Error{path, std::move(why)};
    return std::nullopt;
  };
  const uint64_t limit = effective_limit(opts);
  // O_NONBLOCK so that opening a FIFO nobody writes to cannot hang the run
  // (it then reads as empty); reads are blocking again below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return fail(std::string("cannot read: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail("is a directory");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > limit)
    return fail(too_large(static_cast<uint64_t>(st.st_size), opts));
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);

  // Read at most limit + 1 bytes: a file that grew since fstat, a pipe or a
  // device such as /dev/zero cannot make the run read without end.
  std::string bytes;
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const uint64_t room = limit + 1 - bytes.size();
    const ssize_t n = ::read(fd, buf, static_cast<size_t>(std::min<uint64_t>(sizeof buf, room)));
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
    if (bytes.size() > limit) return fail(too_large(0, opts));
  }
  return decode_bytes(bytes, path, opts, err);
}

}  // namespace nkg
