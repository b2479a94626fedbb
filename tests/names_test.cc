#include "extract/names.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "extract/knowledge.h"
#include "resolve/name_key.h"
#include "resolve/resolve_entities.h"
#include "test_util.h"

using namespace nkg;
using test::analyse;

BOOST_AUTO_TEST_SUITE(names_test)

static const Mention* find_surface(const Document& d, const std::string& surface) {
  for (const auto& m : d.mentions)
    if (d.slice(m.span) == surface) return &m;
  return nullptr;
}

// The script of the first letter, asked of ICU at every code point.
static bool is_latin_word_icu(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (u_isalpha(c)) {
      UErrorCode st = U_ZERO_ERROR;
      return uscript_getScript(c, &st) == USCRIPT_LATIN;
    }
  }
  return false;
}

BOOST_AUTO_TEST_CASE(latin_word_table_agrees_with_icu) {
  int wrong = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    char buf[8];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    // Alone, and after a digit and a sign that decide nothing.
    std::string alone(buf, len), later = "7\xC2\xB0" + alone;
    wrong += is_latin_word(alone) != is_latin_word_icu(alone);
    wrong += is_latin_word(later) != is_latin_word_icu(later);
  }
  BOOST_TEST(wrong == 0);
  // Every pair of bytes led by one that is not ASCII, well-formed or not
  // (the two-byte characters are decoded without ICU), then a Latin and a
  // Cyrillic letter.
  for (int b1 = 0x80; b1 < 0x100; ++b1)
    for (int b2 = 0; b2 < 0x100; ++b2)
      for (const char* tail : {"", "a", "\xD0\x9C"}) {
        const std::string s = std::string{static_cast<char>(b1), static_cast<char>(b2)} + tail;
        wrong += is_latin_word(s) != is_latin_word_icu(s);
      }
  BOOST_TEST(wrong == 0);
  BOOST_TEST(is_latin_word("\xC5\x9Aroda"));               // Środa
  BOOST_TEST(!is_latin_word("\xD0\x9C\xD0\xB8\xD1\x80"));  // Мир
  BOOST_TEST(!is_latin_word("\xD9\xBE"));                  // پ
  BOOST_TEST(is_latin_word("\xC2\xAB\xC3\xA9t\xC3\xA9"));  // «été
  BOOST_TEST(!is_latin_word("\xC3\x97\xC3\xB7"));          // ×÷: no letter
  BOOST_TEST(!is_latin_word("\xC3"));                      // cut short
  BOOST_TEST(is_latin_word("\xC3x"));
}

BOOST_AUTO_TEST_CASE(person_after_title_polish) {
  auto d = analyse("Wczoraj prezes Orlenu Jan Kowalczyk spotkał się z ministrem.", "pl");
  const Mention* m = find_surface(d, "Jan Kowalczyk");
  BOOST_REQUIRE(m);
  BOOST_TEST(m->type == EntityType::Person);
}

BOOST_AUTO_TEST_CASE(person_in_apposition_german) {
  auto d = analyse("Das sagte Lena Brückner, die Finanzministerin von Sachsen, am Montag.", "de");
  const Mention* m = find_surface(d, "Lena Brückner");
  BOOST_REQUIRE(m);
  BOOST_TEST(m->type == EntityType::Person);
}

BOOST_AUTO_TEST_CASE(firm_from_suffix_and_prefix) {
  auto d = analyse("Umowę podpisała spółka Wisła Logistyka oraz Baltic Rail Group.", "pl");
  const Mention* a = find_surface(d, "Wisła Logistyka");
  const Mention* b = find_surface(d, "Baltic Rail Group");
  BOOST_REQUIRE(a);
  BOOST_REQUIRE(b);
  BOOST_TEST(a->type == EntityType::Firm);
  BOOST_TEST(b->type == EntityType::Firm);
}

