#include "extract/known_mentions.h"

namespace nkg {

void find_known_mentions(Document& doc, const Knowledge& k, const LemmaTable& lemmas) {
  const Dictionary& dict = k.names(doc.lang);
  // Kept per thread: the vector would grow anew for every document.
  thread_local std::vector<DictMatch> matches;
  matches.clear();
  dict.find(doc, lemmas, 0, static_cast<uint32_t>(doc.tokens.size()), &matches);
  // Built in place, with room for the unknown names found next: no Mention
  // is moved to grow the vector.
  doc.mentions.reserve(doc.mentions.size() + matches.size() + matches.size() / 2 + 16);
  // Made where it goes: emplace_back converts a Made, and GCC initialises
  // the vector's element with the conversion's result itself (CWG 2327):
  // the strings are copy-constructed in place, neither assigned to nor
  // moved. (A conversion, not a constructor: a Mention is an aggregate,
  // and clang 14 lacks parenthesised aggregate initialisation.)
  struct Made {
    const Document& doc;
    const DictMatch& m;
    operator Mention() const {
      return Mention{Span{doc.tokens[m.first].span.begin, doc.tokens[m.last].span.end},
                     m.entry->payload,
                     m.entry->type,
                     m.entry->label,
                     m.first,
                     m.last};
    }
  };
  for (const auto& m : matches) doc.mentions.emplace_back(Made{doc, m});
  // One huge article must not pin its buffer to the thread for good.
  if (matches.capacity() > (size_t{1} << 16)) std::vector<DictMatch>().swap(matches);
}

}  // namespace nkg
