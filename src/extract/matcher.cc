#include "extract/matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>
#include <string_view>

#include "core/serial.h"
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
  vocab.mark_start(e.ids[0], bit_);
  // The same form for the same payload twice adds nothing.
  uint32_t first = e.ids[0];
  if (first >= bucket_of_.size()) bucket_of_.resize(first + 1, 0);
  if (!bucket_of_[first]) {
    buckets_.emplace_back();
    bucket_of_[first] = static_cast<uint32_t>(buckets_.size());
  }
  auto& same_first = buckets_[bucket_of_[first] - 1];
  for (const Packed& p : same_first) {
    const DictEntry& o = entries_[p.entry];
    if (o.ids == e.ids && o.payload == e.payload && o.exact == e.exact) return;
  }
  same_first.push_back({static_cast<uint32_t>(entries_.size()), static_cast<uint32_t>(ids_.size()),
                        static_cast<uint32_t>(e.ids.size()), e.inflect});
  ids_.insert(ids_.end(), e.ids.begin(), e.ids.end());
  entries_.push_back(std::move(e));
}

// Ids are equal exactly when the keys are, and a dictionary's ids are never
// kUnknown: comparing ids is comparing keys.
static bool token_matches(std::span<const uint32_t> ids, uint32_t want, bool inflect) {
  if (!inflect) return !ids.empty() && ids[0] == want;
  return std::find(ids.begin(), ids.end(), want) != ids.end();
}

void Dictionary::match_at(const Document& doc, const LemmaTable& lemmas, uint32_t i,
                          std::vector<DictMatch>* out) const {
  if (!may_start(lemmas, i)) return;
  const auto cands = lemmas.ids(i);
  for (size_t c = 0; c < cands.size(); ++c) {
    const uint32_t cand = cands[c];
    const std::vector<Packed>* entries = bucket(cand);
    if (!entries) continue;
    // Each entry sits in the one bucket of its first key, so only a repeated
    // candidate could offer an entry twice: skip repeats instead of
    // remembering every entry tried.
    if (std::find(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(c), cand) !=
        cands.begin() + static_cast<std::ptrdiff_t>(c))
      continue;
    for (const Packed& p : *entries) {
      const uint32_t n = p.n;
      if (i + n > doc.tokens.size()) continue;
      const uint32_t* want = ids_.data() + p.ids_at;
      bool ok = token_matches(cands, want[0], p.inflect);
      for (uint32_t j = 1; ok && j < n; ++j)
        ok = !doc.tokens[i + j].gap_before && token_matches(lemmas.ids(i + j), want[j], p.inflect);
      if (!ok) continue;
      const DictEntry& e = entries_[p.entry];
      if (!e.exact.empty()) {
        Span s{doc.tokens[i].span.begin, doc.tokens[i + n - 1].span.end};
        if (doc.slice(s) != e.exact) continue;
      }
      out->push_back({i, i + n - 1, &e});
    }
  }
}

std::vector<DictMatch> Dictionary::find(const Document& doc, const LemmaTable& lemmas) const {
  std::vector<DictMatch> out;
  std::vector<DictMatch> here;
  for (uint32_t i = 0; i < doc.tokens.size();) {
    if (!may_start(lemmas, i)) {  // most tokens: skip the call
      ++i;
      continue;
    }
    here.clear();
    match_at(doc, lemmas, i, &here);
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
    out.push_back(*best);
    i = best->last + 1;
  }
  return out;
}

Vocabulary::Vocabulary() : serial_(next_serial()) {}

uint32_t Vocabulary::intern(std::string_view key) {
  const auto next = static_cast<uint32_t>(ids_.size() + 1);
  const uint32_t id = ids_.emplace(key, next);
  if (id == next) serial_ = next_serial();
  return id;
}

void Vocabulary::mark_start(uint32_t id, uint64_t bit) {
  if (id >= starts_.size()) starts_.resize(id + 1, 0);
  if ((starts_[id] & bit) == bit) return;
  starts_[id] |= bit;
  serial_ = next_serial();  // cached lemma tables carry the old bits
}

struct LemmaTable::Store {
  KeyTable index;           // key -> 1 + position in forms
  std::deque<Forms> forms;  // a deque: growing keeps the Forms in place
  // The Forms' ids, packed in chunks that never move.
  std::vector<std::unique_ptr<uint32_t[]>> chunks;
  size_t used = kChunk;
  static constexpr size_t kChunk = 1 << 14;

  uint32_t* take(size_t n) {
    if (n > kChunk) {  // more candidates than a chunk holds: a chunk of its own,
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

}  // namespace

LemmaTable token_lemmas(const Document& doc, const LangPack& pack, const Vocabulary* vocab) {
  LemmaTable out;
  std::shared_ptr<LemmaTable::Store> store = thread_store(pack, vocab);
  out.slot_.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) {
    const auto next = static_cast<uint32_t>(store->forms.size() + 1);
    const uint32_t at = store->index.emplace(t.key, next);
    if (at == next) {
      LemmaTable::Forms& f = store->forms.emplace_back();
      f.cands = pack.lemmas(t.key);
      uint32_t* ids = store->take(f.cands.size());
      for (size_t c = 0; c < f.cands.size(); ++c) {
        ids[c] = vocab ? vocab->id(f.cands[c]) : Vocabulary::kUnknown;
        if (vocab) f.starts |= vocab->starts(ids[c]);
      }
      f.ids = ids;
    }
    const LemmaTable::Forms& f = store->forms[at - 1];
    out.slot_.push_back({&f, f.ids, f.starts, static_cast<uint32_t>(f.cands.size())});
  }
  out.store_ = std::move(store);
  out.vocab_ = vocab;
  out.vocab_serial_ = vocab ? vocab->serial() : 0;
  return out;
}

}  // namespace nkg
