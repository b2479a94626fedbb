// VoID description of the exported dataset: counts, languages, the linkset
// to Wikidata, licence and source. No wall-clock time, so output stays
// byte-identical from run to run.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "rdf/term.h"

namespace nkg {

// The description of a graph of `counted` distinct triples (graphs
// ignored) of which `entities` type a person, state or firm and `links` are
// owl:sameAs Wikidata links, from articles in `languages`, with a
// dct:source triple for each of `source_ids` (the streaming export writes
// those with the graph and counts them in `counted`). Its void:triples
// counts the description too.
rdf::Triples void_description(uint64_t counted, uint64_t entities, uint64_t links,
                              uint64_t articles, const std::set<std::string>& languages,
                              const std::vector<std::string>& source_ids);

// The dct:source triple of one article.
rdf::Triple void_source(const std::string& article_id);

// Appends the description of `triples` (sorted and de-duplicated first).
void add_void_description(rdf::Triples* triples, const std::vector<Document>& docs);

}  // namespace nkg
