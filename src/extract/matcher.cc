#include "extract/matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

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

void Dictionary::add(const std::string& form, const std::string& payload, EntityType type,
                     bool inflect) {
  DictEntry e;
  e.tokens = key_tokens(form);
  if (e.tokens.empty()) return;
  if (is_short_caps(form)) {
    e.exact = form;
    inflect = false;
  }
  e.payload = payload;
  e.type = type;
  e.label = form;
  e.inflect = inflect;
  // The same form for the same payload twice adds nothing.
  auto& bucket = by_first_[e.tokens[0]];
  for (uint32_t idx : bucket) {
    const DictEntry& o = entries_[idx];
    if (o.tokens == e.tokens && o.payload == e.payload && o.exact == e.exact) return;
  }
  bucket.push_back(static_cast<uint32_t>(entries_.size()));
  size_t a, b;
  bloom_bits(std::hash<std::string_view>{}(e.tokens[0]), &a, &b);
  bloom_[a / 64] |= uint64_t{1} << (a % 64);
  bloom_[b / 64] |= uint64_t{1} << (b % 64);
  entries_.push_back(std::move(e));
}

void Dictionary::bloom_bits(size_t h, size_t* a, size_t* b) {
  *a = h % kBloomBits;
  *b = (h >> 32 ^ h * 0x9E3779B97F4A7C15ull) % kBloomBits;
}

bool Dictionary::may_start(size_t hash) const {
  size_t a, b;
  bloom_bits(hash, &a, &b);
  return (bloom_[a / 64] >> (a % 64) & 1) && (bloom_[b / 64] >> (b % 64) & 1);
}

static bool token_matches(const std::vector<std::string>& lemmas, const std::string& want,
                          bool inflect) {
  if (!inflect) return !lemmas.empty() && lemmas[0] == want;
  return std::find(lemmas.begin(), lemmas.end(), want) != lemmas.end();
}

void Dictionary::match_at(const Document& doc, const LemmaTable& lemmas, uint32_t i,
                          std::vector<DictMatch>* out) const {
  const auto& cands = lemmas[i];
  for (size_t c = 0; c < cands.size(); ++c) {
    if (!may_start(lemmas.hash(i, c))) continue;
    const std::string& cand = cands[c];
    // Each entry sits in the one bucket of its first key, so only a repeated
    // candidate could offer an entry twice: skip repeats instead of
    // remembering every entry tried.
    if (std::find(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(c), cand) !=
        cands.begin() + static_cast<std::ptrdiff_t>(c))
      continue;
    auto it = by_first_.find(cand);
    if (it == by_first_.end()) continue;
    for (uint32_t idx : it->second) {
      const DictEntry& e = entries_[idx];
      size_t n = e.tokens.size();
      if (i + n > doc.tokens.size()) continue;
      bool ok = token_matches(lemmas[i], e.tokens[0], e.inflect);
      for (size_t j = 1; ok && j < n; ++j)
        ok = !doc.tokens[i + j].gap_before && token_matches(lemmas[i + j], e.tokens[j], e.inflect);
      if (!ok) continue;
      if (!e.exact.empty()) {
        Span s{doc.tokens[i].span.begin, doc.tokens[i + n - 1].span.end};
        if (doc.slice(s) != e.exact) continue;
      }
      out->push_back({i, static_cast<uint32_t>(i + n - 1), &e});
    }
  }
}

std::vector<DictMatch> Dictionary::find(const Document& doc, const LemmaTable& lemmas) const {
  std::vector<DictMatch> out;
  std::vector<DictMatch> here;
  for (uint32_t i = 0; i < doc.tokens.size();) {
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
        s += lemmas[k][0] == m.entry->tokens[k - m.first];
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

LemmaTable token_lemmas(const Document& doc, const LangPack& pack) {
  LemmaTable out;
  out.reserve(doc.tokens.size());
  out.hash_begin.reserve(doc.tokens.size());
  out.hashes.reserve(doc.tokens.size() * 2);
  // Articles repeat their words: undo endings once per distinct key.
  std::unordered_map<std::string_view, uint32_t> first;
  first.reserve(doc.tokens.size());
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    auto [it, fresh] = first.emplace(doc.tokens[i].key, i);
    out.hash_begin.push_back(static_cast<uint32_t>(out.hashes.size()));
    if (fresh) {
      out.push_back(pack.lemmas(doc.tokens[i].key));
      for (const auto& l : out.back()) out.hashes.push_back(std::hash<std::string_view>{}(l));
    } else {
      out.push_back(out[it->second]);
      uint32_t h = out.hash_begin[it->second];
      for (size_t j = 0; j < out.back().size(); ++j) out.hashes.push_back(out.hashes[h + j]);
    }
  }
  return out;
}

}  // namespace nkg
