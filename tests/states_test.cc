#include <boost/test/unit_test.hpp>

#include "test_util.h"

using namespace nkg;
using test::analyse;
using test::surfaces;

BOOST_AUTO_TEST_SUITE(states_test)

using V = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(polish_inflection_and_adjectives) {
  auto d = analyse(
      "Delegacja Kazachstanu przyleciała do Polski. Kazachski minister rozmawiał "
      "z przedstawicielami Stanów Zjednoczonych, a amerykańska firma milczała.",
      "pl");
  BOOST_TEST(surfaces(d, "state:KZ") == (V{"Kazachstanu", "Kazachski"}));
  BOOST_TEST(surfaces(d, "state:PL") == V{"Polski"});
  BOOST_TEST(surfaces(d, "state:US") == (V{"Stanów Zjednoczonych", "amerykańska"}));
}

BOOST_AUTO_TEST_CASE(slovenian_forms_and_short_form) {
  auto d = analyse("Minister iz Kazahstana je obiskal ZDA, ameriški podjetniki pa Kitajsko.", "sl");
  BOOST_TEST(surfaces(d, "state:KZ") == V{"Kazahstana"});
  BOOST_TEST(surfaces(d, "state:US") == (V{"ZDA", "ameriški"}));
  BOOST_TEST(surfaces(d, "state:CN") == V{"Kitajsko"});
}

BOOST_AUTO_TEST_CASE(german_genitive_and_adjective) {
  auto d = analyse("Die Rolle Russlands wächst, sagte ein chinesischer Diplomat in den USA.", "de");
  BOOST_TEST(surfaces(d, "state:RU") == V{"Russlands"});
  BOOST_TEST(surfaces(d, "state:CN") == V{"chinesischer"});
  BOOST_TEST(surfaces(d, "state:US") == V{"USA"});
}

BOOST_AUTO_TEST_CASE(persian_names_and_adjective) {
  auto d = analyse("هیئتی از قزاقستان با شرکت امریکایی در کابل دیدار کرد و سفیر چین نیز حضور داشت.",
                   "fa");
  BOOST_TEST(surfaces(d, "state:KZ") == V{"قزاقستان"});
  BOOST_TEST(surfaces(d, "state:US") == V{"امریکایی"});
  BOOST_TEST(surfaces(d, "state:CN") == V{"چین"});
}

BOOST_AUTO_TEST_CASE(english_pronoun_us_is_not_a_state) {
  auto d = analyse("Give us the report, the US envoy said in Turkmenistan.", "en");
  BOOST_TEST(surfaces(d, "state:US") == V{"US"});
  BOOST_TEST(surfaces(d, "state:TM") == V{"Turkmenistan"});
}

BOOST_AUTO_TEST_CASE(states_carry_identity) {
  const KnownEntity* kz = test::knowledge().entity("state:KZ");
  BOOST_REQUIRE(kz);
  BOOST_TEST(kz->qid == "Q232");
  BOOST_TEST(kz->iso == "KZ");
  BOOST_TEST(kz->labels.at("pl") == "Kazachstan");
}

BOOST_AUTO_TEST_SUITE_END()
