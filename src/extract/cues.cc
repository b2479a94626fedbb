#include "extract/cues.h"

#include "text/segment.h"

namespace nkg {

void CueSet::insert(Vocabulary& vocab, const std::string& key) {
  uint32_t id = vocab.intern(key);
  auto at = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (at != ids_.end() && *at == id) return;
  ids_.insert(at, id);
  filter_[id / 64 % kFilterWords] |= uint64_t{1} << id % 64;
  keys_.push_back(key);
}

void Cues::build(const LangPack& pack, Vocabulary& vocab) {
  for (const auto& [post, forms] : pack.titles)
    for (const auto& f : forms) titles.add(vocab, f, post, EntityType::Person);
  // Trigger and subject forms are listed with their case forms: no endings undone.
  for (const auto& [kind, forms] : pack.triggers)
    for (const auto& f : forms) triggers.add(vocab, f, kind, EntityType::Event, false);
  for (const auto& [concept_id, forms] : pack.subjects)
    for (const auto& f : forms) subjects.add(vocab, f, concept_id, EntityType::Event, false);
  auto fill = [&](const char* cls, CueSet* set, bool last_word) {
    for (const auto& f : LangPack::forms(pack.cues, cls)) {
      auto keys = key_tokens(f);
      if (keys.empty()) continue;
      // Only one-word cues and hyphen compounds ("US-Investor" -> "Investor")
      // count by one word: in "bank rozwoju" the head is not the last word.
      if (keys.size() > 1 && f.find(' ') != std::string::npos) continue;
      set->insert(vocab, last_word ? keys.back() : keys.front());
    }
  };
  fill("firm_suffix", &firm_suffix, true);
  // Multi-word cues count by their head, the last word ("US-Investor" ->
  // "Investor", "the company" -> "company").
  fill("firm_prefix", &firm_prefix, true);
  fill("firm_sector", &firm_sector, true);
  fill("person_given", &given, false);
  fill("not_name", &not_name, false);
  fill("place_prep", &place_prep, false);
  fill("connector", &connector, false);
  fill("source", &source, true);
  fill("location_prep", &location_prep, false);
  fill("time_unit", &time_unit, false);
  fill("vague", &vague, true);
  for (const auto& o : LangPack::forms(pack.cues, "option"))
    if (o == "nouns_capitalised")
      nouns_capitalised = true;
    else if (o == "names_inflected")
      names_inflected = true;
}

}  // namespace nkg
