#include "diff/blank_labels.h"

#include <algorithm>
#include <string_view>

namespace nkg::diff {
namespace {

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return mix(h ^ s.size());
}

uint64_t combine(uint64_t h, uint64_t v) {
  return mix(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

// Order-independent: the items are sorted first.
uint64_t hash_set(uint64_t seed, std::vector<uint64_t>* items) {
  std::sort(items->begin(), items->end());
  uint64_t h = seed;
  for (uint64_t v : *items) h = combine(h, v);
  return combine(h, items->size());
}

enum : uint64_t {
  kTagDefaultGraph = 1,
  kTagSelf,
  kTagContent,
  kTagStart,
  kTagIndividual,
  kTagTie,  // must stay last: ties add their index
};

// Each string term hashed once.
struct TermHashes {
  uint64_t s = 0, p = 0, o = 0, g = 0;
};

class Labeller {
 public:
  Labeller(const std::vector<BlankQuad>& quads, size_t n) : q_(quads), n_(n), label_(n) {
    h_.reserve(q_.size());
    for (const BlankQuad& q : q_) {
      h_.push_back({q.sb < 0 ? hash_bytes(q.s) : 0, hash_bytes(q.p), q.ob < 0 ? hash_bytes(q.o) : 0,
                    q.gb >= 0     ? 0
                    : q.g.empty() ? kTagDefaultGraph
                                  : hash_bytes(q.g)});
    }
  }

  std::vector<uint64_t> run() {
    if (!tree_labels()) general_labels();
    make_unique();
    return label_;
  }

 private:
  bool tree_labels() {
    std::vector<std::vector<uint32_t>> out(n_), in(n_);
    std::vector<uint32_t> indegree(n_, 0);
    for (uint32_t i = 0; i < q_.size(); ++i) {
      const BlankQuad& q = q_[i];
      if (q.gb >= 0 || (q.sb >= 0 && q.sb == q.ob)) return false;
      if (q.sb >= 0) out[q.sb].push_back(i);
      if (q.ob >= 0) {
        in[q.ob].push_back(i);
        if (q.sb >= 0) ++indegree[q.ob];
      }
    }
    // Kahn's layers: a node comes after every blank node above it.
    std::vector<std::vector<uint32_t>> layers(1);
    for (uint32_t b = 0; b < n_; ++b) {
      if (indegree[b] == 0) layers[0].push_back(b);
    }
    size_t seen = 0;
    for (size_t k = 0; k < layers.size() && !layers[k].empty(); ++k) {
      std::vector<uint32_t> next;
      for (uint32_t b : layers[k]) {
        for (uint32_t i : out[b]) {
          if (q_[i].ob >= 0 && --indegree[q_[i].ob] == 0) next.push_back(q_[i].ob);
        }
      }
      seen += layers[k].size();
      if (!next.empty()) layers.push_back(std::move(next));
    }
    if (seen < n_) return false;  // a cycle

    std::vector<uint64_t> content(n_), items;
    for (size_t k = layers.size(); k-- > 0;) {  // bottom-up
      for (uint32_t b : layers[k]) {
        items.clear();
        for (uint32_t i : out[b]) {
          const uint64_t o = q_[i].ob >= 0 ? content[q_[i].ob] : h_[i].o;
          items.push_back(combine(combine(h_[i].p, o), h_[i].g));
        }
        content[b] = hash_set(kTagContent, &items);
      }
    }
    for (auto& layer : layers) {  // top-down
      for (uint32_t b : layer) {
        items.clear();
        for (uint32_t i : in[b]) {
          const uint64_t s = q_[i].sb >= 0 ? label_[q_[i].sb] : h_[i].s;
          items.push_back(combine(combine(s, h_[i].p), h_[i].g));
        }
        label_[b] = hash_set(content[b], &items);
      }
      break_ties(&layer);
    }
    return true;
  }

  // Numbers the members of each group of equal labels, in input order.
  void break_ties(std::vector<uint32_t>* nodes) {
    sort_by_label(nodes);
    for (size_t i = 0; i < nodes->size();) {
      size_t j = i + 1;
      while (j < nodes->size() && label_[(*nodes)[j]] == label_[(*nodes)[i]]) ++j;
      if (j - i > 1) {
        const uint64_t tied = label_[(*nodes)[i]];
        for (size_t k = i; k < j; ++k) label_[(*nodes)[k]] = combine(tied, kTagTie + k - i);
      }
      i = j;
    }
  }

  void sort_by_label(std::vector<uint32_t>* nodes) const {
    std::sort(nodes->begin(), nodes->end(), [&](uint32_t a, uint32_t b) {
      return label_[a] != label_[b] ? label_[a] < label_[b] : a < b;
    });
  }

  void general_labels() {
    incident_.assign(n_, {});
    for (uint32_t i = 0; i < q_.size(); ++i) {
      for (int32_t b : {q_[i].sb, q_[i].ob, q_[i].gb}) {
        if (b >= 0 && (incident_[b].empty() || incident_[b].back() != i)) incident_[b].push_back(i);
      }
    }
    std::fill(label_.begin(), label_.end(), kTagStart);
    refine();
    std::vector<uint32_t> order(n_);
    for (;;) {
      for (uint32_t b = 0; b < n_; ++b) order[b] = b;
      sort_by_label(&order);
      work_ += n_;
      size_t tied = n_;
      for (size_t i = 0; i + 1 < n_ && tied == n_; ++i) {
        if (label_[order[i]] == label_[order[i + 1]]) tied = i;
      }
      if (tied == n_) return;
      if (work_ > kWorkBudget) {
        break_ties(&order);
        return;
      }
      label_[order[tied]] = combine(label_[order[tied]], kTagIndividual);
      refine();
    }
  }

  // The hash of a term of quad i as seen from blank node `self`.
  uint64_t term(int32_t b, uint64_t h, uint32_t self) const {
    return b < 0 ? h : static_cast<uint32_t>(b) == self ? kTagSelf : label_[b];
  }

  // Rounds of refinement until the number of classes stops growing.
  void refine() {
    size_t classes = count_classes();
    std::vector<uint64_t> next(n_), items;
    for (;;) {
      for (uint32_t b = 0; b < n_; ++b) {
        items.clear();
        for (uint32_t i : incident_[b]) {
          const BlankQuad& q = q_[i];
          const uint64_t s = combine(term(q.sb, h_[i].s, b), h_[i].p);
          items.push_back(combine(combine(s, term(q.ob, h_[i].o, b)), term(q.gb, h_[i].g, b)));
        }
        work_ += items.size() + 1;
        next[b] = hash_set(label_[b], &items);
      }
      label_.swap(next);
      const size_t now = count_classes();
      if (now <= classes || work_ > kWorkBudget) return;
      classes = now;
    }
  }

  size_t count_classes() const {
    std::vector<uint64_t> sorted = label_;
    std::sort(sorted.begin(), sorted.end());
    return std::unique(sorted.begin(), sorted.end()) - sorted.begin();
  }

  // Distinct nodes never share a label, even on a hash collision.
  void make_unique() {
    std::vector<uint32_t> order(n_);
    for (uint32_t b = 0; b < n_; ++b) order[b] = b;
    sort_by_label(&order);
    const std::vector<uint64_t> before = label_;
    std::vector<uint64_t> used = before;
    std::sort(used.begin(), used.end());
    for (size_t i = 1; i < n_; ++i) {
      if (before[order[i]] != before[order[i - 1]]) continue;
      uint64_t l = before[order[i]];
      do l = combine(l, kTagTie);
      while (std::binary_search(used.begin(), used.end(), l));
      label_[order[i]] = l;
      used.insert(std::upper_bound(used.begin(), used.end(), l), l);
    }
  }

  static constexpr size_t kWorkBudget = 50'000'000;
  const std::vector<BlankQuad>& q_;
  std::vector<TermHashes> h_;
  size_t n_;
  std::vector<uint64_t> label_;
  std::vector<std::vector<uint32_t>> incident_;
  size_t work_ = 0;
};

}  // namespace

std::vector<uint64_t> label_blank_nodes(const std::vector<BlankQuad>& quads, size_t n) {
  return Labeller(quads, n).run();
}

}  // namespace nkg::diff
