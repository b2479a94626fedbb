// Entity resolution across articles (corpus stage): every mention's resolver
// key becomes one node IRI; one real entity is one node.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/knowledge.h"

namespace nkg {

struct EntityNode {
  std::string iri;
  EntityType type = EntityType::State;
  std::string pref_label;
  std::map<std::string, std::set<std::string>> labels;  // lang -> labels
  std::string qid;
  std::string iso;
};

struct Resolution {
  std::map<std::string, std::string> node_of;  // mention entity key -> node IRI
  std::map<std::string, EntityNode> nodes;     // by IRI
  const EntityNode* node_for(const std::string& key) const;
};

// Only Person, State and Firm become nodes; other classes only block names.
Resolution resolve_entities(const std::vector<Document>& docs, const Knowledge& k);

// IRI of a known entity or of a name key.
std::string entity_iri(EntityType type, const std::string& local);

}  // namespace nkg
