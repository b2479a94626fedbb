#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

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
      "ازبکستان اعلام کرد که به پیمان پاریس می‌پیوندد و "
      "روسیه "
      "از "
      "آن "
      "استقبال "
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

// Closing marks of several bytes close a sentence as a period does.
BOOST_AUTO_TEST_CASE(a_sentence_closed_by_an_ellipsis_or_a_quote_mark_reports) {
  for (const char* text : {"Kazatomprom and Orano signed a joint venture agreement\xE2\x80\xA6",
                           "Kazatomprom and Orano signed a joint venture called \xE2\x80\x9C"
                           "Budenovskoye\xE2\x80\x9D",
                           "Kazatomprom and Orano signed a joint venture called \xC2\xAB"
                           "Budenovskoye\xC2\xBB"}) {
    auto d = analyse(text, "en");
    BOOST_TEST(d.agreements.size() == 1u, text);
  }
}

// Quotations of six words or more, in each kind of quotation marks, are
// direct speech; a shorter one is a name or a phrase.
BOOST_AUTO_TEST_CASE(direct_speech_in_any_quotation_marks_is_no_report) {
  const std::string deal = "Kazatomprom and Orano signed a joint venture agreement in Astana";
  for (auto [open, close] :
       std::vector<std::pair<std::string, std::string>>{{"\"", "\""},
                                                        {"\xE2\x80\x9E", "\xE2\x80\x9D"},
                                                        {"\xE2\x80\x9E", "\xE2\x80\x9C"},
                                                        {"\xE2\x80\x9C", "\xE2\x80\x9D"},
                                                        {"\xC2\xAB", "\xC2\xBB"}}) {
    auto quoted = analyse(open + deal + "," + close + " the minister said.", "en");
    BOOST_TEST(quoted.agreements.empty(), open);
    auto named = analyse("Kazatomprom and Orano signed a " + open + "joint venture" + close +
                             " agreement in Astana.",
                         "en");
    BOOST_TEST(named.agreements.size() == 1u, open);
    // A paragraph ending before the closing mark: no quotation, and the
    // marks of that kind after it are not looked at either.
    auto broken =
        analyse("He said " + open + "no.\n\n" + open + deal + "," + close + " the minister said. " +
                    open + "Air Astana bought 5 Airbus jets for its fleet," + close + " he added.",
                "en");
    BOOST_TEST(broken.agreements.size() == 2u, open);
  }
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

// Sentences without a kind of deal, an anaphor or a sum or stake are passed
// over; these extend the deal before them with one of the three.
BOOST_AUTO_TEST_CASE(a_sentence_with_only_an_anaphor_or_a_sum_extends_the_deal) {
  auto d = analyse(
      "Kazatomprom and Orano signed a joint venture agreement in Astana. The project "
      "starts in May. It is worth $2 billion. Officials announced it in Paris. Air Astana "
      "bought 5 Airbus jets.",
      "en");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 2u);
  const auto& a = d.agreements[0];
  BOOST_TEST(a.sentences == (std::vector<uint32_t>{0, 1, 2}));
  BOOST_REQUIRE_EQUAL(a.values.size(), 1u);
  BOOST_TEST(a.values[0].value == "2000000000");
  // The status word of the sentence passed over is not the next deal's.
  BOOST_TEST(d.agreements[1].kind == "purchase");
  BOOST_TEST(d.agreements[1].quantity == "5");
  BOOST_TEST(d.agreements[1].status.empty());
}

// A sum in parentheses is a remark; a parenthesis left open on an earlier
// line does not reach it.
BOOST_AUTO_TEST_CASE(parentheses_end_at_a_line_break) {
  auto in =
      analyse("Jets for Air Astana\n\nAir Astana bought 5 Airbus jets (for $2 billion).", "en");
  BOOST_REQUIRE_EQUAL(in.agreements.size(), 1u);
  BOOST_TEST(in.agreements[0].values.empty());
  auto after =
      analyse("Prices (in US dollars.\nAir Astana bought 5 Airbus jets for $2 billion.", "en");
  BOOST_REQUIRE_EQUAL(after.agreements.size(), 1u);
  BOOST_REQUIRE_EQUAL(after.agreements[0].values.size(), 1u);
  BOOST_TEST(after.agreements[0].values[0].value == "2000000000");
}

