#include "core/pipeline.h"

#include "extract/agreements.h"
#include "extract/article_meta.h"
#include "extract/known_mentions.h"
#include "extract/matcher.h"
#include "extract/names.h"
#include "extract/roles.h"
#include "text/langid.h"
#include "text/segment.h"

namespace nkg {

Analyzer::Analyzer(const Knowledge& k) : k_(k) {
  for (const auto& lang : k.data().languages())
    amounts_[lang] = std::make_unique<AmountFinder>(k.pack(lang));
  if (!amounts_.count("en")) amounts_["en"] = std::make_unique<AmountFinder>(k.pack("en"));
}

const AmountFinder& Analyzer::amounts(const std::string& lang) const {
  auto it = amounts_.find(lang);
  if (it == amounts_.end()) it = amounts_.find("en");
  return *it->second;
}

const DateFinder& Analyzer::dates(const std::string& lang) const { return k_.dates(lang); }

void Analyzer::analyse(Document& doc, const std::string& forced_lang) const {
  // Segmenting needs no language (root rules); language id samples the words.
  segment(doc);
  if (!forced_lang.empty()) {
    doc.lang = forced_lang;
    doc.lang_reliable = true;
  } else {
    LangGuess g = identify_language(doc, k_.markers());
    doc.lang = g.lang;
    doc.lang_reliable = g.reliable;
  }
  const LangPack& pack = k_.pack(doc.lang);
  auto lemmas = token_lemmas(doc, pack, &k_.vocabulary());
  // Dates, amounts and article meta all need the dates once: find them here.
  // A language without a pack dates with English's, whose endings differ.
  const DateFinder& date_finder = dates(doc.lang);
  LemmaTable other_lemmas;
  if (&date_finder.pack() != &pack)
    other_lemmas = token_lemmas(doc, date_finder.pack(), &k_.vocabulary());
  const auto& date_lemmas = &date_finder.pack() != &pack ? other_lemmas : lemmas;
  std::vector<DateHit> date_hits = date_finder.find(doc, date_lemmas);
  find_article_meta(doc, date_hits);
  find_known_mentions(doc, k_, lemmas);
  find_titles(doc, k_, lemmas);
  find_unknown_names(doc, k_, lemmas);
  find_roles(doc);
  find_agreements(doc, k_, date_finder, amounts(doc.lang), lemmas, date_hits, date_lemmas);
}

}  // namespace nkg
