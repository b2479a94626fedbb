#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "rdf/vocab.h"
#include "test_util.h"

using namespace nkg;

BOOST_AUTO_TEST_SUITE(graph_test)

static size_t count(const rdf::Triples& t, const std::string& p, const std::string& o = {}) {
  size_t n = 0;
  for (const auto& x : t) n += x.p.value == p && (o.empty() || x.o.value == o);
  return n;
}

static rdf::Triples graph_of(std::vector<Document>& docs) {
  Resolution r = resolve_entities(docs, test::knowledge());
  auto groups = merge_agreements(docs, r);
  rdf::Triples t = build_graph(docs, r, groups, test::knowledge(), {});
  add_void_description(&t, docs);
  // The writer sorts and de-duplicates; do the same here.
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  return t;
}

BOOST_AUTO_TEST_CASE(conflicting_values_are_kept_with_their_sources) {
  std::vector<Document> docs;
  docs.push_back(
      test::analyse("Orano und Navoiyuran haben ein Joint Venture über 500 Millionen "
                    "US-Dollar unterzeichnet.",
                    "de", "a.txt"));
  docs.push_back(
      test::analyse("Orano i Navoiyuran podpisały umowę o wspólnym przedsięwzięciu o "
                    "wartości 600 mln dolarów.",
                    "pl", "b.txt"));
  rdf::Triples t = graph_of(docs);
  using namespace vocab;
  BOOST_TEST(count(t, RDF_TYPE, NKG + "Agreement") == 1u);
  BOOST_TEST(count(t, RDF_TYPE, SCHEMA + "MonetaryAmount") == 2u);
  BOOST_TEST(count(t, RDF_TYPE, NKG + "Conflict") == 1u);
  BOOST_TEST(count(t, NKG + "conflictProperty", NKG + "value") == 1u);
  // Each value names the article it comes from.
  for (const auto& x : t)
    if (x.p.value == RDF_TYPE && x.o.value == SCHEMA + "MonetaryAmount") {
      size_t sources = 0;
      for (const auto& y : t) sources += y.s == x.s && y.p.value == PROV + "wasDerivedFrom";
      BOOST_TEST(sources == 1u);
    }
}

BOOST_AUTO_TEST_CASE(agreeing_articles_give_one_value_from_both) {
  std::vector<Document> docs;
  docs.push_back(
      test::analyse("Orano und Navoiyuran haben ein Joint Venture über 500 Millionen "
                    "US-Dollar unterzeichnet.",
                    "de", "a.txt"));
  docs.push_back(
      test::analyse("Orano i Navoiyuran podpisały umowę o wspólnym przedsięwzięciu o "
                    "wartości 500 mln dolarów.",
                    "pl", "b.txt"));
  rdf::Triples t = graph_of(docs);
  using namespace vocab;
  BOOST_TEST(count(t, RDF_TYPE, SCHEMA + "MonetaryAmount") == 1u);
  BOOST_TEST(count(t, RDF_TYPE, NKG + "Conflict") == 0u);
}

BOOST_AUTO_TEST_CASE(mentions_carry_code_point_offsets) {
  std::vector<Document> docs;
  docs.push_back(test::analyse("Źródło: rząd Kazachstanu.", "pl", "c.txt"));
  rdf::Triples t = graph_of(docs);
  using namespace vocab;
  bool found = false;
  for (const auto& x : t)
    if (x.p.value == NIF + "anchorOf" && x.o.value == "Kazachstanu") {
      found = true;
      BOOST_TEST(x.s.value.substr(x.s.value.find('#')) == "#char=13,24");
    }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(void_counts_are_exact) {
  std::vector<Document> docs;
  docs.push_back(test::analyse("Polska i Niemcy.", "pl", "d.txt"));
  rdf::Triples t = graph_of(docs);
  using namespace vocab;
  std::string triples;
  for (const auto& x : t)
    if (x.s.value == ID + "dataset" && x.p.value == VOID + "triples") triples = x.o.value;
  BOOST_TEST(triples == std::to_string(t.size()));
  BOOST_TEST(count(t, VOID + "entities", "2") == 1u);
}

// An agreement node reported by many articles has triples for each (its
// conflict's sources); the corpus stage drains the sink in batches so as
// not to hold them all. Drained or not, the triples are the same.
BOOST_AUTO_TEST_CASE(agreement_nodes_drain_in_batches_with_the_same_triples) {
  Interner in;
  std::vector<AgreementReport> reports;
  std::vector<std::string> ids;
  AgreementGroup many{"http://example.org/agreement/many", {}},
      one{"http://example.org/agreement/one", {}};
  for (uint32_t d = 0; d < 31; ++d) {
    AgreementRecord r;
    r.kind = "joint_venture";
    r.values.push_back({std::to_string(500 + d), "USD"});
    // The last article alone gives two figures: no conflict of articles.
    if (d == 30) r.values.push_back({"900", "USD"});
    reports.push_back(make_report(r, d, 0, in));
    ids.push_back("a" + std::to_string(d) + ".txt");
    (d < 30 ? many : one).members.push_back({d, 0});
  }
  const std::vector<AgreementGroup> groups{many, one};
  auto id = [&](uint32_t r) -> const std::string& { return ids[r]; };
  rdf::Triples all, rest, drained;
  TripleSink whole(&all);
  emit_agreement_nodes(groups, reports, id, whole);
  TripleSink g(&rest);
  size_t batches = 0, biggest = 0;
  g.drain_every(7, [&](rdf::Triples& t) {
    ++batches;
    biggest = std::max(biggest, t.size());
    drained.insert(drained.end(), t.begin(), t.end());
  });
  emit_agreement_nodes(groups, reports, id, g);
  BOOST_TEST(rest.size() < 7u);
  BOOST_TEST(biggest == 7u);
  BOOST_TEST(batches == all.size() / 7);
  drained.insert(drained.end(), rest.begin(), rest.end());
  std::sort(all.begin(), all.end());
  std::sort(drained.begin(), drained.end());
  BOOST_TEST((drained == all));
  using namespace vocab;
  BOOST_TEST(count(all, RDF_TYPE, NKG + "Conflict") == 1u);
  BOOST_TEST(count(all, PROV + "wasDerivedFrom") == 30u);
}

BOOST_AUTO_TEST_SUITE_END()
