// Writing a set of triples as deterministic Turtle, N-Triples or TriG with Serd.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>

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

// ---- streaming (the export's path: sorted records, see record.h) ----------

// What write_string does to each triple before sorting: the canonical
// spelling of its terms (so equal terms dedupe) and, outside TriG, no graph.
void normalize_triple(Triple* t, Format format);

// Validates a normalised triple as write_string does; false with the reason
// (naming the triple) in *why.
bool check_triple(const Triple& t, Format format, std::string* why);

// A term or triple whose views each end in a NUL byte (view.data()[size()]
// == 0), as records and std::strings provide: Serd reads C strings.
struct TermView {
  TermKind kind = TermKind::Iri;
  std::string_view value, datatype, lang;
};
struct TripleView {
  std::string_view graph;
  TermView s, p, o;
};
TripleView view_of(const Triple& t);

// Writes sorted, de-duplicated, normalised and checked triples as they come,
// through `sink`. note() every triple first (or at least every namespace
// used) so that only used prefixes are declared, then begin(), write() each
// triple in order, finish(). The bytes are those write_string gives for the
// same triples.
class StreamWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  StreamWriter(Format format, Sink sink);
  ~StreamWriter();
  StreamWriter(const StreamWriter&) = delete;
  StreamWriter& operator=(const StreamWriter&) = delete;

  void note(const TripleView& t);
  bool begin(std::string* err);
  bool write(const TripleView& t);
  bool finish(std::string* err);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nkg::rdf
