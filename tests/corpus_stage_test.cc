// The streaming corpus stage (core/corpus_stage.h) against the in-memory
// path (build_graph + add_void_description + write_string), and the external
// sort under it.
#include "core/corpus_stage.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "core/export_job.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "rdf/record.h"
#include "rdf/sorted_runs.h"
#include "test_util.h"

using namespace nkg;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(corpus_stage_test)

namespace {

struct TmpDir {
  fs::path path;
  TmpDir() {
    std::string t = (fs::temp_directory_path() / "newskg-corpus-test-XXXXXX").string();
    path = mkdtemp(t.data());
  }
  ~TmpDir() { fs::remove_all(path); }
};

std::vector<Document> sample_docs() {
  std::vector<Document> docs;
  docs.push_back(
      test::analyse("Orano und Navoiyuran haben ein Joint Venture über 500 Millionen US-Dollar "
                    "unterzeichnet. Kasachstans Präsident Kassym-Schomart Tokajew begrüßte das.",
                    "de", "b.txt"));
  docs.push_back(test::analyse(
      "Orano i Navoiyuran podpisały umowę o wspólnym przedsięwzięciu o wartości 600 mln "
      "dolarów. Prezydent Uzbekistanu Szawkat Mirzijojew był obecny.",
      "pl", "a.txt"));
  docs.push_back(
      test::analyse("Air Astana ordered 15 Airbus A320neo aircraft worth 1.5 billion dollars, "
                    "the Kazakh airline said on Monday.",
                    "en", "c.txt"));
  return docs;
}

std::string in_memory(std::vector<Document> docs, rdf::Format format) {
  std::sort(docs.begin(), docs.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  Resolution r = resolve_entities(docs, test::knowledge());
  auto groups = merge_agreements(docs, r);
  GraphOptions g;
  g.named_graphs = format == rdf::Format::TriG;
  rdf::Triples t = build_graph(docs, r, groups, test::knowledge(), g);
  add_void_description(&t, docs);
  std::string out, err;
  BOOST_REQUIRE_MESSAGE(rdf::write_string(t, format, &out, &err), err);
  return out;
}

std::string streamed(const std::vector<Document>& docs, rdf::Format format, unsigned threads,
                     size_t budget, const std::vector<size_t>& order) {
  TmpDir tmp;
  CorpusOptions o;
  o.format = format;
  o.output = (tmp.path / "out.ttl").string();
  o.tmp_dir = tmp.path.string();
  o.threads = threads;
  o.sort_budget = budget;
  CorpusBuilder b(test::knowledge(), o);
  std::vector<std::pair<std::string, std::string>> plan;
  for (const auto& d : docs) plan.emplace_back("in/" + d.id, d.id);
  b.plan(plan);
  for (size_t i : order) BOOST_REQUIRE(b.add(static_cast<unsigned>(i % threads), i, docs[i]));
  std::ostringstream log;
  BOOST_REQUIRE_EQUAL(b.finish({}, docs.size(), log, nullptr), 0);
  std::ifstream f(o.output, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  // Nothing but the output is left in the directory.
  size_t files = 0;
  for (auto it = fs::directory_iterator(tmp.path); it != fs::directory_iterator(); ++it) ++files;
  BOOST_TEST(files == 1u);
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(streamed_export_gives_the_in_memory_bytes) {
  std::vector<Document> docs = sample_docs();
  for (rdf::Format f : {rdf::Format::Turtle, rdf::Format::NTriples, rdf::Format::TriG}) {
    const std::string want = in_memory(docs, f);
    BOOST_TEST(want.find("Navoiyuran") != std::string::npos);
    // One big run; many tiny runs (every triple its own); other orders and threads.
    BOOST_TEST(streamed(docs, f, 1, 64u << 20, {0, 1, 2}) == want);
    BOOST_TEST(streamed(docs, f, 2, 1, {2, 0, 1}) == want);
    BOOST_TEST(streamed(docs, f, 3, 700, {1, 2, 0}) == want);
  }
}

BOOST_AUTO_TEST_CASE(a_repeated_file_name_is_exported_once_from_the_first_path) {
  std::vector<Document> docs = sample_docs();
  TmpDir tmp;
  CorpusOptions o;
  o.output = (tmp.path / "out.ttl").string();
  o.tmp_dir = tmp.path.string();
  CorpusBuilder b(test::knowledge(), o);
  Document other = test::analyse("Tokajew traf Mirzijojew in Astana.", "de", "a.txt");
  b.plan({{"z/a.txt", "a.txt"}, {"y/a.txt", "a.txt"}, {"x/b.txt", "b.txt"}});
  BOOST_REQUIRE(b.add(0, 0, docs[1]));  // z/a.txt: the later path, added first
  BOOST_REQUIRE(b.add(0, 1, other));    // y/a.txt wins
  BOOST_REQUIRE(b.add(0, 2, docs[0]));
  std::ostringstream log;
  BOOST_TEST(b.finish({}, 3, log, nullptr) == 1);
  BOOST_TEST(
      log.str().find("skipped z/a.txt: another input has the same file name") != std::string::npos,
      log.str());
  std::ifstream f(o.output);
  std::stringstream s;
  s << f.rdbuf();
  std::vector<Document> want{other, docs[0]};
  BOOST_TEST(s.str() == in_memory(want, rdf::Format::Turtle));
}

// Every record the runs give, merged; the merge must not fail.
static std::vector<std::string> merged(std::vector<std::unique_ptr<rdf::TempFile>> runs) {
  rdf::RunMerger m(std::move(runs));
  std::vector<std::string> got;
  std::string_view r;
  while (m.next(&r)) got.emplace_back(r);
  BOOST_TEST(m.error().empty());
  return got;
}

BOOST_AUTO_TEST_CASE(external_sort_yields_each_distinct_record_in_order) {
  TmpDir tmp;
  std::mt19937 rng(7);
  std::set<std::string> want;
  rdf::RunSorter a(tmp.path.string(), 300), b(tmp.path.string(), 5000);
  for (int i = 0; i < 3000; ++i) {
    std::string rec(1 + rng() % 12, 'x');
    for (auto& c : rec) c = static_cast<char>('a' + rng() % 3);  // many duplicates
    want.insert(rec);
    BOOST_REQUIRE((i % 2 ? a : b).add(rec));
  }
  BOOST_REQUIRE(a.flush());
  BOOST_REQUIRE(b.flush());
  std::vector<std::unique_ptr<rdf::TempFile>> runs = a.take_runs();
  BOOST_TEST(runs.size() > 10u);  // the budget forced many runs
  for (auto& r : b.take_runs()) runs.push_back(std::move(r));
  BOOST_TEST(merged(std::move(runs)) == std::vector<std::string>(want.begin(), want.end()),
             boost::test_tools::per_element());
}

// Runs of one level are merged once there are fan-in of them: a sorter
// holds a few per level, not one per budget's worth of records, and the
// records come out the same.
BOOST_AUTO_TEST_CASE(a_sorter_merges_its_runs_by_levels) {
  TmpDir tmp;
  std::mt19937 rng(11);
  std::set<std::string> want;
  rdf::RunSorter s(tmp.path.string(), 64, 4);
  for (int i = 0; i < 4000; ++i) {
    std::string rec(1 + rng() % 10, 'x');
    for (auto& c : rec) c = static_cast<char>('a' + rng() % 4);
    want.insert(rec);
    BOOST_REQUIRE(s.add(rec));
  }
  BOOST_REQUIRE(s.flush());
  const uint64_t written = s.runs_written();
  std::vector<std::unique_ptr<rdf::TempFile>> runs = s.take_runs();
  BOOST_TEST_REQUIRE(written > 64u);  // past two levels of merging
  // Fewer than fan-in runs per level: log4(written) + 1 levels at most.
  size_t levels = 1;
  for (uint64_t n = written; n >= 4; n /= 4) ++levels;
  BOOST_TEST(runs.size() <= 3 * levels);
  BOOST_TEST(merged(std::move(runs)) == std::vector<std::string>(want.begin(), want.end()),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(records_sort_as_triples_do) {
  using rdf::Term;
  std::vector<rdf::Triple> ts = {
      {Term::iri("http://a/x"), Term::iri("http://p"), Term::lit("b"), ""},
      {Term::iri("http://a/x"), Term::iri("http://p"), Term::lang_lit("b", "de"), ""},
      {Term::iri("http://a/x"), Term::iri("http://p"), Term::typed("b", "http://t"), ""},
      {Term::iri("http://a/x"), Term::iri("http://p"), Term::iri("http://b"), ""},
      {Term::iri("http://a/xy"), Term::iri("http://p"), Term::lit(""), ""},
      {Term::iri("http://a/x"), Term::iri("http://pq"), Term::lit("a"), "http://g"},
      {Term::iri("http://a"), Term::iri("http://p"), Term::lit("ab"), ""},
  };
  for (const auto& x : ts)
    for (const auto& y : ts) {
      std::string rx, ry;
      rdf::append_record(x, &rx);
      rdf::append_record(y, &ry);
      BOOST_TEST((rx < ry) == (x < y));
      rdf::TripleView v;
      BOOST_REQUIRE(rdf::parse_record(rx, &v));
      BOOST_TEST(std::string(v.o.value) == x.o.value);
      BOOST_TEST(std::string(v.o.lang) == x.o.lang);
      BOOST_TEST(v.o.value.data()[v.o.value.size()] == '\0');
    }
  rdf::TripleView bad;
  BOOST_TEST(!rdf::parse_record(std::string_view("x\0"
                                                 "2",
                                                 3),
                                &bad));
}

BOOST_AUTO_TEST_SUITE_END()
