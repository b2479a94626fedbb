#include "publish/html.h"

#include <cstdint>
#include <cstdio>

namespace nkg::publish::html {
namespace {

// Decodes one code point at `i`; returns its length in bytes, or 0 when the
// bytes there are not well-formed UTF-8 (then *cp is U+FFFD and one byte is
// consumed by the caller).
size_t decode(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len = 0;
  uint32_t c = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 0;
  }
  if (i + len > s.size()) {
    *cp = 0xFFFD;
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 0;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 0;
  }
  *cp = c;
  return len;
}

bool is_hidden_control(uint32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string code_name(uint32_t c) {
  char buf[16];
  snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string escape(std::string_view s, bool in_attr) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    uint32_t c = 0;
    const size_t len = decode(s, i, &c);
    const std::string_view raw = s.substr(i, len);
    i += len ? len : 1;
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&#39;";
        continue;
      default:
        break;
    }
    if (is_hidden_control(c)) {
      const std::string name = code_name(c);
      if (in_attr) {
        out += "[" + name + "]";
      } else {
        out += "<span class=\"ctl\" title=\"" + name + "\">" + name + "</span>";
      }
    } else if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out += raw;
    }
  }
  return out;
}

}  // namespace

std::string text(std::string_view s) { return escape(s, false); }
std::string attr(std::string_view s) { return escape(s, true); }

bool is_linkable(std::string_view iri) {
  auto starts = [&](std::string_view prefix) {
    if (iri.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = iri[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

std::string lang_attr(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return "";
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(tag[0])) return "";
  for (char c : tag)
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-') return "";
  return std::string(tag);
}

std::vector<size_t> code_point_offsets(std::string_view utf8) {
  std::vector<size_t> at;
  at.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size();) {
    at.push_back(i);
    uint32_t c = 0;
    const size_t len = decode(utf8, i, &c);
    i += len ? len : 1;
  }
  at.push_back(utf8.size());
  return at;
}

}  // namespace nkg::publish::html
