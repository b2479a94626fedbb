#include "extract/dates.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "test_util.h"
#include "text/segment.h"

using namespace nkg;

BOOST_AUTO_TEST_SUITE(dates_test)

static std::vector<std::string> isos(const std::string& text, const std::string& lang) {
  Document d = test::analyse(text, lang);
  std::vector<std::string> out;
  for (const auto& h : test::analyzer().dates(lang).find(d)) out.push_back(h.iso());
  return out;
}

using V = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(polish_genitive_month) {
  BOOST_TEST(isos("Umowę podpisano 12 października 2025 r. w Gdyni.", "pl") == V{"2025-10-12"});
}

BOOST_AUTO_TEST_CASE(german_ordinal_day) {
  BOOST_TEST(isos("Der Vertrag wurde am 3. September 2024 unterzeichnet.", "de") ==
             V{"2024-09-03"});
}

BOOST_AUTO_TEST_CASE(slovenian_genitive_from_pack) {
  BOOST_TEST(isos("Pogodbo so podpisali 7. oktobra 2025 v Kopru.", "sl") == V{"2025-10-07"});
}

BOOST_AUTO_TEST_CASE(dari_gregorian_months_and_persian_digits) {
  BOOST_TEST(isos("این قرارداد در ۱۵ اکتوبر ۲۰۲۵ در کابل امضا شد.", "fa") == V{"2025-10-15"});
}

BOOST_AUTO_TEST_CASE(english_month_first_and_iso) {
  BOOST_TEST(isos("It was signed on October 2, 2025 and filed 2025-10-03.", "en") ==
             (V{"2025-10-02", "2025-10-03"}));
}

BOOST_AUTO_TEST_CASE(day_and_month_without_year) {
  Document d = test::analyse("Am 6. November kam die Nachricht.", "de");
  auto hits = test::analyzer().dates("de").find(d);
  BOOST_REQUIRE_EQUAL(hits.size(), 1u);
  BOOST_TEST(hits[0].day == 6);
  BOOST_TEST(hits[0].month == 11);
  BOOST_TEST(hits[0].year == 0);
  BOOST_TEST(hits[0].iso().empty());
}

BOOST_AUTO_TEST_CASE(days_the_month_does_not_have_are_no_dates) {
  // Found by fuzz_pipeline: "2025-11-31" reached the writer, which refused it.
  BOOST_TEST(isos("Filed 2025-11-31 and 2025-11-30.", "en") == V{"2025-11-30"});
  BOOST_TEST(isos("Podpisano 31 listopada 2025 r. i 30 listopada 2025 r.", "pl") ==
             V{"2025-11-30"});
  // February 29 only in leap years; 2000 is one, 1900 and 2100 are not.
  BOOST_TEST(isos("Signed on February 29, 2024 and February 29, 2025.", "en") == V{"2024-02-29"});
  BOOST_TEST(isos("On February 29, 2000, February 29, 1900 and February 29, 2100.", "en") ==
             V{"2000-02-29"});
  BOOST_TEST(isos("Signed on 2023-02-29 or 2024-02-29.", "en") == V{"2024-02-29"});
  // Without a year, February 29 may yet be real; the year filled in later
  // (the article's) decides, in iso().
  Document d = test::analyse("Am 29. Februar kam die Nachricht.", "de");
  auto hits = test::analyzer().dates("de").find(d);
  BOOST_REQUIRE_EQUAL(hits.size(), 1u);
  BOOST_TEST(hits[0].day == 29);
  hits[0].year = 2025;
  BOOST_TEST(hits[0].iso().empty());
  hits[0].year = 2028;
  BOOST_TEST(hits[0].iso() == "2028-02-29");
  hits[0].month = 4;
  hits[0].day = 31;
  BOOST_TEST(hits[0].iso().empty());
}

BOOST_AUTO_TEST_CASE(weekday_resolves_against_article_date) {
  // 2025-11-07 is a Friday: "Thursday" is the day before, "Friday" the day itself.
  BOOST_TEST(resolve_weekday("2025-11-07", 4) == "2025-11-06");
  BOOST_TEST(resolve_weekday("2025-11-07", 5) == "2025-11-07");
  BOOST_TEST(resolve_weekday("2025-11-07", 6) == "2025-11-01");
  BOOST_TEST(resolve_weekday("not a date", 4).empty());
  BOOST_TEST(test::analyzer().dates("pl").weekday("czwartek") == 4);
  BOOST_TEST(test::analyzer().dates("de").weekday("donnerstag") == 4);
}

BOOST_AUTO_TEST_CASE(issued_date_and_title) {
  Document d = test::analyse(
      "Nowy terminal w Gdyni\n\nGdynia, 12 października 2025 r.\n\nPort ogłosił plan.", "pl");
  BOOST_TEST(d.title == "Nowy terminal w Gdyni");
  BOOST_TEST(d.issued == "2025-10-12");
}

// The knowledge's date finders skip tokens by vocabulary bits: they must
// find what a plain finder finds, and still find everything in a lemma table
// built without the vocabulary (no bits to trust).
BOOST_AUTO_TEST_CASE(vocabulary_bits_change_nothing_found) {
  size_t hits = 0;
  for (const Document& d : test::sample_corpus()) {
    const std::string& lang = d.lang;
    const DateFinder& fast = test::knowledge().dates(lang);
    DateFinder plain(fast.pack());
    auto key = [](const std::vector<DateHit>& v) {
      std::vector<std::tuple<uint32_t, uint32_t, int, int, int>> out;
      for (const auto& h : v) out.emplace_back(h.first, h.last, h.year, h.month, h.day);
      return out;
    };
    const auto want = key(plain.find(d));
    hits += want.size();
    BOOST_TEST(
        key(fast.find(d, token_lemmas(d, fast.pack(), &test::knowledge().vocabulary()))) == want,
        d.path);
    BOOST_TEST(key(fast.find(d, token_lemmas(d, fast.pack()))) == want, d.path);
  }
  BOOST_TEST(hits > 5u);
}

// iso() writes what "%04d-%02d-%02d" writes, padding included.
BOOST_AUTO_TEST_CASE(iso_pads_every_field) {
  BOOST_TEST((DateHit{0, 0, 2025, 11, 7}.iso() == "2025-11-07"));
  BOOST_TEST((DateHit{0, 0, 987, 1, 31}.iso() == "0987-01-31"));
  BOOST_TEST((DateHit{0, 0, 2024, 12, 10}.iso() == "2024-12-10"));
  BOOST_TEST((DateHit{0, 0, 12345, 3, 1}.iso() == "12345-03-01"));
  BOOST_TEST((DateHit{0, 0, 2025, 2, 29}.iso().empty()));
}

BOOST_AUTO_TEST_SUITE_END()
