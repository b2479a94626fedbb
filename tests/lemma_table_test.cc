// The analysis shortcuts must give what the plain computations give.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "extract/cues.h"
#include "extract/knowledge.h"
#include "extract/matcher.h"
#include "test_util.h"
#include "text/key_table.h"
#include "text/segment.h"

using namespace nkg;

namespace {

std::vector<Document> corpus_docs() { return test::sample_corpus(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(lemma_table_test)

BOOST_AUTO_TEST_CASE(indexed_rules_give_the_same_lemmas_as_a_full_scan) {
  for (const auto& d : corpus_docs()) {
    const LangPack& pack = test::knowledge().pack(d.lang);
    LangPack unindexed = pack;
    unindexed.rules.push_back({"", "\x01"});  // stale index: full scan
    for (const auto& t : d.tokens) {
      auto got = pack.lemmas(std::string(t.key));
      auto want = unindexed.lemmas(std::string(t.key));
      BOOST_TEST(got == want);
    }
  }
}

BOOST_AUTO_TEST_CASE(lemma_table_matches_per_token_lemmas_and_ids) {
  const Vocabulary& vocab = test::knowledge().vocabulary();
  size_t known = 0, unknown = 0;
  for (const auto& d : corpus_docs()) {
    const LangPack& pack = test::knowledge().pack(d.lang);
    LemmaTable lt = token_lemmas(d, pack, &vocab);
    BOOST_TEST_REQUIRE(lt.size() == d.tokens.size());
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      BOOST_TEST(lt[i] == pack.lemmas(std::string(d.tokens[i].key)));
      BOOST_TEST_REQUIRE(lt.ids(i).size() == lt[i].size());
      uint64_t starts = 0;
      for (size_t j = 0; j < lt[i].size(); ++j) {
        BOOST_TEST(lt.ids(i)[j] == vocab.id(lt[i][j]));
        (lt.ids(i)[j] == Vocabulary::kUnknown ? unknown : known) += 1;
        const uint32_t id = vocab.id(lt[i][j]);
        starts |= j == 0 ? vocab.starts(id) : vocab.inflecting_starts(id);
      }
      BOOST_TEST(lt.starts(i) == starts);
    }
  }
  // The sample corpus names known states and uses ordinary words too.
  BOOST_TEST(known > 0u);
  BOOST_TEST(unknown > 0u);
}

// Looking forms up by the tokens' key ids gives what looking them up by key
// gives, also for a document numbered differently from the one before.
BOOST_AUTO_TEST_CASE(lemma_table_by_key_id_matches_by_key) {
  const Vocabulary& vocab = test::knowledge().vocabulary();
  size_t with_ids = 0;
  for (const auto& d : corpus_docs()) {
    const LangPack& pack = test::knowledge().pack(d.lang);
    Document plain = d;
    plain.key_serial = 0;  // no ids: every key hashed
    for (Token& t : plain.tokens) t.key_id = 0;
    with_ids += d.key_serial != 0;
    LemmaTable by_id = token_lemmas(d, pack, &vocab), by_key = token_lemmas(plain, pack, &vocab);
    BOOST_TEST_REQUIRE(by_id.size() == by_key.size());
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      BOOST_TEST(by_id[i] == by_key[i]);
      BOOST_TEST(std::equal(by_id.ids(i).begin(), by_id.ids(i).end(), by_key.ids(i).begin(),
                            by_key.ids(i).end()));
      BOOST_TEST(by_id.starts(i) == by_key.starts(i));
    }
    // The same ids under another numbering name other keys: a table must
    // not answer for them from what it stored under the first.
    Document renumbered = d;
    renumbered.key_serial = d.key_serial + 1000003;
    for (Token& t : renumbered.tokens) t.key_id += 17;  // another key's id before
    LemmaTable again = token_lemmas(renumbered, pack, &vocab);
    for (size_t i = 0; i < d.tokens.size(); ++i) BOOST_TEST(again[i] == by_key[i]);
  }
  BOOST_TEST(with_ids > 0u);
}

BOOST_AUTO_TEST_CASE(vocabulary_numbers_each_key_once) {
  Vocabulary v;
  uint32_t a = v.intern("kazachstan"), b = v.intern("polska");
  BOOST_TEST(a != Vocabulary::kUnknown);
  BOOST_TEST(b != Vocabulary::kUnknown);
  BOOST_TEST(a != b);
  BOOST_TEST(v.intern("kazachstan") == a);
  BOOST_TEST(v.id("polska") == b);
  BOOST_TEST(v.id("niemcy") == Vocabulary::kUnknown);
  BOOST_TEST(v.size() == 2u);
}

// Lemma tables are cached per thread by pack and vocabulary: a changed pack
// or a grown vocabulary must never be answered from the cache.
BOOST_AUTO_TEST_CASE(cached_lemmas_follow_changes_to_pack_and_vocabulary) {
  const auto docs = corpus_docs();
  BOOST_TEST_REQUIRE(!docs.empty());
  const Document& d = docs.front();
  const LangPack& pack = test::knowledge().pack(d.lang);
  Vocabulary vocab;
  vocab.intern(d.tokens.front().key);
  LemmaTable before = token_lemmas(d, pack, &vocab);
  BOOST_TEST(before.ids(0)[0] != Vocabulary::kUnknown);
  BOOST_TEST_REQUIRE(d.tokens.size() > 1u);
  BOOST_TEST(before.ids(1)[0] == Vocabulary::kUnknown);

  // A copy with one more ending, re-indexed: its own lemmas, not the cache's.
  LangPack changed = pack;
  changed.rules.push_back({"qqx", ""});  // any word may stand for word+"qqx"
  changed.index_rules();
  LemmaTable other = token_lemmas(d, changed, &vocab);
  size_t differ = 0;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    BOOST_TEST(other[i] == changed.lemmas(std::string(d.tokens[i].key)));
    differ += other[i] != before[i];
  }
  BOOST_TEST(differ > d.tokens.size() / 4);
  // A key added to the vocabulary gets its id at once.
  vocab.intern(d.tokens[1].key);
  LemmaTable after = token_lemmas(d, pack, &vocab);
  BOOST_TEST(after.ids(1)[0] == vocab.id(d.tokens[1].key));
  BOOST_TEST(after.ids(1)[0] != Vocabulary::kUnknown);
  // The earlier table still reads what it read (its store is kept alive).
  BOOST_TEST(before.ids(1)[0] == Vocabulary::kUnknown);
  BOOST_TEST(before[0] == pack.lemmas(std::string(d.tokens[0].key)));
}

