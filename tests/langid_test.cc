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

// Each article of the project's corpus and of the seeds, segmented.
template <class F>
void for_each_article(F f) {
  std::vector<std::string> dirs{NEWSKG_TEST_DIR "/../corpus"};
  if (test::have_shared()) dirs.push_back(test::shared_dir() + "/seeds");
  for (const auto& dir : dirs)
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      f(segmented(ss.str()), e.path().string());
    }
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
  size_t sampled = 0;
  for_each_article([&](const Document& d, const std::string& path) {
    sampled += !language_sample(d).empty();
    BOOST_TEST(identify_language(d).lang == identify_language(d.text).lang, path);
  });
  BOOST_TEST(sampled > 5u);
}

// The markers' rule, on a table of made-up words: "xa".."xe" mark lang A,
// "yb", "yc" mark lang B, "zz" marks both.
namespace {
const MarkerWords& toy_markers() {
  static const MarkerWords m(
      {{"A", {"xa", "xb", "xc", "xd", "xe", "zz"}}, {"B", {"yb", "yc", "zz"}}});
  return m;
}
// `n` ordinary words: the markers given, then filler.
Document toy(const std::vector<std::string>& markers, size_t n) {
  std::string text;
  for (size_t i = 0; i < n; ++i) text += (i < markers.size() ? markers[i] : "filler") + " ";
  return segmented(text);
}
std::vector<std::string> repeat(std::vector<std::string> words, size_t times) {
  std::vector<std::string> out;
  for (size_t i = 0; i < times; ++i) out.insert(out.end(), words.begin(), words.end());
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(markers_decide_only_from_many_distinct_markers_without_a_close_rival) {
  const MarkerWords& m = toy_markers();
  // 12 markers from 4 words in 100 words: A.
  BOOST_TEST(m.decide(toy(repeat({"xa", "xb", "xc", "xd"}, 3), 100)).value_or("-") == "A");
  // The same count from 3 words only: undecided.
  BOOST_TEST(!m.decide(toy(repeat({"xa", "xb", "xc"}, 4), 100)));
  // Eleven markers decide 100 words, not 150 (the share is 1/12 of the words read).
  auto eleven = repeat({"xa", "xb", "xc", "xd"}, 2);
  for (const auto& w : {"xa", "xb", "xc"}) eleven.push_back(w);
  BOOST_TEST(m.decide(toy(eleven, 100)).value_or("-") == "A");
  BOOST_TEST(!m.decide(toy(eleven, 150)));
  // Only the window counts: markers past the first 150 words are not read.
  std::vector<std::string> late(150, "filler");
  for (const auto& w : repeat({"xa", "xb", "xc", "xd"}, 5)) late.push_back(w);
  BOOST_TEST(!m.decide(toy(late, late.size())));
  // Too short a text to judge.
  BOOST_TEST(!m.decide(toy(repeat({"xa", "xb", "xc", "xd"}, 3), 20)));
  // A rival with two distinct markers and over a third of the hits.
  auto mixed = repeat({"xa", "xb", "xc", "xd"}, 3);
  for (const auto& w : repeat({"yb", "yc"}, 3)) mixed.push_back(w);
  BOOST_TEST(!m.decide(toy(mixed, 100)));
  // A rival that shares a single word is none; a shared word counts for both.
  auto shared = repeat({"xa", "xb", "xc", "xd"}, 3);
  for (const auto& w : repeat({"zz"}, 6)) shared.push_back(w);
  BOOST_TEST(m.decide(toy(shared, 100)).value_or("-") == "A");
  // Capitalised words and numbers are not read (names are the same in every language).
  BOOST_TEST(!m.decide(toy(repeat({"Xa", "Xb", "Xc", "Xd"}, 3), 100)));
  BOOST_TEST(!MarkerWords().decide(toy(repeat({"xa", "xb", "xc", "xd"}, 3), 100)));
}

// Whenever the markers decide, CLD2 says the same: on the project's corpus and
// the seeds, where they must also decide most articles to be worth having.
BOOST_AUTO_TEST_CASE(markers_agree_with_cld2_on_the_corpus_and_seeds) {
  const MarkerWords& markers = test::knowledge().markers();
  size_t decided = 0, total = 0;
  for_each_article([&](const Document& d, const std::string& path) {
    ++total;
    if (auto lang = markers.decide(d)) {
      ++decided;
      BOOST_TEST(*lang == identify_language(d).lang, path);
    }
  });
  BOOST_TEST(decided * 4 >= total * 3, decided << " of " << total);
}

// Markers read by key id (remembered per thread) decide as markers read by
// key, documents interleaved so that the memory is reused across them.
BOOST_AUTO_TEST_CASE(markers_by_key_id_decide_as_by_key) {
  const MarkerWords& markers = test::knowledge().markers();
  size_t with_ids = 0;
  for_each_article([&](const Document& d, const std::string& path) {
    Document plain = d;
    plain.key_serial = 0;
    for (Token& t : plain.tokens) t.key_id = 0;
    with_ids += d.key_serial != 0;
    const auto want = markers.decide(plain);
    BOOST_TEST((markers.decide(d) == want), path);
    BOOST_TEST((markers.decide(d) == want), path);  // the second time from memory
  });
  BOOST_TEST(with_ids > 0u);
}

// Languages next to ours, which have no pack, are left to CLD2: Croatian,
// Bosnian and Serbian beside Slovenian, Czech and Slovak beside Polish, Dutch
// beside German and English.
BOOST_AUTO_TEST_CASE(markers_leave_close_languages_without_a_pack_to_cld2) {
  const std::pair<const char*, const char*> texts[] = {
      {"hr",
       "vlada je u utorak potpisala ugovor s tvrtkom koja će izgraditi novu luku na obali, a "
       "ministar je rekao da je to najveće ulaganje u posljednjih deset godina. prema ugovoru, "
       "tvrtka će uložiti više od dvije milijarde eura i zaposliti tisuće radnika. radovi bi "
       "trebali početi sljedeće godine, a luka bi trebala biti otvorena za četiri godine. "
       "oporba je kritizirala odluku jer smatra da ugovor nije bio dovoljno transparentan i da "
       "su uvjeti za državu loši."},
      {"cs",
       "vláda v úterý podepsala smlouvu se společností, která postaví nový přístav na pobřeží, "
       "a ministr řekl, že jde o největší investici za posledních deset let. podle smlouvy "
       "společnost investuje více než dvě miliardy eur a zaměstná tisíce pracovníků. práce by "
       "měly začít příští rok a přístav by měl být otevřen za čtyři roky. opozice rozhodnutí "
       "kritizovala, protože podle ní smlouva nebyla dostatečně průhledná a podmínky pro stát "
       "jsou špatné."},
      {"sk",
       "vláda v utorok podpísala zmluvu so spoločnosťou, ktorá postaví nový prístav na pobreží, "
       "a minister povedal, že ide o najväčšiu investíciu za posledných desať rokov. podľa "
       "zmluvy spoločnosť investuje viac ako dve miliardy eur a zamestná tisíce pracovníkov. "
       "práce by sa mali začať budúci rok a prístav by mal byť otvorený o štyri roky. opozícia "
       "rozhodnutie kritizovala, pretože podľa nej zmluva nebola dostatočne priehľadná a "
       "podmienky pre štát sú zlé."},
      {"nl",
       "de regering heeft dinsdag een contract getekend met een bedrijf dat een nieuwe haven aan "
       "de kust zal bouwen, en de minister zei dat het de grootste investering van de afgelopen "
       "tien jaar is. volgens het contract zal het bedrijf meer dan twee miljard euro "
       "investeren en duizenden werknemers in dienst nemen. de werken zouden volgend jaar "
       "moeten beginnen en de haven zou over vier jaar open moeten zijn. de oppositie "
       "bekritiseerde het besluit omdat het contract volgens haar niet open genoeg was."},
  };
  const MarkerWords& markers = test::knowledge().markers();
  for (const auto& [lang, text] : texts) {
    Document d = segmented(text);
    BOOST_TEST(identify_language(d).lang == lang, lang);  // the text is what it claims
    BOOST_TEST(!markers.decide(d), lang << " decided as " << markers.decide(d).value_or(""));
    BOOST_TEST(identify_language(d, markers).lang == lang, lang);
  }
  // The same story in Slovenian and Polish is decided by the markers.
  Document sl = segmented(
      "vlada je v torek podpisala pogodbo s podjetjem, ki bo zgradilo novo pristanišče na obali, "
      "minister pa je dejal, da je to največja naložba v zadnjih desetih letih. po pogodbi bo "
      "podjetje vložilo več kot dve milijardi evrov in zaposlilo tisoče delavcev. dela naj bi se "
      "začela prihodnje leto, pristanišče pa bo odprto čez štiri leta. opozicija je odločitev "
      "kritizirala, ker meni, da pogodba ni bila dovolj pregledna in da so pogoji za državo "
      "slabi, vendar je vlada dejala, da bo tudi kot lastnica zemljišča imela nadzor.");
  BOOST_TEST(markers.decide(sl).value_or("-") == "sl");
  Document pl = segmented(
      "rząd we wtorek podpisał umowę ze spółką, która zbuduje nowy port na wybrzeżu, a minister "
      "powiedział, że jest to największa inwestycja od dziesięciu lat. według umowy spółka "
      "zainwestuje ponad dwa miliardy euro i zatrudni tysiące pracowników. prace mają się "
      "rozpocząć w przyszłym roku, a port zostanie otwarty za cztery lata. opozycja "
      "skrytykowała decyzję, ponieważ jej zdaniem umowa nie była dla państwa korzystna, jednak "
      "rząd podkreśla, że przez cały czas będzie nadzorował prace.");
  BOOST_TEST(markers.decide(pl).value_or("-") == "pl");
}

BOOST_AUTO_TEST_SUITE_END()
