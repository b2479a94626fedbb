#include "core/document.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace nkg {

const char* entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::Person:
      return "Person";
    case EntityType::State:
      return "State";
    case EntityType::Firm:
      return "Firm";
    case EntityType::Place:
      return "Place";
    case EntityType::Region:
      return "Region";
    case EntityType::Body:
      return "Body";
    case EntityType::Treaty:
      return "Treaty";
    case EntityType::Event:
      return "Event";
  }
  return "Entity";
}

static bool is_lead_byte(unsigned char c) { return (c & 0xC0) != 0x80; }

// Code points in text[from, to): the bytes that do not continue a sequence,
// counted eight at a time.
static uint32_t code_points(const std::string& text, uint32_t from, uint32_t to) {
  uint32_t count = 0, i = from;
  for (; i + 8 <= to; i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t cont = w & ~(w << 1) & 0x8080808080808080ULL;  // bytes 10xxxxxx
    count += 8 - static_cast<uint32_t>(std::popcount(cont));
  }
  for (; i < to; ++i) count += is_lead_byte(static_cast<unsigned char>(text[i]));
  return count;
}

uint32_t Document::code_point_offset(uint32_t b) const {
  // Checkpoints make each lookup O(256) without a per-byte table.
  constexpr uint32_t kStep = 256;
  const auto size = static_cast<uint32_t>(text.size());
  if (cp_checkpoints_.empty()) {
    cp_checkpoints_.reserve(size / kStep + 1);
    uint32_t count = 0;
    for (uint32_t at = 0; at <= size; at += kStep) {
      cp_checkpoints_.push_back(count);
      count += code_points(text, at, std::min(size, at + kStep));
    }
  }
  const uint32_t base = b / kStep;
  return cp_checkpoints_[base] + code_points(text, base * kStep, std::min(b, size));
}

}  // namespace nkg
