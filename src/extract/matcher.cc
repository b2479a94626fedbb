#include "extract/matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>
#include <string_view>

#include "core/serial.h"
#include "text/key_memo.h"
#include "text/segment.h"

namespace nkg {

bool is_short_caps(const std::string& form) {
  const auto* p = reinterpret_cast<const uint8_t*>(form.data());
  int32_t n = static_cast<int32_t>(form.size()), letters = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == '.' || c == '-') continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters > 0 && letters <= 5;
}

void Dictionary::add(Vocabulary& vocab, const std::string& form, const std::string& payload,
                     EntityType type, bool inflect) {
  const std::vector<std::string> keys = key_tokens(form);
  if (keys.empty()) return;
  DictEntry e;
  if (is_short_caps(form)) {
    e.exact = form;
    inflect = false;
  }
  e.payload = payload;
  e.type = type;
  e.label = form;
  e.inflect = inflect;
  for (const auto& k : keys) e.ids.push_back(vocab.intern(k));
  if (!bit_) bit_ = vocab.dictionary_bit();
  // Down the trie along the ids, adding the nodes missing.
  uint32_t first = e.ids[0];
  if (first >= root_of_.size()) root_of_.resize(first + 1, 0);
  if (!root_of_[first]) {
    nodes_.emplace_back();
    root_of_[first] = static_cast<uint32_t>(nodes_.size());
  }
  std::vector<uint32_t> path{root_of_[first] - 1};
  for (size_t j = 1; j < e.ids.size(); ++j) {
    const uint32_t n = path.back();
    const Edge* kids = edges_.data() + nodes_[n].kids;
    const uint32_t count = nodes_[n].nkids;
    const auto at = static_cast<uint32_t>(
        std::lower_bound(kids, kids + count, e.ids[j],
                         [](const Edge& k, uint32_t id) { return k.id < id; }) -
        kids);
    if (at < count && kids[at].id == e.ids[j]) {
      path.push_back(kids[at].node);
      continue;
    }
    const auto child = static_cast<uint32_t>(nodes_.size());
    const uint32_t begin = grow_run(edges_, nodes_[n].kids, count);
    Edge* run = edges_.data() + begin;
    std::copy_backward(run + at, run + count, run + count + 1);
    run[at] = {e.ids[j], child};
    nodes_[n].kids = begin;
    nodes_[n].nkids = count + 1;
    if (count == 0) nodes_[n].kid = run[0];
    nodes_.emplace_back();  // after the last use of a Node&: may move them
    path.push_back(child);
  }
  // The same form for the same payload twice adds nothing.
  Node& last = nodes_[path.back()];
  for (uint32_t o = last.ends; o < last.ends + last.nends; ++o) {
    const DictEntry& d = entries_[ends_[o].entry];
    if (d.payload == e.payload && d.exact == e.exact) return;
  }
  const uint32_t count = last.nends;
  last.ends = grow_run(ends_, last.ends, count);
  ends_[last.ends + count] = {static_cast<uint32_t>(entries_.size()), e.inflect, !e.exact.empty()};
  last.nends = count + 1;
  if (count == 0) last.end = ends_[last.ends];
  // After the check for a repeat: a dropped form would mark its first key
  // inflecting where no entry kept is.
  vocab.mark_start(e.ids[0], bit_, e.inflect);
  if (e.inflect)
    for (uint32_t n : path) nodes_[n].inflect_below = 1;
  inflects_ = inflects_ || e.inflect;
  entries_.push_back(std::move(e));
}

template <class T>
uint32_t Dictionary::grow_run(std::vector<T>& v, uint32_t begin, uint32_t count) {
  // Room is count rounded up to a power of two: full at 0, 1, 2, 4, ...
  if (count & (count - 1)) return begin;
  const uint32_t room = count ? 2 * count : 1;
  if (count && begin + count == v.size()) {  // the last run grows in place
    v.resize(begin + room);
    return begin;
  }
  const auto to = static_cast<uint32_t>(v.size());
  v.resize(to + room);
  std::copy(v.begin() + begin, v.begin() + begin + count, v.begin() + to);
  return to;
}

