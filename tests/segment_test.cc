#include "text/segment.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "text/normalize.h"

using namespace nkg;

BOOST_AUTO_TEST_SUITE(segment_test)

static Document seg(const std::string& t) {
  Document d;
  d.text = t;
  segment(d);
  return d;
}

BOOST_AUTO_TEST_CASE(words_are_byte_spans_with_keys) {
  Document d = seg("Premier Łotwy spotkał się z Kanclerzem.");
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 6u);
  BOOST_TEST(d.slice(d.tokens[1].span) == "Łotwy");
  BOOST_TEST(d.tokens[1].key == "łotwy");
  BOOST_TEST(d.tokens[1].upper);
  BOOST_TEST(!d.tokens[2].upper);
}

// Breaks are found over UTF-16 and mapped back to bytes: characters of one,
// two, three and four bytes (the last a surrogate pair) before a word must
// not shift its span; ill-formed bytes take the UTF-8 path and agree.
BOOST_AUTO_TEST_CASE(spans_are_byte_offsets_after_wide_characters) {
  const std::string lead = "a \xC5\x81 \xE2\x82\xAC \xF0\x9F\x98\x80 ";
  for (const std::string& text :
       {lead + "Kazachstan. Zdanie.", lead + "\xFF Kazachstan. Zdanie."}) {
    Document d = seg(text);
    const Token* kz = nullptr;
    for (const auto& t : d.tokens)
      if (d.slice(t.span) == "Kazachstan") kz = &t;
    BOOST_TEST_REQUIRE(kz != nullptr);
    BOOST_TEST(kz->span.begin == text.find("Kazachstan"));
    BOOST_TEST(kz->key == "kazachstan");
    BOOST_TEST_REQUIRE(d.sentences.size() == 2u);
    BOOST_TEST(d.sentences.back().end == text.size());
    BOOST_TEST(d.slice(d.sentences.back()) == "Zdanie.");
  }
}

BOOST_AUTO_TEST_CASE(sentences_and_crlf) {
  Document d = seg("Pierwsze zdanie.\r\nDrugie zdanie! Trzecie?");
  BOOST_REQUIRE_EQUAL(d.sentences.size(), 3u);
  BOOST_TEST(d.tokens[2].sentence == 1u);
  BOOST_TEST(d.tokens[2].gap_before);
  BOOST_TEST(d.slice(d.tokens[2].span) == "Drugie");
}

BOOST_AUTO_TEST_CASE(german_ordinal_date_does_not_end_a_sentence) {
  Document d = seg("Die Firma unterschrieb am 3. September einen Vertrag. Danach ging es weiter.");
  BOOST_TEST(d.sentences.size() == 2u);
}

BOOST_AUTO_TEST_CASE(hyphen_keeps_words_joined_comma_does_not) {
  Document d = seg("Kasym-Żomart, Tokajew");
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 3u);
  BOOST_TEST(!d.tokens[1].gap_before);
  BOOST_TEST(d.tokens[2].gap_before);
}

BOOST_AUTO_TEST_CASE(numbers_are_marked) {
  Document d = seg("Firma zapłaci 1,5 mld i ۳۷ طیاره");
  BOOST_TEST(d.tokens[2].is_number);
  BOOST_TEST(d.tokens[2].key == "1,5");
  bool persian_number = false;
  for (auto& t : d.tokens) persian_number |= (t.is_number && t.key == "37");
  BOOST_TEST(persian_number);
}

BOOST_AUTO_TEST_CASE(persian_without_zwnj_is_one_token) {
  auto a = key_tokens("رئیس\u200Cجمهور");
  auto b = key_tokens("رئیسجمهور");
  BOOST_REQUIRE_EQUAL(a.size(), 1u);
  BOOST_TEST(a == b);
}

BOOST_AUTO_TEST_CASE(code_point_offsets) {
  Document d = seg("Ż\xC3\xB3\xC5\x82w i Kraków");
  BOOST_TEST(d.code_point_offset(0) == 0u);
  size_t k = d.text.find("Kraków");
  BOOST_TEST(d.code_point_offset(static_cast<uint32_t>(k)) == 7u);
  BOOST_TEST(d.code_point_offset(static_cast<uint32_t>(d.text.size())) == 13u);
}

