// `newskg diff OLD NEW`: parses the options and calls diff::run_diff.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff.h"

namespace nkg::cli {
namespace {

constexpr const char* kUsage =
    "usage: newskg diff [options] OLD NEW\n"
    "Compares two graph snapshots (Turtle, N-Triples, N-Quads or TriG).\n"
    "\n"
    "  --format diff|patch  sorted '- '/'+ ' N-Triples lines and a summary (default),\n"
    "                       or an RDF Patch (TX, D, A, TC)\n"
    "  --summary-only       only the per-subject summary\n"
    "  --no-summary         only the changed triples\n"
    "  -q, --quiet          print nothing; the exit status tells\n"
    "  --syntax SYNTAX      turtle | ntriples | nquads | trig for both files\n"
    "                       (default: by extension .ttl .nt .nq .trig)\n"
    "  --base IRI           base for relative IRIs (default: each file's file:// URI)\n"
    "  -h, --help           this text\n"
    "\n"
    "Exit status: 0 same graphs, 1 different, 2 error.\n";

int usage_error(const std::string& message) {
  std::cerr << "newskg diff: " << message << "\nTry 'newskg diff --help'.\n";
  return 2;
}

}  // namespace

int cmd_diff(int argc, char** argv) {
  diff::DiffOptions opt;
  bool summary_only = false, no_summary = false, quiet = false;
  std::vector<std::string> paths;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    const bool inline_value =
        !options_done && arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos;
    if (inline_value) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
    }
    const bool takes_value = arg == "--format" || arg == "--syntax" || arg == "--base";
    if (!options_done && takes_value && !inline_value) {
      if (i + 1 >= argc) return usage_error(arg + " needs a value");
      value = argv[++i];
    } else if (inline_value && !takes_value) {
      return usage_error("option '" + arg + "' takes no value");
    }
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      paths.push_back(argv[i]);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--format") {
      if (!diff::parse_output_format(value, &opt.format)) {
        return usage_error("unknown format '" + value + "' (diff or patch)");
      }
    } else if (arg == "--syntax") {
      if (!diff::parse_syntax(value, &opt.read.syntax)) {
        return usage_error("unknown syntax '" + value + "' (turtle, ntriples, nquads or trig)");
      }
    } else if (arg == "--base") {
      opt.read.base_iri = value;
    } else if (arg == "--summary-only") {
      summary_only = true;
    } else if (arg == "--no-summary") {
      no_summary = true;
    } else if (arg == "-q" || arg == "--quiet") {
      quiet = true;
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  if (paths.size() != 2) return usage_error("expected two files, OLD and NEW");
  if (summary_only && no_summary) {
    return usage_error("--summary-only and --no-summary exclude each other");
  }
  if (summary_only && opt.format == diff::OutputFormat::Patch) {
    return usage_error("--summary-only has no meaning with --format patch");
  }
  opt.old_path = paths[0];
  opt.new_path = paths[1];
  opt.lines = !summary_only && !quiet;
  opt.summary = !no_summary && !quiet;
  return diff::run_diff(opt, std::cout, std::cerr);
}

}  // namespace nkg::cli
