#include "graph/build_graph.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/sha256.h"
#include "rdf/term_check.h"
#include "rdf/vocab.h"
#include "text/normalize.h"

namespace nkg {
using namespace vocab;

const std::string& TripleSink::vocab_type() { return RDF_TYPE; }

void TripleSink::lang_str(const std::string& s, const std::string& p, const std::string& v,
                          const std::string& lang) {
  std::string tag;
  // An article of unknown language gives plain strings, never a bad tag.
  if (lang.empty() || lang == "und" || !rdf::normalize_lang_tag(lang, &tag))
    add(s, p, rdf::Term::lit(v));
  else
    add(s, p, rdf::Term::lang_lit(v, tag));
}

void TripleSink::integer(const std::string& s, const std::string& p, long long v) {
  add(s, p, rdf::Term::typed(std::to_string(v), XSD + "integer"));
}

void TripleSink::decimal(const std::string& s, const std::string& p, const std::string& canonical) {
  add(s, p, rdf::Term::typed(canonical, XSD + "decimal"));
}

void TripleSink::date(const std::string& s, const std::string& p, const std::string& iso) {
  add(s, p, rdf::Term::typed(iso, XSD + "date"));
}

std::string article_iri(std::string_view id) { return ID + "article/" + rdf::iri_segment(id); }

namespace {

std::string kind_class(const std::string& kind) {
  static const std::pair<const char*, const char*> kKinds[] = {
      {"joint_venture", "JointVenture"}, {"purchase", "Purchase"},
      {"investment", "Investment"},      {"treaty_accession", "TreatyAccession"},
      {"memorandum", "Memorandum"},      {"contract", "Contract"},
      {"trade_deal", "TradeDeal"},       {"treaty", "Treaty"}};
  for (auto& [k, c] : kKinds)
    if (kind == k) return c;
  return "OtherAgreement";
}

std::string status_individual(const std::string& s) {
  if (s == "signed") return NKG + "Signed";
  if (s == "agreed") return NKG + "Agreed";
  if (s == "announced") return NKG + "Announced";
  return NKG + "Planned";
}

// The terms every phrase and sentence uses, built once rather than per triple.
struct NifTerms {
  std::string sentence = NIF + "Sentence", phrase = NIF + "Phrase",
              context = NIF + "referenceContext", begin = NIF + "beginIndex",
              end = NIF + "endIndex", anchor = NIF + "anchorOf",
              non_negative = XSD + "nonNegativeInteger", ident_ref = ITSRDF + "taIdentRef";
};
const NifTerms& nif() {
  static const NifTerms t;
  return t;
}

// The NIF string `iri` of bytes [b, e) of the article `a`: its offsets
// (in code points) and text.
void nif_string(const Document& doc, const std::string& a, const std::string& iri, uint32_t b,
                uint32_t e, Span s, TripleSink& g) {
  const NifTerms& t = nif();
  g.iri(iri, t.context, a);
  g.add(iri, t.begin, rdf::Term::typed(std::to_string(b), t.non_negative));
  g.add(iri, t.end, rdf::Term::typed(std::to_string(e), t.non_negative));
  g.str(iri, t.anchor, std::string(doc.slice(s)));
}

std::string char_iri(const std::string& a, uint32_t b, uint32_t e) {
  std::string iri = a;
  iri += "#char=";
  iri += std::to_string(b);
  iri += ',';
  iri += std::to_string(e);
  return iri;
}

// The sentence as an evidence phrase, trimmed of surrounding space; `a` is
// the article's IRI.
std::string sentence_iri(const Document& doc, const std::string& a, uint32_t si, TripleSink& g) {
  Span s = doc.sentences[si];
  while (s.end > s.begin && std::isspace(static_cast<unsigned char>(doc.text[s.end - 1]))) --s.end;
  while (s.begin < s.end && std::isspace(static_cast<unsigned char>(doc.text[s.begin]))) ++s.begin;
  uint32_t b = doc.code_point_offset(s.begin), e = doc.code_point_offset(s.end);
  std::string iri = char_iri(a, b, e);
  g.type(iri, nif().sentence);
  nif_string(doc, a, iri, b, e, s, g);
  return iri;
}

std::string short_hash(const std::string& s) { return sha256_hex(s).substr(0, 16); }

void write_roles(const Document& doc, const std::string& a, const Resolution& res, TripleSink& g) {
  for (const auto& r : doc.roles) {
    const EntityNode* p = res.node_for(r.person);
    const EntityNode* o = res.node_for(r.organization);
    if (!p || !o || p->type != EntityType::Person) continue;
    std::string post = ID + "post/" + rdf::iri_segment(r.post);
    std::string iri = ID + "role/" + short_hash(p->iri + "|" + o->iri + "|" + r.post);
    g.type(iri, ORG + "Membership");
    g.iri(iri, ORG + "member", p->iri);
    g.iri(iri, ORG + "organization", o->iri);
    g.iri(iri, ORG + "role", post);
    g.iri(iri, PROV + "wasDerivedFrom", a);
    g.lang_str(iri, RDFS + "label", r.title, doc.lang);
    g.iri(iri, NKG + "evidence", sentence_iri(doc, a, r.sentence, g));
    g.type(post, NKG + "Post");
    g.str(post, SKOS + "prefLabel", r.post);
  }
}

// What one article reports of the agreement node `iri`.
void write_report(const Document& doc, const std::string& a, const AgreementRecord& r,
                  const std::string& iri, const Resolution& res, const Knowledge& k,
                  TripleSink& g) {
  g.iri(iri, PROV + "wasDerivedFrom", a);
  for (const auto& p : r.parties)
    if (const EntityNode* n = res.node_for(p); n && n->type != EntityType::Person)
      g.iri(iri, NKG + "party", n->iri);
  for (const auto& p : r.signatories)
    if (const EntityNode* n = res.node_for(p); n && n->type == EntityType::Person)
      g.iri(iri, NKG + "signatory", n->iri);
  if (!r.status.empty()) g.iri(iri, NKG + "status", status_individual(r.status));
  for (uint32_t s : r.sentences) g.iri(iri, NKG + "evidence", sentence_iri(doc, a, s, g));
  for (const auto& v : r.values) {
    std::string vi = iri + "/value/" + rdf::iri_segment(v.value + "-" + v.currency);
    g.type(vi, SCHEMA + "MonetaryAmount");
    g.decimal(vi, SCHEMA + "value", v.value);
    if (!v.currency.empty()) g.str(vi, SCHEMA + "currency", v.currency);
    if (v.up_to) g.add(vi, NKG + "upTo", rdf::Term::typed("true", XSD + "boolean"));
    if (v.approximate) g.add(vi, NKG + "approximate", rdf::Term::typed("true", XSD + "boolean"));
    g.iri(vi, PROV + "wasDerivedFrom", a);
    g.iri(iri, NKG + "value", vi);
  }
  for (const auto& st : r.stakes) {
    const EntityNode* h = res.node_for(st.holder);
    if (!h) continue;
    std::string si = iri + "/stake/" + short_hash(h->iri + "|" + st.share);
    g.type(si, NKG + "Stake");
    g.iri(si, NKG + "holder", h->iri);
    g.decimal(si, NKG + "share", st.share);
    g.iri(si, PROV + "wasDerivedFrom", a);
    g.iri(iri, NKG + "stake", si);
  }
  if (!r.quantity.empty()) {
    g.decimal(iri, NKG + "quantity", r.quantity);
    if (!r.item.empty()) g.lang_str(iri, NKG + "item", r.item, doc.lang);
  }
  if (!r.date.empty()) g.date(iri, DCT + "date", r.date);
  for (const auto& s : r.subjects) {
    std::string si = ID + "subject/" + rdf::iri_segment(s);
    g.iri(iri, NKG + "subject", si);
    g.type(si, NKG + "Subject");
    g.str(si, SKOS + "prefLabel", s);
    auto forms = LangPack::forms(k.pack(doc.lang).subjects, s);
    if (!forms.empty()) g.lang_str(si, RDFS + "label", forms[0], doc.lang);
  }
}

}  // namespace

AgreementIndex::AgreementIndex(const std::vector<AgreementGroup>& groups) : groups_(groups) {
  for (size_t gi = 0; gi < groups.size(); ++gi)
    for (const auto& [d, i] : groups[gi].members)
      index_.emplace_back(static_cast<uint32_t>(d), static_cast<uint32_t>(i),
                          static_cast<uint32_t>(gi));
  std::sort(index_.begin(), index_.end());
}

const std::string* AgreementIndex::iri_of(uint32_t doc, uint32_t idx) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), std::make_tuple(doc, idx, 0u));
  if (it == index_.end() || std::get<0>(*it) != doc || std::get<1>(*it) != idx) return nullptr;
  return &groups_[std::get<2>(*it)].iri;
}