// LemmaTable::next_start, four tokens at a test, against one at a time,
// from every token to ends near it and to the end.
BOOST_AUTO_TEST_CASE(next_start_finds_the_first_token_with_the_bits) {
  const Knowledge& k = test::knowledge();
  size_t found = 0;
  for (const auto& d : corpus_docs()) {
    const LemmaTable lt = token_lemmas(d, k.pack(d.lang), &k.vocabulary());
    const auto n = static_cast<uint32_t>(lt.size());
    uint64_t seen = 0;
    for (uint32_t i = 0; i < n; ++i) seen |= lt.starts(i);
    std::vector<uint64_t> masks = {~uint64_t{0}};
    for (int b = 0; b < 64; ++b)
      if (seen >> b & 1) masks.push_back(uint64_t{1} << b);
    for (uint64_t bits : masks)
      for (uint32_t i = 0; i <= n; ++i)
        for (uint32_t to : {n, std::min(n, i + 1), std::min(n, i + 3), std::min(n, i + 6)}) {
          uint32_t want = i;
          while (want < to && !(lt.starts(want) & bits)) ++want;
          BOOST_TEST_REQUIRE(lt.next_start(bits, i, to) == want);
          found += want < to;
        }
  }
  BOOST_TEST(found > 1000u);
}

