// `newskg merge PART...`: option parsing only; the work is nkg::run_merge.
#include <unistd.h>

#include <iostream>
#include <string>

#include "cli/options.h"
#include "core/export_job.h"

namespace nkg::cli {

static void merge_usage(std::ostream& o) {
  o << "usage: newskg merge [options] PART...\n"
       "  PART                  partial files of every shard of one split, written by\n"
       "                        'newskg export --shard K/N --partial -o PART'\n"
       "  -o, --output FILE     output file (default output/graph.ttl; '-' = stdout)\n"
       "  --format F            turtle (default) | ntriples | trig (a named graph per article)\n"
       "  --data DIR            the language data the shards used (default: the built-in data/)\n"
       "  --threads N           worker threads (default: all cores)\n"
       "  --tmp-dir DIR         temporary files (default $TMPDIR or /tmp)\n"
       "  --sort-memory MB      memory per thread for sorting triples before they go to\n"
       "                        temporary files (default 64)\n"
       "  -q, --quiet           no progress line (shown only when stderr is a terminal)\n"
       "The output is byte for byte the single 'newskg export' of all the shards' inputs.\n"
       "exit status: 0 all exported, 1 some inputs were skipped by the shards,\n"
       "             2 usage error, a bad, damaged, mismatched or missing shard, or nothing "
       "written\n";
}

int cmd_merge(int argc, char** argv) {
  MergeOptions o;
  o.output = "output/graph.ttl";
  o.data_dir = NEWSKG_DATA_DIR;
  bool end_of_options = false, quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "newskg merge: " << name << " needs a value\n";
        return nullptr;
      }
      return argv[++i];
    };
    if (end_of_options || a.empty() || a[0] != '-') {
      o.parts.push_back(a);
    } else if (a == "--") {
      end_of_options = true;
    } else if (a == "-h" || a == "--help") {
      merge_usage(std::cout);
      return 0;
    } else if (a == "-o" || a == "--output") {
      const char* v = value("--output");
      if (!v) return 2;
      o.output = v;
    } else if (a == "--format") {
      const char* v = value("--format");
      if (!v) return 2;
      if (!rdf::parse_format(v, &o.format)) {
        std::cerr << "newskg merge: unknown format '" << v << "' (turtle, ntriples, trig)\n";
        return 2;
      }
    } else if (a == "--data") {
      const char* v = value("--data");
      if (!v) return 2;
      o.data_dir = v;
    } else if (a == "--threads") {
      const char* v = value("--threads");
      if (!v || !number_option("merge", "--threads", v, 1, 256, "a number", &o.threads)) return 2;
    } else if (a == "--sort-memory") {
      const char* v = value("--sort-memory");
      if (!v ||
          !number_option("merge", "--sort-memory", v, 1, 65536, "megabytes", &o.sort_memory_mb))
        return 2;
    } else if (a == "--tmp-dir") {
      const char* v = value("--tmp-dir");
      if (!v) return 2;
      o.tmp_dir = v;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else {
      std::cerr << "newskg merge: unknown option '" << a << "'\n";
      merge_usage(std::cerr);
      return 2;
    }
  }
  if (o.parts.empty()) {
    std::cerr << "newskg merge: no partial files given\n";
    merge_usage(std::cerr);
    return 2;
  }
  o.progress = !quiet && isatty(STDERR_FILENO);
  return run_merge(o, std::cerr);
}

}  // namespace nkg::cli
