#include "text/normalize.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace nkg;

BOOST_AUTO_TEST_SUITE(normalize_test)

BOOST_AUTO_TEST_CASE(case_fold_and_diacritics) {
  BOOST_TEST(match_key("TADŽIKISTAN") == "tadzikistan");
  BOOST_TEST(match_key("Weißes Haus") == "weisses haus");
  // NFD input gives the same key as NFC.
  BOOST_TEST(match_key("Zu\xCC\x88rich") == match_key("Z\xC3\xBCrich"));
}

BOOST_AUTO_TEST_CASE(arabic_letters_fold_to_persian) {
  BOOST_TEST(match_key("علي") == match_key("علی"));
  BOOST_TEST(match_key("كتاب") == match_key("کتاب"));
  // ZWNJ and tatweel vanish: stripped copy matches.
  BOOST_TEST(match_key("رئیس\u200Cجمهور") == match_key("رئیسجمهور"));
  BOOST_TEST(match_key("تـاجیکستان") == match_key("تاجیکستان"));
  // Hamza above (ezafe) and harakat are marks.
  BOOST_TEST(match_key("خارجهٔ") == match_key("خارجه"));
}

BOOST_AUTO_TEST_CASE(digits_of_any_script_become_ascii) {
  BOOST_TEST(match_key("۱.۱") == "1.1");
  BOOST_TEST(match_key("٢٠٢٤") == "2024");
}

BOOST_AUTO_TEST_CASE(bidi_and_invisible_controls_removed) {
  BOOST_TEST(match_key("Ka\u200Bzach\u00ADstan\u202E") == "kazachstan");
  BOOST_TEST(match_key("\uFEFFBoeing") == "boeing");
}

// A key is the keys of its characters end to end, however long the word and
// whatever the length of each character's folded form (the ligature U+FDFA
// folds to 33 bytes, most letters to one or two), and the same as the key
// normalize_with_map gives.
BOOST_AUTO_TEST_CASE(keys_are_the_keys_of_their_characters_in_order) {
  const std::vector<std::string> chars = {"\xD8\xA7",     "\xD9\x83", "A",        "\xC3\x9F",
                                          "\xEF\xB7\xBA", "\xC5\x81", "\xDB\xB1", "-",
                                          "\xE2\x80\x8C"};
  for (size_t n : {1u, 40u, 127u, 128u, 129u, 300u}) {
    std::string word, want;
    for (size_t k = 0; k < n; ++k) {
      const std::string& c = chars[(k * 7 + n) % chars.size()];
      word += c;
      want += match_key(c);
    }
    BOOST_TEST(match_key(word) == want, "n " << n);
    BOOST_TEST(normalize_with_map(word).key == want, "n " << n);
  }
  BOOST_TEST(match_key("\xEF\xB7\xBA").size() > 16u);  // the long form is there
}

BOOST_AUTO_TEST_CASE(offset_map_points_into_original) {
  std::string text = "Łódź i ﻻ وزیر\u200Cخارجه";
  KeyedText kt = normalize_with_map(text);
  BOOST_REQUIRE_EQUAL(kt.to_orig.size(), kt.key.size() + 1);
  BOOST_TEST(kt.to_orig.back() == text.size());
  // Every key byte maps to the start of a character of the original, and the
  // map never goes backwards.
  for (size_t i = 0; i < kt.key.size(); ++i) {
    BOOST_TEST((static_cast<unsigned char>(text[kt.to_orig[i]]) & 0xC0) != 0x80);
    if (i) BOOST_TEST(kt.to_orig[i] >= kt.to_orig[i - 1]);
  }
  // "lodz": the key's first byte comes from "Ł" at offset 0, "i" from offset 7.
  size_t at_i = kt.key.find(" i ");
  BOOST_REQUIRE(at_i != std::string::npos);
  BOOST_TEST(kt.to_orig[at_i + 1] == text.find(" i ") + 1);
  // The ligature ﻻ expands to two letters, both mapped to it.
  size_t lig = text.find("ﻻ");
  size_t k = kt.key.find("\xD9\x84\xD8\xA7");  // لا
  BOOST_REQUIRE(k != std::string::npos);
  BOOST_TEST(kt.to_orig[k] == lig);
  BOOST_TEST(kt.to_orig[k + 2] == lig);
}

BOOST_AUTO_TEST_SUITE_END()