void emit_article(const Document& doc, uint32_t rank, const Resolution& res,
                  const AgreementIndex& agreements, const Knowledge& k, const GraphOptions& opts,
                  TripleSink& g) {
  std::string a = article_iri(doc.id);
  if (opts.named_graphs) g.set_graph(a);
  g.type(a, NKG + "Article");
  g.type(a, NIF + "Context");
  g.str(a, DCT + "identifier", doc.id);
  std::string tag;
  g.str(a, DCT + "language", rdf::normalize_lang_tag(doc.lang, &tag) ? tag : doc.lang);
  g.str(a, NKG + "sha256", doc.sha256);
  if (!doc.title.empty()) g.lang_str(a, DCT + "title", nfc(doc.title), doc.lang);
  if (!doc.issued.empty()) g.date(a, DCT + "issued", doc.issued);
  for (const auto& m : doc.mentions) {
    const EntityNode* n = res.node_for(m.entity);
    if (!n) continue;
    uint32_t b = doc.code_point_offset(m.span.begin), e = doc.code_point_offset(m.span.end);
    std::string mi = char_iri(a, b, e);
    g.type(mi, nif().phrase);
    nif_string(doc, a, mi, b, e, m.span, g);
    g.iri(mi, nif().ident_ref, n->iri);
  }
  g.set_graph({});
  write_roles(doc, a, res, g);
  for (size_t i = 0; i < doc.agreements.size(); ++i)
    if (const std::string* iri = agreements.iri_of(rank, static_cast<uint32_t>(i)))
      write_report(doc, a, doc.agreements[i], *iri, res, k, g);
}

