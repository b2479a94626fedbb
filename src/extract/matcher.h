// A dictionary of multi-word forms matched against a document's tokens,
// case endings undone per token (LangPack::lemmas). Linear in the number of
// tokens times the few lemma candidates of each: no regular expressions,
// no backtracking.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "lang/langpack.h"

namespace nkg {

// Per-token lemma candidates (token key first, as LangPack::lemmas gives
// them) with the hash of each, computed once per document for the
// dictionaries' filters.
struct LemmaTable : std::vector<std::vector<std::string>> {
  std::vector<uint32_t> hash_begin;  // per token: index of its first hash
  std::vector<size_t> hashes;        // std::hash of every candidate, token by token
  size_t hash(size_t token, size_t j) const { return hashes[hash_begin[token] + j]; }
};

struct DictEntry {
  std::vector<std::string> tokens;  // match keys
  std::string exact;                // non-empty: the surface must equal this (short all-caps forms)
  std::string payload;              // e.g. "state:KZ"
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
  // Adds `form`; forms of at most five capital letters are matched exactly.
  void add(const std::string& form, const std::string& payload, EntityType type,
           bool inflect = true);
  size_t size() const { return entries_.size(); }

  // Leftmost-longest, non-overlapping matches. `lemmas` holds, per token,
  // its candidate base keys (token key first).
  std::vector<DictMatch> find(const Document& doc, const LemmaTable& lemmas) const;
  // Every entry matching at token `i` (for callers that need alternatives).
  void match_at(const Document& doc, const LemmaTable& lemmas, uint32_t i,
                std::vector<DictMatch>* out) const;

 private:
  // Bloom filter over the first keys: most tokens start no entry, and this
  // answers them from a few cache-resident bits instead of a hash-map probe.
  static constexpr size_t kBloomBits = size_t{1} << 17;
  static void bloom_bits(size_t hash, size_t* a, size_t* b);
  bool may_start(size_t hash) const;

  std::vector<DictEntry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
  std::vector<uint64_t> bloom_ = std::vector<uint64_t>(kBloomBits / 64, 0);
};

// Per-token lemma candidates for a document under a language pack.
LemmaTable token_lemmas(const Document& doc, const LangPack& pack);

// True for forms such as "US", "USA", "ZDA", "AP": short and all capitals.
bool is_short_caps(const std::string& form);

}  // namespace nkg
