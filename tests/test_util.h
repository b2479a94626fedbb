// Helpers shared by the unit tests.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/pipeline.h"
#include "extract/knowledge.h"

namespace nkg {
// So that Boost.Test can print entity types in failed assertions.
inline std::ostream& operator<<(std::ostream& o, EntityType t) { return o << entity_type_name(t); }
}  // namespace nkg

namespace nkg::test {

// The project's data, loaded once for all tests.
const Knowledge& knowledge();
const Analyzer& analyzer();

// A document analysed as if read from a file named `id`.
Document analyse(const std::string& text, const std::string& lang = {},
                 const std::string& id = "test.txt");

// Surfaces of mentions of entity `key` (e.g. "state:KZ").
std::vector<std::string> surfaces(const Document& d, const std::string& key);

// The project's sample corpus (corpus/*.txt), segmented, each document's
// lang taken from its file name ("pl-01-….txt").
std::vector<Document> sample_corpus();

inline std::string shared_dir() { return NEWSKG_SHARED_DIR; }
inline bool have_shared() { return std::filesystem::exists(shared_dir() + "/seeds"); }

}  // namespace nkg::test
