// A dictionary of multi-word forms matched against a document's tokens,
// case endings undone per token (LangPack::lemmas). Linear in the number of
// tokens times the few lemma candidates of each: no regular expressions,
// no backtracking.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "lang/langpack.h"
#include "text/key_table.h"

namespace nkg {

// Every key that a dictionary or cue set of the loaded knowledge can match,
// numbered from 1. Matching then compares numbers instead of hashing and
// comparing strings at every token; a candidate outside the vocabulary
// (id 0) can match nothing. Written while the knowledge loads, read-only
// (and so shared by the analysis threads) after.
class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = 0;
  Vocabulary();
  uint32_t intern(std::string_view key);
  uint32_t id(std::string_view key) const { return ids_.get(key, kUnknown); }
  size_t size() const { return ids_.size(); }
  // Changes whenever a key is added, and differs between vocabularies: ids
  // looked up under one serial stay right while it holds.
  uint64_t serial() const { return serial_; }

  // Each dictionary built on this vocabulary gets a bit (the 64th is shared
  // by any beyond 63), and each id the bits of the dictionaries one of whose
  // forms it starts: a token whose candidates have none of a dictionary's
  // bit starts no match there, which one AND tells. `inflect`: the form may
  // match a candidate other than the token's key; only such starts count
  // for a token's later candidates (LemmaTable::starts).
  uint64_t dictionary_bit() { return uint64_t{1} << (dictionaries_ < 63 ? dictionaries_++ : 63); }
  void mark_start(uint32_t id, uint64_t bit, bool inflect = true);
  uint64_t starts(uint32_t id) const { return id < starts_.size() ? starts_[id].any : 0; }
  uint64_t inflecting_starts(uint32_t id) const {
    return id < starts_.size() ? starts_[id].inflecting : 0;
  }

 private:
  struct Starts {
    uint64_t any = 0, inflecting = 0;
  };
  KeyTable ids_;
  uint64_t serial_;
  std::vector<Starts> starts_;  // by id
  unsigned dictionaries_ = 0;
};

// Per-token lemma candidates (token key first, as LangPack::lemmas gives
// them) and their vocabulary ids. Computed once per distinct key, and kept
// per thread across documents for the same pack and vocabulary: news repeats
// its words, so most tokens cost one table probe.
class LemmaTable {
 public:
  struct Forms {
    std::vector<std::string> cands;
    const uint32_t* ids = nullptr;  // vocabulary id of each candidate (in the Store)
    // Vocabulary::starts of the first id or'ed with inflecting_starts of the
    // others: a later candidate leads only into entries that inflect.
    uint64_t starts = 0;
  };
  struct Store;  // where the Forms live (a thread's cache, or this table's own)

  size_t size() const { return size_; }
  const std::vector<std::string>& operator[](size_t token) const {
    return forms_of(ids_[token])->cands;
  }
  // Vocabulary ids of operator[](token), candidate by candidate.
  std::span<const uint32_t> ids(size_t token) const {
    const uint32_t* ids = ids_[token];
    return {ids, ids[-1]};
  }
  // Bits of the dictionaries that one of the token's candidates may start.
  uint64_t starts(size_t token) const { return starts_[token]; }
  // The first token from `i` on (before `n`) whose bits meet `bits`, else
  // `n`. Four tokens at a test: most tokens start none of a scan's entries.
  uint32_t next_start(uint64_t bits, uint32_t i, uint32_t n) const {
    const uint64_t* s = starts_;
    while (i + 4 <= n && !((s[i] | s[i + 1] | s[i + 2] | s[i + 3]) & bits)) i += 4;
    while (i < n && !(s[i] & bits)) ++i;
    return i;
  }
  // True when the ids and bits are those of `vocab` as it is now.
  bool built_on(const Vocabulary* vocab) const {
    return vocab && vocab == vocab_ && vocab->serial() == vocab_serial_;
  }

 private:
  friend LemmaTable token_lemmas(const Document&, const LangPack&, const Vocabulary*);
  // In the Store, a Forms' ids follow a header: the Forms (two words) and
  // the count (ids[-1]). So a token needs only the ids' address, and what
  // the matchers read at every token, its bits, packs eight bytes a token:
  // a scan over tokens that start nothing touches a quarter of the lines
  // that one over 32-byte records would.
  static constexpr size_t kHeader = 3;
  static const Forms* forms_of(const uint32_t* ids) {
    const Forms* f;
    std::memcpy(&f, ids - kHeader, sizeof f);
    return f;
  }
  struct Free {
    void operator()(void* p) const { ::operator delete(p); }
  };
  std::unique_ptr<void, Free> block_;     // the two arrays below, one allocation
  const uint64_t* starts_ = nullptr;      // per token
  const uint32_t* const* ids_ = nullptr;  // per token
  size_t size_ = 0;
  const Vocabulary* vocab_ = nullptr;
  uint64_t vocab_serial_ = 0;
  std::shared_ptr<const Store> store_;  // keeps the Forms alive
};

struct DictEntry {
  std::vector<uint32_t> ids;  // vocabulary ids of the form's match keys
  std::string exact;          // non-empty: the surface must equal this (short all-caps forms)
  std::string payload;        // e.g. "state:KZ"
  EntityType type = EntityType::State;
  std::string label;    // the base form, as written in the data
  bool inflect = true;  // may each token carry a case ending?
};

struct DictMatch {
  uint32_t first = 0, last = 0;  // token indexes, inclusive
  const DictEntry* entry = nullptr;
};

class Dictionary {
 public:
  // Adds `form`, its keys interned in `vocab`; forms of at most five capital
  // letters are matched exactly.
  void add(Vocabulary& vocab, const std::string& form, const std::string& payload, EntityType type,
           bool inflect = true);
  size_t size() const { return entries_.size(); }

