// A triple as one byte string ("record") whose byte order is the order of
// Triple::operator< (graph, subject, predicate, object; a term by kind,
// value, datatype, language): the graph and every field end in NUL, which no
// valid term contains, so memcmp sorts records the way the writer needs them
// and equal triples give equal records. Records are what the export sorts
// on disk (sorted_runs.h) and streams to the writer.
//
//   graph NUL, then per term: kind ('0' IRI, '1' literal), value NUL, and
//   for literals datatype NUL language NUL.
#pragma once
#include <string>
#include <string_view>

#include "rdf/term.h"
#include "rdf/writer.h"

namespace nkg::rdf {

// Appends the record of `t` (normalised and checked, see writer.h).
void append_record(const Triple& t, std::string* out);

// Views into `rec`, each ending at one of its NULs (as StreamWriter needs).
// False when `rec` is not a well-formed record.
bool parse_record(std::string_view rec, TripleView* out);

// The record without its graph: the triple as VoID counts it.
std::string_view without_graph(std::string_view rec);

}  // namespace nkg::rdf
