#include "resolve/resolve_entities.h"

#include <cctype>

#include "rdf/term_check.h"
#include "rdf/vocab.h"

namespace nkg {

std::string entity_iri(EntityType type, const std::string& local) {
  std::string t = entity_type_name(type);
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return vocab::ID + t + "/" + rdf::iri_segment(local);
}

const EntityNode* Resolution::node_for(const std::string& key) const {
  auto it = node_of.find(key);
  if (it == node_of.end()) return nullptr;
  auto n = nodes.find(it->second);
  return n == nodes.end() ? nullptr : &n->second;
}

static bool is_graph_type(EntityType t) {
  return t == EntityType::Person || t == EntityType::State || t == EntityType::Firm;
}

Resolution resolve_entities(const std::vector<Document>& docs, const Knowledge& k) {
  Resolution r;
  for (const auto& doc : docs) {
    for (const auto& m : doc.mentions) {
      if (!is_graph_type(m.type)) continue;
      const KnownEntity* known = k.entity(m.entity);
      std::string iri;
      if (known) {
        iri = known->type == EntityType::State
                  ? entity_iri(EntityType::State, known->iso)
                  : entity_iri(known->type, m.entity.substr(m.entity.find(':') + 1));
      } else {
        iri = entity_iri(m.type, m.entity.substr(m.entity.rfind(':') + 1));
      }
      r.node_of[m.entity] = iri;
      EntityNode& n = r.nodes[iri];
      if (n.iri.empty()) {
        n.iri = iri;
        n.type = known ? known->type : m.type;
        n.pref_label = known ? known->pref_label : m.lemma;
        if (known) {
          n.qid = known->qid;
          n.iso = known->iso;
        }
      }
      if (known) {
        auto it = known->labels.find(doc.lang);
        n.labels[doc.lang].insert(it != known->labels.end() ? it->second : known->pref_label);
      } else {
        n.labels[doc.lang].insert(m.lemma);
      }
    }
  }
  return r;
}

}  // namespace nkg
