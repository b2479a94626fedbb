// Comparing two snapshots: the triples removed and added, as sorted
// N-Triples lines or an RDF Patch, and a summary grouped by subject.
// See docs/diff.md for the output formats and the exit codes.
#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "diff/snapshot_reader.h"

namespace nkg::diff {

// Lines (as in Snapshot::lines) of OLD missing from NEW and of NEW missing
// from OLD, each sorted. The views point into the two snapshots.
struct Changes {
  std::vector<std::string_view> removed, added;
  bool empty() const { return removed.empty() && added.empty(); }
};
Changes compare(const Snapshot& old_snap, const Snapshot& new_snap);

enum class SubjectStatus { Appeared, Vanished, Changed };

struct PredicateChange {
  std::string predicate;  // N-Triples IRI
  size_t removed = 0, added = 0;
};

struct Article {
  std::string iri;    // N-Triples IRI
  std::string label;  // its dct:identifier as an N-Triples literal, or empty
};

// One subject with at least one removed or added triple.
struct SubjectChange {
  std::string subject;  // N-Triples term
  SubjectStatus status = SubjectStatus::Changed;
  size_t removed = 0, added = 0;
  std::vector<std::string> types;           // rdf:type objects in either snapshot
  std::vector<PredicateChange> predicates;  // sorted by predicate
  std::vector<Article> articles;            // prov:wasDerivedFrom, nif:referenceContext
};
std::vector<SubjectChange> summarize(const Snapshot& old_snap, const Snapshot& new_snap,
                                     const Changes& changes);

enum class OutputFormat { Diff, Patch };
// "diff" | "patch"; false on anything else.
bool parse_output_format(std::string_view name, OutputFormat* out);

// Diff: "- LINE ." and "+ LINE ." in line order, removals and additions of
// the same subject side by side. Patch: "TX .", "D LINE ." for every
// removal, "A LINE ." for every addition, "TC .". Nothing when `changes` is
// empty.
void write_changes(const Changes& changes, OutputFormat format, std::ostream& out);

// The summary: one "# " comment block, a header line and one entry a subject.
void write_summary(const std::vector<SubjectChange>& subjects, const Changes& changes,
                   std::ostream& out);

// An IRI as a prefixed name when one of the project's prefixes fits
// (display only), otherwise the N-Triples term unchanged.
std::string compact(std::string_view term);

struct DiffOptions {
  std::string old_path, new_path;
  ReadOptions read;
  OutputFormat format = OutputFormat::Diff;
  bool lines = true;    // print the removed and added triples
  bool summary = true;  // print the summary (diff format only)
};

// Reads both files (in parallel), compares them and writes the result to
// `out`. Returns 0 when the graphs are equal, 1 when they differ, 2 on any
// error, with "FILE[:LINE:COL]: reason" on `err`.
int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace nkg::diff