// Dictionary::match_at against the plain rule it shortcuts: for each
// distinct candidate of the token in order, every entry starting with it in
// data order, each later token matching (any candidate where the entry
// inflects, else the token's key) with no gap before it. The order matters:
// find keeps the first of equal matches.
BOOST_AUTO_TEST_CASE(dictionary_matches_as_entry_by_entry_in_data_order) {
  const auto docs = corpus_docs();
  BOOST_TEST_REQUIRE(!docs.empty());
  struct Ref {
    std::vector<uint32_t> ids;
    bool inflect;
  };
  size_t matched = 0, branched = 0;
  // Also a dictionary none of whose entries inflects (as trigger forms):
  // only a token's first candidate is tried there.
  for (const bool some_inflect : {true, false})
    for (const auto& d : docs) {
      const LangPack& pack = test::knowledge().pack(d.lang);
      Vocabulary vocab;
      Dictionary dict;
      std::vector<Ref> ref;
      // Forms of 1-3 words spelled by the tokens' candidates, many sharing a
      // first or second word, half of them not inflecting.
      const LemmaTable plain = token_lemmas(d, pack);
      for (uint32_t i = 0; i + 3 < d.tokens.size(); i += 2)
        for (uint32_t n = 1; n <= 3; ++n) {
          std::string form;
          for (uint32_t j = 0; j < n; ++j)
            form += (j ? " " : "") + plain[i + j][(i + j * 7 + n) % plain[i + j].size()];
          const bool inflect = some_inflect && (i / 2 + n) % 2;
          const size_t before = dict.size();
          dict.add(vocab, form, "p" + std::to_string(ref.size()), EntityType::Firm, inflect);
          if (dict.size() == before) continue;
          std::vector<uint32_t> ids;
          for (const auto& k : key_tokens(form)) ids.push_back(vocab.id(k));
          ref.push_back({ids, inflect && !is_short_caps(form)});
        }
      const LemmaTable lt = token_lemmas(d, pack, &vocab);
      auto token_matches = [&](uint32_t t, uint32_t want, bool inflect) {
        const auto ids = lt.ids(t);
        if (!inflect) return !ids.empty() && ids[0] == want;
        return std::find(ids.begin(), ids.end(), want) != ids.end();
      };
      std::vector<DictMatch> got;
      for (uint32_t i = 0; i < d.tokens.size(); ++i) {
        std::vector<std::pair<uint32_t, std::string>> want;
        const auto cands = lt.ids(i);
        for (size_t c = 0; c < cands.size(); ++c) {
          if (std::find(cands.begin(), cands.begin() + c, cands[c]) != cands.begin() + c) continue;
          for (size_t e = 0; e < ref.size(); ++e) {
            const Ref& r = ref[e];
            if (r.ids[0] != cands[c] || i + r.ids.size() > d.tokens.size()) continue;
            bool ok = token_matches(i, r.ids[0], r.inflect);
            for (uint32_t j = 1; ok && j < r.ids.size(); ++j)
              ok = !d.tokens[i + j].gap_before && token_matches(i + j, r.ids[j], r.inflect);
            if (ok)
              want.push_back(
                  {i + static_cast<uint32_t>(r.ids.size()) - 1, "p" + std::to_string(e)});
          }
        }
        got.clear();
        dict.match_at(d, lt, i, &got);
        std::vector<std::pair<uint32_t, std::string>> seen;
        for (const auto& m : got) seen.push_back({m.last, m.entry->payload});
        BOOST_TEST_REQUIRE(seen == want);
        BOOST_TEST(dict.may_start(lt, i) == (lt.starts(i) != 0));
        // As tight as the walk: the key starts an entry, or a later candidate
        // starts one that inflects.
        bool may = false;
        for (const Ref& r : ref)
          may = may || (!cands.empty() && r.ids[0] == cands[0]) ||
                (r.inflect && std::find(cands.begin(), cands.end(), r.ids[0]) != cands.end());
        BOOST_TEST(dict.may_start(lt, i) == may);
        matched += got.size();
        branched += got.size() > 1;
      }
    }
  BOOST_TEST(matched > 1000u);
  BOOST_TEST(branched > 100u);
}

