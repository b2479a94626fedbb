// Per-language cue words compiled for the name and role finders: titles
// (a dictionary, since posts span several words) and single-word cue sets.
#pragma once
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "extract/matcher.h"
#include "lang/langpack.h"

namespace nkg {

// Single-word cue keys: tested by vocabulary id, listed as keys.
class CueSet {
 public:
  void insert(Vocabulary& vocab, const std::string& key);
  bool contains(uint32_t id) const {
    // Most ids asked about are no cue: the filter answers for most of them.
    return (filter_[id / 64 % kFilterWords] >> id % 64 & 1) &&
           std::binary_search(ids_.begin(), ids_.end(), id);
  }
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  static constexpr uint32_t kFilterWords = 16;
  // Bit id % 1024 of each id in the set (ids are numbered densely).
  std::array<uint64_t, kFilterWords> filter_{};
  std::vector<uint32_t> ids_;  // sorted
  std::vector<std::string> keys_;
};

struct Cues {
  Dictionary titles;    // payload: post id ("president", "ceo", ...)
  Dictionary triggers;  // payload: agreement kind or "status_*" or "anaphor"
  Dictionary subjects;  // payload: concept id
  CueSet firm_suffix, firm_prefix, firm_sector, given, not_name, place_prep, connector, source,
      location_prep, time_unit, vague;
  bool nouns_capitalised = false;  // German: a capital letter does not mark a name
  bool names_inflected = false;    // personal names take case endings (pl, sl)

  // Compiles the pack's cues, their keys interned in `vocab`.
  void build(const LangPack& pack, Vocabulary& vocab);
  // True when any lemma candidate of a token (LemmaTable::ids) is in `set`.
  // Inline: asked of many tokens, most of whose ids the filter rules out.
  static bool any_in(const CueSet& set, std::span<const uint32_t> lemma_ids) {
    for (uint32_t id : lemma_ids)
      if (id != Vocabulary::kUnknown && set.contains(id)) return true;
    return false;
  }
};

}  // namespace nkg
