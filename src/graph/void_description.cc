#include "graph/void_description.h"

#include <algorithm>
#include <set>

#include "graph/build_graph.h"
#include "rdf/vocab.h"

namespace nkg {
using namespace vocab;

void add_void_description(rdf::Triples* triples, const std::vector<Document>& docs) {
  auto& t = *triples;
  // Graph names do not make distinct triples in the count.
  std::vector<rdf::Triple> plain = t;
  for (auto& x : plain) x.graph.clear();
  std::sort(plain.begin(), plain.end());
  plain.erase(std::unique(plain.begin(), plain.end()), plain.end());
  size_t entities = 0, links = 0;
  for (const auto& x : plain) {
    if (x.p.value == RDF_TYPE &&
        (x.o.value == NKG + "Person" || x.o.value == NKG + "State" || x.o.value == NKG + "Firm"))
      ++entities;
    if (x.p.value == OWL + "sameAs" && x.o.value.rfind(WD, 0) == 0) ++links;
  }
  std::set<std::string> langs;
  std::vector<std::string> ids;
  for (const auto& d : docs) {
    langs.insert(d.lang);
    ids.push_back(d.id);
  }
  rdf::Triples v = void_description(plain.size(), entities, links, docs.size(), langs, ids);
  t.insert(t.end(), v.begin(), v.end());
}

rdf::Triple void_source(const std::string& article_id) {
  rdf::Triples v;
  TripleSink(&v).iri(ID + "dataset", DCT + "source", article_iri(article_id));
  return v.front();
}

rdf::Triples void_description(uint64_t counted, uint64_t entities, uint64_t links,
                              uint64_t articles, const std::set<std::string>& langs,
                              const std::vector<std::string>& source_ids) {
  rdf::Triples v;
  TripleSink g(&v);
  const std::string ds = ID + "dataset";
  const std::string ls = ID + "dataset/wikidata-links";
  g.type(ds, VOID + "Dataset");
  g.lang_str(ds, DCT + "title", "newskg knowledge graph", "en");
  g.lang_str(ds, DCT + "source",
             "Extracted by newskg from the news articles listed with dct:source; every entity, "
             "role and agreement links to the article and character span it was read from.",
             "en");
  for (const auto& id : source_ids) g.iri(ds, DCT + "source", article_iri(id));
  g.iri(ds, DCT + "license", "https://creativecommons.org/licenses/by/4.0/");
  g.iri(ds, VOID + "vocabulary", NKG);
  g.iri(ds, VOID + "uriSpace", ID);
  for (const auto& l : langs) g.str(ds, DCT + "language", l);
  g.integer(ds, VOID + "entities", static_cast<long long>(entities));
  g.integer(ds, NKG + "articleCount", static_cast<long long>(articles));
  g.iri(ds, VOID + "subset", ls);
  g.type(ls, VOID + "Linkset");
  g.iri(ls, VOID + "subjectsTarget", ds);
  g.iri(ls, VOID + "objectsTarget", "http://www.wikidata.org/");
  g.iri(ls, VOID + "linkPredicate", OWL + "sameAs");
  g.integer(ls, VOID + "triples", static_cast<long long>(links));
  // The count includes the description itself (this triple too).
  g.integer(ds, VOID + "triples", static_cast<long long>(counted + v.size() + 1));
  return v;
}

}  // namespace nkg
