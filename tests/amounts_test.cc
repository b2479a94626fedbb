#include "extract/amounts.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <memory>

#include "test_util.h"
#include "text/segment.h"

using namespace nkg;

namespace {

using V = std::vector<std::string>;

const AmountFinder& finder(const std::string& lang) {
  static std::map<std::string, std::unique_ptr<AmountFinder>> finders;
  auto& f = finders[lang];
  if (!f) f = std::make_unique<AmountFinder>(test::knowledge().pack(lang));
  return *f;
}

std::string surface(const Document& d, uint32_t first, uint32_t last) {
  uint32_t b = d.tokens[first].span.begin, e = d.tokens[last].span.end;
  return d.text.substr(b, e - b);
}

// "Money 1100000000 USD ~ <= [1,1 mld dolarów] {item}"
std::string show(const Document& d, const Amount& a) {
  std::string s = amount_kind_name(a.kind);
  s += " " + a.value;
  if (!a.high.empty()) s += "-" + a.high;
  if (!a.currency.empty()) s += " " + a.currency;
  if (a.approximate) s += " ~";
  if (a.up_to) s += " <=";
  s += " [" + surface(d, a.first, a.last) + "]";
  if (a.has_item) s += " {" + surface(d, a.item_first, a.item_last) + "}";
  return s;
}

V amounts(const std::string& text, const std::string& lang) {
  Document d = test::analyse(text, lang);
  V out;
  for (const auto& a : finder(lang).find(d)) out.push_back(show(d, a));
  return out;
}

std::string num(const std::string& text, const std::string& lang) {
  std::string out;
  return parse_number(text, lang, &out) ? out : "FAIL";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(amounts_test)

BOOST_AUTO_TEST_CASE(parse_number_locale_conventions) {
  // Decimal comma where the locale has one, decimal point elsewhere.
  BOOST_TEST(num("1,1", "pl") == "1.1");
  BOOST_TEST(num("2,5", "de") == "2.5");
  BOOST_TEST(num("0,75", "sl") == "0.75");
  BOOST_TEST(num("1.1", "en") == "1.1");
  BOOST_TEST(num("1.1", "fa") == "1.1");
  BOOST_TEST(num("1,000", "pl") == "1");
  // A lone separator that is not the decimal one groups before three digits.
  BOOST_TEST(num("1,100", "en") == "1100");
  BOOST_TEST(num("1.100", "de") == "1100");
  BOOST_TEST(num("1.100", "pl") == "1100");
  BOOST_TEST(num("2.5", "de") == "2.5");
  BOOST_TEST(num("1,5", "en") == "1.5");
  // Several groups, both separators.
  BOOST_TEST(num("1.100.000", "pl") == "1100000");
  BOOST_TEST(num("1,100,000", "en") == "1100000");
  BOOST_TEST(num("1.100.000,50", "de") == "1100000.5");
  BOOST_TEST(num("1,100,000.50", "en") == "1100000.5");
  BOOST_TEST(num("1,100,000.50", "pl") == "1100000.5");
  BOOST_TEST(num("1'000'000", "de") == "1000000");
  // Spaces of any kind group.
  BOOST_TEST(num("410 000", "pl") == "410000");
  BOOST_TEST(num("410\u00a0000", "pl") == "410000");
  BOOST_TEST(num("410\u202f000", "pl") == "410000");
  BOOST_TEST(num("410\u2009000,5", "pl") == "410000.5");
  // Persian and Arabic digits and separators.
  BOOST_TEST(num("۱.۱", "fa") == "1.1");
  BOOST_TEST(num("۷٫۵", "fa") == "7.5");
  BOOST_TEST(num("7٫5", "fa") == "7.5");  // the match key of "۷٫۵"
  BOOST_TEST(num("۱٬۱۰۰", "fa") == "1100");
  BOOST_TEST(num("١٢٣", "fa") == "123");
  // Canonical xsd:decimal.
  BOOST_TEST(num("007", "en") == "7");
  BOOST_TEST(num("0,50", "pl") == "0.5");
  BOOST_TEST(num("1.0", "en") == "1");
  BOOST_TEST(num("0", "en") == "0");
  BOOST_TEST(num("12", "und") == "12");
  // Not numbers.
  for (const char* bad : {"", "1.2.3", "12,34,5", "1,,2", "1.", ".5", "abc", "1,5.000", "1,00,000",
                          "1.100.000,5,5", "12a"})
    BOOST_TEST(num(bad, "en") == "FAIL", "\"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(polish_money_percent_counts) {
  BOOST_TEST(amounts("Spółka zapłaci 1,1 mld dolarów za pakiet akcji.", "pl") ==
             V{"Money 1100000000 USD [1,1 mld dolarów]"});
  BOOST_TEST(amounts("Koszt inwestycji oszacowano na około 300 milionów dolarów.", "pl") ==
             V{"Money 300000000 USD ~ [około 300 milionów dolarów]"});
  BOOST_TEST(amounts("Inwestor przejmie 51% udziałów w spółce.", "pl") ==
             V{"Percent 51 [51] {udziałów}"});
  BOOST_TEST(amounts("Przewoźnik zamówi 12 samolotów Embraer.", "pl") ==
             V{"Count 12 [12] {samolotów Embraer}"});
  BOOST_TEST(amounts("Bank obejmie 51-procentowy pakiet.", "pl") ==
             V{"Percent 51 [51-procentowy] {pakiet}"});
  BOOST_TEST(
      amounts("Wartość kontraktu to 2,75 mln zł, a nawet do 1.100.000 euro.", "pl") ==
      (V{"Money 2750000 PLN [2,75 mln zł]", "Money 1100000 EUR <= [nawet do 1.100.000 euro]"}));
  BOOST_TEST(amounts("Fabryka zatrudni od 10 do 15 tys. osób.", "pl") ==
             V{"Count 10000-15000 [od 10 do 15 tys] {osób}"});
  BOOST_TEST(amounts("Do floty trafi osiem samolotów.", "pl") == V{"Count 8 [osiem] {samolotów}"});
  BOOST_TEST(amounts("Rząd wyda 35 miliardów dolarów, a 10–15 mld zł trafi do gmin.", "pl") ==
             (V{"Money 35000000000 USD [35 miliardów dolarów]",
                "Money 10000000000-15000000000 PLN [10–15 mld zł]"}));
}

BOOST_AUTO_TEST_CASE(polish_grouped_thousands_any_space) {
  for (const char* sp : {" ", "\u00a0", "\u202f", "\u2009"}) {
    std::string n = std::string("410") + sp + "000";
    BOOST_TEST(amounts("Huta wyprodukuje " + n + " ton rocznie.", "pl") ==
                   V{"Count 410000 [" + n + "] {ton rocznie}"},
               "separator U+" << std::hex << static_cast<int>(static_cast<unsigned char>(sp[0])));
  }
  // A year or a day never starts a group; a decimal part ends one.
  BOOST_TEST(amounts("W 2025 100 osób dostało premię 1 234,5 zł.", "pl") ==
             (V{"Count 100 [100] {osób dostało premię}", "Money 1234.5 PLN [1 234,5 zł]"}));
}

BOOST_AUTO_TEST_CASE(dates_and_years_are_not_counts) {
  BOOST_TEST(
      amounts("Umowę podpisano 6 listopada 2025 roku, a dostawy potrwają do 2030 roku.", "pl")
          .empty());
  BOOST_TEST(amounts("Am 6. November 2025 um 10:30 fiel das Ergebnis 3-1 aus.", "de").empty());
  BOOST_TEST(
      amounts("In 2025, one of the bidders left; a Boeing 787 and an F-16 landed.", "en").empty());
  // Ordinals written with a dot, and numbers glued to designations.
  BOOST_TEST(amounts("Na 80. posiedzeniu rady omówiono format G7+1 i pociąg 10/12.", "pl").empty());
  BOOST_TEST(amounts("Zum 10. Jubiläum kauft die Firma vier 787 und zwei A350.", "de") ==
             (V{"Count 4 [vier] {787}", "Count 2 [zwei] {A350}"}));
}

BOOST_AUTO_TEST_CASE(german_money_percent_counts) {
  BOOST_TEST(amounts("Der Konzern investiert rund 2,5 Milliarden US-Dollar.", "de") ==
             V{"Money 2500000000 USD ~ [rund 2,5 Milliarden US-Dollar]"});
  BOOST_TEST(amounts("Die Airline kauft bis zu 15 Boeing 787-9.", "de") ==
             V{"Count 15 <= [bis zu 15] {Boeing 787-9}"});
  BOOST_TEST(amounts("Der Bund hält 40 Prozent der Anteile.", "de") ==
             V{"Percent 40 [40 Prozent]"});
  BOOST_TEST(amounts("Sie bestellt acht weitere Flugzeuge.", "de") ==
             V{"Count 8 [acht] {weitere Flugzeuge}"});
  // "Mrd. Euro": ICU ends a sentence after the abbreviation.
  BOOST_TEST(
      amounts("Das Werk kostet 2,5 Mrd. Euro und eine Milliarde Euro Zuschüsse.", "de") ==
      (V{"Money 2500000000 EUR [2,5 Mrd. Euro]", "Money 1000000000 EUR [eine Milliarde Euro]"}));
  BOOST_TEST(amounts("Geplant sind zwischen 10 und 15 Millionen Euro.", "de") ==
             V{"Money 10000000-15000000 EUR [zwischen 10 und 15 Millionen Euro]"});
  // An article is not a count.
  BOOST_TEST(amounts("Ein Flugzeug landete.", "de").empty());
}

BOOST_AUTO_TEST_CASE(slovenian) {
  BOOST_TEST(amounts("Družba bo v tovarno vložila 450 milijonov evrov.", "sl") ==
             V{"Money 450000000 EUR [450 milijonov evrov]"});
  BOOST_TEST(amounts("Država ima 49 odstotkov delnic.", "sl") ==
             V{"Percent 49 [49 odstotkov] {delnic}"});
  BOOST_TEST(amounts("Pogodbo so podpisali 7. novembra 2025 za približno 2,5 milijarde evrov.",
                     "sl") == V{"Money 2500000000 EUR ~ [približno 2,5 milijarde evrov]"});
}

BOOST_AUTO_TEST_CASE(persian_dari) {
  BOOST_TEST(
      amounts(
          "این شرکت ۱.۵ میلیارد دالر سرمایه‌گذاری می‌کند.",
          "fa") == V{"Money 1500000000 USD [۱.۵ میلیارد دالر]"});
  BOOST_TEST(amounts("دولت ۶۰ درصد سهام را خرید.", "fa") == V{"Percent 60 [۶۰ درصد] {سهام}"});
  BOOST_TEST(amounts("شرکت هوایی ۳۷ طیاره را خرید.", "fa") == V{"Count 37 [۳۷] {طیاره}"});
  BOOST_TEST(amounts("هزینه حدود ۷٫۵ میلیون دالر است و سهم ۷۰٪ است.", "fa") ==
             (V{"Money 7500000 USD ~ [حدود ۷٫۵ میلیون دالر]", "Percent 70 [۷۰]"}));
  BOOST_TEST(amounts("وزیر گفت: نه تنها به بی بی سی، بلکه ۱.۱ میلیارد دالر.", "fa") ==
             V{"Money 1100000000 USD [۱.۱ میلیارد دالر]"});
  BOOST_TEST(amounts("تا ۲۰ طیاره و بیست و پنج موتر", "fa") ==
             (V{"Count 20 <= [تا ۲۰] {طیاره}", "Count 25 [بیست و پنج] {موتر}"}));
}

BOOST_AUTO_TEST_CASE(english) {
  BOOST_TEST(amounts("The carrier agreed to pay $300 million.", "en") ==
             V{"Money 300000000 USD [300 million]"});
  BOOST_TEST(amounts("It will buy up to 20 aircraft.", "en") ==
             V{"Count 20 <= [up to 20] {aircraft}"});
  BOOST_TEST(amounts("The bid values the group at nearly $35 billion.", "en") ==
             V{"Money 35000000000 USD ~ [nearly $35 billion]"});
  BOOST_TEST(amounts("The fund takes a 40% stake in the port.", "en") ==
             V{"Percent 40 [40] {stake}"});
  BOOST_TEST(amounts("Bids ranged from US$ 2 bn to USD 5m and $2.5bn.", "en") ==
             (V{"Money 2000000000 USD [US$ 2 bn]", "Money 5000000 USD [USD 5m]",
                "Money 2500000000 USD [2.5bn]"}));
  BOOST_TEST(amounts("It costs $10-15 billion, 5 m away.", "en") ==
             (V{"Money 10000000000-15000000000 USD [10-15 billion]", "Count 5 [5]"}));
  BOOST_TEST(amounts("They ordered one hundred and twenty jets.", "en") ==
             V{"Count 120 [one hundred and twenty] {jets}"});
  // "us" is a pronoun, "US" a code.
  BOOST_TEST(amounts("Pay us 5 dollars.", "en") == V{"Money 5 USD [5 dollars]"});
}

BOOST_AUTO_TEST_CASE(exact_decimal_scaling) {
  BOOST_TEST(amounts("Dotacja 0,5 mln zł i 1,2345 tys. zł oraz 1,234567891 mld zł.", "pl") ==
             (V{"Money 500000 PLN [0,5 mln zł]", "Money 1234.5 PLN [1,2345 tys. zł]",
                "Money 1234567891 PLN [1,234567891 mld zł]"}));
  // Scaled by a power of ten, the point moves: below one, to a whole
  // number, trailing zeros dropped; a range's bound alike.
  BOOST_TEST(
      amounts("Koszt 0,0005 tys. zł, 0,00005 tys. zł, 0,1230 tys. zł i 2,50 mln zł.", "pl") ==
      (V{"Money 0.5 PLN [0,0005 tys. zł]", "Money 0.05 PLN [0,00005 tys. zł]",
         "Money 123 PLN [0,1230 tys. zł]", "Money 2500000 PLN [2,50 mln zł]"}));
  BOOST_TEST(amounts("It costs $1.5-2.25 billion.", "en") ==
             V{"Money 1500000000-2250000000 USD [1.5-2.25 billion]"});
  // Digits past the scaler's buffer take the long way, to the same value.
  const std::string many(70, '7');
  BOOST_TEST(amounts("Dług " + many + ",5 tys. zł.", "pl") ==
             V{"Money " + many + "500 PLN [" + many + ",5 tys. zł]"});
}

BOOST_AUTO_TEST_CASE(text_order_and_no_overlap) {
  Document d = test::analyse(
      "Spółka kupi 12 samolotów za 1,1 mld dolarów i 51% udziałów, a 8 maszyn za około 300 mln zł.",
      "pl");
  auto found = finder("pl").find(d);
  BOOST_TEST(found.size() == 5u);
  uint32_t next = 0;
  for (const auto& a : found) {
    BOOST_TEST(a.first >= next);
    BOOST_TEST(a.first <= a.last);
    next = (a.has_item ? a.item_last : a.last) + 1;
    if (a.has_item) BOOST_TEST(a.item_first == a.last + 1);
  }
}

BOOST_AUTO_TEST_CASE(neutral_pack_counts_digits) {
  LangPack empty;
  AmountFinder f(empty);
  Document d;
  d.text = "Price 300 and 12.5";
  segment(d);
  auto found = f.find(d);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].value == "300");
  BOOST_TEST(found[1].value == "12.5");
}

BOOST_AUTO_TEST_CASE(pathological_digit_runs_stay_bounded) {
  // Speed is measured by the benchmarks, not here; this checks that hostile
  // runs of digits end, and never make one absurd number.
  for (std::string unit : {"123 ", "1 ", "7\u00a0", "2025 "}) {
    Document d;
    d.lang = "pl";
    while (d.text.size() < (1u << 18)) d.text += unit;
    segment(d);
    auto found = finder("pl").find(d);
    for (const auto& a : found) BOOST_TEST(a.value.size() <= 18u, "unit \"" << unit << "\"");
    if (unit == "123 ") BOOST_TEST(found.size() > 1u);
  }
}

// number_starts keeps its answers by key id, per finder: a word that starts
// no number in one language must still start one in another that shares the
// thread's key ids, and a document numbered anew must not be answered from
// the ids of the one before.
BOOST_AUTO_TEST_CASE(number_starts_by_key_id_per_finder_and_numbering) {
  const V pl = {"Count 5 [pięć] {samolotów}"};
  for (int round = 0; round < 2; ++round) {
    BOOST_TEST(amounts("Sie kauften pięć Flugzeuge und fünf Busse.", "de") ==
               V{"Count 5 [fünf] {Busse}"});
    BOOST_TEST(amounts("Kupili pięć samolotów.", "pl") == pl);
    // The words before and after a number, by key id too ("zł" is no
    // German currency, "mln" no German scale, "około" no German "about").
    BOOST_TEST(amounts("Sie zahlten około 5 mln zł.", "de") == V{"Count 5 [5] {mln zł}"});
    BOOST_TEST(amounts("Zapłacili około 5 mln zł.", "pl") ==
               V{"Money 5000000 PLN ~ [około 5 mln zł]"});
  }
  Document d = test::analyse("Kupili pięć samolotów za około 5 mln zł.", "pl");
  BOOST_REQUIRE(d.key_serial != 0u);
  BOOST_REQUIRE(d.tokens.size() == 8u);
  V want;
  for (const auto& a : finder("pl").find(d)) want.push_back(show(d, a));
  BOOST_TEST(want == (V{"Count 5 [pięć] {samolotów}", "Money 5000000 PLN ~ [około 5 mln zł]"}));
  // Under a new numbering each word's id is the id another word had.
  Document renumbered = d;
  renumbered.key_serial = d.key_serial + 1000003;
  for (size_t k = 0; k < 8; ++k) renumbered.tokens[k].key_id = d.tokens[7 - k].key_id;
  V got;
  for (const auto& a : finder("pl").find(renumbered)) got.push_back(show(renumbered, a));
  BOOST_TEST(got == want);
  // Without ids, every key is looked up.
  Document plain = d;
  plain.key_serial = 0;
  for (Token& t : plain.tokens) t.key_id = 0;
  got.clear();
  for (const auto& a : finder("pl").find(plain)) got.push_back(show(plain, a));
  BOOST_TEST(got == want);
}

// Gaps are reduced in fill_stream's own loop while ASCII and by append_gap
// from the first other byte on: symbols after the switch still match, and
// controls still block ("6\x01€").
BOOST_AUTO_TEST_CASE(gap_symbols_after_ascii) {
  BOOST_TEST(amounts("The fund (€5 million) and \"$7 million\" deals.", "en") ==
             (V{"Money 5000000 EUR [5 million]", "Money 7000000 USD [7 million]"}));
  BOOST_TEST(amounts("Es kostet 5 \u00a0€ und 6\x01€ mehr.", "de") ==
             (V{"Money 5 EUR [5]", "Count 6 [6]"}));
}

// A key holding a kWord is more than one stream unit: a word after it is
// then looked up in the stream, as the matching does. Here the scale "mln"
// it starts with ends the counted item.
BOOST_AUTO_TEST_CASE(key_holding_a_frame_byte) {
  Document d = test::analyse("Kupili pięć nowych samolotów.", "pl");
  BOOST_REQUIRE(d.tokens.size() >= 4u);
  static const std::string key = "mln\x1fsamolot\xc3\xb3w";
  d.tokens[3].key = key;
  d.tokens[3].key_id = 0;  // not the key its id names
  auto found = finder("pl").find(d);
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].value == "5");
  BOOST_TEST(found[0].has_item);
  BOOST_TEST(found[0].item_first == 2u);
  BOOST_TEST(found[0].item_last == 2u);
}

