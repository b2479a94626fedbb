// What every part of the publisher asks of the graph: the terms it knows,
// the character spans of mentions and sentences, and how to name a node.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "publish/graph.h"
#include "publish/layout.h"

namespace nkg::publish {

// A nif:Phrase or nif:Sentence: a span of an article's text.
struct Span {
  Id node = kNone;
  Id article = kNone;
  uint64_t begin = 0, end = 0;  // code points
  bool sentence = false;
  std::vector<Id> refers_to;  // itsrdf:taIdentRef
  const std::string* anchor = nullptr;
};

// Interned predicates and classes; kNone when the graph does not use them.
struct Terms {
  Id type, pref_label, label, alt_label, title, identifier, language, issued, date;
  Id evidence, derived_from, ta_ident_ref, reference_context, begin_index, end_index, anchor_of;
  Id same_as, member, organization, role, party, signatory, holder, share, stake, value;
  Id schema_value, currency, up_to, approximate, conflict, conflict_property, conflict_value;
  Id nif_sentence, membership, agreement, article;
  void load(const Graph& g);
};

// Names and labels. `og` is the ontology (may be empty); it names the
// classes and properties.
class Context {
 public:
  Context(const Graph& g, const Graph& og, const Layout& layout);

  const Graph& g;
  const Graph& og;
  const Layout& layout;
  Terms t;

  // Spans of the article, sorted by begin then end, and of one node.
  const std::vector<Span>& spans_of_article(Id article) const;
  const Span* span(Id node) const;
  // Mentions (not sentences) inside `sentence`, and sentences around `mention`.
  std::vector<const Span*> mentions_in(const Span& sentence) const;
  std::vector<const Span*> sentences_around(const Span& mention) const;

  // The top-level resource a sub-resource belongs to: <base>agreement/h for
  // <base>agreement/h/stake/s; the node itself otherwise (kNone-safe).
  Id owner(Id node) const;
  // Evidence sentences of `node` and of its owner, in graph order.
  std::vector<Id> evidence_of(Id node) const;
  // Of those, the ones holding a mention of `target`.
  std::vector<const Span*> evidence_mentioning(Id node, Id target) const;

  // What to call a node on a page: preferred label, a label, a title, or a
  // name made from its parts (roles, agreements, amounts, stakes), else the
  // last segment of its IRI. Sets *lang to the label's language when known.
  std::string display(Id node, std::string* lang = nullptr) const;
  // English label of a class or property IRI: the ontology's, else a
  // built-in one for the standard vocabularies, else its local name.
  std::string term_label(std::string_view iri) const;
  // The language-tagged labels of an ontology term (og), by language.
  std::map<std::string, std::string> term_labels(std::string_view iri) const;
  // Articles a node was derived from (prov:wasDerivedFrom), else those of its owner.
  std::vector<Id> sources_of(Id node) const;

 private:
  std::string compose(Id node, int depth) const;
  std::string display_at(Id node, std::string* lang, int depth) const;
  std::map<Id, std::vector<Span>> spans_;
  std::map<Id, std::pair<Id, size_t>> span_at_;  // node -> (article, index)
};

// Capitalises the first letter when it is ASCII ("joint venture" -> "Joint venture").
std::string capitalise(std::string s);
// Digits grouped by thousands: "1200000000" -> "1,200,000,000".
std::string format_number(const std::string& lexical);
// The local name of an IRI: after the last '#' or '/'.
std::string_view local_name(std::string_view iri);

}  // namespace nkg::publish
