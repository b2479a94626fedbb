#include <boost/test/unit_test.hpp>

#include "test_util.h"

using namespace nkg;
using test::analyse;

BOOST_AUTO_TEST_SUITE(roles_test)

static bool has_role(const Document& d, const std::string& org_key, const std::string& post) {
  for (const auto& r : d.roles)
    if (r.organization == org_key && r.post == post) return true;
  return false;
}

BOOST_AUTO_TEST_CASE(polish_title_state_name) {
  auto d = analyse("W Astanie prezydent Kazachstanu Kasym-Żomart Tokajew przyjął gości.", "pl");
  BOOST_TEST(has_role(d, "state:KZ", "president"));
}

BOOST_AUTO_TEST_CASE(english_adjective_title_name) {
  auto d = analyse("On Monday, Kazakh President Kassym-Jomart Tokayev opened the plant.", "en");
  BOOST_TEST(has_role(d, "state:KZ", "president"));
}

BOOST_AUTO_TEST_CASE(german_prefix_title) {
  auto d = analyse("Der Vertrag wurde von US-Botschafterin Amy Gutmann begrüßt.", "de");
  BOOST_TEST(has_role(d, "state:US", "ambassador"));
}

BOOST_AUTO_TEST_CASE(slovenian_title_genitive) {
  auto d = analyse("Srečanja se je udeležil predsednik Uzbekistana Šavkat Mirzijojev.", "sl");
  BOOST_TEST(has_role(d, "state:UZ", "president"));
}

BOOST_AUTO_TEST_CASE(persian_apposition) {
  auto d = analyse("دونالد ترمپ، رئیسجمهور ایالات متحده، در کاخ سفید سخنرانی کرد.", "fa");
  BOOST_TEST(has_role(d, "state:US", "president"));
}

BOOST_AUTO_TEST_CASE(no_role_without_organisation) {
  auto d = analyse("Prezydent Donald Trump przemawiał długo.", "pl");
  BOOST_TEST(d.roles.empty());
}

BOOST_AUTO_TEST_SUITE_END()
