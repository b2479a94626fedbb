// The Turtle document of a published resource: its description plus the
// mentions and evidence that support it (docs/publishing.md, "What a
// document holds").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "publish/context.h"
#include "rdf/term.h"

namespace nkg::publish {

class Describer {
 public:
  explicit Describer(const Context& ctx);

  // Indexes into ctx.g.triples() of the document of `doc`, sorted.
  std::vector<uint32_t> describe(std::string_view doc) const;

  // Subjects whose IRI starts with `prefix`, in IRI order.
  std::vector<Id> subjects_with_prefix(std::string_view prefix) const;

  // The documents to publish: every subject IRI under the base, cut at its
  // '#', sorted and unique.
  std::vector<std::string> documents() const;

 private:
  const Context& ctx_;
  std::vector<std::pair<std::string_view, Id>> sorted_;  // IRI subjects
};

// The triples as rdf::Triples (triples with blank nodes are left out).
rdf::Triples to_rdf(const Graph& g, const std::vector<uint32_t>& triples);
rdf::Term to_term(const Node& n);

}  // namespace nkg::publish