BOOST_AUTO_TEST_CASE(inflected_surname_resolves_to_full_name) {
  auto d = analyse(
      "Minister Tomasz Wrzosek przyjechał do Gdańska. Rozmowy z Wrzoskiem trwały "
      "długo, a potem Wrzosek wyjechał.",
      "pl");
  const Mention* full = find_surface(d, "Tomasz Wrzosek");
  const Mention* alone = find_surface(d, "Wrzosek");
  BOOST_REQUIRE(full);
  BOOST_REQUIRE(alone);
  BOOST_TEST(alone->entity == full->entity);
}

// Surnames of 63 bytes and more share one bit of the length filter.
BOOST_AUTO_TEST_CASE(long_surnames_alone_resolve_to_full_name) {
  const std::string a(70, 'k'), b(64, 'k');
  auto d = analyse(
      "Minister Tomasz W" + a + " i prezes Anna W" + b + " przyjechali. Potem W" + a + " wyjechał.",
      "pl");
  const Mention* full = find_surface(d, "Tomasz W" + a);
  const Mention* other = find_surface(d, "Anna W" + b);
  BOOST_REQUIRE(full);
  BOOST_REQUIRE(other);
  BOOST_TEST(full->entity != other->entity);
  int alone = 0;
  for (const auto& m : d.mentions)
    if (d.slice(m.span) == "W" + a && (alone += 1)) BOOST_TEST(m.entity == full->entity);
  BOOST_TEST(alone == 1);
}

// Many people, each named in full twice: each surname alone is its own
// person (parts are looked up by hash; one name twice is one class, not two
// sharing the surname).
BOOST_AUTO_TEST_CASE(many_surnames_alone_resolve_each_to_its_full_name) {
  const std::vector<std::string> surnames = {
      "Abramczyk",  "Borkowiak",     "Cedrowicz",    "Dunajczyk",   "Ejsmontowicz", "Filipiak",
      "Grabarczyk", "Hryniewicz",    "Iwaszkiewicz", "Jabłonowicz", "Lewandowicz",  "Mrozowicz",
      "Pietrzyk",   "Radziwiłowicz", "Sobczyk",      "Tomaszewicz", "Urbaniak",     "Wachowiak"};
  std::string text;
  for (const auto& s : surnames) text += "Minister Tomasz " + s + " przyjechał do Gdańska. ";
  for (const auto& s : surnames) text += "Minister Tomasz " + s + " wyjechał. ";
  for (const auto& s : surnames) text += "Potem " + s + " milczał. ";
  auto d = analyse(text, "pl");
  for (const auto& s : surnames) {
    const Mention* full = find_surface(d, "Tomasz " + s);
    BOOST_REQUIRE(full);
    int alone = 0;
    for (const auto& m : d.mentions)
      if (d.slice(m.span) == s && (alone += 1)) BOOST_TEST(m.entity == full->entity, s);
    BOOST_TEST(alone == 1, s);
  }
}

BOOST_AUTO_TEST_CASE(two_people_sharing_a_surname_stay_apart) {
  auto d = analyse("Prezes Anna Nowicka i minister Piotr Nowicka rozmawiali. Potem Nowicka wyszła.",
                   "pl");
  const Mention* a = find_surface(d, "Anna Nowicka");
  const Mention* b = find_surface(d, "Piotr Nowicka");
  BOOST_REQUIRE(a);
  BOOST_REQUIRE(b);
  BOOST_TEST(a->entity != b->entity);
  // The bare surname is ambiguous: no mention is made of it.
  int bare = 0;
  for (const auto& m : d.mentions) bare += d.slice(m.span) == "Nowicka";
  BOOST_TEST(bare == 0);
}