const Dictionary::Edge* Dictionary::kid_among_many(const Edge* kids, uint32_t n, uint32_t id) {
  const Edge* at = std::lower_bound(kids, kids + n, id,
                                    [](const Edge& k, uint32_t want) { return k.id < want; });
  return at != kids + n && at->id == id ? at : nullptr;
}

// Ids are equal exactly when the keys are, and a dictionary's ids are never
// kUnknown: following ids is comparing keys. A token's candidate matters at
// its first position only: a repeat leads where the first one did.
[[gnu::always_inline]] inline void Dictionary::follow(const Walk& w, uint32_t last,
                                                      const Node* node, bool first_only) const {
  // Along one path in a loop; a call only where a second candidate of a
  // token also leads on (rare).
  for (;;) {
    for (const End *end = ends(*node), *stop = end + node->nends; end != stop; ++end) {
      if (!end->inflect && !first_only) continue;
      const DictEntry& e = entries_[end->entry];
      if (end->exact) {
        Span s{w.doc.tokens[w.i].span.begin, w.doc.tokens[last].span.end};
        if (w.doc.slice(s) != e.exact) continue;
      }
      w.out->push_back({w.i, last, &e});
    }
    const uint32_t next = last + 1;
    if (!node->nkids || next >= w.doc.tokens.size() || w.doc.tokens[next].gap_before) return;
    const auto cands = w.lemmas.ids(next);
    // Past the first candidate only entries that inflect can match.
    const size_t tried = node->inflect_below ? cands.size() : std::min<size_t>(cands.size(), 1);
    const Node* go = nullptr;  // where the loop goes on
    bool go_first = false;
    for (size_t c = 0; c < tried; ++c) {
      const Edge* k = kid(*node, cands[c]);
      if (!k) continue;
      const Node* below = &nodes_[k->node];
      const bool first = first_only && c == 0;
      if (!first && !below->inflect_below) continue;
      if (std::find(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(c), cands[c]) !=
          cands.begin() + static_cast<std::ptrdiff_t>(c))
        continue;  // a repeat
      if (go) walk(w, next, go, go_first);
      go = below;
      go_first = first;
    }
    if (!go) return;
    last = next;
    node = go;
    first_only = go_first;
  }
}

void Dictionary::walk(const Walk& w, uint32_t last, const Node* node, bool first_only) const {
  follow(w, last, node, first_only);
}

[[gnu::always_inline]] inline void Dictionary::collect(const Document& doc,
                                                       const LemmaTable& lemmas, uint32_t i,
                                                       std::vector<DictMatch>* out) const {
  if (!may_start(lemmas, i)) return;
  const Walk w{doc, lemmas, i, out};
  const auto cands = lemmas.ids(i);
  const size_t tried = inflects_ ? cands.size() : std::min<size_t>(cands.size(), 1);
  for (size_t c = 0; c < tried; ++c) {
    const Node* r = root(cands[c]);
    if (!r || (c > 0 && !r->inflect_below)) continue;
    if (std::find(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(c), cands[c]) !=
        cands.begin() + static_cast<std::ptrdiff_t>(c))
      continue;  // a repeat
    // The walk finds a root's entries in trie order; callers see them in
    // data order (find keeps the first of equals), as entries_ holds them.
    const size_t from = out->size();
    follow(w, i, r, c == 0);
    if (out->size() - from > 1)
      std::sort(out->begin() + static_cast<std::ptrdiff_t>(from), out->end(),
                [](const DictMatch& a, const DictMatch& b) { return a.entry < b.entry; });
  }
}

void Dictionary::match_at(const Document& doc, const LemmaTable& lemmas, uint32_t i,
                          std::vector<DictMatch>* out) const {
  collect(doc, lemmas, i, out);
}

std::vector<DictMatch> Dictionary::find(const Document& doc, const LemmaTable& lemmas) const {
  std::vector<DictMatch> out;
  find(doc, lemmas, 0, static_cast<uint32_t>(doc.tokens.size()), &out);
  return out;
}