// Past the 256-byte checkpoints and the eight-byte steps: every character
// boundary of a long text of 1- to 4-byte characters against a plain count.
BOOST_AUTO_TEST_CASE(code_point_offsets_of_long_mixed_text) {
  std::string text;
  const char* pieces[] = {"a", "\xC3\xB3", "\xD8\xB9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", " "};
  for (int i = 0; i < 700; ++i) text += pieces[(i * 7 + i / 5) % 6];
  Document d;
  d.text = text;
  uint32_t count = 0;
  for (uint32_t b = 0; b <= text.size(); ++b) {
    const bool boundary = b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    if (boundary) BOOST_TEST(d.code_point_offset(b) == count);
    if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++count;
  }
}

// Tokens carry ids of their match keys: one id per key (surfaces that fold
// alike share it), the same across documents of one numbering, and every
// id's key is the key match_key gives the surface.
BOOST_AUTO_TEST_CASE(tokens_number_their_keys) {
  Document a = seg("Polska i POLSKA, polska. Kanclerz Niemiec.");
  Document b = seg("Niemiec polska");
  BOOST_TEST(a.key_serial != 0u);
  BOOST_TEST(a.key_serial == b.key_serial);
  std::map<uint32_t, std::string> key_of;
  for (const Document* d : {&a, &b})
    for (const Token& t : d->tokens) {
      BOOST_TEST(t.key_id != 0u);
      BOOST_TEST(t.key == match_key(d->slice(t.span)));
      auto [it, fresh] = key_of.emplace(t.key_id, t.key);
      BOOST_TEST(it->second == t.key);  // one key per id
    }
  BOOST_REQUIRE_EQUAL(a.tokens.size(), 6u);
  BOOST_TEST(a.tokens[0].key_id == a.tokens[2].key_id);  // Polska, POLSKA
  BOOST_TEST(a.tokens[0].key_id == a.tokens[3].key_id);  // polska
  BOOST_TEST(a.tokens[0].key_id != a.tokens[1].key_id);
  BOOST_TEST(b.tokens[0].key_id == a.tokens[5].key_id);  // Niemiec in both
  std::set<uint32_t> ids;
  for (const Token& t : a.tokens) ids.insert(t.key_id);
  BOOST_TEST(ids.size() == 4u);  // polska, i, kanclerz, niemiec
}

// Tokens point into the thread's key store: a document segmented before the
// numbering starts over (past 2^16 keys) must still read its own keys, and
// surfaces too long for a slot must find their ids again.
BOOST_AUTO_TEST_CASE(keys_outlive_a_renumbering) {
  const std::string long_word = "Niederschlagswasserbeseitigungsgebühren";  // over 22 bytes
  Document before = seg("Kanclerz " + long_word + " und " + long_word + ".");
  BOOST_REQUIRE_EQUAL(before.tokens.size(), 4u);
  BOOST_TEST(before.tokens[1].key_id == before.tokens[3].key_id);
  std::string many;
  for (int i = 0; i < 70000; ++i) many += "w" + std::to_string(i) + "x ";
  Document big = seg(many);          // fills the numbering
  Document after = seg("Kanclerz");  // starts a new one
  BOOST_TEST(after.key_serial != before.key_serial);
  big = Document();  // its store may go; `before` keeps its own
  for (const Token& t : before.tokens) BOOST_TEST(t.key == match_key(before.slice(t.span)));
  BOOST_TEST(after.tokens[0].key == match_key("Kanclerz"));
}

// The first letter's case from ASCII, from two-byte characters (by table)
// and from longer ones (by ICU): upper and title case count, lower does not.
BOOST_AUTO_TEST_CASE(upper_from_one_two_and_three_byte_letters) {
  Document d = seg("Ala Łódź łódź ǅur Ωmega да ال ẞ ḁb x");
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 10u);
  const bool want[] = {true, true, false, true, true, false, false, true, false, false};
  for (size_t i = 0; i < 10; ++i) BOOST_TEST(d.tokens[i].upper == want[i], "token " << i);
}

