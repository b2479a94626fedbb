// Builds the RDF graph of the contract (../shared/spec/CONTRACT.md) from the
// analysed articles and the resolution (corpus stage).
#pragma once
#include <vector>

#include "core/document.h"
#include "extract/knowledge.h"
#include "rdf/term.h"
#include "resolve/merge_agreements.h"
#include "resolve/resolve_entities.h"

namespace nkg {

struct GraphOptions {
  bool named_graphs = false;  // TriG: article triples in a graph per article
};

std::string article_iri(const std::string& id);

rdf::Triples build_graph(const std::vector<Document>& docs, const Resolution& res,
                         const std::vector<AgreementGroup>& agreements, const Knowledge& k,
                         const GraphOptions& opts);

// Adds triples with short predicate names; shared by the graph stages.
class TripleSink {
 public:
  explicit TripleSink(rdf::Triples* out) : out_(out) {}
  void set_graph(std::string g) { graph_ = std::move(g); }
  void add(const std::string& s, const std::string& p, rdf::Term o) {
    out_->push_back({rdf::Term::iri(s), rdf::Term::iri(p), std::move(o), graph_});
  }
  void iri(const std::string& s, const std::string& p, const std::string& o) {
    add(s, p, rdf::Term::iri(o));
  }
  void type(const std::string& s, const std::string& cls) { iri(s, vocab_type(), cls); }
  void str(const std::string& s, const std::string& p, const std::string& v) {
    add(s, p, rdf::Term::lit(v));
  }
  void lang_str(const std::string& s, const std::string& p, const std::string& v,
                const std::string& lang);
  void integer(const std::string& s, const std::string& p, long long v);
  void decimal(const std::string& s, const std::string& p, const std::string& canonical);
  void date(const std::string& s, const std::string& p, const std::string& iso);

 private:
  static const std::string& vocab_type();
  rdf::Triples* out_;
  std::string graph_;
};

}  // namespace nkg