// Dictionary::find over the stretches between punctuation, one after
// another, finds what it finds over the whole document: no match spans a
// token with gap_before. Over a stretch's first tokens, it finds the
// stretch's matches starting there.
BOOST_AUTO_TEST_CASE(dictionary_finds_stretch_by_stretch_as_at_once) {
  const Knowledge& k = test::knowledge();
  size_t matches = 0, stretches = 0, heads = 0;
  for (const auto& d : corpus_docs()) {
    const LemmaTable lt = token_lemmas(d, k.pack(d.lang), &k.vocabulary());
    const auto n = static_cast<uint32_t>(d.tokens.size());
    for (const Dictionary* dict : {&k.names(d.lang), &k.cues(d.lang).triggers,
                                   &k.cues(d.lang).titles, &k.cues(d.lang).subjects}) {
      const std::vector<DictMatch> whole = dict->find(d, lt);
      std::vector<DictMatch> pieces;
      for (uint32_t from = 0, to; from < n; from = to) {
        for (to = from + 1; to < n && !d.tokens[to].gap_before; ++to) {
        }
        const size_t before = pieces.size();
        dict->find(d, lt, from, to, &pieces);
        stretches += 1;
        // From a stretch's start to any token, the stretch's matches starting before it.
        const uint32_t mid = from + (to - from + 1) / 2;
        std::vector<DictMatch> head;
        dict->find(d, lt, from, mid, &head);
        std::vector<DictMatch> want;
        for (auto m = pieces.end() - static_cast<std::ptrdiff_t>(pieces.size() - before);
             m != pieces.end(); ++m)
          if (m->first < mid) want.push_back(*m);
        BOOST_TEST_REQUIRE(head.size() == want.size());
        for (size_t i = 0; i < head.size(); ++i)
          BOOST_TEST((head[i].first == want[i].first && head[i].last == want[i].last &&
                      head[i].entry == want[i].entry));
        heads += !head.empty();
      }
      BOOST_TEST_REQUIRE(pieces.size() == whole.size());
      for (size_t i = 0; i < whole.size(); ++i) {
        BOOST_TEST(pieces[i].first == whole[i].first);
        BOOST_TEST(pieces[i].last == whole[i].last);
        BOOST_TEST(pieces[i].entry == whole[i].entry);
      }
      matches += whole.size();
    }
  }
  BOOST_TEST(matches > 100u);
  BOOST_TEST(stretches > 1000u);
  BOOST_TEST(heads > 100u);
}

// CueSet::contains, its filter before the search, against a std::set:
// ids 1024 apart share a filter bit.
BOOST_AUTO_TEST_CASE(cue_set_contains_what_was_inserted) {
  Vocabulary vocab;
  for (int i = 0; i < 5000; ++i) vocab.intern("k" + std::to_string(i));
  CueSet set;
  std::set<uint32_t> want;
  for (int i = 0; i < 5000; ++i)
    if (i % 7 == 0 || i % 1024 == 5) {
      set.insert(vocab, "k" + std::to_string(i));
      want.insert(vocab.id("k" + std::to_string(i)));
    }
  size_t in = 0;
  for (uint32_t id = 0; id < 6000; ++id) {
    BOOST_TEST(set.contains(id) == (want.count(id) > 0));
    in += set.contains(id);
  }
  BOOST_TEST(in == want.size());
  BOOST_TEST(set.keys().size() == want.size());
}

BOOST_AUTO_TEST_CASE(key_table_agrees_with_a_std_map_through_growth) {
  KeyTable t(4);
  std::map<std::string, uint32_t> want;
  // Keys of every length around the eight-byte hashing step, and the empty key.
  for (uint32_t i = 0; i < 5000; ++i) {
    std::string k = std::string(i % 19, static_cast<char>('a' + i % 26)) + std::to_string(i / 3);
    if (i % 7 == 0) k.clear();
    uint32_t v = i * 2 + 1;
    if (i % 5 == 0) {
      t.set(k, v);
      want[k] = v;
    } else {
      BOOST_TEST(t.emplace(k, v) == want.emplace(k, v).first->second);
    }
  }
  BOOST_TEST(t.size() == want.size());
  for (const auto& [k, v] : want) {
    BOOST_TEST(t.contains(k));
    BOOST_TEST(t.get(k) == v);
  }
  BOOST_TEST(!t.contains("not a key"));
  BOOST_TEST(t.get("not a key", 77u) == 77u);
}

BOOST_AUTO_TEST_SUITE_END()
