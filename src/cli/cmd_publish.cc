// `newskg publish GRAPH OUTDIR`: parses the options and calls publish::run_publish.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "publish/site.h"

namespace nkg::cli {
namespace {

constexpr const char* kUsage =
    "usage: newskg publish [options] GRAPH OUTDIR\n"
    "Publishes a graph as a static linked-data site: for every resource a Turtle\n"
    "document and an HTML page, an index per class, the dataset description at\n"
    "/.well-known/void, the ontology and the whole graph for download\n"
    "(docs/publishing.md; serve it with docs/nginx-newskg.conf).\n"
    "\n"
    "  --base IRI        the IRI the data is served under: every IRI under\n"
    "                    https://w3id.org/newskg/id/ is rewritten to start with it,\n"
    "                    in the Turtle and in the links (default: that IRI itself;\n"
    "                    http(s), ending in '/'). OUTDIR is the document root of its\n"
    "                    host: <base>person/x is OUTDIR/<path of base>person/x.html\n"
    "  --ontology FILE   the ontology to publish at <base>../ns (default: the\n"
    "                    source tree's ontology/newskg.ttl); --ontology '' for none\n"
    "  --syntax SYNTAX   turtle | ntriples | nquads | trig (default: by extension)\n"
    "  -h, --help        this text\n"
    "\n"
    "OUTDIR is replaced as a whole (built beside it, then renamed), and only when\n"
    "it is empty or an earlier site. The same input gives the same bytes.\n"
    "Exit status: 0 published, 1 some resources left out (reported), 2 error.\n";

int usage_error(const std::string& message) {
  std::cerr << "newskg publish: " << message << "\nTry 'newskg publish --help'.\n";
  return 2;
}

}  // namespace

int cmd_publish(int argc, char** argv) {
  publish::PublishOptions opt;
  std::string ontology = std::string(NEWSKG_SOURCE_DIR) + "/ontology/newskg.ttl";
  bool ontology_given = false;
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
    const bool takes_value = arg == "--base" || arg == "--ontology" || arg == "--syntax";
    if (!options_done && takes_value && !inline_value) {
      if (i + 1 >= argc) return usage_error(arg + " needs a value");
      value = argv[++i];
    } else if (!options_done && inline_value && !takes_value) {
      return usage_error("option '" + arg + "' takes no value");
    }
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      paths.push_back(argv[i]);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--base") {
      opt.base = value;
    } else if (arg == "--ontology") {
      ontology = value;
      ontology_given = true;
    } else if (arg == "--syntax") {
      if (!diff::parse_syntax(value, &opt.syntax)) {
        return usage_error("unknown syntax '" + value + "' (turtle, ntriples, nquads or trig)");
      }
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  if (paths.size() != 2) return usage_error("needs GRAPH and OUTDIR");
  // Without --ontology, a missing source tree means no ontology pages.
  if (!ontology_given && !std::filesystem::exists(ontology)) ontology.clear();
  return publish::run_publish(paths[0], ontology, paths[1], opt, std::cout, std::cerr);
}

}  // namespace nkg::cli
