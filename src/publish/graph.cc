#include "publish/graph.h"

#include <algorithm>

namespace nkg::publish {
namespace {

void append_utf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool hex_value(std::string_view hex, uint32_t* out) {
  uint32_t v = 0;
  for (char c : hex) {
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
  }
  *out = v;
  return v <= 0x10FFFF;
}

// Unescapes the body of an IRI or string: \uXXXX, \UXXXXXXXX and (in
// strings) the ECHARs.
bool unescape(std::string_view in, bool string, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      *out += in[i];
      continue;
    }
    if (++i >= in.size()) return false;
    const char e = in[i];
    if (e == 'u' || e == 'U') {
      const size_t n = e == 'u' ? 4 : 8;
      uint32_t c = 0;
      if (i + n >= in.size() || !hex_value(in.substr(i + 1, n), &c)) return false;
      append_utf8(*out, c);
      i += n;
      continue;
    }
    if (!string) return false;
    switch (e) {
      case 't':
        *out += '\t';
        break;
      case 'b':
        *out += '\b';
        break;
      case 'n':
        *out += '\n';
        break;
      case 'r':
        *out += '\r';
        break;
      case 'f':
        *out += '\f';
        break;
      case '"':
      case '\'':
      case '\\':
        *out += e;
        break;
      default:
        return false;
    }
  }
  return true;
}

const std::vector<uint32_t> kEmpty;

}  // namespace

bool decode_nt_term(std::string_view nt, Node* out) {
  *out = Node{};
  if (nt.size() >= 2 && nt.front() == '<' && nt.back() == '>') {
    out->kind = NodeKind::Iri;
    return unescape(nt.substr(1, nt.size() - 2), false, &out->value);
  }
  if (nt.substr(0, 2) == "_:") {
    out->kind = NodeKind::Blank;
    out->value = nt.substr(2);
    return !out->value.empty();
  }
  if (nt.empty() || nt.front() != '"') return false;
  size_t end = 1;
  while (end < nt.size() && nt[end] != '"') end += nt[end] == '\\' ? 2 : 1;
  if (end >= nt.size()) return false;
  out->kind = NodeKind::Literal;
  if (!unescape(nt.substr(1, end - 1), true, &out->value)) return false;
  const std::string_view rest = nt.substr(end + 1);
  if (rest.empty()) return true;
  if (rest.front() == '@') {
    out->lang = rest.substr(1);
    return !out->lang.empty();
  }
  if (rest.substr(0, 3) == "^^<" && rest.back() == '>') {
    return unescape(rest.substr(3, rest.size() - 4), false, &out->datatype);
  }
  return false;
}

std::string Graph::key(const Node& n) {
  switch (n.kind) {
    case NodeKind::Iri:
      return "<" + n.value;
    case NodeKind::Blank:
      return "_" + n.value;
    case NodeKind::Literal:
      break;
  }
  // The value, then the language or datatype after separators that cannot
  // occur in valid UTF-8, so that different literals never share a key.
  std::string k = "\"" + n.value;
  k += '\xff';
  k += n.lang;
  k += '\xfe';
  k += n.datatype;
  return k;
}

Id Graph::intern(Node n) {
  std::string k = key(n);
  auto it = ids_.find(k);
  if (it != ids_.end()) return it->second;
  const Id id = static_cast<Id>(nodes_.size());
  nodes_.push_back(std::move(n));
  ids_.emplace(std::move(k), id);
  out_.emplace_back();
  in_.emplace_back();
  return id;
}

void Graph::add(const Node& s, const Node& p, const Node& o) {
  const Id si = intern(s), pi = intern(p), oi = intern(o);
  if (!seen_.insert({si, pi, oi}).second) return;
  const auto t = static_cast<uint32_t>(triples_.size());
  triples_.push_back({si, pi, oi});
  if (out_[si].empty()) subject_order_.push_back(si);
  out_[si].push_back(t);
  in_[oi].push_back(t);
}

void Graph::finish() {
  // Sort each index by the keys of the other two terms, so that iteration
  // order depends on the triples only, not on the order they were added.
  std::vector<std::string> keys(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i) keys[i] = key(nodes_[i]);
  auto by = [&](auto first, auto second) {
    return [&, first, second](uint32_t a, uint32_t b) {
      const Triple &x = triples_[a], &y = triples_[b];
      const int c = keys[x.*first].compare(keys[y.*first]);
      if (c != 0) return c < 0;
      return keys[x.*second] < keys[y.*second];
    };
  };
  for (auto& v : out_) std::sort(v.begin(), v.end(), by(&Triple::p, &Triple::o));
  for (auto& v : in_) std::sort(v.begin(), v.end(), by(&Triple::s, &Triple::p));
  std::sort(subject_order_.begin(), subject_order_.end(),
            [&](Id a, Id b) { return keys[a] < keys[b]; });
}

Id Graph::iri(std::string_view iri) const {
  std::string k = "<";
  k += iri;
  auto it = ids_.find(k);
  return it == ids_.end() ? kNone : it->second;
}

const std::vector<uint32_t>& Graph::out(Id s) const { return s < out_.size() ? out_[s] : kEmpty; }
const std::vector<uint32_t>& Graph::in(Id o) const { return o < in_.size() ? in_[o] : kEmpty; }

std::vector<Id> Graph::objects(Id s, Id p) const {
  std::vector<Id> r;
  if (p == kNone) return r;
  for (uint32_t t : out(s))
    if (triples_[t].p == p) r.push_back(triples_[t].o);
  return r;
}

Id Graph::object(Id s, Id p) const {
  if (p == kNone) return kNone;
  for (uint32_t t : out(s))
    if (triples_[t].p == p) return triples_[t].o;
  return kNone;
}

std::vector<Id> Graph::subjects(Id p, Id o) const {
  std::vector<Id> r;
  if (p == kNone) return r;
  for (uint32_t t : in(o))
    if (triples_[t].p == p) r.push_back(triples_[t].s);
  return r;
}

bool Graph::has(Id s, Id p, Id o) const {
  return s != kNone && p != kNone && o != kNone && seen_.count({s, p, o}) > 0;
}

}  // namespace nkg::publish
