// Per-language data packs (data/lang/<xx>/*.tsv, see data/README.md) and the
// language-neutral identity data (data/states.tsv, data/gazetteer/).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace nkg {

// "key<TAB>form|form" lines, in file order.
using FormTable = std::vector<std::pair<std::string, std::vector<std::string>>>;

struct InflectionRule {
  std::string strip;  // match-key form
  std::string add;
};

struct NumberWord {
  std::string cls;    // scale, currency, number, ordinal, percent, approx, upto, range_sep
  std::string value;  // "1e9", "USD", "8", ...
  std::vector<std::string> forms;
};

struct LangPack {
  std::string lang;
  std::vector<InflectionRule> rules;
  FormTable states, gazetteer, titles, cues, triggers, months, weekdays, subjects, markers;
  std::vector<NumberWord> numbers;

  // Candidate base forms of a token's match key: the key itself first, then
  // each form a case-ending rule undoes to (stems of at least 3 letters, 4
  // when the rule only removes an ending).
  std::vector<std::string> lemmas(const std::string& key) const;
  // Forms of one class/key of a FormTable (empty when absent).
  static std::vector<std::string> forms(const FormTable& t, const std::string& key);
  // Indexes `rules` by the last byte of their ending, so lemmas() tries only
  // the rules that can apply; call after changing `rules` (lemmas() scans
  // every rule while the index is stale).
  void index_rules();
  // Changes whenever the rules are indexed, and is 0 while the index is
  // stale: lemmas() gives the same for the same key and the same non-zero
  // serial, so callers may cache by it (no two packs share one).
  uint64_t serial() const { return indexed_ == rules.size() ? serial_ : 0; }

 private:
  std::vector<std::vector<uint32_t>> by_last_byte_;  // 256 lists, then the empty endings
  size_t indexed_ = SIZE_MAX;                        // rules.size() when indexed
  // A copy gets a serial of its own: its rules may change apart.
  struct Serial {
    uint64_t value;
    Serial();
    Serial(const Serial&) : Serial() {}
    Serial& operator=(const Serial&) {
      *this = Serial();
      return *this;
    }
    Serial(Serial&&) = default;
    Serial& operator=(Serial&&) = default;
    operator uint64_t() const { return value; }
  } serial_;
  void try_rule(const std::string& key, const InflectionRule& r,
                std::vector<std::string>* out) const;
};

struct StateInfo {
  std::string iso;  // ISO 3166-1 alpha-2
  std::string qid;
  std::string name_en;
};

struct GazetteerEntry {
  std::string id;
  std::string type;  // Person, Firm, Place, Region, Body, Treaty, Event
  std::string qid;   // empty when unknown
  std::string canonical;
  std::vector<std::string> aliases;  // any script
};

class LangData {
 public:
  // Loads every pack under dir/lang/, plus dir/states.tsv and dir/gazetteer/.
  bool load(const std::string& dir, Error* err);
  // The pack for `lang`, or an empty neutral pack.
  const LangPack& pack(const std::string& lang) const;
  std::vector<std::string> languages() const;
  const std::vector<StateInfo>& states() const { return states_; }
  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }

 private:
  std::map<std::string, LangPack> packs_;
  LangPack neutral_;
  std::vector<StateInfo> states_;
  std::vector<GazetteerEntry> gazetteer_;
};

// Splits TSV lines; skips blank and '#' lines. False when the file cannot be read.
bool read_tsv(const std::string& path, std::vector<std::vector<std::string>>* rows, Error* err);
std::vector<std::string> split(const std::string& s, char sep);

}  // namespace nkg
