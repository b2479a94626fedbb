#include "text/langid.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"
#include "text/segment.h"

using namespace nkg;

BOOST_AUTO_TEST_SUITE(langid_test)

BOOST_AUTO_TEST_CASE(own_sentences) {
  BOOST_TEST(identify_language("Rząd w Warszawie podpisał wczoraj umowę z bankiem, który "
                               "sfinansuje budowę nowego terminalu lotniczego.")
                 .lang == "pl");
  BOOST_TEST(identify_language("Die Bundesregierung hat gestern mit der Bank einen Vertrag "
                               "über den Bau eines neuen Flughafenterminals geschlossen.")
                 .lang == "de");
  BOOST_TEST(identify_language("Vlada je včeraj z banko podpisala pogodbo, ki bo financirala "
                               "gradnjo novega letališkega terminala v prestolnici.")
                 .lang == "sl");
  BOOST_TEST(identify_language("The government signed a contract with the bank yesterday to "
                               "finance a new airport terminal in the capital.")
                 .lang == "en");
  BOOST_TEST(
      identify_language("دولت دیروز با بانک قراردادی امضا کرد که ساخت ترمینال جدید "
                        "فرودگاه در پایتخت را تامین مالی می‌کند.")
          .lang == "fa");
}

BOOST_AUTO_TEST_CASE(seed_articles) {
  if (!test::have_shared()) {
    BOOST_TEST_MESSAGE("../shared/seeds absent: seed language test skipped");
    return;
  }
  const std::pair<const char*, const char*> want[] = {{"000_874aede37539318c.txt", "fa"},
                                                      {"001_3711af85d81b8142.txt", "pl"},
                                                      {"002_c4bd30540ca8e84f.txt", "de"},
                                                      {"003_9948e0a72b008d3a.txt", "de"},
                                                      {"004_bb9ce779bcfc0666.txt", "sl"}};
  for (auto& [file, lang] : want) {
    std::ifstream in(test::shared_dir() + "/seeds/" + file);
    std::stringstream ss;
    ss << in.rdbuf();
    BOOST_TEST(identify_language(ss.str()).lang == lang, file);
  }
}

namespace {

Document segmented(std::string text) {
  Document d;
  d.text = std::move(text);
  segment(d);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_sample_holds_lowercase_words_only_and_is_bounded) {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "Minister John Smith z Warszawy podpisał 12 umów z firmą Acme w roku 2024. ";
  Document d = segmented(text);
  const std::string sample = language_sample(d);
  BOOST_TEST_REQUIRE(!sample.empty());
  BOOST_TEST(sample.size() <= kLangSampleBytes);
  BOOST_TEST(sample.size() > kLangSampleBytes / 2);
  BOOST_TEST(sample.find("podpisał") != std::string::npos);
  for (const char* left_out : {"Minister", "John", "Smith", "Warszawy", "Acme", "12", "2024"})
    BOOST_TEST(sample.find(left_out) == std::string::npos, left_out);
  BOOST_TEST(identify_language(d).lang == "pl");
}

BOOST_AUTO_TEST_CASE(a_short_sample_falls_back_to_the_whole_text) {
  Document d = segmented("Rząd w Warszawie podpisał wczoraj umowę z bankiem.");
  BOOST_TEST(language_sample(d).empty());
  BOOST_TEST(identify_language(d).lang == "pl");
  // Names only: no lowercase word at all.
  Document names = segmented("Donald Trump Tulsi Gabbard Astana Panasonic");
  BOOST_TEST(language_sample(names).empty());
}

BOOST_AUTO_TEST_CASE(an_uncased_script_is_sampled_whole_words) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text +=
        "دولت دیروز با بانک قراردادی امضا کرد که ساخت ترمینال جدید را تامین "
        "می‌کند. ";
  Document d = segmented(text);
  BOOST_TEST(!language_sample(d).empty());
  BOOST_TEST(identify_language(d).lang == "fa");
}

// Sampling must name the same language as the whole text on real articles.
BOOST_AUTO_TEST_CASE(sample_and_whole_text_agree_on_the_corpus_and_seeds) {
  std::vector<std::string> dirs{NEWSKG_TEST_DIR "/../corpus"};
  if (test::have_shared()) dirs.push_back(test::shared_dir() + "/seeds");
  size_t sampled = 0;
  for (const auto& dir : dirs)
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      Document d = segmented(ss.str());
      sampled += !language_sample(d).empty();
      BOOST_TEST(identify_language(d).lang == identify_language(d.text).lang, e.path().string());
    }
  BOOST_TEST(sampled > 5u);
}

BOOST_AUTO_TEST_SUITE_END()