BOOST_AUTO_TEST_CASE(firm_first_word_alone_and_mentions_in_text_order) {
  auto d = analyse(
      "Umowę z Kazachstanem podpisała Baltic Rail Group. Prezes Anna Nowicka "
      "powiedziała, że Baltic zapłaci w Polsce i że spółka „Wistulana” też.",
      "pl");
  const Mention* full = find_surface(d, "Baltic Rail Group");
  const Mention* alone = find_surface(d, "Baltic");
  BOOST_REQUIRE(full);
  BOOST_REQUIRE(alone);
  BOOST_TEST(alone->entity == full->entity);
  BOOST_TEST(alone->type == EntityType::Firm);
  const Mention* quoted = find_surface(d, "Wistulana");
  BOOST_REQUIRE(quoted);
  BOOST_TEST(quoted->type == EntityType::Firm);
  // Known states and names found later are merged into one order by start.
  for (size_t i = 1; i < d.mentions.size(); ++i)
    BOOST_TEST(d.mentions[i - 1].span.begin < d.mentions[i].span.begin);
}

// Without capitals, words opening a sentence before ", <title>" name a
// person unless one is an agreement word, looked up where no capital
// asked for it.
BOOST_AUTO_TEST_CASE(persian_name_before_title_but_no_agreement_word) {
  auto d = analyse("پنی التاوس، رئیس اجرایی شرکت، سخنرانی کرد.", "fa");
  const Mention* name = find_surface(d, "پنی التاوس");
  BOOST_REQUIRE(name);
  BOOST_TEST(name->type == EntityType::Person);
  auto t = analyse("پنی قرارداد، رئیس اجرایی شرکت، سخنرانی کرد.", "fa");
  BOOST_TEST(!find_surface(t, "پنی قرارداد"));
}

// English cues for Latin words where most words of the sample are not
// Latin: exactly half is not most.
BOOST_AUTO_TEST_CASE(latin_cues_where_most_words_are_not_latin) {
  auto half = analyse("Nord Rail Group دیروز اعلام کرد.", "fa");
  BOOST_TEST(!find_surface(half, "Nord Rail Group"));
  auto most = analyse("Nord Rail Group دیروز امروز اعلام کرد.", "fa");
  const Mention* firm = find_surface(most, "Nord Rail Group");
  BOOST_REQUIRE(firm);
  BOOST_TEST(firm->type == EntityType::Firm);
}

BOOST_AUTO_TEST_CASE(latin_name_in_parentheses_after_persian) {
  auto d =
      analyse("شرکت آلفا نورد لاجستیک (Alpha Nord Logistics Group) قرارداد را امضا کرد.", "fa");
  const Mention* latin = find_surface(d, "Alpha Nord Logistics Group");
  const Mention* persian = find_surface(d, "آلفا نورد لاجستیک");
  BOOST_REQUIRE(latin);
  BOOST_REQUIRE(persian);
  BOOST_TEST(latin->type == EntityType::Firm);
  BOOST_TEST(persian->entity == latin->entity);
}

BOOST_AUTO_TEST_CASE(skeletons_unify_transliterations) {
  BOOST_TEST(skeleton_words("Tokajew", false) == skeleton_words("Tokayev", false));
  BOOST_TEST(skeleton_words("Tokajev", false) == skeleton_words("Tokayev", false));
  BOOST_TEST(skeleton_words("Mirzijojew", false) == skeleton_words("Mirziyoyev", false));
  BOOST_TEST(skeleton_words("Kov Kaz", false) == skeleton_words("Cove Kaz", false));
  BOOST_TEST(skeleton_words("کوو کاز", true) == skeleton_words("Cove Kaz", true));
  BOOST_TEST(skeleton_words("Nowak", false) != skeleton_words("Novotny", false));
}

