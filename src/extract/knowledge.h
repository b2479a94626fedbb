// Everything the extractors know before reading any article: the language
// packs, the states (names from ICU's locale data plus the packs' extra forms)
// and the gazetteer, compiled into one dictionary per language.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/document.h"
#include "extract/cues.h"
#include "extract/dates.h"
#include "extract/matcher.h"
#include "lang/langpack.h"
#include "text/langid.h"

namespace nkg {

// Identity of a known entity: what the graph may say about it before reading.
struct KnownEntity {
  std::string key;  // "state:KZ", "gaz:boeing"
  EntityType type = EntityType::State;
  std::string qid;
  std::string iso;                            // states only
  std::string pref_label;                     // English / canonical
  std::map<std::string, std::string> labels;  // lang -> preferred label in that language
};

class Knowledge {
 public:
  Knowledge();
  ~Knowledge();
  // The date finders refer to the packs in place.
  Knowledge(const Knowledge&) = delete;
  Knowledge& operator=(const Knowledge&) = delete;

  bool load(const std::string& data_dir, Error* err);

  const LangData& data() const { return data_; }
  const LangPack& pack(const std::string& lang) const { return data_.pack(lang); }
  // Dictionary of known names for documents in `lang` (falls back to "en").
  const Dictionary& names(const std::string& lang) const;
  const KnownEntity* entity(const std::string& key) const;
  // Cue words for documents in `lang` (falls back to "en").
  const Cues& cues(const std::string& lang) const;
  // Month, weekday and ordinal names for documents in `lang` (falls back to
  // "en"), their keys in vocabulary() so that most tokens are skipped by bits.
  const DateFinder& dates(const std::string& lang) const;
  const std::map<std::string, KnownEntity>& entities() const { return entities_; }
  // The keys every dictionary and cue set above matches (token_lemmas).
  const Vocabulary& vocabulary() const { return vocab_; }
  // Every pack's marker words, for language identification.
  const MarkerWords& markers() const { return markers_; }
  // Set by each successful load(), never shared with another Knowledge, 0
  // before: later stages cache what they derive from it by this serial.
  uint64_t serial() const { return serial_; }

 private:
  void build_language(const std::string& lang);

  LangData data_;
  Vocabulary vocab_;
  std::map<std::string, Dictionary> names_;
  std::map<std::string, Cues> cues_;
  std::map<std::string, std::unique_ptr<DateFinder>> dates_;
  std::map<std::string, KnownEntity> entities_;
  MarkerWords markers_;
  uint64_t serial_ = 0;
};

EntityType parse_entity_type(const std::string& s, bool* ok);

}  // namespace nkg
