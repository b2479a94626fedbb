// The main job: articles in, one graph file out. Per-article failures are
// reported and skipped; the output is written atomically.
//
// Two stages: the per-article analysis (in parallel) and the corpus stages
// (core/corpus_stage.h: duplicate names, entity resolution, agreement
// merging, graph, VoID, writing), which receive each article as soon as it
// is analysed. `newskg export --partial` runs the first on one shard and
// saves its result (doc_codec.h); `newskg merge` feeds the saved shards to
// the second, so its bytes are those of a single export.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "rdf/writer.h"
#include "text/decode.h"

namespace nkg {

class Analyzer;
class Knowledge;

struct ExportOptions {
  std::vector<std::string> inputs;  // files, or directories searched for *.txt
  std::string output;               // path; "-" = stdout
  rdf::Format format = rdf::Format::Turtle;
  DecodeOptions decode;
  unsigned threads = 0;            // 0 = hardware concurrency
  std::string data_dir;            // language packs and gazetteer
  std::string forced_lang;         // skip language identification
  unsigned shard = 1, shards = 1;  // --shard K/N: only articles with shard_of(name) == K
  bool partial = false;            // write a partial file for `newskg merge` instead of RDF
  bool progress = false;           // progress line on the log (the CLI: stderr is a terminal)
  std::string tmp_dir;             // temporary files (default $TMPDIR or /tmp)
  bool stats = false;              // a "stats: key=value ..." line on the log at the end
  unsigned sort_memory_mb = 0;     // per thread, for sorting triples (0 = 64)
};

struct MergeOptions {
  std::vector<std::string> parts;  // partial files, every shard of one split
  std::string output;              // path; "-" = stdout
  rdf::Format format = rdf::Format::Turtle;
  std::string data_dir;  // must hold the data the shards were analysed with
  bool progress = false;
  std::string tmp_dir;          // temporary files (default $TMPDIR or /tmp)
  unsigned threads = 0;         // 0 = hardware concurrency
  unsigned sort_memory_mb = 0;  // per thread, for sorting triples (0 = 64)
};

enum ExitCode { kExitOk = 0, kExitPartial = 1, kExitFailure = 2 };

// Expands inputs into article paths (sorted, de-duplicated); unreadable
// entries are reported into `errors`.
std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs,
                                        std::vector<Error>* errors);

// Shard (1..shards) of an article or input path: FNV-1a 64 of its base name
// (the article IRI's source) modulo `shards`, plus one. Independent of the
// input order, the directory and the machine.
unsigned shard_of(std::string_view path, unsigned shards);

// Parses "K/N" with 1 <= K <= N <= 1000000.
bool parse_shard(std::string_view s, unsigned* k, unsigned* n);

// What the per-article stage produced for one run or shard.
struct AnalysedSet {
  std::vector<Document> docs;  // analysed, any order; duplicate names not yet removed
  std::vector<Error> skipped;  // inputs that could not be read
  uint64_t attempted = 0;      // inputs, read or not
};

class Progress;

// Stage 1: collects the inputs of `opts` (only shard opts.shard of
// opts.shards), reads and analyses them on opts.threads threads. Tokens and
// title cues are dropped once an article is analysed: the corpus stages do
// not read them.
AnalysedSet analyse_articles(const ExportOptions& opts, const Analyzer& analyzer,
                             Progress* progress = nullptr);

// Runs the export (or, with opts.partial, stage 1 and the partial file);
// messages go to `log`. Returns an ExitCode.
int run_export(const ExportOptions& opts, std::ostream& log);

// Reads the partial files and runs stage 2 on them. Bad, damaged, mismatched
// or missing shards are reported and give kExitFailure.
int run_merge(const MergeOptions& opts, std::ostream& log);

}  // namespace nkg