// The ASCII shortcut of to_ascii must give what ICU's transliterator gives:
// every printable ASCII character, alone and in names, and mixed names.
BOOST_AUTO_TEST_CASE(ascii_shortcut_agrees_with_the_transliterator) {
  std::string all;
  for (char c = 0x20; c < 0x7F; ++c) {
    all += c;
    BOOST_TEST(to_ascii(std::string(1, c)) == to_ascii_icu(std::string(1, c)));
  }
  BOOST_TEST(to_ascii(all) == to_ascii_icu(all));
  for (const char* n : {"Tau-Ken Samruk", "KTZ Express JSC", "O'Neill & Co. (UK) Ltd."})
    BOOST_TEST(to_ascii(n) == to_ascii_icu(n));
  BOOST_TEST(to_ascii("Škoda Transportation") == "skoda transportation");
  BOOST_TEST(to_ascii("Токаев") == to_ascii_icu("Токаев"));
  for (const char* n : {"Tokajew", "کوو کاز", "Cove Kaz Capital Group", "Ж"}) {
    const Skeletons sk = skeletons(n);
    BOOST_TEST(sk.strong == skeleton_words(n, false));
    BOOST_TEST(sk.weak == skeleton_words(n, true));
  }
}

BOOST_AUTO_TEST_CASE(one_node_across_articles_and_scripts) {
  std::vector<Document> docs;
  docs.push_back(analyse("Firma Cove Kaz Capital Group ogłosiła plan.", "pl", "a.txt"));
  docs.push_back(analyse("Der Investor Cove Capital kündigte das an.", "de", "b.txt"));
  docs.push_back(
      analyse("شرکت کوو کاز کپیتال گروپ (Kov Kaz Capital Group) اعلام کرد.", "fa", "c.txt"));
  Resolution r = resolve_entities(docs, test::knowledge());
  std::set<std::string> nodes;
  for (const auto& d : docs)
    for (const auto& m : d.mentions)
      if (m.type == EntityType::Firm) nodes.insert(r.node_of.at(m.entity));
  BOOST_TEST(nodes.size() == 1u);
}

// Resolution caches the gazetteer's name index by Knowledge::serial(). A
// Knowledge loaded from data whose gazetteer also knows "Cove Kaz Capital
// Group" has a serial of its own, and resolving with it links the firm to
// that entry; resolving with the first again does not (a stale index would).
BOOST_AUTO_TEST_CASE(resolution_follows_the_knowledge_it_is_given) {
  namespace fs = std::filesystem;
  Knowledge other;
  BOOST_TEST(other.serial() == 0u);
  std::string tmpl = (fs::temp_directory_path() / "newskg-names-test-XXXXXX").string();
  const fs::path dir = mkdtemp(tmpl.data());
  fs::copy(NEWSKG_DATA_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream g(dir / "gazetteer" / "entities.tsv", std::ios::app);
    g << "test_cove_kaz\tFirm\t-\tCove Kaz Capital Group\t\n";
  }
  Error e;
  const bool loaded = other.load(dir.string(), &e);
  fs::remove_all(dir);
  BOOST_REQUIRE_MESSAGE(loaded, e.message());
  BOOST_TEST(other.serial() != 0u);
  BOOST_TEST(other.serial() != test::knowledge().serial());

  std::vector<Document> docs;
  docs.push_back(analyse("Firma Cove Kaz Capital Group ogłosiła plan.", "pl", "a.txt"));
  auto firm_node = [&](const Resolution& r) {
    for (const auto& m : docs[0].mentions)
      if (m.type == EntityType::Firm) return r.node_of.at(m.entity);
    return std::string();
  };
  const std::string a = firm_node(resolve_entities(docs, test::knowledge()));
  const std::string b = firm_node(resolve_entities(docs, other));
  const std::string c = firm_node(resolve_entities(docs, test::knowledge()));
  BOOST_TEST(!a.empty());
  BOOST_TEST(b.find("test_cove_kaz") != std::string::npos, b);
  BOOST_TEST(a != b);
  BOOST_TEST(a == c);
}

BOOST_AUTO_TEST_CASE(treaty_names_are_not_persons) {
  auto d = analyse("Kazachstan przystąpi do Porozumień Abrahama, powiedział minister.", "pl");
  for (const auto& m : d.mentions) BOOST_TEST(m.type != EntityType::Person, d.slice(m.span));
}

BOOST_AUTO_TEST_SUITE_END()
