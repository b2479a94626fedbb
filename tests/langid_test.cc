#include "text/langid.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

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

BOOST_AUTO_TEST_SUITE_END()
