#include "publish/context.h"

#include <algorithm>
#include <charconv>

#include "publish/vocab.h"

namespace nkg::publish {
namespace {

const std::map<std::string, std::string, std::less<>>& builtin_labels() {
  static const std::map<std::string, std::string, std::less<>> labels = {
      {v::RDF + "type", "type"},
      {v::RDFS + "label", "label"},
      {v::RDFS + "comment", "comment"},
      {v::RDFS + "subClassOf", "subclass of"},
      {v::RDFS + "subPropertyOf", "subproperty of"},
      {v::RDFS + "domain", "domain"},
      {v::RDFS + "range", "range"},
      {v::RDFS + "seeAlso", "see also"},
      {v::SKOS + "prefLabel", "preferred label"},
      {v::SKOS + "altLabel", "alternative label"},
      {v::SKOS + "Concept", "concept"},
      {v::OWL + "sameAs", "same as"},
      {v::OWL + "equivalentClass", "equivalent class"},
      {v::DCT + "title", "title"},
      {v::DCT + "identifier", "identifier"},
      {v::DCT + "language", "language"},
      {v::DCT + "issued", "issued"},
      {v::DCT + "date", "date"},
      {v::DCT + "license", "licence"},
      {v::DCT + "source", "source"},
      {v::DCT + "description", "description"},
      {v::PROV + "wasDerivedFrom", "derived from"},
      {v::ORG + "member", "member"},
      {v::ORG + "organization", "organisation"},
      {v::ORG + "role", "post"},
      {v::ORG + "Membership", "role"},
      {v::ITSRDF + "taIdentRef", "refers to"},
      {v::NIF + "anchorOf", "text"},
      {v::NIF + "beginIndex", "begins at"},
      {v::NIF + "endIndex", "ends at"},
      {v::NIF + "referenceContext", "article"},
      {v::NIF + "Phrase", "mention"},
      {v::NIF + "Sentence", "sentence"},
      {v::NIF + "Context", "text"},
      {v::SCHEMA + "value", "amount"},
      {v::SCHEMA + "currency", "currency"},
      {v::SCHEMA + "MonetaryAmount", "monetary amount"},
      {v::VOID + "Dataset", "dataset"},
      {v::VOID + "Linkset", "linkset"},
      {v::VOID + "triples", "triples"},
      {v::VOID + "entities", "entities"},
      {v::VOID + "uriSpace", "IRI space"},
      {v::VOID + "vocabulary", "vocabulary"},
      {v::VOID + "subset", "subset"},
      {v::VOID + "linkPredicate", "link predicate"},
      {v::VOID + "objectsTarget", "objects target"},
      {v::VOID + "subjectsTarget", "subjects target"},
      {v::VOID + "dataDump", "data dump"},
      {v::DCAT + "Dataset", "dataset"},
      {v::DCAT + "Distribution", "distribution"},
      {v::DCAT + "distribution", "distribution"},
      {v::DCAT + "downloadURL", "download"},
      {v::DCAT + "mediaType", "media type"},
      {v::DCAT + "byteSize", "size in bytes"},
      {v::FOAF + "homepage", "home page"},
      {v::FOAF + "primaryTopic", "primary topic"},
  };
  return labels;
}

uint64_t to_u64(const Node& n, bool* ok) {
  uint64_t v = 0;
  const char* b = n.value.data();
  const char* e = b + n.value.size();
  auto r = std::from_chars(b, e, v);
  *ok = n.is_literal() && r.ec == std::errc() && r.ptr == e;
  return v;
}

// Digits grouped by thousands: "1200000000" -> "1,200,000,000".
std::string group_digits(const std::string& lexical) {
  size_t start = lexical.empty() || lexical[0] != '-' ? 0 : 1;
  size_t end = lexical.find('.');
  if (end == std::string::npos) end = lexical.size();
  for (size_t i = start; i < end; ++i)
    if (lexical[i] < '0' || lexical[i] > '9') return lexical;
  if (end - start <= 4) return lexical;
  std::string out = lexical.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    out += lexical[i];
    const size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + lexical.substr(end);
}

}  // namespace

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string_view local_name(std::string_view iri) {
  const size_t cut = iri.find_last_of("#/");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

void Terms::load(const Graph& g) {
  type = g.iri(v::RDF + "type");
  pref_label = g.iri(v::SKOS + "prefLabel");
  label = g.iri(v::RDFS + "label");
  alt_label = g.iri(v::SKOS + "altLabel");
  title = g.iri(v::DCT + "title");
  identifier = g.iri(v::DCT + "identifier");
  language = g.iri(v::DCT + "language");
  issued = g.iri(v::DCT + "issued");
  date = g.iri(v::DCT + "date");
  evidence = g.iri(v::NKG + "evidence");
  derived_from = g.iri(v::PROV + "wasDerivedFrom");
  ta_ident_ref = g.iri(v::ITSRDF + "taIdentRef");
  reference_context = g.iri(v::NIF + "referenceContext");
  begin_index = g.iri(v::NIF + "beginIndex");
  end_index = g.iri(v::NIF + "endIndex");
  anchor_of = g.iri(v::NIF + "anchorOf");
  same_as = g.iri(v::OWL + "sameAs");
  member = g.iri(v::ORG + "member");
  organization = g.iri(v::ORG + "organization");
  role = g.iri(v::ORG + "role");
  party = g.iri(v::NKG + "party");
  signatory = g.iri(v::NKG + "signatory");
  holder = g.iri(v::NKG + "holder");
  share = g.iri(v::NKG + "share");
  stake = g.iri(v::NKG + "stake");
  value = g.iri(v::NKG + "value");
  schema_value = g.iri(v::SCHEMA + "value");
  currency = g.iri(v::SCHEMA + "currency");
  up_to = g.iri(v::NKG + "upTo");
  approximate = g.iri(v::NKG + "approximate");
  conflict = g.iri(v::NKG + "conflict");
  conflict_property = g.iri(v::NKG + "conflictProperty");
  conflict_value = g.iri(v::NKG + "conflictValue");
  nif_sentence = g.iri(v::NIF + "Sentence");
  membership = g.iri(v::ORG + "Membership");
  agreement = g.iri(v::NKG + "Agreement");
  article = g.iri(v::NKG + "Article");
}

Context::Context(const Graph& graph, const Graph& onto, const Layout& l)
    : g(graph), og(onto), layout(l) {
  t.load(g);
  if (t.reference_context == kNone) return;
  for (const Triple& tr : g.triples()) {
    if (tr.p != t.reference_context || !g.node(tr.o).is_iri()) continue;
    const Id b = g.object(tr.s, t.begin_index), e = g.object(tr.s, t.end_index);
    if (b == kNone || e == kNone) continue;
    bool ok_b = false, ok_e = false;
    Span sp;
    sp.node = tr.s;
    sp.article = tr.o;
    sp.begin = to_u64(g.node(b), &ok_b);
    sp.end = to_u64(g.node(e), &ok_e);
    if (!ok_b || !ok_e || sp.end < sp.begin) continue;
    sp.sentence = g.has(tr.s, t.type, t.nif_sentence);
    sp.refers_to = g.objects(tr.s, t.ta_ident_ref);
    const Id a = g.object(tr.s, t.anchor_of);
    if (a != kNone && g.node(a).is_literal()) sp.anchor = &g.node(a).value;
    spans_[tr.o].push_back(std::move(sp));
  }
  for (auto& [article, v] : spans_) {
    std::stable_sort(v.begin(), v.end(), [](const Span& a, const Span& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    for (size_t i = 0; i < v.size(); ++i) span_at_.emplace(v[i].node, std::make_pair(article, i));
  }
}

const std::vector<Span>& Context::spans_of_article(Id article) const {
  static const std::vector<Span> none;
  auto it = spans_.find(article);
  return it == spans_.end() ? none : it->second;
}

const Span* Context::span(Id node) const {
  auto it = span_at_.find(node);
  if (it == span_at_.end()) return nullptr;
  return &spans_.at(it->second.first)[it->second.second];
}

std::vector<const Span*> Context::mentions_in(const Span& sentence) const {
  std::vector<const Span*> r;
  for (const Span& s : spans_of_article(sentence.article)) {
    if (s.begin >= sentence.end) break;
    if (!s.sentence && s.begin >= sentence.begin && s.end <= sentence.end) r.push_back(&s);
  }
  return r;
}

std::vector<const Span*> Context::sentences_around(const Span& mention) const {
  std::vector<const Span*> r;
  for (const Span& s : spans_of_article(mention.article)) {
    if (s.begin > mention.begin) break;
    if (s.sentence && s.end >= mention.end) r.push_back(&s);
  }
  return r;
}

Id Context::owner(Id node) const {
  if (node == kNone || !g.node(node).is_iri()) return node;
  const std::string& iri = g.node(node).value;
  if (!layout.under_base(iri)) return node;
  const std::string_view rest = std::string_view(iri).substr(layout.base().size());
  const size_t first = rest.find('/');
  if (first == std::string_view::npos) return node;
  const size_t second = rest.find('/', first + 1);
  if (second == std::string_view::npos) return node;
  const Id o = g.iri(iri.substr(0, layout.base().size() + second));
  return o == kNone ? node : o;
}

std::vector<Id> Context::evidence_of(Id node) const {
  std::vector<Id> r = g.objects(node, t.evidence);
  const Id o = owner(node);
  if (o != node)
    for (Id e : g.objects(o, t.evidence))
      if (std::find(r.begin(), r.end(), e) == r.end()) r.push_back(e);
  return r;
}

std::vector<const Span*> Context::evidence_mentioning(Id node, Id target) const {
  std::vector<const Span*> r;
  for (Id e : evidence_of(node)) {
    const Span* s = span(e);
    if (!s) continue;
    for (const Span* m : mentions_in(*s)) {
      if (std::find(m->refers_to.begin(), m->refers_to.end(), target) != m->refers_to.end()) {
        r.push_back(s);
        break;
      }
    }
  }
  return r;
}

std::vector<Id> Context::sources_of(Id node) const {
  std::vector<Id> r = g.objects(node, t.derived_from);
  if (r.empty() && owner(node) != node) r = g.objects(owner(node), t.derived_from);
  return r;
}

std::string Context::term_label(std::string_view iri) const {
  const Id id = og.iri(iri);
  if (id != kNone) {
    const Id label = og.iri(v::RDFS + "label");
    std::string any;
    for (Id l : og.objects(id, label)) {
      const Node& n = og.node(l);
      if (n.lang == "en") return n.value;
      if (any.empty()) any = n.value;
    }
    if (!any.empty()) return any;
  }
  auto it = builtin_labels().find(iri);
  if (it != builtin_labels().end()) return it->second;
  return std::string(local_name(iri));
}

std::map<std::string, std::string> Context::term_labels(std::string_view iri) const {
  std::map<std::string, std::string> r;
  const Id id = og.iri(iri);
  if (id == kNone) return r;
  for (Id l : og.objects(id, og.iri(v::RDFS + "label")))
    r.emplace(og.node(l).lang, og.node(l).value);
  return r;
}

std::string Context::display(Id node, std::string* lang) const { return display_at(node, lang, 0); }

std::string Context::display_at(Id node, std::string* lang, int depth) const {
  if (lang) lang->clear();
  if (node == kNone) return "";
  const Node& n = g.node(node);
  if (n.is_literal()) {
    if (lang) *lang = n.lang;
    return n.value;
  }
  if (depth < 2) {
    std::string composed = compose(node, depth);
    if (!composed.empty()) return composed;
  }
  // A label: no language or English first, then the smallest tag.
  auto pick = [&](Id pred) -> const Node* {
    const Node* best = nullptr;
    for (Id l : g.objects(node, pred)) {
      const Node& c = g.node(l);
      if (!c.is_literal()) continue;
      auto rank = [](const Node& x) { return x.lang.empty() ? 0 : x.lang == "en" ? 1 : 2; };
      if (!best || rank(c) < rank(*best) || (rank(c) == rank(*best) && c.lang < best->lang)) {
        best = &c;
      }
    }
    return best;
  };
  for (Id pred : {t.pref_label, t.label, t.title}) {
    if (const Node* l = pick(pred)) {
      if (lang) *lang = l->lang;
      std::string s = l->value;
      // Posts and subjects are named by their ids ("prime_minister").
      if (pred == t.pref_label && s.find(' ') == std::string::npos &&
          (g.has(node, t.type, g.iri(v::NKG + "Post")) ||
           g.has(node, t.type, g.iri(v::NKG + "Subject")))) {
        std::replace(s.begin(), s.end(), '_', ' ');
      }
      return s;
    }
  }
  if (const Span* s = span(node); s && s->anchor) return "\u201C" + *s->anchor + "\u201D";
  if (n.kind == NodeKind::Blank) return "_:" + n.value;
  return percent_decode(local_name(n.value));
}

std::string Context::compose(Id node, int depth) const {
  auto has_type = [&](const std::string& cls) { return g.has(node, t.type, g.iri(cls)); };
  auto name = [&](Id x) { return display_at(x, nullptr, depth + 1); };
  if (has_type(v::ORG + "Membership")) {
    std::string title;
    std::string lang;
    for (Id l : g.objects(node, t.label)) {
      if (title.empty() || g.node(l).lang == "en") title = g.node(l).value;
    }
    if (title.empty()) title = name(g.object(node, t.role));
    std::string s = name(g.object(node, t.member));
    if (!title.empty()) s += (s.empty() ? "" : " \u2014 ") + title;
    const Id org = g.object(node, t.organization);
    if (org != kNone) s += " (" + name(org) + ")";
    return s;
  }
  if (has_type(v::NKG + "Agreement")) {
    std::string kind;
    for (Id c : g.objects(node, t.type)) {
      const std::string& iri = g.node(c).value;
      if (iri == v::NKG + "Agreement") continue;
      const std::string l = term_label(iri);
      if (kind.empty() || l < kind) kind = l;
    }
    if (kind.empty()) kind = term_label(v::NKG + "Agreement");
    std::vector<std::string> parties;
    for (Id p : g.objects(node, t.party)) parties.push_back(name(p));
    std::sort(parties.begin(), parties.end());
    std::string s = capitalise(kind);
    if (parties.empty()) return s + " " + percent_decode(local_name(g.node(node).value));
    s += ": ";
    const size_t shown = parties.size() > 4 ? 3 : parties.size();
    for (size_t i = 0; i < shown; ++i) s += (i ? ", " : "") + parties[i];
    if (shown < parties.size()) s += " and " + std::to_string(parties.size() - shown) + " more";
    return s;
  }
  if (has_type(v::SCHEMA + "MonetaryAmount")) {
    const Id val = g.object(node, t.schema_value), cur = g.object(node, t.currency);
    if (val == kNone) return "";
    std::string s = group_digits(g.node(val).value);
    if (cur != kNone) s += " " + g.node(cur).value;
    const Id up = g.object(node, t.up_to), approx = g.object(node, t.approximate);
    if (approx != kNone && g.node(approx).value == "true") s = "about " + s;
    if (up != kNone && g.node(up).value == "true") s = "up to " + s;
    return s;
  }
  if (has_type(v::NKG + "Stake")) {
    const Id h = g.object(node, t.holder), sh = g.object(node, t.share);
    std::string s = h == kNone ? "stake" : name(h);
    if (sh != kNone) s += ": " + g.node(sh).value + " %";
    return s;
  }
  if (has_type(v::NKG + "Conflict")) {
    const Id p = g.object(node, t.conflict_property);
    return "Conflicting " + (p == kNone ? std::string("values") : term_label(g.node(p).value));
  }
  return "";
}

std::string format_number(const std::string& lexical) { return group_digits(lexical); }

}  // namespace nkg::publish
