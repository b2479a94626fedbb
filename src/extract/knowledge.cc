#include "extract/knowledge.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "core/serial.h"

namespace nkg {

EntityType parse_entity_type(const std::string& s, bool* ok) {
  static const std::pair<const char*, EntityType> kTypes[] = {
      {"Person", EntityType::Person}, {"State", EntityType::State},   {"Firm", EntityType::Firm},
      {"Place", EntityType::Place},   {"Region", EntityType::Region}, {"Body", EntityType::Body},
      {"Treaty", EntityType::Treaty}, {"Event", EntityType::Event}};
  for (auto& [name, t] : kTypes)
    if (s == name) {
      *ok = true;
      return t;
    }
  *ok = false;
  return EntityType::Place;
}

// ICU's display name of region `iso` in every available locale of `lang`
// (fa gives both Iranian and Dari spellings through fa and fa_AF).
static std::vector<std::string> icu_country_names(const std::string& iso, const std::string& lang) {
  std::vector<std::string> out;
  int32_t n = 0;
  const icu::Locale* all = icu::Locale::getAvailableLocales(n);
  icu::Locale region("", iso.c_str());
  for (int32_t i = 0; i < n; ++i) {
    if (lang != all[i].getLanguage() || all[i].getScript()[0] != '\0') continue;
    icu::UnicodeString name;
    region.getDisplayCountry(all[i], name);
    std::string s;
    name.toUTF8String(s);
    if (!s.empty() && s != iso && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(s);
  }
  return out;
}

Knowledge::Knowledge() = default;
Knowledge::~Knowledge() = default;

bool Knowledge::load(const std::string& dir, Error* err) {
  serial_ = 0;  // what is cached by the old serial no longer holds
  if (!data_.load(dir, err)) return false;
  for (const auto& s : data_.states()) {
    KnownEntity e;
    e.key = "state:" + s.iso;
    e.type = EntityType::State;
    e.qid = s.qid;
    e.iso = s.iso;
    e.pref_label = s.name_en;
    entities_[e.key] = e;
  }
  for (const auto& g : data_.gazetteer()) {
    bool ok = false;
    EntityType t = parse_entity_type(g.type, &ok);
    if (!ok) {
      *err = Error{dir + "/gazetteer/entities.tsv", "unknown type '" + g.type + "' for " + g.id};
      return false;
    }
    KnownEntity e;
    e.key = "gaz:" + g.id;
    e.type = t;
    e.qid = g.qid;
    e.pref_label = g.canonical;
    entities_[e.key] = e;
  }
  for (const auto& lang : data_.languages()) build_language(lang);
  if (!names_.count("en")) build_language("en");
  std::vector<std::pair<std::string, std::vector<std::string>>> markers;
  for (const auto& lang : data_.languages())
    markers.emplace_back(lang, LangPack::forms(data_.pack(lang).markers, "markers"));
  markers_ = MarkerWords(markers);
  serial_ = next_serial();
  return true;
}

void Knowledge::build_language(const std::string& lang) {
  Dictionary& d = names_[lang];
  const LangPack& pack = data_.pack(lang);
  cues_[lang].build(pack, vocab_);
  dates_[lang] = std::make_unique<DateFinder>(pack, &vocab_);
  // Gazetteer first so that, on equal length, a firm such as "Uzbekistan
  // Airways" is preferred by length anyway and a person's name by data order.
  for (const auto& g : data_.gazetteer()) {
    const KnownEntity& e = entities_["gaz:" + g.id];
    d.add(vocab_, g.canonical, e.key, e.type);
    for (const auto& a : g.aliases) d.add(vocab_, a, e.key, e.type);
  }
  for (const auto& [id, labels] : pack.gazetteer) {
    auto it = entities_.find("gaz:" + id);
    if (it == entities_.end()) continue;
    if (!labels.empty()) it->second.labels[lang] = labels[0];
    for (const auto& l : labels) d.add(vocab_, l, it->first, it->second.type);
  }
  for (const auto& s : data_.states()) {
    KnownEntity& e = entities_["state:" + s.iso];
    auto names = icu_country_names(s.iso, lang);
    if (!names.empty()) e.labels[lang] = names[0];
    for (const auto& n : names) d.add(vocab_, n, e.key, EntityType::State);
    if (lang == "en") d.add(vocab_, s.name_en, e.key, EntityType::State);
  }
  for (const auto& [iso, forms] : pack.states) {
    if (!entities_.count("state:" + iso)) continue;
    for (const auto& f : forms) d.add(vocab_, f, "state:" + iso, EntityType::State);
  }
}

const Dictionary& Knowledge::names(const std::string& lang) const {
  auto it = names_.find(lang);
  if (it == names_.end()) it = names_.find("en");
  return it->second;
}

const Cues& Knowledge::cues(const std::string& lang) const {
  auto it = cues_.find(lang);
  if (it == cues_.end()) it = cues_.find("en");
  return it->second;
}

const DateFinder& Knowledge::dates(const std::string& lang) const {
  auto it = dates_.find(lang);
  if (it == dates_.end()) it = dates_.find("en");
  return *it->second;
}

const KnownEntity* Knowledge::entity(const std::string& key) const {
  auto it = entities_.find(key);
  return it == entities_.end() ? nullptr : &it->second;
}

}  // namespace nkg
