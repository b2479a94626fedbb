// The main job: articles in, one graph file out. Per-article failures are
// reported and skipped; the output is written atomically.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "core/error.h"
#include "rdf/writer.h"
#include "text/decode.h"

namespace nkg {

struct ExportOptions {
  std::vector<std::string> inputs;  // files, or directories searched for *.txt
  std::string output;               // path; "-" = stdout
  rdf::Format format = rdf::Format::Turtle;
  DecodeOptions decode;
  unsigned threads = 0;             // 0 = hardware concurrency
  std::string data_dir;             // language packs and gazetteer
  std::string forced_lang;          // skip language identification
};

enum ExitCode { kExitOk = 0, kExitPartial = 1, kExitFailure = 2 };

// Expands inputs into article paths (sorted, de-duplicated); unreadable
// entries are reported into `errors`.
std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs,
                                        std::vector<Error>* errors);

// Runs the export; messages go to `log`. Returns an ExitCode.
int run_export(const ExportOptions& opts, std::ostream& log);

}  // namespace nkg
