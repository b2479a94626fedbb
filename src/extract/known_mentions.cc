#include "extract/known_mentions.h"

namespace nkg {

void find_known_mentions(Document& doc, const Knowledge& k, const LemmaTable& lemmas) {
  const Dictionary& dict = k.names(doc.lang);
  for (const auto& m : dict.find(doc, lemmas)) {
    Mention mention;
    mention.span = {doc.tokens[m.first].span.begin, doc.tokens[m.last].span.end};
    mention.entity = m.entry->payload;
    mention.type = m.entry->type;
    mention.lemma = m.entry->label;
    mention.first_token = m.first;
    mention.last_token = m.last;
    doc.mentions.push_back(std::move(mention));
  }
}

}  // namespace nkg