// Clauses are kept from article to article: nothing of one may carry over.
BOOST_AUTO_TEST_CASE(an_article_reports_the_same_after_another) {
  // Kinds, statuses, anaphors and trigger positions of the article before
  // in the clauses at the same places, and its records' sentences.
  const std::string before =
      "The deal was announced. The project was good, Kazatomprom and Orano signed a joint venture "
      "agreement, Air Astana bought 5 Airbus jets.";
  const std::string text =
      "Air Astana bought 5 Airbus jets. Rosatom signed a contract with Orano. The project: Orano "
      "opened an office in Astana.";
  const std::string accession = "Uzbekistan will join the Paris treaty, Russia said.";
  for (int round = 0; round < 2; ++round) {
    if (round) analyse(before, "en");
    auto d = analyse(text, "en");
    BOOST_REQUIRE_EQUAL(d.agreements.size(), 2u);
    BOOST_TEST(d.agreements[0].kind == "purchase");
    BOOST_TEST(d.agreements[0].status.empty());
    BOOST_TEST(d.agreements[0].sentences == std::vector<uint32_t>{0});
    BOOST_TEST(d.agreements[1].kind == "contract");
    BOOST_TEST(d.agreements[1].status == "signed");
    BOOST_TEST(d.agreements[1].sentences == (std::vector<uint32_t>{1, 2}));
    if (round) analyse("Deals were announced.", "en");  // a trigger at the first token
    auto a = analyse(accession, "en");
    BOOST_REQUIRE_EQUAL(a.agreements.size(), 1u);
    BOOST_TEST(a.agreements[0].kind == "treaty_accession");
    BOOST_TEST(a.agreements[0].parties == std::vector<std::string>{"state:UZ"});
    // A record of the article before ending late: a sum three sentences
    // after this article's deal is too far to extend it.
    if (round)
      analyse(
          "It rained. It rained. It rained. Kazatomprom and Orano signed a joint venture "
          "agreement.",
          "en");
    auto far = analyse(
        "Air Astana bought 5 Airbus jets. It rained. It rained. It is worth $2 billion.", "en");
    BOOST_REQUIRE_EQUAL(far.agreements.size(), 1u);
    BOOST_TEST(far.agreements[0].values.empty());
  }
}

// Every field of a record, from its own clause and from those extending it.
BOOST_AUTO_TEST_CASE(a_record_keeps_what_its_clauses_state) {
  auto d = analyse(
      "Air Astana signed a contract with Airbus in Astana to buy 5 A320neo jets, Peter Foster "
      "said. Kazatomprom and Orano signed a uranium joint venture agreement, Marat Ussenov "
      "said. The venture is worth $2 billion. Orano holds 51 percent of copper mines, "
      "Kazatomprom 49 percent.",
      "en");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 2u);
  const auto& a = d.agreements[0];
  BOOST_TEST(a.kind == "purchase");
  BOOST_TEST(a.status == "signed");
  BOOST_TEST(a.quantity == "5");
  BOOST_TEST(a.item == "A320neo jets");
  BOOST_TEST(a.signatories == std::vector<std::string>{"gaz:peter-foster"});
  const auto& b = d.agreements[1];
  BOOST_TEST(b.kind == "joint_venture");
  BOOST_TEST(b.subjects == (std::vector<std::string>{"uranium", "copper"}));
  BOOST_REQUIRE_EQUAL(b.values.size(), 1u);
  BOOST_TEST(b.values[0].value == "2000000000");
  BOOST_TEST(b.values[0].currency == "USD");
  BOOST_REQUIRE_EQUAL(b.stakes.size(), 2u);
  BOOST_TEST(b.stakes[0].holder == "gaz:orano");
  BOOST_TEST(b.stakes[0].share == "51");
  BOOST_TEST(b.stakes[1].holder == "gaz:kazatomprom");
  BOOST_TEST(b.sentences == (std::vector<uint32_t>{1, 2, 3}));
}

// Clauses with their own deals and figures stay apart, also where the comma
// has no space after it (a gap of one byte).
BOOST_AUTO_TEST_CASE(clauses_with_their_own_deals_stay_apart) {
  for (const char* text :
       {"Air Astana will buy 15 Airbus jets, Somon Air will order 14 Boeing jets.",
        "Air Astana will buy 15 Airbus jets,Somon Air will order 14 Boeing jets.",
        "Air Astana will buy 15 Airbus jets;Somon Air will order 14 Boeing jets."}) {
    auto d = analyse(text, "en");
    BOOST_REQUIRE_EQUAL(d.agreements.size(), 2u);
    BOOST_TEST(d.agreements[0].quantity == "15");
    BOOST_TEST(d.agreements[1].quantity == "14");
  }
  auto one =
      analyse("Air Astana will buy 15 Airbus jets and Somon Air will order 14 Boeing jets.", "en");
  BOOST_TEST(one.agreements.size() == 1u);
}