void Dictionary::find(const Document& doc, const LemmaTable& lemmas, uint32_t from, uint32_t to,
                      std::vector<DictMatch>* out) const {
  thread_local std::vector<DictMatch> here;  // kept: most calls find something
  for (uint32_t i = next_start(lemmas, from, to); i < to; i = next_start(lemmas, i, to)) {
    here.clear();
    collect(doc, lemmas, i, &here);
    if (here.empty()) {
      ++i;
      continue;
    }
    // Longest first; among equals, the one whose first token matched without
    // undoing an ending, then data order.
    auto exactness = [&](const DictMatch& m) {
      int s = 0;
      for (uint32_t k = m.first; k <= m.last; ++k)
        s += lemmas.ids(k)[0] == m.entry->ids[k - m.first];
      return s;
    };
    auto best =
        std::max_element(here.begin(), here.end(), [&](const DictMatch& a, const DictMatch& b) {
          if (a.last != b.last) return a.last < b.last;
          return exactness(a) < exactness(b);
        });
    // max_element returns the first maximum, keeping data order on ties.
    out->push_back(*best);
    i = best->last + 1;
  }
}

Vocabulary::Vocabulary() : serial_(next_serial()) {}

uint32_t Vocabulary::intern(std::string_view key) {
  const auto next = static_cast<uint32_t>(ids_.size() + 1);
  const uint32_t id = ids_.emplace(key, next);
  if (id == next) serial_ = next_serial();
  return id;
}

void Vocabulary::mark_start(uint32_t id, uint64_t bit, bool inflect) {
  if (id >= starts_.size()) starts_.resize(id + 1);
  Starts& s = starts_[id];
  const Starts was = s;
  s.any |= bit;
  if (inflect) s.inflecting |= bit;
  if (s.any != was.any || s.inflecting != was.inflecting)
    serial_ = next_serial();  // cached lemma tables carry the old bits
}

struct LemmaTable::Store {
  KeyTable index;  // key -> 1 + position in forms
  // What a key's Forms give a token, by Token::key_id: one load per token
  // instead of hashing its key, and none from the Forms.
  struct Known {
    const uint32_t* ids = nullptr;  // nullptr: none
    uint64_t starts = 0;
  };
  KeyMemo<Known> by_kid;
  std::deque<Forms> forms;  // a deque: growing keeps the Forms in place
  // The Forms' ids, packed in chunks that never move.
  std::vector<std::unique_ptr<uint32_t[]>> chunks;
  size_t used = kChunk;
  static constexpr size_t kChunk = 1 << 14;

  // Room for `n` ids of `f` after their header (LemmaTable::kHeader).
  uint32_t* take(const Forms* f, size_t n) {
    static_assert(sizeof f <= (kHeader - 1) * sizeof(uint32_t));
    uint32_t* at = room(kHeader + n);
    std::memcpy(at, &f, sizeof f);
    at[kHeader - 1] = static_cast<uint32_t>(n);
    return at + kHeader;
  }
  uint32_t* room(size_t n) {
    if (n > kChunk) {  // more than a chunk holds: a chunk of its own,
      // kept before the one being filled
      auto own = std::unique_ptr<uint32_t[]>(new uint32_t[n]);
      uint32_t* at = own.get();
      chunks.insert(chunks.empty() ? chunks.end() : chunks.end() - 1, std::move(own));
      if (chunks.size() == 1) used = kChunk;
      return at;
    }
    if (used + n > kChunk) {
      chunks.emplace_back(new uint32_t[kChunk]);
      used = 0;
    }
    uint32_t* at = chunks.back().get() + used;
    used += n;
    return at;
  }
};

