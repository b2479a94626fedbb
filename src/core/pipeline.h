// The per-article pipeline: each stage reads and extends the Document.
//   decode -> segment -> langid -> article meta -> mentions -> names ->
//   roles -> agreements
// Corpus-level stages (resolve, graph, write) run after every article.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "core/document.h"
#include "extract/amounts.h"
#include "extract/dates.h"
#include "extract/knowledge.h"

namespace nkg {

class Analyzer {
 public:
  explicit Analyzer(const Knowledge& k);
  // Runs every per-article stage on a decoded document (doc.text set).
  // `forced_lang` overrides language identification when non-empty.
  void analyse(Document& doc, const std::string& forced_lang = {}) const;
  const Knowledge& knowledge() const { return k_; }
  const DateFinder& dates(const std::string& lang) const;
  const AmountFinder& amounts(const std::string& lang) const;

 private:
  const Knowledge& k_;
  // Built once per language: building one costs milliseconds.
  std::map<std::string, std::unique_ptr<AmountFinder>> amounts_;
};

}  // namespace nkg
