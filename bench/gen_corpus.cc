// bench/gen_corpus: writes a synthetic multilingual news corpus for the
// benchmark, deterministically from a seed.
//
//   gen_corpus --seed S --bytes N[k|M|G] --out DIR [--data DIR] [--templates DIR]
//
// Articles are put together from the project's own sentence templates
// (bench/templates/<lang>.tpl) with slots filled from the gazetteer
// (data/gazetteer/entities.tsv and each language's labels), state names from
// ICU's locale data, and generated sums of money, stakes, quantities and
// dates. The same seed and size give the same files on any machine: the
// random numbers come from SplitMix64, never from <random>'s distributions.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& msg) {
  std::cerr << "gen_corpus: " << msg << "\n";
  std::exit(2);
}

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0; the modulo bias is irrelevant here).
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<size_t>(hi - lo + 1)));
  }
  // Skewed towards the front of a list: a few entities are in many
  // articles, most in a few, as in real news.
  size_t skewed(size_t n) {
    double u = static_cast<double>(next() >> 11) / 9007199254740992.0;
    return std::min(n - 1, static_cast<size_t>(u * u * u * static_cast<double>(n)));
  }
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) die("cannot read " + p.string());
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

struct Templates {
  std::string lang;
  std::string decimal = ".";
  std::vector<std::string> digits;  // 10 UTF-8 digits
  std::vector<std::string> months;
  std::string date = "{d} {month} {y}";
  std::map<std::string, std::vector<std::string>> sections;
  const std::vector<std::string>& section(const std::string& name) const {
    auto it = sections.find(name);
    if (it == sections.end() || it->second.empty())
      die("templates for '" + lang + "' have no [" + name + "] entries");
    return it->second;
  }
};

std::vector<std::string> utf8_chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

Templates load_templates(const fs::path& file, const std::string& lang) {
  Templates t;
  t.lang = lang;
  std::istringstream in(read_file(file));
  std::string line, section;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      size_t sp = line.find(' ');
      std::string key = line.substr(1, sp - 1),
                  value = sp == std::string::npos ? "" : line.substr(sp + 1);
      if (key == "decimal")
        t.decimal = value;
      else if (key == "digits")
        t.digits = utf8_chars(value);
      else if (key == "months")
        t.months = split(value, '|');
      else if (key == "date")
        t.date = value;
      else
        die(file.string() + ": unknown directive @" + key);
      continue;
    }
    if (line[0] == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    if (section.empty()) die(file.string() + ": entry before the first [section]");
    t.sections[section].push_back(line);
  }
  if (t.digits.size() != 10) die(file.string() + ": @digits needs 10 digits");
  if (t.months.size() != 12) die(file.string() + ": @months needs 12 names");
  return t;
}

// Persons, firms and states with their labels per language.
struct Cast {
  std::vector<std::string> persons, firms, states;  // labels in one language
};

