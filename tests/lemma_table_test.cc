// The analysis shortcuts must give what the plain computations give.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/matcher.h"
#include "test_util.h"
#include "text/segment.h"

using namespace nkg;

namespace {

std::vector<Document> corpus_docs() {
  std::vector<Document> out;
  for (const auto& e : std::filesystem::directory_iterator(NEWSKG_TEST_DIR "/../corpus")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Document d;
    d.text = ss.str();
    d.lang = e.path().filename().string().substr(0, 2);
    segment(d);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lemma_table_test)

BOOST_AUTO_TEST_CASE(indexed_rules_give_the_same_lemmas_as_a_full_scan) {
  for (const auto& d : corpus_docs()) {
    const LangPack& pack = test::knowledge().pack(d.lang);
    LangPack unindexed = pack;
    unindexed.rules.push_back({"", "\x01"});  // stale index: full scan
    for (const auto& t : d.tokens) {
      auto got = pack.lemmas(t.key);
      auto want = unindexed.lemmas(t.key);
      BOOST_TEST(got == want);
    }
  }
}

BOOST_AUTO_TEST_CASE(lemma_table_matches_per_token_lemmas_and_hashes) {
  for (const auto& d : corpus_docs()) {
    const LangPack& pack = test::knowledge().pack(d.lang);
    LemmaTable lt = token_lemmas(d, pack);
    BOOST_TEST_REQUIRE(lt.size() == d.tokens.size());
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      BOOST_TEST(lt[i] == pack.lemmas(d.tokens[i].key));
      for (size_t j = 0; j < lt[i].size(); ++j)
        BOOST_TEST(lt.hash(i, j) == std::hash<std::string_view>{}(lt[i][j]));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
