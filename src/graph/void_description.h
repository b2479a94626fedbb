// VoID description of the exported dataset: counts, languages, the linkset
// to Wikidata, licence and source. No wall-clock time, so output stays
// byte-identical from run to run.
#pragma once
#include <vector>

#include "core/document.h"
#include "rdf/term.h"

namespace nkg {

// Appends the description of `triples` (sorted and de-duplicated first).
void add_void_description(rdf::Triples* triples, const std::vector<Document>& docs);

}  // namespace nkg
