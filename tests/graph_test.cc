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

BOOST_AUTO_TEST_SUITE_END()
