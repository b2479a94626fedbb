#include "extract/cues.h"

#include "text/segment.h"

namespace nkg {

void Cues::build(const LangPack& pack) {
  for (const auto& [post, forms] : pack.titles)
    for (const auto& f : forms) titles.add(f, post, EntityType::Person);
  // Trigger and subject forms are listed with their case forms: no endings undone.
  for (const auto& [kind, forms] : pack.triggers)
    for (const auto& f : forms) triggers.add(f, kind, EntityType::Event, false);
  for (const auto& [concept_id, forms] : pack.subjects)
    for (const auto& f : forms) subjects.add(f, concept_id, EntityType::Event, false);
  auto fill = [&](const char* cls, std::unordered_set<std::string>* set, bool last_word) {
    for (const auto& f : LangPack::forms(pack.cues, cls)) {
      auto keys = key_tokens(f);
      if (keys.empty()) continue;
      // Only one-word cues and hyphen compounds ("US-Investor" -> "Investor")
      // count by one word: in "bank rozwoju" the head is not the last word.
      if (keys.size() > 1 && f.find(' ') != std::string::npos) continue;
      set->insert(last_word ? keys.back() : keys.front());
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
    if (o == "nouns_capitalised") nouns_capitalised = true;
    else if (o == "names_inflected") names_inflected = true;
}

bool Cues::any_in(const std::unordered_set<std::string>& set,
                  const std::vector<std::string>& lemmas) {
  for (const auto& l : lemmas)
    if (set.count(l)) return true;
  return false;
}

}  // namespace nkg