std::map<std::string, Cast> load_cast(const fs::path& data, const std::vector<std::string>& langs) {
  // entity id -> type, from the gazetteer's identity file.
  std::map<std::string, std::string> type_of;
  std::vector<std::string> order;  // file order, so lists are stable
  {
    std::istringstream in(read_file(data / "gazetteer" / "entities.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = split(line, '\t');
      if (f.size() < 4) continue;
      if (f[1] == "Person" || f[1] == "Firm") {
        type_of[f[0]] = f[1];
        order.push_back(f[0]);
      }
    }
  }
  std::vector<std::string> isos;
  {
    std::istringstream in(read_file(data / "states.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = split(line, '\t');
      if (f.size() >= 2 && f[0].size() == 2) isos.push_back(f[0]);
    }
  }
  std::map<std::string, Cast> out;
  for (const auto& lang : langs) {
    std::map<std::string, std::string> label;
    std::istringstream in(read_file(data / "lang" / lang / "gazetteer.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = split(line, '\t');
      if (f.size() >= 2 && !f[1].empty()) label[f[0]] = split(f[1], '|')[0];
    }
    Cast& c = out[lang];
    for (const auto& id : order) {
      auto it = label.find(id);
      if (it == label.end()) continue;
      (type_of[id] == "Person" ? c.persons : c.firms).push_back(it->second);
    }
    icu::Locale in_lang(lang.c_str());
    for (const auto& iso : isos) {
      icu::UnicodeString name;
      icu::Locale("", iso.c_str()).getDisplayCountry(in_lang, name);
      std::string s;
      name.toUTF8String(s);
      if (!s.empty() && s != iso) c.states.push_back(s);
    }
    if (c.persons.size() < 3 || c.firms.size() < 3 || c.states.size() < 2)
      die("too few gazetteer labels for '" + lang + "'");
  }
  return out;
}

class Writer {
 public:
  Writer(const Templates& t, const Cast& c, Rng& r) : t_(t), c_(c), r_(r) {}

  std::string article() {
    pick_cast();
    std::string out =
        fill(pick("headline")) + "\n\n" + fill("{date1}") + "\n\n" + fill(pick("lead"));
    std::vector<std::string> body = t_.section("body");
    for (size_t i = body.size(); i > 1; --i) std::swap(body[i - 1], body[r_.below(i)]);
    size_t n = std::min(body.size(), static_cast<size_t>(r_.range(8, 16)));
    size_t in_paragraph = 3;
    for (size_t i = 0; i < n; ++i) {
      if (in_paragraph >= static_cast<size_t>(r_.range(1, 3))) {
        out += "\n\n";
        in_paragraph = 0;
      } else {
        out += " ";
      }
      out += fill(body[i]);
      ++in_paragraph;
    }
    if (r_.below(2)) out += "\n\n" + fill(pick("close"));
    return out + "\n";
  }

 private:
  const std::string& pick(const std::string& section) {
    const auto& v = t_.section(section);
    return v[r_.below(v.size())];
  }
  std::string digits(const std::string& ascii) const {
    std::string out;
    for (char ch : ascii) {
      if (ch >= '0' && ch <= '9')
        out += t_.digits[static_cast<size_t>(ch - '0')];
      else if (ch == '.')
        out += t_.decimal;
      else
        out += ch;
    }
    return out;
  }
  std::string number_for_money() {
    if (r_.below(3) == 0) {
      char b[16];
      std::snprintf(b, sizeof b, "%d.%d", r_.range(1, 9), r_.range(1, 9));
      return b;
    }
    return std::to_string(r_.range(2, 950));
  }
  std::string replace(std::string s, const std::string& slot, const std::string& v) const {
    for (size_t p; (p = s.find(slot)) != std::string::npos;) s.replace(p, slot.size(), v);
    return s;
  }
  std::string date() {
    std::string d = replace(t_.date, "{d}", digits(std::to_string(r_.range(1, 28))));
    d = replace(d, "{y}", digits(std::to_string(r_.range(2024, 2026))));
    return replace(d, "{month}", t_.months[r_.below(12)]);
  }
  static std::string surname(const std::string& name) {
    size_t sp = name.rfind(' ');
    return sp == std::string::npos ? name : name.substr(sp + 1);
  }
  template <class V>
  std::vector<std::string> distinct(const V& list, size_t n) {
    std::vector<std::string> out;
    while (out.size() < n) {
      const std::string& s = list[r_.skewed(list.size())];
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
  }
  void pick_cast() {
    slots_.clear();
    auto persons = distinct(c_.persons, 3);
    auto firms = distinct(c_.firms, 3);
    auto states = distinct(c_.states, 2);
    for (int i = 0; i < 3; ++i) {
      std::string k = std::to_string(i + 1);
      slots_["person" + k] = persons[static_cast<size_t>(i)];
      slots_["surname" + k] = surname(persons[static_cast<size_t>(i)]);
      slots_["firm" + k] = firms[static_cast<size_t>(i)];
    }
    slots_["state1"] = states[0];
    slots_["state2"] = states[1];
    slots_["title1"] = pick("leader_title");
    slots_["title2"] = pick("leader_title");
    slots_["exectitle"] = pick("exec_title");
    slots_["item1"] = pick("item");
    slots_["city"] = pick("city");
    slots_["qty1"] = digits(std::to_string(r_.range(2, 120)));
    slots_["money1"] = replace(pick("money"), "{n}", digits(number_for_money()));
    slots_["money2"] = replace(pick("money"), "{n}", digits(number_for_money()));
    int p = r_.range(10, 90);
    slots_["stake1"] = replace(pick("stake"), "{p}", digits(std::to_string(p)));
    slots_["stake2"] = replace(pick("stake"), "{p}", digits(std::to_string(100 - p)));
    slots_["date1"] = date();
    slots_["date2"] = date();
    slots_["year"] = digits(std::to_string(r_.range(2026, 2032)));
  }
  // A filled sentence: slots replaced, a first ASCII letter in capitals
  // (titles start lower-case in most languages), and a slot's final period
  // not doubled by the sentence's.
  std::string fill(const std::string& tpl) const {
    std::string out = fill_slots(tpl);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    for (size_t p; (p = out.find("..")) != std::string::npos;) out.erase(p, 1);
    return out;
  }
  std::string fill_slots(const std::string& tpl) const {
    std::string out;
    for (size_t i = 0; i < tpl.size();) {
      size_t open = tpl.find('{', i);
      if (open == std::string::npos) {
        out.append(tpl, i, std::string::npos);
        break;
      }
      size_t close = tpl.find('}', open);
      if (close == std::string::npos) die("unclosed slot in template: " + tpl);
      out.append(tpl, i, open - i);
      std::string name = tpl.substr(open + 1, close - open - 1);
      auto it = slots_.find(name);
      if (it == slots_.end())
        die("unknown slot {" + name + "} in " + t_.lang + " template: " + tpl);
      out += it->second;
      i = close + 1;
    }
    return out;
  }

  const Templates& t_;
  const Cast& c_;
  Rng& r_;
  std::map<std::string, std::string> slots_;
};

uint64_t parse_size(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  std::string unit = end;
  double m = 1;
  if (unit == "k" || unit == "K")
    m = 1e3;
  else if (unit == "M")
    m = 1e6;
  else if (unit == "G")
    m = 1e9;
  else if (!unit.empty())
    die("bad size '" + s + "' (a number with k, M or G)");
  if (!(v > 0)) die("bad size '" + s + "'");
  return static_cast<uint64_t>(v * m);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = 1, bytes = 0;
  std::string out, data = NEWSKG_DATA_DIR, templates = NEWSKG_BENCH_DIR "/templates";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--seed")
      seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--bytes")
      bytes = parse_size(value());
    else if (a == "--out")
      out = value();
    else if (a == "--data")
      data = value();
    else if (a == "--templates")
      templates = value();
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: gen_corpus --seed S --bytes N[k|M|G] --out DIR [--data DIR] "
                   "[--templates DIR]\n";
      return 0;
    } else {
      die("unknown option '" + a + "'");
    }
  }
  if (!bytes || out.empty()) die("needs --bytes N and --out DIR (see --help)");

  // The language mix: Persian and English most, as in the sample corpus.
  const std::vector<std::pair<std::string, int>> mix = {
      {"fa", 25}, {"en", 25}, {"pl", 20}, {"de", 15}, {"sl", 15}};
  std::vector<std::string> langs;
  for (const auto& [l, w] : mix) langs.push_back(l);
  std::map<std::string, Templates> tpl;
  for (const auto& l : langs) tpl[l] = load_templates(fs::path(templates) / (l + ".tpl"), l);
  std::map<std::string, Cast> cast = load_cast(data, langs);

  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) die("cannot create " + out + ": " + ec.message());
  uint64_t written = 0, articles = 0;
  std::map<std::string, uint64_t> per_lang;
  for (; written < bytes; ++articles) {
    // Each article has its own stream, so article i is the same whatever N.
    Rng r{seed * 0x100000001B3ull ^ (articles + 1) * 0x9E3779B97F4A7C15ull};
    int w = static_cast<int>(r.below(100));
    std::string lang;
    for (const auto& [l, weight] : mix) {
      if (w < weight) {
        lang = l;
        break;
      }
      w -= weight;
    }
    Writer writer(tpl[lang], cast[lang], r);
    std::string text = writer.article();
    char dir[32], name[48];
    std::snprintf(dir, sizeof dir, "%05llu", static_cast<unsigned long long>(articles / 1000));
    std::snprintf(name, sizeof name, "%s-%07llu.txt", lang.c_str(),
                  static_cast<unsigned long long>(articles));
    fs::path d = fs::path(out) / dir;
    if (articles % 1000 == 0) fs::create_directories(d);
    std::ofstream f(d / name, std::ios::binary);
    f << text;
    if (!f) die("cannot write " + (d / name).string());
    written += text.size();
    per_lang[lang] += 1;
  }
  std::cout << "gen_corpus: " << articles << " articles, " << written << " bytes in " << out
            << " (";
  bool first = true;
  for (const auto& [l, n] : per_lang) {
    std::cout << (first ? "" : ", ") << l << " " << n;
    first = false;
  }
  std::cout << ")\n";
  return 0;
}