void emit_entities(const Resolution& res, TripleSink& g) {
  for (const auto& kv : res.nodes) emit_entity(kv.second, g);
}

void emit_entity(const EntityNode& n, TripleSink& g) {
  const std::string& iri = n.iri;
  {
    // Resolution makes nodes only for persons, states and firms.
    g.type(iri, NKG + entity_type_name(n.type));
    g.lang_str(iri, SKOS + "prefLabel", nfc(n.pref_label),
               n.qid.empty() && n.iso.empty() ? "" : "en");
    for (const auto& [lang, labels] : n.labels)
      for (const auto& l : labels) g.lang_str(iri, RDFS + "label", nfc(l), lang);
    if (!n.qid.empty()) g.iri(iri, OWL + "sameAs", WD + n.qid);
    if (!n.iso.empty()) g.str(iri, NKG + "iso3166", n.iso);
  }
}

void emit_agreement_nodes(const std::vector<AgreementGroup>& groups,
                          const std::vector<AgreementReport>& reports,
                          const std::function<std::string_view(uint32_t)>& article_id,
                          TripleSink& g) {
  auto report = [&](size_t d, size_t i) -> const AgreementReport* {
    auto it = std::lower_bound(reports.begin(), reports.end(), std::make_pair(d, i),
                               [](const AgreementReport& r, const std::pair<size_t, size_t>& k) {
                                 return r.doc != k.first ? r.doc < k.first : r.idx < k.second;
                               });
    return it != reports.end() && it->doc == d && it->idx == i ? &*it : nullptr;
  };
  for (const AgreementGroup& grp : groups) {
    const std::string& iri = grp.iri;
    // key -> articles, by rank: a node reported by thousands of articles
    // would otherwise hold thousands of IRIs per value.
    using Sources = std::map<std::string, std::set<uint32_t>>;
    Sources values, quantities, dates;
    std::string kind;
    for (const auto& [d, i] : grp.members) {
      const AgreementReport* r = report(d, i);
      if (!r) continue;
      const auto a = static_cast<uint32_t>(d);
      kind = *r->kind;
      for (const std::string* v : r->values)
        values[iri + "/value/" + rdf::iri_segment(*v)].insert(a);
      if (!r->quantity->empty()) quantities[*r->quantity].insert(a);
      if (!r->date->empty()) dates[*r->date].insert(a);
    }
    g.type(iri, NKG + "Agreement");
    g.type(iri, NKG + kind_class(kind));
    // Articles disagree: keep every value with its sources, and say so.
    auto conflict = [&](const char* prop, const Sources& m, bool iri_values) {
      // A conflict needs two articles: one article giving two figures
      // ("35 billion now, 100 billion later") is not a disagreement.
      if (m.size() < 2) return;
      const uint32_t one = *m.begin()->second.begin();
      if (std::all_of(m.begin(), m.end(), [&](const auto& kv) {
            return kv.second.size() == 1 && *kv.second.begin() == one;
          }))
        return;
      std::string ci = iri + "/conflict/" + prop;
      g.type(ci, NKG + "Conflict");
      g.iri(ci, NKG + "conflictProperty", NKG + prop);
      for (const auto& [v, arts] : m) {
        if (iri_values)
          g.iri(ci, NKG + "conflictValue", v);
        else
          g.str(ci, NKG + "conflictValue", v);
        for (uint32_t art : arts) g.iri(ci, PROV + "wasDerivedFrom", article_iri(article_id(art)));
      }
      g.iri(iri, NKG + "conflict", ci);
    };
    conflict("value", values, true);
    conflict("quantity", quantities, false);
    conflict("date", dates, false);
  }
}

rdf::Triples build_graph(const std::vector<Document>& docs, const Resolution& res,
                         const std::vector<AgreementGroup>& agreements, const Knowledge& k,
                         const GraphOptions& opts) {
  rdf::Triples out;
  TripleSink g(&out);
  AgreementIndex index(agreements);
  for (size_t d = 0; d < docs.size(); ++d)
    emit_article(docs[d], static_cast<uint32_t>(d), res, index, k, opts, g);
  emit_entities(res, g);
  Interner in;
  const std::vector<AgreementReport> reports = reports_of(docs, in);
  emit_agreement_nodes(
      agreements, reports, [&](uint32_t d) -> const std::string& { return docs[d].id; }, g);
  return out;
}

}  // namespace nkg
