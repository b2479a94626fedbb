// The corpus stages of an export, in memory bounded by the entity and
// agreement tables rather than by the corpus: each analysed article is
// written to a temporary file (its Document, doc_codec.h) while only what
// resolution and agreement merging read is kept (EntityTable,
// AgreementReport); then the articles are read back one at a time, in
// parallel, their triples sorted in runs on disk (sorted_runs.h), the runs
// merged and streamed to Serd. The bytes are those of build_graph +
// add_void_description + write_file over the same articles.
#pragma once
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "extract/knowledge.h"
#include "rdf/writer.h"

namespace nkg {

class Progress;

struct CorpusOptions {
  rdf::Format format = rdf::Format::Turtle;
  std::string output;   // path; "-" = stdout
  std::string tmp_dir;  // where temporary files go (they are unlinked at once)
  unsigned threads = 1;
  size_t sort_budget = 64u << 20;  // bytes of triples per thread before a run is written
};

// Where the time went, for `newskg export --stats` and the benchmark.
struct CorpusStats {
  double analyse_cpu = 0;  // CPU seconds of per-article analysis, all threads (export only)
  double resolve = 0, merge_agreements = 0;  // wall seconds
  double build_wall = 0;    // triples of every article built, checked and sorted in runs
  double build_cpu = 0;     // the same, CPU seconds of all threads
  double sort_cpu = 0;      // of which sorting records and writing runs
  double merge_runs = 0;    // wall: merging the runs, counting, noting prefixes
  double write = 0;         // wall: Serd writing the merged records
  uint64_t triples = 0;     // distinct (graph, s, p, o) written
  uint64_t runs = 0;        // sorted runs on disk
  uint64_t records = 0;     // records sorted, duplicates included
  uint64_t temp_bytes = 0;  // peak bytes of temporary files
  uint64_t articles = 0;
  // Peak RSS (kB) so far at the end of: analysis, agreement merging, building.
  long peak_kb_analysed = 0, peak_kb_merged = 0, peak_kb_built = 0;
};

// Peak resident set size of the process so far, kB (VmHWM).
long peak_rss_now_kb();

class CorpusBuilder {
 public:
  CorpusBuilder(const Knowledge& k, CorpusOptions opts);
  ~CorpusBuilder();
  CorpusBuilder(const CorpusBuilder&) = delete;
  CorpusBuilder& operator=(const CorpusBuilder&) = delete;

  // The articles to come, as (path, id) by slot; called once, first. Of
  // several paths with one id, the first path in byte order that is added
  // is exported and the others are skipped.
  void plan(std::vector<std::pair<std::string, std::string>> articles);
  // An analysed article (tokens may be dropped) for a planned slot; may be
  // called from several threads, each with its own `worker` < opts.threads.
  // False when it could not be stored (disk full); error() says why.
  bool add(unsigned worker, size_t slot, const Document& doc);
  std::string error() const;
  // Adds CPU seconds spent analysing (the caller measures).
  void add_analysis_time(double cpu_seconds);
  const CorpusStats& stats() const;

  // Runs the corpus stages and writes the output. `skipped`: inputs that
  // could not be read (reported on `log` with duplicate names); `attempted`:
  // all inputs. Returns an ExitCode.
  int finish(std::vector<Error> skipped, uint64_t attempted, std::ostream& log, Progress* progress);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "cannot write OUTPUT: why", as every failed export reports it.
std::string failure_message(const std::string& output, const std::string& why);

// Default directory for temporary files: $TMPDIR, else /tmp.
std::string default_tmp_dir();

}  // namespace nkg
