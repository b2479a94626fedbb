#include "publish/layout.h"

#include "rdf/term_check.h"

namespace nkg::publish {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the segments of `path` ("a/b/c", no leading slash) into a file
// path, or false with *why.
bool decode_segments(std::string_view path, std::string* out, std::string* why) {
  out->clear();
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string seg = percent_decode(path.substr(start, end - start));
    if (seg.empty()) return *why = "an empty path segment", false;
    if (seg == "." || seg == "..") return *why = "a '" + seg + "' path segment", false;
    if (seg.find('/') != std::string::npos) return *why = "a segment with an encoded '/'", false;
    if (seg.find('\0') != std::string::npos) return *why = "a segment with an encoded NUL", false;
    if (seg.size() > 240) return *why = "a path segment longer than 240 bytes", false;
    if (!out->empty()) *out += '/';
    *out += seg;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string_view strip_fragment(std::string_view iri) {
  const size_t hash = iri.find('#');
  return hash == std::string_view::npos ? iri : iri.substr(0, hash);
}

bool Layout::make(std::string_view base, Layout* out, std::string* err) {
  std::string why;
  if (!rdf::is_valid_iri(base, &why)) return *err = "not a valid IRI: " + why, false;
  size_t after_scheme = 0;
  if (base.substr(0, 7) == "http://") {
    after_scheme = 7;
  } else if (base.substr(0, 8) == "https://") {
    after_scheme = 8;
  } else {
    return *err = "must start with http:// or https://", false;
  }
  if (base.find_first_of("?#") != std::string_view::npos) {
    return *err = "must not have a query or fragment", false;
  }
  if (base.back() != '/') return *err = "must end with '/'", false;
  const size_t path_at = base.find('/', after_scheme);
  if (path_at == std::string_view::npos || path_at == after_scheme) {
    return *err = "has no host", false;
  }
  Layout l;
  l.base_ = base;
  const std::string_view path = base.substr(path_at + 1);  // "newskg/id/" or ""
  if (!path.empty() && !decode_segments(path.substr(0, path.size() - 1), &l.base_dir_, &why)) {
    return *err = "its path has " + why, false;
  }
  if (!l.base_dir_.empty()) l.base_dir_ += '/';
  // The root: the base without its last segment.
  std::string_view root_path = path;
  if (!root_path.empty()) {
    root_path.remove_suffix(1);
    const size_t slash = root_path.rfind('/');
    root_path =
        slash == std::string_view::npos ? std::string_view() : root_path.substr(0, slash + 1);
  }
  l.host_root_ = base.substr(0, path_at + 1);
  l.root_ = l.host_root_ + std::string(root_path);
  if (!root_path.empty()) {
    decode_segments(root_path.substr(0, root_path.size() - 1), &l.root_dir_, &why);
    l.root_dir_ += '/';
  }
  *out = std::move(l);
  return true;
}

std::string Layout::rewrite(std::string_view iri) const {
  if (iri.substr(0, kDefaultBase.size()) != kDefaultBase) return std::string(iri);
  return base_ + std::string(iri.substr(kDefaultBase.size()));
}

bool Layout::under_base(std::string_view iri) const {
  return iri.size() > base_.size() && iri.substr(0, base_.size()) == base_;
}

bool Layout::file_for(std::string_view iri, std::string* rel, std::string* why) const {
  if (!under_base(iri)) return *why = "not under the base", false;
  const std::string_view rest = iri.substr(base_.size());
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return *why = "a query or fragment", false;
  }
  std::string decoded;
  if (!decode_segments(rest, &decoded, why)) return false;
  *rel = base_dir_ + decoded;
  return true;
}

std::string Layout::ontology_link(std::string_view term) const {
  if (term.substr(0, kOntologyNs.size()) != kOntologyNs) return std::string(term);
  return root_ + "ns#" + std::string(term.substr(kOntologyNs.size()));
}

}  // namespace nkg::publish
