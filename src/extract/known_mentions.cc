#include "extract/known_mentions.h"

namespace nkg {

void find_known_mentions(Document& doc, const Knowledge& k, const LemmaTable& lemmas) {
  const Dictionary& dict = k.names(doc.lang);
  const std::vector<DictMatch> matches = dict.find(doc, lemmas);
  // Built in place, with room for the unknown names found next: no Mention
  // is moved to grow the vector.
  doc.mentions.reserve(doc.mentions.size() + matches.size() + matches.size() / 2 + 16);
  for (const auto& m : matches) {
    Mention& mention = doc.mentions.emplace_back();
    mention.span = {doc.tokens[m.first].span.begin, doc.tokens[m.last].span.end};
    mention.entity = m.entry->payload;
    mention.type = m.entry->type;
    mention.lemma = m.entry->label;
    mention.first_token = m.first;
    mention.last_token = m.last;
  }
}

}  // namespace nkg
