#include "lang/langpack.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/serial.h"
#include "core/utf8.h"
#include "text/normalize.h"

namespace nkg {
namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

static std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool read_tsv(const std::string& path, std::vector<std::vector<std::string>>* rows, Error* err) {
  std::ifstream in(path);
  if (!in) {
    if (err) *err = Error{path, "cannot read data file"};
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto fields = split(line, '\t');
    for (auto& f : fields) f = trim(f);
    rows->push_back(std::move(fields));
  }
  return true;
}

static std::vector<std::string> form_list(const std::string& field) {
  std::vector<std::string> out;
  for (auto& f : split(field, '|')) {
    std::string t = trim(f);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

static void load_form_table(const fs::path& p, FormTable* t) {
  std::vector<std::vector<std::string>> rows;
  if (!fs::exists(p) || !read_tsv(p.string(), &rows, nullptr)) return;
  for (auto& r : rows)
    if (r.size() >= 2 && !r[0].empty()) t->emplace_back(r[0], form_list(r[1]));
}

std::vector<std::string> LangPack::forms(const FormTable& t, const std::string& key) {
  std::vector<std::string> out;
  for (auto& [k, f] : t)
    if (k == key) out.insert(out.end(), f.begin(), f.end());
  return out;
}

void LangPack::try_rule(const std::string& key, const InflectionRule& r,
                        std::vector<std::string>* out) const {
  size_t alen = r.add.size();
  if (key.size() < alen) return;
  if (key.compare(key.size() - alen, alen, r.add) != 0) return;
  size_t stem_len = key.size() - alen;
  // Bare endings on short stems over-match ("روسای" is not "روس" + "ای"):
  // a rule that only strips an ending needs a longer stem.
  if (count_code_points(std::string_view(key).substr(0, stem_len)) < (r.strip.empty() ? 4u : 3u))
    return;
  std::string cand;
  cand.reserve(stem_len + r.strip.size());
  cand.append(key, 0, stem_len);
  cand += r.strip;
  if (std::find(out->begin(), out->end(), cand) == out->end()) out->push_back(std::move(cand));
}

LangPack::Serial::Serial() : value(next_serial()) {}

void LangPack::index_rules() {
  serial_ = Serial();
  by_last_byte_.assign(257, {});
  for (uint32_t i = 0; i < rules.size(); ++i)
    by_last_byte_[rules[i].add.empty() ? 256 : static_cast<unsigned char>(rules[i].add.back())]
        .push_back(i);
  indexed_ = rules.size();
}

std::vector<std::string> LangPack::lemmas(const std::string& key) const {
  std::vector<std::string> out{key};
  if (indexed_ != rules.size()) {
    for (const auto& r : rules) try_rule(key, r, &out);
    return out;
  }
  // Only rules ending in the key's last byte, and empty endings, can apply;
  // merged back into data order, which decides the candidates' order.
  static const std::vector<uint32_t> kNone;
  const auto& ends = key.empty() ? kNone : by_last_byte_[static_cast<unsigned char>(key.back())];
  const auto& bare = by_last_byte_[256];
  for (size_t a = 0, b = 0; a < ends.size() || b < bare.size();) {
    bool from_ends = b == bare.size() || (a < ends.size() && ends[a] < bare[b]);
    try_rule(key, rules[from_ends ? ends[a++] : bare[b++]], &out);
  }
  return out;
}

bool LangData::load(const std::string& dir, Error* err) {
  std::vector<std::vector<std::string>> rows;
  if (!read_tsv(dir + "/states.tsv", &rows, err)) return false;
  for (auto& r : rows)
    if (r.size() >= 3) states_.push_back({r[0], r[1], r[2]});
  rows.clear();
  if (fs::exists(dir + "/gazetteer/entities.tsv")) {
    if (!read_tsv(dir + "/gazetteer/entities.tsv", &rows, err)) return false;
    for (auto& r : rows) {
      if (r.size() < 4) continue;
      GazetteerEntry g{r[0], r[1], r[2] == "-" ? "" : r[2], r[3], {}};
      if (r.size() >= 5) g.aliases = form_list(r[4]);
      gazetteer_.push_back(std::move(g));
    }
  }
  std::error_code ec;
  std::vector<fs::path> langs;
  for (auto& e : fs::directory_iterator(dir + "/lang", ec))
    if (e.is_directory()) langs.push_back(e.path());
  if (ec) {
    *err = Error{dir + "/lang", "cannot list language packs: " + ec.message()};
    return false;
  }
  std::sort(langs.begin(), langs.end());
  for (auto& p : langs) {
    LangPack pack;
    pack.lang = p.filename().string();
    // Rules with a stripped ending first, then the bare endings (an empty
    // first column, which read_tsv keeps); "-" also means empty.
    std::vector<std::vector<std::string>> irows;
    if (fs::exists(p / "inflection.tsv"))
      read_tsv((p / "inflection.tsv").string(), &irows, nullptr);
    auto key_or_empty = [](const std::string& f) {
      return f == "-" ? std::string() : match_key(f);
    };
    for (bool bare : {false, true})
      for (auto& r : irows)
        if (r.size() >= 2 && r[0].empty() == bare)
          for (auto& a : form_list(r[1]))
            pack.rules.push_back({key_or_empty(r[0]), key_or_empty(a)});
    pack.index_rules();
    load_form_table(p / "states.tsv", &pack.states);
    load_form_table(p / "gazetteer.tsv", &pack.gazetteer);
    load_form_table(p / "titles.tsv", &pack.titles);
    load_form_table(p / "cues.tsv", &pack.cues);
    load_form_table(p / "triggers.tsv", &pack.triggers);
    load_form_table(p / "months.tsv", &pack.months);
    load_form_table(p / "weekdays.tsv", &pack.weekdays);
    load_form_table(p / "subjects.tsv", &pack.subjects);
    load_form_table(p / "markers.tsv", &pack.markers);
    std::vector<std::vector<std::string>> nrows;
    if (fs::exists(p / "numbers.tsv") && read_tsv((p / "numbers.tsv").string(), &nrows, nullptr))
      for (auto& r : nrows)
        if (r.size() >= 3) pack.numbers.push_back({r[0], r[1], form_list(r[2])});
    packs_.emplace(pack.lang, std::move(pack));
  }
  return true;
}

const LangPack& LangData::pack(const std::string& lang) const {
  auto it = packs_.find(lang);
  return it == packs_.end() ? neutral_ : it->second;
}

std::vector<std::string> LangData::languages() const {
  std::vector<std::string> out;
  for (auto& [k, v] : packs_) out.push_back(k);
  return out;
}

}  // namespace nkg
