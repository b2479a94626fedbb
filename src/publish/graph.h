// A graph in memory for publishing: the triples of a snapshot
// (diff/snapshot_reader.h) with their terms decoded and interned, indexed by
// subject and by object, in the snapshot's sorted order so that every walk
// over it is deterministic.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace nkg::publish {

enum class NodeKind : uint8_t { Iri, Blank, Literal };

struct Node {
  NodeKind kind = NodeKind::Iri;
  std::string value;     // IRI, blank node label (without "_:") or lexical form
  std::string datatype;  // typed literals only; empty for simple and language-tagged
  std::string lang;      // language-tagged literals only
  bool is_iri() const { return kind == NodeKind::Iri; }
  bool is_literal() const { return kind == NodeKind::Literal; }
};

// Decodes one canonical N-Triples term (as diff::split_line gives them).
// False when `nt` is not a well-formed term.
bool decode_nt_term(std::string_view nt, Node* out);

using Id = uint32_t;
inline constexpr Id kNone = UINT32_MAX;

struct Triple {
  Id s, p, o;
};

class Graph {
 public:
  // Adds one triple; a duplicate is ignored.
  void add(const Node& s, const Node& p, const Node& o);
  // Sorts the indexes after add(), so that every walk over the graph
  // depends on its triples only, not on the order they came in.
  void finish();

  const Node& node(Id id) const { return nodes_[id]; }
  size_t node_count() const { return nodes_.size(); }
  const std::vector<Triple>& triples() const { return triples_; }

  Id iri(std::string_view iri) const;  // kNone when the graph does not use it
  // Triples with subject `s` (sorted by predicate then object), and with object `o`.
  const std::vector<uint32_t>& out(Id s) const;
  const std::vector<uint32_t>& in(Id o) const;
  std::vector<Id> objects(Id s, Id p) const;
  Id object(Id s, Id p) const;  // the first object, or kNone
  std::vector<Id> subjects(Id p, Id o) const;
  bool has(Id s, Id p, Id o) const;
  // Every node that is the subject of a triple, in order of first appearance.
  const std::vector<Id>& subjects() const { return subject_order_; }

  // N-Triples-like key of a node, for interning and sorting.
  static std::string key(const Node& n);

 private:
  Id intern(Node n);
  std::vector<Node> nodes_;
  std::unordered_map<std::string, Id> ids_;
  std::vector<Triple> triples_;
  std::set<std::tuple<Id, Id, Id>> seen_;
  std::vector<std::vector<uint32_t>> out_, in_;
  std::vector<Id> subject_order_;
};

}  // namespace nkg::publish