// A record's date: the first date its clause states.
BOOST_AUTO_TEST_CASE(a_record_is_dated_by_its_clause) {
  auto d = analyse(
      "On 3 March 2025 Air Astana signed a contract with Airbus to buy 5 A320neo jets. On 5 May "
      "2025 Kazatomprom and Orano signed a uranium joint venture agreement.",
      "en");
  BOOST_REQUIRE_EQUAL(d.agreements.size(), 2u);
  BOOST_TEST(d.agreements[0].date == "2025-03-03");
  BOOST_TEST(d.agreements[1].date == "2025-05-05");
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

// Large buckets (one firm in many articles) are merged by classes, not by
// pairs: the groups must still be the connected components of the rule in
// merge_agreements.h, checked here against all pairs on random reports.
BOOST_AUTO_TEST_CASE(merging_large_buckets_gives_the_components_of_all_pairs) {
  Resolution res;
  const std::vector<std::string> firms{"f1", "f2", "f3"}, states{"s1", "s2"};
  for (const auto& f : firms) {
    res.node_of[f] = "iri:" + f;
    res.nodes["iri:" + f] = EntityNode{"iri:" + f, EntityType::Firm, f, {}, "", ""};
  }
  for (const auto& st : states) {
    res.node_of[st] = "iri:" + st;
    res.nodes["iri:" + st] = EntityNode{"iri:" + st, EntityType::State, st, {}, "", ""};
  }
  Interner in;
  uint64_t seed = 42;
  auto rnd = [&](uint32_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((seed >> 33) % n);
  };
  size_t merged = 0;
  for (int round = 0; round < 20; ++round) {
    std::vector<AgreementReport> reports;
    // Many articles with a few reports each, or a few with many: buckets
    // whose reports without a count come from one article or from several.
    const uint32_t docs = round % 2 ? 2 + round % 3 : 100, per_doc = round % 2 ? 24 : 4;
    for (uint32_t doc = 0; doc < docs; ++doc)
      for (uint32_t idx = 0, n = rnd(per_doc); idx < n; ++idx) {
        AgreementRecord r;
        r.kind = rnd(3) ? "purchase" : "joint_venture";
        const char* counts[] = {"5", "7", "", ""};
        r.quantity = doc == 0 || rnd(4) == 0 ? counts[rnd(4)] : counts[rnd(2)];
        for (const auto& f : firms)
          if (rnd(3) == 0) r.parties.push_back(f);
        for (const auto& st : states)
          if (rnd(2) == 0) r.parties.push_back(st);
        reports.push_back(make_report(r, doc, idx, in));
      }
    auto kinds_of = [&](const AgreementReport& r, EntityType t) {
      std::set<std::string> out;
      for (const auto* p : r.parties)
        if (res.node_for(*p)->type == t) out.insert(*p);
      return out;
    };
    auto same = [&](const AgreementReport& a, const AgreementReport& b) {
      if (a.doc == b.doc || *a.kind != *b.kind) return false;
      const std::string &qa = *a.quantity, &qb = *b.quantity;
      if (!qa.empty() && !qb.empty() && qa != qb) return false;
      auto fa = kinds_of(a, EntityType::Firm), fb = kinds_of(b, EntityType::Firm);
      auto sa = kinds_of(a, EntityType::State), sb = kinds_of(b, EntityType::State);
      for (const auto& f : fa)
        if (fb.count(f)) return true;
      if (fa.empty() && fb.empty()) return !sa.empty() && sa == sb;
      if ((fa.empty() || fb.empty()) && !qa.empty() && qa == qb)
        for (const auto& st : sa)
          if (sb.count(st)) return true;
      return false;
    };
    // Components by all pairs.
    std::vector<size_t> comp(reports.size());
    for (size_t i = 0; i < comp.size(); ++i) comp[i] = i;
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < reports.size(); ++i)
        for (size_t j = 0; j < reports.size(); ++j)
          if (comp[j] < comp[i] && same(reports[i], reports[j])) {
            comp[i] = comp[j];
            changed = true;
          }
    }
    std::set<std::set<std::pair<size_t, size_t>>> want, got;
    std::map<size_t, std::set<std::pair<size_t, size_t>>> by_comp;
    for (size_t i = 0; i < reports.size(); ++i)
      by_comp[comp[i]].insert({reports[i].doc, reports[i].idx});
    for (auto& [c, m] : by_comp) want.insert(m);
    for (const auto& g : merge_agreements(reports, res))
      got.insert(std::set<std::pair<size_t, size_t>>(g.members.begin(), g.members.end()));
    BOOST_TEST_REQUIRE(reports.size() > 5u);
    BOOST_TEST(got == want);
    merged += reports.size() - want.size();
  }
  BOOST_TEST(merged > 100u);  // the rounds did merge reports
}

BOOST_AUTO_TEST_SUITE_END()
