#include "diff/nt_terms.h"

#include <algorithm>
#include <array>
#include <utility>

namespace nkg::diff {
namespace {

constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
constexpr char kHex[] = "0123456789ABCDEF";

// How each byte is written: as is, as an ECHAR, or as \u00XX.
struct EscapeTable {
  std::array<bool, 256> iri{};
  std::array<const char*, 256> string{};
  EscapeTable() {
    for (unsigned c = 0; c <= 0x20; ++c) iri[c] = true;
    for (unsigned char c : std::string_view("<>\"{}|^`\\")) iri[c] = true;
    for (unsigned c = 0; c < 0x20; ++c) string[c] = "";  // "" means \u00XX
    string[0x7f] = "";
    const std::pair<char, const char*> echars[] = {{'\b', "\\b"}, {'\t', "\\t"}, {'\n', "\\n"},
                                                   {'\f', "\\f"}, {'\r', "\\r"}, {'"', "\\\""},
                                                   {'\\', "\\\\"}};
    for (const auto& [c, esc] : echars) string[static_cast<unsigned char>(c)] = esc;
  }
};

const EscapeTable& escapes() {
  static const EscapeTable table;
  return table;
}

void append_uchar(std::string& out, unsigned char c) {
  const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
  out.append(esc, sizeof esc);
}

struct IriParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

IriParts parse_iri(std::string_view s) {
  IriParts p;
  size_t i = 0;
  if (has_scheme(s)) {
    i = s.find(':');
    p.scheme = s.substr(0, i++);
  }
  if (s.substr(i, 2) == "//") {
    const size_t end = std::min(s.find_first_of("/?#", i + 2), s.size());
    p.authority = s.substr(i + 2, end - i - 2);
    p.has_authority = true;
    i = end;
  }
  size_t end = std::min(s.find_first_of("?#", i), s.size());
  p.path = s.substr(i, end - i);
  i = end;
  if (i < s.size() && s[i] == '?') {
    end = std::min(s.find('#', i), s.size());
    p.query = s.substr(i + 1, end - i - 1);
    p.has_query = true;
    i = end;
  }
  if (i < s.size() && s[i] == '#') {
    p.fragment = s.substr(i + 1);
    p.has_fragment = true;
  }
  return p;
}

std::string remove_dot_segments(std::string_view in) {  // RFC 3986 5.2.4
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const size_t next = in.find('/', 1);
      const size_t n = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, n));
      in.remove_prefix(n);
    }
  }
  return out;
}

}  // namespace

void append_iri(std::string& out, std::string_view iri) {
  const auto& table = escapes().iri;
  out += '<';
  size_t run = 0;
  for (size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (!table[c]) continue;
    out.append(iri.substr(run, i - run));
    append_uchar(out, c);
    run = i + 1;
  }
  out.append(iri.substr(run));
  out += '>';
}

void append_literal(std::string& out, std::string_view value, std::string_view datatype,
                    std::string_view lang) {
  const auto& table = escapes().string;
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (!table[c]) continue;
    out.append(value.substr(run, i - run));
    if (*table[c]) {
      out += table[c];
    } else {
      append_uchar(out, c);
    }
    run = i + 1;
  }
  out.append(value.substr(run));
  out += '"';
  if (!lang.empty()) {
    out += '@';
    for (char c : lang) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else if (!datatype.empty() && datatype != kXsdString) {
    out += "^^";
    append_iri(out, datatype);
  }
}

bool has_scheme(std::string_view iri) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) return false;
  for (size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string resolve_iri(std::string_view base, std::string_view ref) {  // RFC 3986 5.2.2
  if (has_scheme(ref)) return std::string(ref);  // absolute IRIs stay as written
  const IriParts r = parse_iri(ref);
  const IriParts b = parse_iri(base);
  IriParts t = r;
  std::string path;
  if (r.has_authority) {
    path = remove_dot_segments(r.path);
  } else {
    t.authority = b.authority;
    t.has_authority = b.has_authority;
    if (r.path.empty()) {
      path = b.path;
      if (!r.has_query) {
        t.query = b.query;
        t.has_query = b.has_query;
      }
    } else if (r.path[0] == '/') {
      path = remove_dot_segments(r.path);
    } else {  // merge (5.2.3)
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/";
      } else {
        const size_t slash = b.path.rfind('/');
        if (slash != std::string_view::npos) merged = b.path.substr(0, slash + 1);
      }
      merged += r.path;
      path = remove_dot_segments(merged);
    }
  }
  std::string out(b.scheme);
  out += ':';
  if (t.has_authority) {
    out += "//";
    out += t.authority;
  }
  out += path;
  if (t.has_query) {
    out += '?';
    out += t.query;
  }
  if (t.has_fragment) {
    out += '#';
    out += t.fragment;
  }
  return out;
}

bool has_surrogate(std::string_view utf8) {
  for (size_t i = utf8.find('\xED'); i != std::string_view::npos; i = utf8.find('\xED', i + 1)) {
    if (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xE0) == 0xA0) {
      return true;
    }
  }
  return false;
}

std::string escape_controls(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace nkg::diff