// gap_before over one space (the shortcut), several spaces, a hyphen, a
// comma, a line break and a no-break space, and at the start of a sentence.
BOOST_AUTO_TEST_CASE(gaps_between_words) {
  Document d = seg("a b  c-d, e\nf\u00A0g. H i");
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 9u);
  const bool want[] = {true, false, false, false, true, true, false, true, false};
  for (size_t i = 0; i < 9; ++i) BOOST_TEST(d.tokens[i].gap_before == want[i], "token " << i);
}

// Every token's sentence is the one holding its first byte: sentences
// without words ("!!! ?"), several in a row, a merged ordinal, one word.
BOOST_AUTO_TEST_CASE(tokens_know_their_sentence) {
  for (const std::string& text :
       {std::string("Eins. Zwei drei! !!! ? Vier. Am 3. Mai. F\u00FCnf"), std::string("Wort"),
        std::string("? ! . A. B. C."), std::string("a\n\n\nb\nc d.\r\ne")}) {
    Document d = seg(text);
    BOOST_TEST_REQUIRE(!d.tokens.empty());
    for (const Token& t : d.tokens) {
      uint32_t want = 0;
      while (want < d.sentences.size() && d.sentences[want].end <= t.span.begin) ++want;
      BOOST_TEST(t.sentence == want, text << ": " << d.slice(t.span));
    }
  }
}

// Surfaces of every length the surface table hashes apart (1-3, 4-7, 8-16
// bytes, longer), twice each and with the table growing between: the second
// of each takes the first's id.
BOOST_AUTO_TEST_CASE(surfaces_of_every_length_find_their_ids) {
  std::string text;
  for (int round = 0; round < 2; ++round)
    for (size_t len = 1; len <= 40; ++len)
      for (char c : {'a', 'b', 'c'}) text += "Q" + std::string(len - 1, c) + " ";
  for (int i = 0; i < 3000; ++i) text += "filler" + std::to_string(i) + "z ";
  for (size_t len = 1; len <= 40; ++len) text += "Q" + std::string(len - 1, 'b') + " ";
  Document d = seg(text);
  const size_t per_round = 40 * 3;
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 2 * per_round + 3000 + 40);
  for (size_t i = 0; i < per_round; ++i) {
    BOOST_TEST(d.tokens[i].key_id == d.tokens[per_round + i].key_id, i);
    BOOST_TEST(d.tokens[i].key == match_key(d.slice(d.tokens[i].span)));
  }
  for (size_t len = 1; len <= 40; ++len)
    BOOST_TEST(
        d.tokens[2 * per_round + 3000 + len - 1].key_id == d.tokens[(len - 1) * 3 + 1].key_id, len);
}

// A surface of up to 16 bytes is read with two 8-byte loads where 16 bytes
// of text follow its start, and byte by byte near the text's end: the bytes
// after it (punctuation, the next word) must not change its id.
BOOST_AUTO_TEST_CASE(short_surfaces_ignore_the_bytes_after_them) {
  for (size_t len = 1; len <= 18; ++len) {
    const std::string w = "W" + std::string(len - 1, 'x');
    Document d = seg(w + ", " + w + ". " + w + "yy " + std::string(20, 'z') + " " + w);
    BOOST_REQUIRE_EQUAL(d.tokens.size(), 5u);
    BOOST_TEST(d.tokens[0].key_id == d.tokens[1].key_id, len);
    BOOST_TEST(d.tokens[0].key_id == d.tokens[4].key_id, len);  // the last, near the end
    BOOST_TEST(d.tokens[0].key_id != d.tokens[2].key_id, len);  // one with more bytes
  }
}

// Spans adjusted after segmentation: an abbreviation keeps its final
// period, a possessive loses its "'s" (either apostrophe) unless the word is
// too short, and keys follow the spans.
BOOST_AUTO_TEST_CASE(abbreviations_and_possessives) {
  Document d = seg("U.S. Japan's Trump\u2019s X's D.C.");
  BOOST_REQUIRE_EQUAL(d.tokens.size(), 5u);
  const char* want[] = {"U.S.", "Japan", "Trump", "X's", "D.C."};
  for (size_t i = 0; i < 5; ++i) {
    BOOST_TEST(d.slice(d.tokens[i].span) == want[i], i);
    BOOST_TEST(d.tokens[i].key == match_key(want[i]), i);
  }
}

BOOST_AUTO_TEST_SUITE_END()
