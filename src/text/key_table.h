// A map from short match keys to 32-bit values for the analysis' hot
// lookups (the vocabulary, month and weekday names, a document's distinct
// words). Open addressing over one flat slot array, keys in one arena: a
// lookup that misses, as most do, touches a single slot, where a
// std::unordered_map chases a bucket and a node and divides by a prime.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/fast_hash.h"

namespace nkg {

class KeyTable {
 public:
  KeyTable() : KeyTable(16) {}
  explicit KeyTable(size_t expected) { rehash(capacity_for(expected)); }

  // Inserts `key` with `value` unless present; returns the stored value.
  uint32_t emplace(std::string_view key, uint32_t value) {
    if ((entries_.size() + 1) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
    uint64_t h = hash(key);
    size_t i = probe(key, h);
    if (slots_[i].entry) return entries_[slots_[i].entry - 1].value;
    slots_[i] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(entries_.size() + 1)};
    entries_.push_back(
        {static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key.size()), value, h});
    arena_.append(key);
    return value;
  }
  // Inserts or overwrites.
  void set(std::string_view key, uint32_t value) {
    emplace(key, value);
    entries_[slots_[probe(key, hash(key))].entry - 1].value = value;
  }
  // The value stored for `key`, or `absent`.
  uint32_t get(std::string_view key, uint32_t absent = 0) const {
    const uint32_t e = find(key);
    return e ? entries_[e - 1].value : absent;
  }
  bool contains(std::string_view key) const { return find(key) != 0; }
  size_t size() const { return entries_.size(); }

  static uint64_t hash(std::string_view s) { return fast_hash(s); }

 private:
  struct Slot {
    uint32_t tag = 0;    // high half of the key's hash
    uint32_t entry = 0;  // 1 + index into entries_, 0 when empty
  };
  struct Entry {
    uint32_t offset, length, value;
    uint64_t hash;
  };

  static size_t capacity_for(size_t n) {
    size_t c = 16;
    while (c * 3 < n * 4) c *= 2;
    return c;
  }
  // 1 + the index of `key`'s entry, or 0: probe's loop for lookups alone,
  // small enough for callers to inline.
  uint32_t find(std::string_view key) const {
    const uint64_t h = hash(key);
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.entry) return 0;
      if (s.tag != tag) continue;
      const Entry& e = entries_[s.entry - 1];
      if (e.length == key.size() && same_bytes(arena_.data() + e.offset, key.data(), key.size()))
        return s.entry;
    }
  }
  // The slot holding `key`, or the empty slot where it would go.
  size_t probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.entry) return i;
      if (s.tag != tag) continue;
      const Entry& e = entries_[s.entry - 1];
      if (e.length == key.size() && same_bytes(arena_.data() + e.offset, key.data(), key.size()))
        return i;
    }
  }
  void rehash(size_t capacity) {
    slots_.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t k = 0; k < entries_.size(); ++k) {
      size_t i = static_cast<size_t>(entries_[k].hash) & mask;
      while (slots_[i].entry) i = (i + 1) & mask;
      slots_[i] = {static_cast<uint32_t>(entries_[k].hash >> 32), static_cast<uint32_t>(k + 1)};
    }
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::string arena_;
};

// "Certainly not one of these keys" for a small key set, from a key's
// length and first two bytes: one bit test, where a KeyTable probe hashes
// the whole key. For sets of at most a few hundred keys (month names, the
// amount finder's number words), so that most bits stay clear.
class KeyFilter {
 public:
  void add(std::string_view key) { bits_[slot(key) / 64] |= uint64_t{1} << (slot(key) % 64); }
  bool may_contain(std::string_view key) const {
    return bits_[slot(key) / 64] >> (slot(key) % 64) & 1;
  }
  // Afterwards, may_contain is true for the keys of both filters.
  void add_all(const KeyFilter& other) {
    for (size_t w = 0; w < 64; ++w) bits_[w] |= other.bits_[w];
  }

 private:
  static size_t slot(std::string_view k) {
    uint32_t h = static_cast<uint32_t>(k.size());
    if (!k.empty()) h = h * 131 + static_cast<unsigned char>(k[0]);
    if (k.size() > 1) h = h * 131 + static_cast<unsigned char>(k[1]);
    return (h * 2654435761u) >> 20;  // 12 bits
  }
  uint64_t bits_[64] = {};
};

}  // namespace nkg
