// `newskg export`: option parsing only; the work is nkg::run_export.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/options.h"
#include "core/export_job.h"

namespace nkg::cli {

static void export_usage(std::ostream& o) {
  o << "usage: newskg export [options] [INPUT...]\n"
       "  INPUT                 article files or directories of *.txt (default: the sample "
       "corpus)\n"
       "  -o, --output FILE     output file (default output/graph.ttl; '-' = stdout)\n"
       "  --format F            turtle (default) | ntriples | trig (a named graph per article)\n"
       "  --encoding NAME       decode every input with this ICU charset (e.g. windows-1256)\n"
       "  --lenient             replace invalid UTF-8 by U+FFFD instead of skipping the file\n"
       "  --max-bytes N         refuse articles larger than N bytes (default 67108864)\n"
       "  --threads N           worker threads (default: all cores)\n"
       "  --lang TAG            skip language identification and use TAG\n"
       "  --data DIR            language packs and gazetteer (default: the built-in data/)\n"
       "  --shard K/N           only the K-th of N shards (by a hash of each file's base name)\n"
       "  --partial             write the analysed articles for 'newskg merge' instead of RDF\n"
       "                        (needs -o; e.g. --shard 2/3 --partial -o part-2.nkgp)\n"
       "  --tmp-dir DIR         temporary files: the analysed articles and sorted triples,\n"
       "                        about 20x the article text (default $TMPDIR or /tmp)\n"
       "  --stats               one line of figures on stderr at the end (stage times, runs)\n"
       "  --sort-memory MB      memory per thread for sorting triples before they go to\n"
       "                        temporary files (default 64)\n"
       "  -q, --quiet           no progress line (shown only when stderr is a terminal)\n"
       "exit status: 0 all exported, 1 some skipped, 2 usage error or nothing written\n";
}

int cmd_export(int argc, char** argv) {
  ExportOptions o;
  o.output = "output/graph.ttl";
  o.data_dir = NEWSKG_DATA_DIR;
  bool end_of_options = false, output_given = false, quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "newskg export: " << name << " needs a value\n";
        return nullptr;
      }
      return argv[++i];
    };
    if (end_of_options || a.empty() || a[0] != '-' || a == "-") {
      o.inputs.push_back(a);
    } else if (a == "--") {
      end_of_options = true;
    } else if (a == "-h" || a == "--help") {
      export_usage(std::cout);
      return 0;
    } else if (a == "-o" || a == "--output") {
      const char* v = value("--output");
      if (!v) return 2;
      o.output = v;
      output_given = true;
    } else if (a == "--format") {
      const char* v = value("--format");
      if (!v) return 2;
      if (!rdf::parse_format(v, &o.format)) {
        std::cerr << "newskg export: unknown format '" << v << "' (turtle, ntriples, trig)\n";
        return 2;
      }
    } else if (a == "--encoding") {
      const char* v = value("--encoding");
      if (!v) return 2;
      o.decode.encoding = v;
    } else if (a == "--lenient") {
      o.decode.lenient = true;
    } else if (a == "--max-bytes") {
      const char* v = value("--max-bytes");
      if (!v) return 2;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v, &end, 10);
      if (!*v || *end || n == 0) {
        std::cerr << "newskg export: --max-bytes needs a positive number\n";
        return 2;
      }
      o.decode.max_bytes = n;
    } else if (a == "--threads") {
      const char* v = value("--threads");
      if (!v || !number_option("export", "--threads", v, 1, 256, "a number", &o.threads)) return 2;
    } else if (a == "--lang") {
      const char* v = value("--lang");
      if (!v) return 2;
      o.forced_lang = v;
    } else if (a == "--data") {
      const char* v = value("--data");
      if (!v) return 2;
      o.data_dir = v;
    } else if (a == "--shard") {
      const char* v = value("--shard");
      if (!v) return 2;
      if (!parse_shard(v, &o.shard, &o.shards)) {
        std::cerr << "newskg export: --shard needs K/N with 1 <= K <= N (e.g. 2/3)\n";
        return 2;
      }
    } else if (a == "--sort-memory") {
      const char* v = value("--sort-memory");
      if (!v ||
          !number_option("export", "--sort-memory", v, 1, 65536, "megabytes", &o.sort_memory_mb))
        return 2;
    } else if (a == "--tmp-dir") {
      const char* v = value("--tmp-dir");
      if (!v) return 2;
      o.tmp_dir = v;
    } else if (a == "--stats") {
      o.stats = true;
    } else if (a == "--partial") {
      o.partial = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else {
      std::cerr << "newskg export: unknown option '" << a << "'\n";
      export_usage(std::cerr);
      return 2;
    }
  }
  if (o.partial && !output_given) {
    std::cerr << "newskg export: --partial needs -o FILE (e.g. -o part-" << o.shard << ".nkgp)\n";
    return 2;
  }
  if (o.inputs.empty()) o.inputs.push_back(std::string(NEWSKG_SOURCE_DIR) + "/corpus");
  o.progress = !quiet && isatty(STDERR_FILENO);
  return run_export(o, std::cerr);
}

}  // namespace nkg::cli
