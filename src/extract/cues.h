// Per-language cue words compiled for the name and role finders: titles
// (a dictionary, since posts span several words) and single-word cue sets.
#pragma once
#include <string>
#include <unordered_set>

#include "extract/matcher.h"
#include "lang/langpack.h"

namespace nkg {

struct Cues {
  Dictionary titles;    // payload: post id ("president", "ceo", ...)
  Dictionary triggers;  // payload: agreement kind or "status_*" or "anaphor"
  Dictionary subjects;  // payload: concept id
  std::unordered_set<std::string> firm_suffix, firm_prefix, firm_sector, given, not_name,
      place_prep, connector, source, location_prep, time_unit, vague;
  bool nouns_capitalised = false;
  bool names_inflected = false;  // personal names take case endings (pl, sl)  // German: a capital letter does not mark a name

  void build(const LangPack& pack);
  // True when any lemma candidate of a token is in `set`.
  static bool any_in(const std::unordered_set<std::string>& set,
                     const std::vector<std::string>& lemmas);
};

}  // namespace nkg
