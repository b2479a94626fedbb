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

// What resolution reads of the articles, kept small enough to hold for a
// whole corpus: per entity key of a person, state or firm mention, the type
// and lemma of its first mention (articles in rank order, mentions in text
// order) and every (language, lemma) it was mentioned with.
struct EntityTable {
  struct Entry {
    EntityType type = EntityType::State;
    std::string first_lemma;
    uint64_t first_seen = 0;                               // article rank << 32 | mention index
    std::set<std::pair<std::string, std::string>> labels;  // (language, lemma)
  };
  std::map<std::string, Entry> entries;
  // Adds the mentions of one article; a smaller `rank` is an earlier article.
  void add(const Document& doc, uint32_t rank);
};

// Only Person, State and Firm become nodes; other classes only block names.
Resolution resolve_entities(const EntityTable& table, const Knowledge& k);
// The same over whole documents, ranked in vector order.
Resolution resolve_entities(const std::vector<Document>& docs, const Knowledge& k);

// IRI of a known entity or of a name key.
std::string entity_iri(EntityType type, const std::string& local);

}  // namespace nkg
