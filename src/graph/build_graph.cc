#include "graph/build_graph.h"

#include "rdf/term_check.h"
#include "rdf/vocab.h"

namespace nkg {
using namespace vocab;

const std::string& TripleSink::vocab_type() { return RDF_TYPE; }

void TripleSink::lang_str(const std::string& s, const std::string& p, const std::string& v,
                          const std::string& lang) {
  std::string tag;
  // An article of unknown language gives plain strings, never a bad tag.
  if (lang.empty() || lang == "und" || !rdf::normalize_lang_tag(lang, &tag))
    add(s, p, rdf::Term::lit(v));
  else
    add(s, p, rdf::Term::lang_lit(v, tag));
}

void TripleSink::integer(const std::string& s, const std::string& p, long long v) {
  add(s, p, rdf::Term::typed(std::to_string(v), XSD + "integer"));
}

void TripleSink::decimal(const std::string& s, const std::string& p, const std::string& canonical) {
  add(s, p, rdf::Term::typed(canonical, XSD + "decimal"));
}

void TripleSink::date(const std::string& s, const std::string& p, const std::string& iso) {
  add(s, p, rdf::Term::typed(iso, XSD + "date"));
}

std::string article_iri(const std::string& id) { return ID + "article/" + rdf::iri_segment(id); }

static const char* type_class(EntityType t) {
  switch (t) {
    case EntityType::Person: return "Person";
    case EntityType::State: return "State";
    case EntityType::Firm: return "Firm";
    default: return nullptr;
  }
}

rdf::Triples build_graph(const std::vector<Document>& docs, const Resolution& res,
                         const GraphOptions& opts) {
  rdf::Triples out;
  TripleSink g(&out);
  for (const auto& doc : docs) {
    std::string a = article_iri(doc.id);
    if (opts.named_graphs) g.set_graph(a);
    g.type(a, NKG + "Article");
    g.type(a, NIF + "Context");
    g.str(a, DCT + "identifier", doc.id);
    g.str(a, DCT + "language", doc.lang);
    g.str(a, NKG + "sha256", doc.sha256);
    if (!doc.title.empty()) g.lang_str(a, DCT + "title", doc.title, doc.lang);
    if (!doc.issued.empty()) g.date(a, DCT + "issued", doc.issued);
    for (const auto& m : doc.mentions) {
      const EntityNode* n = res.node_for(m.entity);
      if (!n) continue;
      uint32_t b = doc.code_point_offset(m.span.begin), e = doc.code_point_offset(m.span.end);
      std::string mi = a + "#char=" + std::to_string(b) + "," + std::to_string(e);
      g.type(mi, NIF + "Phrase");
      g.iri(mi, NIF + "referenceContext", a);
      g.add(mi, NIF + "beginIndex", rdf::Term::typed(std::to_string(b), XSD + "nonNegativeInteger"));
      g.add(mi, NIF + "endIndex", rdf::Term::typed(std::to_string(e), XSD + "nonNegativeInteger"));
      g.str(mi, NIF + "anchorOf", std::string(doc.slice(m.span)));
      g.iri(mi, ITSRDF + "taIdentRef", n->iri);
    }
  }
  g.set_graph({});
  for (const auto& [iri, n] : res.nodes) {
    const char* cls = type_class(n.type);
    if (!cls) continue;
    g.type(iri, NKG + cls);
    g.lang_str(iri, SKOS + "prefLabel", n.pref_label, n.qid.empty() && n.iso.empty() ? "" : "en");
    for (const auto& [lang, labels] : n.labels)
      for (const auto& l : labels) g.lang_str(iri, RDFS + "label", l, lang);
    if (!n.qid.empty()) g.iri(iri, OWL + "sameAs", WD + n.qid);
    if (!n.iso.empty()) g.str(iri, NKG + "iso3166", n.iso);
  }
  return out;
}

}  // namespace nkg
