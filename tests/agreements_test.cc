#include <boost/test/unit_test.hpp>

#include "resolve/merge_agreements.h"
#include "test_util.h"

using namespace nkg;
using test::analyse;

BOOST_AUTO_TEST_SUITE(agreements_test)

static bool has_party(const AgreementRecord& a, const std::string& key) {
  return std::find(a.parties.begin(), a.parties.end(), key) != a.parties.end();
}

BOOST_AUTO_TEST_CASE(polish_purchase_with_count_and_value) {
  auto d = analyse(
      "PLL LOT podpisały w poniedziałek umowę z firmą Embraer na zakup 12 samolotów "
      "o wartości 1,2 mld dolarów.",
      "pl");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 1u);
  const auto& a = d.agreements[0];
  BOOST_TEST(a.kind == "purchase");
  BOOST_TEST(a.status == "signed");
  BOOST_TEST(a.quantity == "12");
  BOOST_REQUIRE_EQUAL(a.values.size(), 1u);
  BOOST_TEST(a.values[0].value == "1200000000");
  BOOST_TEST(a.values[0].currency == "USD");
  BOOST_TEST(has_party(a, "gaz:embraer"));
}

BOOST_AUTO_TEST_CASE(german_joint_venture_with_stakes) {
  auto d = analyse(
      "Der Bergbaukonzern Rio Tinto und die staatliche Kazatomprom haben ein Joint "
      "Venture vereinbart. Rio Tinto hält 60 Prozent, Kazatomprom 40 Prozent.",
      "de");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 1u);
  const auto& a = d.agreements[0];
  BOOST_TEST(a.kind == "joint_venture");
  BOOST_TEST(a.status == "agreed");
  BOOST_REQUIRE_EQUAL(a.stakes.size(), 2u);
  BOOST_TEST(a.stakes[0].holder == "gaz:rio-tinto");
  BOOST_TEST(a.stakes[0].share == "60");
  BOOST_TEST(a.stakes[1].holder == "gaz:kazatomprom");
  BOOST_TEST(a.stakes[1].share == "40");
}

BOOST_AUTO_TEST_CASE(slovenian_memorandum) {
  auto d =
      analyse("Banka NLB in Mastercard sta v Ljubljani podpisali memorandum o sodelovanju.", "sl");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 1u);
  BOOST_TEST(d.agreements[0].kind == "memorandum");
  BOOST_TEST(has_party(d.agreements[0], "gaz:mastercard"));
}

BOOST_AUTO_TEST_CASE(persian_treaty_accession_names_the_acceding_state) {
  auto d = analyse(
      "ازبکستان اعلام کرد که به پیمان پاریس می‌پیوندد و روسیه از آن استقبال "
      "کرد.",
      "fa");
  BOOST_REQUIRE_GE(d.agreements.size(), 1u);
  BOOST_TEST(d.agreements[0].kind == "treaty_accession");
  BOOST_TEST(d.agreements[0].parties == std::vector<std::string>{"state:UZ"});
}

BOOST_AUTO_TEST_CASE(english_investment) {
  auto d = analyse(
      "Saudi Arabia agreed to invest $5 billion in Egypt's energy sector, the two "
      "governments said.",
      "en");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 1u);
  BOOST_TEST(d.agreements[0].kind == "investment");
  BOOST_TEST(d.agreements[0].values.at(0).value == "5000000000");
}

BOOST_AUTO_TEST_CASE(a_wish_is_not_an_agreement) {
  auto d = analyse("Premier Węgier ma nadzieję, że Polska podpisze umowę z Węgrami.", "pl");
  BOOST_TEST(d.agreements.empty());
  auto e =
      analyse("Die Türkei hofft, dass Aserbaidschan einen Gasvertrag unterzeichnen wird.", "de");
  BOOST_TEST(e.agreements.empty());
}

BOOST_AUTO_TEST_CASE(quoted_speech_and_headlines_are_not_reports) {
  auto d = analyse(
      "Polska podpisze umowę z Litwą\n\n\"Zawarliśmy wiele umów z sojusznikami na "
      "całym świecie w ostatnich latach\" - powiedział minister.",
      "pl");
  BOOST_TEST(d.agreements.empty());
}

BOOST_AUTO_TEST_CASE(a_total_order_and_its_parts_stay_separate) {
  auto d = analyse(
      "Airlines from Turkey and Qatar will buy up to 30 Airbus jets. Turkish Airlines "
      "will order 18 aircraft. Qatar Airways will order 12 aircraft.",
      "en");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 3u);
  BOOST_TEST(d.agreements[0].quantity == "30");
  BOOST_TEST(d.agreements[1].quantity == "18");
  BOOST_TEST(d.agreements[2].quantity == "12");
  // The total gains the buyers of its parts; each part keeps the seller.
  BOOST_TEST(has_party(d.agreements[0], "gaz:turkish-airlines"));
  BOOST_TEST(has_party(d.agreements[0], "gaz:qatar-airways"));
  BOOST_TEST(has_party(d.agreements[1], "gaz:airbus"));
}

BOOST_AUTO_TEST_CASE(one_agreement_across_languages) {
  std::vector<Document> docs;
  docs.push_back(
      analyse("Firma Orano i Navoiyuran podpisały umowę o wspólnym przedsięwzięciu. "
              "Orano obejmie 40% udziałów.",
              "pl", "a.txt"));
  docs.push_back(
      analyse("Orano und Navoiyuran haben ein Joint Venture unterzeichnet. Orano hält "
              "40 Prozent.",
              "de", "b.txt"));
  Resolution r = resolve_entities(docs, test::knowledge());
  auto groups = merge_agreements(docs, r);
  BOOST_REQUIRE_EQUAL(docs[0].agreements.size(), 1u);
  BOOST_REQUIRE_EQUAL(docs[1].agreements.size(), 1u);
  BOOST_TEST(groups.size() == 1u);
  BOOST_TEST(groups[0].members.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
