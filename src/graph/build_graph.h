// Builds the RDF graph of the contract (../shared/spec/CONTRACT.md) from the
// analysed articles and the resolution (corpus stage).
#pragma once
#include <cstdint>
#include <functional>
#include <tuple>
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

std::string article_iri(std::string_view id);

rdf::Triples build_graph(const std::vector<Document>& docs, const Resolution& res,
                         const std::vector<AgreementGroup>& agreements, const Knowledge& k,
                         const GraphOptions& opts);

class TripleSink;

// The agreement node each report belongs to, by (article rank, record index).
class AgreementIndex {
 public:
  explicit AgreementIndex(const std::vector<AgreementGroup>& groups);
  const std::string* iri_of(uint32_t doc, uint32_t idx) const;

 private:
  const std::vector<AgreementGroup>& groups_;
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> index_;  // doc, idx, group; sorted
};

// build_graph in parts, so that a corpus can be streamed one article at a
// time (the union of the parts is build_graph's result):
// one article's triples: the article and its mentions (in its named graph
// with opts.named_graphs), its roles, and what it reports of each agreement;
void emit_article(const Document& doc, uint32_t rank, const Resolution& res,
                  const AgreementIndex& agreements, const Knowledge& k, const GraphOptions& opts,
                  TripleSink& g);
// the entity nodes (or one of them);
void emit_entities(const Resolution& res, TripleSink& g);
void emit_entity(const EntityNode& n, TripleSink& g);
// each agreement node's classes and the conflicts between its articles.
// `reports` sorted by (doc, idx); `article_id(rank)` is an article's id.
void emit_agreement_nodes(const std::vector<AgreementGroup>& groups,
                          const std::vector<AgreementReport>& reports,
                          const std::function<std::string_view(uint32_t)>& article_id,
                          TripleSink& g);

// Adds triples with short predicate names; shared by the graph stages.
class TripleSink {
 public:
  explicit TripleSink(rdf::Triples* out) : out_(out) {}
  void set_graph(std::string g) { graph_ = std::move(g); }
  // Hands the triples to `f` (which takes them) whenever there are `n`:
  // one agreement node can have triples for each of thousands of articles
  // (its conflicts' sources), more than a corpus stage should hold at once.
  void drain_every(size_t n, std::function<void(rdf::Triples&)> f) {
    drain_at_ = n;
    drain_ = std::move(f);
  }
  void add(const std::string& s, const std::string& p, rdf::Term o) {
    out_->push_back({rdf::Term::iri(s), rdf::Term::iri(p), std::move(o), graph_});
    if (out_->size() >= drain_at_) {
      drain_(*out_);
      out_->clear();
    }
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
  size_t drain_at_ = SIZE_MAX;
  std::function<void(rdf::Triples&)> drain_;
};

}  // namespace nkg
