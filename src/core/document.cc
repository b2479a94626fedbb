#include "core/document.h"

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

uint32_t Document::code_point_offset(uint32_t b) const {
  // Checkpoints make each lookup O(256) without a per-byte table.
  constexpr uint32_t kStep = 256;
  if (cp_checkpoints_.empty()) {
    uint32_t count = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i % kStep == 0) cp_checkpoints_.push_back(count);
      if (i < text.size() && is_lead_byte(static_cast<unsigned char>(text[i]))) ++count;
    }
  }
  uint32_t base = b / kStep;
  uint32_t count = cp_checkpoints_[base];
  for (uint32_t i = base * kStep; i < b && i < text.size(); ++i)
    if (is_lead_byte(static_cast<unsigned char>(text[i]))) ++count;
  return count;
}

}  // namespace nkg
