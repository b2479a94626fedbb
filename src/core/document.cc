#include "core/document.h"

#include <algorithm>

#include "core/utf8.h"

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

uint32_t Document::code_point_offset(uint32_t b) const {
  // Checkpoints make each lookup O(256) without a per-byte table.
  constexpr uint32_t kStep = 256;
  const auto size = static_cast<uint32_t>(text.size());
  if (cp_checkpoints_.empty()) {
    cp_checkpoints_.reserve(size / kStep + 1);
    uint32_t count = 0;
    for (uint32_t at = 0; at <= size; at += kStep) {
      cp_checkpoints_.push_back(count);
      count += static_cast<uint32_t>(count_code_points(std::string_view(text).substr(at, kStep)));
    }
  }
  const uint32_t base = b / kStep;
  const uint32_t from = base * kStep;
  return cp_checkpoints_[base] +
         static_cast<uint32_t>(
             count_code_points(std::string_view(text).substr(from, std::min(b, size) - from)));
}

}  // namespace nkg
