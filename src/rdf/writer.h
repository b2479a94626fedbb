// Writing a set of triples as deterministic Turtle, N-Triples or TriG with Serd.
#pragma once
#include <string>

#include "rdf/term.h"

namespace nkg::rdf {

enum class Format { Turtle, NTriples, TriG };

// Parses "turtle" | "ntriples" | "trig"; false on anything else.
bool parse_format(const std::string& name, Format* out);

// Sorts and de-duplicates `triples`, validates every term (term_check.h),
// and writes them to `path` atomically: a temporary file in the same
// directory, fsync, then rename. On any failure (invalid term, full disk,
// unwritable directory) returns false with a message in *err, and `path`
// is left as it was. Turtle/TriG declare vocab::kPrefixes and use prefixed
// names only where the local part is valid. Triples whose graph is set are
// written in that named graph for TriG and ignored-graph otherwise.
bool write_file(Triples triples, Format format, const std::string& path, std::string* err);

// Same serialisation into a string (for tests and stdout).
bool write_string(Triples triples, Format format, std::string* out, std::string* err);

}  // namespace nkg::rdf
