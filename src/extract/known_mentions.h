// Mentions of known entities (states, gazetteer people, firms and the
// non-entity names that block them) found by dictionary matching.
#pragma once
#include "core/document.h"
#include "extract/knowledge.h"

namespace nkg {

void find_known_mentions(Document& doc, const Knowledge& k, const LemmaTable& lemmas);

}  // namespace nkg
