// Reading a graph snapshot (Turtle, N-Triples, N-Quads or TriG) for diffing.
//
// A snapshot is the set of its triples, each written as one canonical
// N-Triples line (N-Quads when it is in a named graph) and sorted bytewise,
// so that two snapshots compare with one merge. Serd parses; triples without
// blank nodes go straight into the line table (Serd parses ~1.5 M triples/s,
// Sord inserts ~0.3 M/s); triples with blank nodes go into a Sord model whose
// blank nodes are relabelled from their content (docs/diff.md) before they
// join the table. Failures are values with a location, never a crash
// (../shared/spec/BAD-INPUTS.md cases 25-28).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nkg::diff {

enum class Syntax { Auto, Turtle, NTriples, NQuads, TriG };

// "turtle" | "ntriples" | "nquads" | "trig"; false on anything else.
bool parse_syntax(std::string_view name, Syntax* out);
// By extension: .nt, .nq, .trig; anything else is read as Turtle.
Syntax syntax_for_path(std::string_view path);

struct ReadError {
  std::string file;   // as given by the caller
  unsigned line = 0;  // 1-based; 0 when the error has no position (I/O)
  unsigned col = 0;   // 1-based, in bytes
  std::string message;
  // "FILE:LINE:COL: message", or "FILE: message" without a position; control
  // characters in FILE are escaped.
  std::string str() const;
};

struct ReadOptions {
  Syntax syntax = Syntax::Auto;
  // Absolute base IRI for relative IRIs; empty means the file's file:// URI.
  std::string base_iri;
  // Serd 0.30 parses `[` and `(` recursively and overflows an 8 MB stack at
  // ~15k levels, so deeper nesting than this is an error before Serd sees it.
  unsigned max_nesting = 1000;
};

// The terms of one canonical line, each in N-Triples form.
struct LineParts {
  std::string_view s, p, o, g;  // g is empty in the default graph
};
LineParts split_line(std::string_view line);

class Snapshot {
 public:
  // Canonical lines without the trailing " .", sorted bytewise, unique.
  const std::vector<std::string_view>& lines() const { return lines_; }
  size_t size() const { return lines_.size(); }
  // How many blank nodes were relabelled.
  size_t blank_nodes() const { return blank_nodes_; }

  // The lines whose subject is the N-Triples term `subject`.
  std::vector<std::string_view> about(std::string_view subject) const;
  // The objects of (subject, predicate), in any graph, as N-Triples terms.
  std::vector<std::string_view> objects(std::string_view subject, std::string_view predicate) const;

 private:
  friend struct SnapshotBuilder;
  std::unique_ptr<std::string> text_;  // the lines back to back; views point here
  std::vector<std::string_view> lines_;
  size_t blank_nodes_ = 0;
};

// Reads `path`. On failure returns false and fills *err: a missing file, a
// directory, an unreadable file, a syntax error (with line and column), an
// undefined prefix, a relative IRI in N-Triples/N-Quads, nesting deeper than
// options.max_nesting, a NUL byte.
bool read_snapshot(const std::string& path, const ReadOptions& options, Snapshot* out,
                   ReadError* err);

// The same from memory; `name` stands for the file in messages. Syntax Auto
// means Turtle; an empty base means "file:///" + name.
bool read_snapshot_string(std::string_view text, const std::string& name,
                          const ReadOptions& options, Snapshot* out, ReadError* err);

}  // namespace nkg::diff
