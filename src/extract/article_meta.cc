#include "extract/article_meta.h"

namespace nkg {

void find_article_meta(Document& doc, const DateFinder& dates) {
  find_article_meta(doc, dates.find(doc));
}

void find_article_meta(Document& doc, const std::vector<DateHit>& dates) {
  size_t b = 0;
  while (b < doc.text.size()) {
    // The first line: a scan for the two bytes, where find_first_of tests
    // every byte against a set.
    size_t e = b;
    while (e < doc.text.size() && doc.text[e] != '\n' && doc.text[e] != '\r') ++e;
    std::string line = doc.text.substr(b, e - b);
    size_t f = line.find_first_not_of(" \t");
    if (f != std::string::npos) {
      size_t l = line.find_last_not_of(" \t");
      line = line.substr(f, l - f + 1);
      size_t words = 1;
      for (char c : line) words += (c == ' ');
      char last = line.back();
      if (line.size() <= 250 && words <= 25 && last != '.' && last != ':' && last != ',')
        doc.title = line;
      break;
    }
    b = e + 1;
  }
  for (const auto& h : dates) {
    if (std::string iso = h.iso(); !iso.empty()) {
      doc.issued = std::move(iso);
      break;
    }
  }
}

}  // namespace nkg