namespace {

// One thread's lemma stores, most recently used first. A store is dropped
// (freed once no table holds it) when it outgrows kStoreKeys, bounding the
// memory per thread and pack (a few MB at 2^15 keys).
struct StoreSlot {
  uint64_t pack = 0, vocab = 0;
  std::shared_ptr<LemmaTable::Store> store;
};
constexpr size_t kStoreKeys = size_t{1} << 15;
constexpr size_t kStoresPerThread = 8;

std::shared_ptr<LemmaTable::Store> thread_store(const LangPack& pack, const Vocabulary* vocab) {
  const uint64_t ps = pack.serial(), vs = vocab ? vocab->serial() : 0;
  if (ps == 0) return std::make_shared<LemmaTable::Store>();  // stale index: no caching
  thread_local std::vector<StoreSlot> slots;
  auto it = std::find_if(slots.begin(), slots.end(),
                         [&](const StoreSlot& s) { return s.pack == ps && s.vocab == vs; });
  if (it != slots.end() && it->store->forms.size() < kStoreKeys) {
    std::rotate(slots.begin(), it, it + 1);
    return slots.front().store;
  }
  if (it != slots.end()) slots.erase(it);
  if (slots.size() == kStoresPerThread) slots.pop_back();
  slots.insert(slots.begin(), {ps, vs, std::make_shared<LemmaTable::Store>()});
  return slots.front().store;
}

// 1 + the position of `key`'s Forms in `store`, made on first sight.
uint32_t lemma_forms(LemmaTable::Store& store, std::string_view key, const LangPack& pack,
                     const Vocabulary* vocab) {
  const auto next = static_cast<uint32_t>(store.forms.size() + 1);
  const uint32_t at = store.index.emplace(key, next);
  if (at == next) {
    LemmaTable::Forms& f = store.forms.emplace_back();
    f.cands = pack.lemmas(std::string(key));
    uint32_t* ids = store.take(&f, f.cands.size());
    for (size_t c = 0; c < f.cands.size(); ++c) {
      ids[c] = vocab ? vocab->id(f.cands[c]) : Vocabulary::kUnknown;
      if (vocab) f.starts |= c == 0 ? vocab->starts(ids[c]) : vocab->inflecting_starts(ids[c]);
    }
    f.ids = ids;
  }
  return at;
}

}  // namespace

LemmaTable token_lemmas(const Document& doc, const LangPack& pack, const Vocabulary* vocab) {
  LemmaTable out;
  std::shared_ptr<LemmaTable::Store> store = thread_store(pack, vocab);
  const size_t n = doc.tokens.size();
  // Written once each, in order: no vector's bounds kept, nothing zeroed;
  // both arrays in one block.
  static_assert(sizeof(uint64_t) == sizeof(const uint32_t*));
  void* block = ::operator new(2 * n * sizeof(uint64_t));
  out.block_.reset(block);
  uint64_t* __restrict starts = static_cast<uint64_t*>(block);
  const uint32_t** __restrict ids = reinterpret_cast<const uint32_t**>(starts + n);
  out.starts_ = starts;
  out.ids_ = ids;
  out.size_ = n;
  const bool by_id = store->by_kid.start(doc.key_serial);
  // Written through pointers that alias nothing, in an inner loop without
  // calls for the keys the memo knows (most): the memo's bounds stay in
  // registers across those tokens instead of being loaded again at each.
  LemmaTable::Store& s = *store;
  for (size_t i = 0; i < n; ++i) {
    if (by_id) {
      for (; i < n; ++i) {
        const LemmaTable::Store::Known known = s.by_kid.get(doc.tokens[i].key_id);
        if (!known.ids) break;
        ids[i] = known.ids;
        starts[i] = known.starts;
      }
      if (i == n) break;
    }
    const Token& t = doc.tokens[i];
    // The ids' chunks never move: the pointer holds while the store lives.
    const LemmaTable::Forms& f = s.forms[lemma_forms(s, t.key, pack, vocab) - 1];
    if (by_id) s.by_kid.set(t.key_id, {f.ids, f.starts});
    ids[i] = f.ids;
    starts[i] = f.starts;
  }
  out.store_ = std::move(store);
  out.vocab_ = vocab;
  out.vocab_serial_ = vocab ? vocab->serial() : 0;
  return out;
}

}  // namespace nkg
