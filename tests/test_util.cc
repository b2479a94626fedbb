#include "test_util.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text/segment.h"

namespace nkg::test {

const Knowledge& knowledge() {
  static Knowledge k;
  static const bool loaded = [] {
    Error e;
    if (!k.load(NEWSKG_DATA_DIR, &e)) throw std::runtime_error(e.message());
    return true;
  }();
  (void)loaded;
  return k;
}

const Analyzer& analyzer() {
  static Analyzer a(knowledge());
  return a;
}

Document analyse(const std::string& text, const std::string& lang, const std::string& id) {
  Document d;
  d.id = id;
  d.path = id;
  d.text = text;
  analyzer().analyse(d, lang);
  return d;
}

std::vector<std::string> surfaces(const Document& d, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& m : d.mentions)
    if (m.entity == key) out.emplace_back(d.slice(m.span));
  return out;
}

std::vector<Document> sample_corpus() {
  std::vector<Document> out;
  for (const auto& e : std::filesystem::directory_iterator(NEWSKG_TEST_DIR "/../corpus")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Document d;
    d.path = e.path().string();
    d.text = ss.str();
    d.lang = e.path().filename().string().substr(0, 2);
    segment(d);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace nkg::test