  // Leftmost-longest, non-overlapping matches. `lemmas` holds, per token,
  // its candidate base keys (token key first) with their ids in the
  // vocabulary the dictionary was built with.
  std::vector<DictMatch> find(const Document& doc, const LemmaTable& lemmas) const;
  // The same for the matches starting in tokens [from, to), appended to
  // `out`. No match spans a token with gap_before: where such tokens start
  // and end the range, these are exactly find's matches in it.
  void find(const Document& doc, const LemmaTable& lemmas, uint32_t from, uint32_t to,
            std::vector<DictMatch>* out) const;
  // Every entry matching at token `i` (for callers that need alternatives).
  void match_at(const Document& doc, const LemmaTable& lemmas, uint32_t i,
                std::vector<DictMatch>* out) const;
  // False when no entry can start at token `i` (one AND, inline): callers
  // scanning every token skip match_at for most of them.
  bool may_start(const LemmaTable& lemmas, uint32_t i) const {
    return (lemmas.starts(i) & bit_) != 0;
  }
  // The first token from `i` on (before `n`) that may start an entry, else
  // `n` (LemmaTable::next_start, inline).
  uint32_t next_start(const LemmaTable& lemmas, uint32_t i, uint32_t n) const {
    return lemmas.next_start(bit_, i, n);
  }

 private:
  // The entries as a trie over their keys' ids: a path from a root spells
  // a prefix of forms, and each node lists the entries whose keys end
  // there. Matching follows only the children that the next token's
  // candidates name, instead of trying each entry sharing a first key.
  struct Edge {
    uint32_t id;    // the next key's vocabulary id
    uint32_t node;  // index into nodes_
  };
  struct End {
    uint32_t entry = 0;    // index into entries_
    bool inflect = false;  // may its tokens match a candidate other than the first?
    bool exact = false;    // must the surface equal DictEntry::exact?
  };
  // Flat: a node's kids and ends are runs in edges_ and ends_, instead of
  // a heap block each, so that a step costs fewer cache misses, and a node
  // without kids or ends costs no load for them. A run's room is its count
  // rounded up to a power of two; one outgrowing it moves to the end.
  // Most nodes have at most one kid and one end: a copy of each in the node
  // (half a cache line) saves the loads from the runs.
  struct alignas(32) Node {
    uint32_t kids = 0;   // first of the node's Edges in edges_, ascending by id
    uint32_t ends = 0;   // first of its Ends in ends_, data order
    uint32_t nkids = 0;  // how many
    uint32_t nends : 31 = 0;
    // Whether an entry here or below may inflect: where none does, only
    // each token's first candidate (its key) can lead on.
    uint32_t inflect_below : 1 = 0;
    Edge kid{0, 0};  // the kid, when nkids == 1
    End end{};       // the end, when nends == 1
  };
  const End* ends(const Node& node) const {
    return node.nends == 1 ? &node.end : ends_.data() + node.ends;
  }
  // The node following `node` by key `id`, or nullptr. Inline for the
  // few children most nodes have.
  const Edge* kid(const Node& node, uint32_t id) const {
    if (node.nkids == 1) return node.kid.id == id ? &node.kid : nullptr;
    const Edge* k = edges_.data() + node.kids;
    if (node.nkids > 4) return kid_among_many(k, node.nkids, id);
    for (const Edge* e = k + node.nkids; k != e; ++k)
      if (k->id == id) return k;
    return nullptr;
  }
  static const Edge* kid_among_many(const Edge* kids, uint32_t n, uint32_t id);  // halving
  // Makes room for one more in a run of `count` at `begin` in `v`; returns
  // where the run now begins.
  template <class T>
  static uint32_t grow_run(std::vector<T>& v, uint32_t begin, uint32_t count);
  // What stays the same down a walk from token i.
  struct Walk {
    const Document& doc;
    const LemmaTable& lemmas;
    uint32_t i;
    std::vector<DictMatch>* out;
  };
  // Adds to `out` the entries matching tokens i..last along the path to
  // `node` and below; `first_only` when every token so far matched its
  // first candidate (as entries that do not inflect must). `follow` is its
  // loop, inline where walks start; `walk`, out of line, only where a
  // second candidate of a token also leads on (rare).
  void walk(const Walk& w, uint32_t last, const Node* node, bool first_only) const;
  void follow(const Walk& w, uint32_t last, const Node* node, bool first_only) const;
  // match_at's work, inline in find.
  void collect(const Document& doc, const LemmaTable& lemmas, uint32_t i,
               std::vector<DictMatch>* out) const;
  // Roots by the id of their first key: root_of_[id] is 1 + the index of
  // the root in nodes_, 0 for an id that starts no entry. Ids are dense, so
  // a vector indexed by id answers in one load.
  const Node* root(uint32_t id) const {
    const uint32_t r = id < root_of_.size() ? root_of_[id] : 0;
    return r ? &nodes_[r - 1] : nullptr;
  }
  std::vector<DictEntry> entries_;
  std::vector<uint32_t> root_of_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<End> ends_;
  uint64_t bit_ = 0;  // Vocabulary::dictionary_bit, taken at the first add
  // Whether any entry inflects: where none does (trigger and subject
  // forms), only a token's first candidate can start a match.
  bool inflects_ = false;
};

// Per-token lemma candidates for a document under a language pack, with
// their ids in `vocab` (all kUnknown without one).
LemmaTable token_lemmas(const Document& doc, const LangPack& pack,
                        const Vocabulary* vocab = nullptr);

// True for forms such as "US", "USA", "ZDA", "AP": short and all capitals.
bool is_short_caps(const std::string& form);

}  // namespace nkg
