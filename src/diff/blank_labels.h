// Labels for blank nodes computed from the graph around them, so that two
// snapshots that differ only in blank node labels give the same lines.
//
// Forests (no blank node reachable from itself, no blank graph name): the
// content below each node is hashed bottom-up, then the context above it
// top-down, one layer at a time; nodes still equal after that have the same
// parent, predicate and content, are interchangeable, and are numbered. The
// labels are then canonical: isomorphic graphs get the same ones. This covers
// everything [ ] and ( ) in Turtle produce.
//
// Anything else: colour refinement (1-dimensional Weisfeiler-Leman) over
// every quad around a node, then individualise a node of the first tied
// class and refine again, within a work budget. Isomorphic graphs get the
// same labels unless they hold tied nodes that refinement cannot split and
// that are not interchangeable (regular structures of blank nodes); such
// graphs may then compare as different, never the other way round.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nkg::diff {

// One quad with at least one blank node. Terms are canonical N-Triples
// strings; a blank node is an index in [0, n) (else -1 and the string).
struct BlankQuad {
  std::string s, p, o, g;  // g empty for the default graph
  int32_t sb = -1, ob = -1, gb = -1;
};

// A distinct 64-bit label for each of the `n` blank nodes of `quads`.
std::vector<uint64_t> label_blank_nodes(const std::vector<BlankQuad>& quads, size_t n);

}  // namespace nkg::diff