// Tokens are found from stream positions by a few steps from the token
// tried, then a binary search: here the expression reaches six tokens past
// it ("5 000 000 000 000 000 zł") and five before it ("as many as an
// estimated").
BOOST_AUTO_TEST_CASE(expressions_far_from_their_number) {
  BOOST_TEST(
      amounts("Fundusz ma 5 000 000 000 000 000 zł, 7 mln zł.", "pl") ==
      (V{"Money 5000000000000000 PLN [5 000 000 000 000 000 zł]", "Money 7000000 PLN [7 mln zł]"}));
  BOOST_TEST(
      amounts("They hired as many as an estimated 500 workers and about 7 more.", "en") ==
      (V{"Count 500 ~ <= [as many as an estimated 500] {workers}", "Count 7 ~ [about 7] {more}"}));
}

// A symbol between numbers, spaced or not, joins a range or makes a score;
// a space alone does neither.
BOOST_AUTO_TEST_CASE(symbols_between_numbers) {
  BOOST_TEST(amounts("Das Spiel endete 3 – 1 und 2-2.", "de").empty());
  BOOST_TEST(amounts("Sie zahlten 10 – 15 Euro.", "de") == V{"Money 10-15 EUR [10 – 15 Euro]"});
  BOOST_TEST(amounts("Sie kauften 10 15 Busse.", "de") ==
             (V{"Count 10 [10]", "Count 15 [15] {Busse}"}));
}

BOOST_AUTO_TEST_SUITE_END()
