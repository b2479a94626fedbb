// libFuzzer target: the diff snapshot reader (BAD-INPUTS cases 25-27).
//
// Bytes -> read_snapshot_string in the syntax the first byte picks. Either a
// clean error with a message, or a snapshot whose canonical lines are sorted,
// unique and split into terms. When the snapshot has no blank nodes, its
// lines written out as N-Quads must read back to exactly the same lines (the
// canonical form is a fixed point), and the snapshot compares equal to
// itself.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "diff/diff.h"
#include "diff/snapshot_reader.h"

using namespace nkg::diff;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_snapshot: %s\n", what.c_str());
  std::abort();
}

constexpr Syntax kSyntaxes[] = {Syntax::Turtle, Syntax::NTriples, Syntax::NQuads, Syntax::TriG};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  ReadOptions opt;
  opt.syntax = kSyntaxes[data[0] & 3];
  opt.base_iri = "http://example.org/base/doc";
  if (data[0] & 4) opt.max_nesting = 8;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  Snapshot snap;
  ReadError err;
  if (!read_snapshot_string(text, "fuzz.ttl", opt, &snap, &err)) {
    if (err.message.empty()) fail("error without a message");
    if (err.file != "fuzz.ttl") fail("error does not name the file");
    (void)err.str();
    return 0;
  }
  const auto& lines = snap.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && !(lines[i - 1] < lines[i])) fail("lines not sorted and unique");
    const LineParts parts = split_line(lines[i]);
    if (parts.s.empty() || parts.p.empty() || parts.o.empty())
      fail("line does not split into terms: " + std::string(lines[i]));
  }
  if (!compare(snap, snap).empty()) fail("a snapshot differs from itself");

  if (snap.blank_nodes() == 0) {
    std::string nq;
    for (std::string_view l : lines) {
      nq.append(l);
      nq.append(" .\n");
    }
    ReadOptions again;
    again.syntax = Syntax::NQuads;
    again.base_iri = opt.base_iri;
    Snapshot snap2;
    ReadError err2;
    if (!read_snapshot_string(nq, "canonical.nq", again, &snap2, &err2))
      fail("canonical lines do not read back: " + err2.str() + "\n" + nq);
    if (snap2.lines() != lines) fail("canonical lines are not a fixed point:\n" + nq);
  }
  return 0;
}
