#include "publish/describe.h"

#include <algorithm>
#include <set>

namespace nkg::publish {

Describer::Describer(const Context& ctx) : ctx_(ctx) {
  for (Id s : ctx.g.subjects())
    if (ctx.g.node(s).is_iri()) sorted_.emplace_back(ctx.g.node(s).value, s);
  std::sort(sorted_.begin(), sorted_.end());
}

std::vector<Id> Describer::subjects_with_prefix(std::string_view prefix) const {
  std::vector<Id> r;
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                             [](const auto& e, std::string_view p) { return e.first < p; });
  for (; it != sorted_.end() && it->first.substr(0, prefix.size()) == prefix; ++it) {
    r.push_back(it->second);
  }
  return r;
}

std::vector<std::string> Describer::documents() const {
  std::vector<std::string> r;
  for (const auto& [iri, id] : sorted_) {
    if (!ctx_.layout.under_base(iri)) continue;
    std::string_view doc = strip_fragment(iri);
    if (doc.size() <= ctx_.layout.base().size()) continue;
    if (r.empty() || r.back() != doc) r.emplace_back(doc);
  }
  std::sort(r.begin(), r.end());
  r.erase(std::unique(r.begin(), r.end()), r.end());
  return r;
}

std::vector<uint32_t> Describer::describe(std::string_view doc) const {
  const Graph& g = ctx_.g;
  const Terms& t = ctx_.t;
  std::set<uint32_t> out;
  auto add_all = [&](Id s) {
    for (uint32_t tr : g.out(s)) out.insert(tr);
  };

  // The resource, its hash IRIs and its sub-resources (.../stake/..).
  std::set<Id> core;
  const std::string doc_s(doc);
  if (Id d = g.iri(doc_s); d != kNone) core.insert(d);
  for (Id s : subjects_with_prefix(doc_s + "#")) core.insert(s);
  for (Id s : subjects_with_prefix(doc_s + "/")) core.insert(s);
  for (Id c : core) add_all(c);

  std::set<Id> sentences;
  auto add_sentence = [&](Id e) {
    if (sentences.insert(e).second) add_all(e);
  };
  // Evidence of the resource and its parts.
  for (Id c : core)
    for (Id e : g.objects(c, t.evidence)) add_sentence(e);
  // Mentions of it, wherever they are.
  for (Id c : core)
    for (Id m : g.subjects(t.ta_ident_ref, c)) add_all(m);
  // What links to it, and the evidence of that which names it.
  for (Id c : core) {
    for (uint32_t tr : g.in(c)) {
      const Triple& x = g.triples()[tr];
      if (x.p == t.ta_ident_ref || core.count(x.s)) continue;
      out.insert(tr);
      const Id owner = ctx_.owner(x.s);
      if (owner != x.s) {  // a stake it holds: how the stake hangs on its agreement
        for (uint32_t up : g.in(x.s))
          if (g.triples()[up].s == owner) out.insert(up);
      }
      // Its description (who else, which post, which articles), less the
      // evidence that does not name this resource.
      for (uint32_t own : g.out(x.s))
        if (g.triples()[own].p != t.evidence) out.insert(own);
      for (const Span* s : ctx_.evidence_mentioning(x.s, c)) {
        for (Id holder : {x.s, owner})
          for (uint32_t ev : g.out(holder)) {
            const Triple& y = g.triples()[ev];
            if (y.p == t.evidence && y.o == s->node) out.insert(ev);
          }
        add_sentence(s->node);
      }
    }
  }
  // The mentions inside the evidence sentences, so that a reader of the
  // Turtle can mark them as the page does.
  for (Id e : sentences)
    if (const Span* s = ctx_.span(e))
      for (const Span* m : ctx_.mentions_in(*s)) add_all(m->node);

  // Outside resources (not under the base, so without a page of their own)
  // that the description links to and the graph describes: described here.
  // Then the labels and types of everything else it links to.
  std::set<Id> linked;
  for (uint32_t tr : out) {
    const Triple& x = g.triples()[tr];
    linked.insert(x.s);
    if (!g.node(x.o).is_literal()) linked.insert(x.o);
  }
  const std::set<Id> label_preds = {t.type, t.pref_label, t.label, t.title};
  for (Id x : linked) {
    if (core.count(x) || sentences.count(x)) continue;
    const bool outside = g.node(x).is_iri() && !ctx_.layout.under_base(g.node(x).value) &&
                         strip_fragment(g.node(x).value).size() == g.node(x).value.size();
    for (uint32_t tr : g.out(x)) {
      if (outside || label_preds.count(g.triples()[tr].p)) out.insert(tr);
    }
  }
  return {out.begin(), out.end()};
}

rdf::Term to_term(const Node& n) {
  if (n.is_iri()) return rdf::Term::iri(n.value);
  if (!n.lang.empty()) return rdf::Term::lang_lit(n.value, n.lang);
  if (!n.datatype.empty()) return rdf::Term::typed(n.value, n.datatype);
  return rdf::Term::lit(n.value);
}

rdf::Triples to_rdf(const Graph& g, const std::vector<uint32_t>& triples) {
  rdf::Triples r;
  r.reserve(triples.size());
  for (uint32_t tr : triples) {
    const Triple& x = g.triples()[tr];
    const Node &s = g.node(x.s), &p = g.node(x.p), &o = g.node(x.o);
    if (s.kind == NodeKind::Blank || o.kind == NodeKind::Blank) continue;
    r.push_back({to_term(s), to_term(p), to_term(o), {}});
  }
  return r;
}

}  // namespace nkg::publish
