#include "resolve/merge_agreements.h"

#include <algorithm>
#include <map>
#include <ranges>
#include <set>
#include <span>
#include <string_view>
#include <tuple>

#include "core/sha256.h"
#include "rdf/vocab.h"

namespace nkg {
namespace {

// Node IRIs as pointers into the Resolution (one per node), sorted by
// address: sets that cost no copies of the IRIs.
using Nodes = std::vector<const std::string*>;
using NodeSpan = std::span<const std::string* const>;

bool has(NodeSpan v, const std::string* x) { return std::binary_search(v.begin(), v.end(), x); }

// One per report, for the whole corpus at once: its firm and state nodes
// are a slice of one pool rather than two vectors of their own.
struct Rec {
  uint32_t doc, idx;
  const AgreementReport* r;
  NodeSpan firms, states;
};

size_t find(std::vector<size_t>& p, size_t x) { return p[x] == x ? x : p[x] = find(p, p[x]); }

bool same(const Rec& a, const Rec& b) {
  if (a.doc == b.doc) return false;  // one article's reports were merged already
  if (*a.r->kind != *b.r->kind) return false;
  const std::string &qa = *a.r->quantity, &qb = *b.r->quantity;
  if (!qa.empty() && !qb.empty() && qa != qb) return false;
  for (const auto* f : a.firms)
    if (has(b.firms, f)) return true;
  if (a.firms.empty() && b.firms.empty())
    return !a.states.empty() && std::ranges::equal(a.states, b.states);
  // One side names only states: the states must agree and the counts match.
  if ((a.firms.empty() || b.firms.empty()) && !qa.empty() && qa == qb) {
    for (const auto* s : a.states)
      if (has(b.states, s)) return true;
  }
  return false;
}

}  // namespace

std::span<const std::string*> Interner::list(size_t n) {
  if (n == 0) return {};
  if (blocks_.empty() || block_size_ - used_ < n) {
    block_size_ = std::max<size_t>(n, 4096);
    blocks_.push_back(std::make_unique<const std::string*[]>(block_size_));
    used_ = 0;
  }
  std::span<const std::string*> out(blocks_.back().get() + used_, n);
  used_ += n;
  return out;
}

AgreementReport make_report(const AgreementRecord& r, uint32_t doc, uint32_t idx, Interner& in) {
  AgreementReport a;
  a.doc = doc;
  a.idx = idx;
  a.kind = in(r.kind);
  a.quantity = in(r.quantity);
  a.date = in(r.date);
  std::span<const std::string*> parties = in.list(r.parties.size());
  for (size_t i = 0; i < r.parties.size(); ++i) parties[i] = in(r.parties[i]);
  a.parties = parties;
  std::span<const std::string*> values = in.list(r.values.size());
  for (size_t i = 0; i < r.values.size(); ++i)
    values[i] = in(r.values[i].value + "-" + r.values[i].currency);
  a.values = values;
  return a;
}

std::vector<AgreementReport> reports_of(const std::vector<Document>& docs, Interner& in) {
  std::vector<AgreementReport> reports;
  for (size_t d = 0; d < docs.size(); ++d)
    for (size_t i = 0; i < docs[d].agreements.size(); ++i)
      reports.push_back(make_report(docs[d].agreements[i], static_cast<uint32_t>(d),
                                    static_cast<uint32_t>(i), in));
  return reports;
}

std::vector<AgreementGroup> merge_agreements(const std::vector<Document>& docs,
                                             const Resolution& res) {
  Interner in;
  return merge_agreements(reports_of(docs, in), res);
}

std::vector<AgreementGroup> merge_agreements(const std::vector<AgreementReport>& reports,
                                             const Resolution& res) {
  // Each report's firms, then its states, end to end; slices are taken once
  // the pool is complete, when it no longer moves.
  Nodes pool;
  std::vector<std::pair<uint32_t, uint32_t>> counts;  // firms, states
  counts.reserve(reports.size());
  Nodes firms, states;
  for (const auto& rep : reports) {
    firms.clear();
    states.clear();
    for (const std::string* p : rep.parties) {
      const EntityNode* n = res.node_for(*p);
      if (!n) continue;
      (n->type == EntityType::State ? states : firms).push_back(&n->iri);
    }
    for (Nodes* v : {&firms, &states}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
      pool.insert(pool.end(), v->begin(), v->end());
    }
    counts.emplace_back(static_cast<uint32_t>(firms.size()), static_cast<uint32_t>(states.size()));
  }
  std::vector<Rec> recs;
  recs.reserve(reports.size());
  for (size_t i = 0, at = 0; i < reports.size(); ++i) {
    const auto [nf, ns] = counts[i];
    const NodeSpan f(pool.data() + at, nf), st(pool.data() + at + nf, ns);
    recs.push_back({reports[i].doc, reports[i].idx, &reports[i], f, st});
    at += nf + ns;
  }
  std::vector<std::pair<uint32_t, uint32_t>>().swap(counts);
  std::vector<size_t> parent(recs.size());
  for (size_t i = 0; i < recs.size(); ++i) parent[i] = i;
  // Only reports sharing a bucket can be the same agreement (same kind and a
  // shared firm, the same states, or a shared state and count), so compare
  // within buckets instead of all pairs.
  // Keys are (kind, firm) or (kind, quantity, state) by their interned or
  // node addresses, and (kind, states) for reports naming no firm. Which
  // bucket is compared first does not change the groups (they are the
  // connected components of `same`).
  using Key = std::tuple<const std::string*, const std::string*, const std::string*>;
  std::map<Key, std::vector<uint32_t>> buckets;
  std::map<std::pair<const std::string*, Nodes>, std::vector<uint32_t>> state_buckets;
  for (size_t i = 0; i < recs.size(); ++i) {
    const Rec& r = recs[i];
    const std::string* kind = r.r->kind;
    const std::string* quantity = r.r->quantity;
    const auto ui = static_cast<uint32_t>(i);
    for (const auto* f : r.firms) buckets[Key{kind, nullptr, f}].push_back(ui);
    // No firm and no state: `same` is false for it whatever the other.
    if (r.firms.empty() && !r.states.empty())
      state_buckets[{kind, Nodes(r.states.begin(), r.states.end())}].push_back(ui);
    if (!quantity->empty())
      for (const auto* st : r.states) buckets[Key{kind, quantity, st}].push_back(ui);
  }
  auto unite = [&](size_t i, size_t j) {
    size_t ri = find(parent, i), rj = find(parent, j);
    // The smaller index becomes the root: the groups' roots do not depend on
    // the order of the unions.
    if (ri != rj) parent[std::max(ri, rj)] = std::min(ri, rj);
  };
  // Within a (kind, firm) bucket, and within a (kind, states) bucket of
  // reports naming no firm, `same` reduces to "other article and compatible
  // counts" (equal, or either unstated). Its components then follow from
  // classes without comparing pairs, which large buckets (a firm in
  // thousands of articles) made quadratic:
  //  - in a set whose every cross-article pair is an edge, every member joins
  //    one of two members from different articles;
  //  - reports with no count pair with every count: each class of one count
  //    together with them is such a set.
  auto join_other_articles = [&](const std::vector<uint32_t>& set) {
    if (set.size() < 2) return;
    const uint32_t a = set[0];
    auto other = std::find_if(set.begin(), set.end(),
                              [&](uint32_t x) { return recs[x].doc != recs[a].doc; });
    if (other == set.end()) return;
    for (uint32_t x : set) unite(x, recs[x].doc != recs[a].doc ? a : *other);
  };
  auto join_pairs = [&](const std::vector<uint32_t>& bucket) {
    for (size_t a = 0, n = bucket.size(); a < n; ++a)
      for (size_t b = a + 1; b < n; ++b)
        if (find(parent, bucket[a]) != find(parent, bucket[b]) &&
            same(recs[bucket[a]], recs[bucket[b]]))
          unite(bucket[a], bucket[b]);
  };
  auto join_compatible = [&](const std::vector<uint32_t>& bucket) {
    // Small buckets, most of them, are cheaper compared pairwise.
    if (bucket.size() <= 16) return join_pairs(bucket);
    std::vector<uint32_t> uncounted;
    std::map<std::string_view, std::vector<uint32_t>> by_count;
    for (uint32_t x : bucket)
      (recs[x].r->quantity->empty() ? uncounted : by_count[*recs[x].r->quantity]).push_back(x);
    join_other_articles(uncounted);
    for (const auto& [count, members] : by_count) join_other_articles(members);
    if (uncounted.empty()) return;
    // A counted report joins the uncounted ones of other articles. These are
    // one component already when they come from two or more articles (e1
    // and e2 from different ones); from one article, the first counted report
    // of another article joins them all.
    const uint32_t e1 = uncounted[0];
    auto e2 = std::find_if(uncounted.begin(), uncounted.end(),
                           [&](uint32_t x) { return recs[x].doc != recs[e1].doc; });
    bool joined = e2 != uncounted.end();
    for (const auto& [count, members] : by_count)
      for (uint32_t x : members) {
        if (recs[x].doc != recs[e1].doc) {
          if (!joined)
            for (uint32_t e : uncounted) unite(x, e);
          joined = true;
          unite(x, e1);
        } else if (e2 != uncounted.end()) {
          unite(x, *e2);
        }
      }
  };
  for (const auto& [key, members] : buckets) {
    if (!std::get<1>(key)) {
      join_compatible(members);
      continue;
    }
    // (kind, count, state): pairs sharing a firm are joined through the
    // firm's bucket, and two reports naming no firm only through equal
    // states: what is left is a report naming firms against one naming none.
    for (size_t a = 0, n = members.size(); a < n; ++a) {
      const size_t i = members[a];
      if (!recs[i].firms.empty()) continue;
      for (size_t b = 0; b < n; ++b) {
        const size_t j = members[b];
        if (recs[j].firms.empty() || find(parent, i) == find(parent, j)) continue;
        if (same(recs[i], recs[j])) unite(i, j);
      }
    }
  }
  for (const auto& [key, members] : state_buckets) join_compatible(members);
  std::map<size_t, AgreementGroup> groups;
  std::map<size_t, std::vector<uint32_t>> rec_of;
  for (size_t i = 0; i < recs.size(); ++i) {
    groups[find(parent, i)].members.push_back({recs[i].doc, recs[i].idx});
    rec_of[find(parent, i)].push_back(static_cast<uint32_t>(i));
  }
  std::vector<AgreementGroup> out;
  for (auto& [root, g] : groups) {
    // The IRI comes from what the reports say, not from where they are, so
    // the node keeps its IRI when articles are added or reordered.
    std::set<std::string> parties, quantities;
    std::string kind = *recs[root].r->kind;
    for (uint32_t i : rec_of[root]) {
      const AgreementReport& r = *recs[i].r;
      for (const std::string* p : r.parties)
        if (const EntityNode* n = res.node_for(*p)) parties.insert(n->iri);
      if (!r.quantity->empty()) quantities.insert(*r.quantity);
    }
    std::string basis = kind;
    for (const auto& p : parties) basis += "|" + p;
    for (const auto& q : quantities) basis += "|q" + q;
    g.iri = vocab::ID + "agreement/" + sha256_hex(basis).substr(0, 16);
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(),
            [](const AgreementGroup& a, const AgreementGroup& b) { return a.iri < b.iri; });
  return out;
}

}  // namespace nkg
