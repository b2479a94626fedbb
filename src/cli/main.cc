// newskg: thin command-line front end over the library.
#include <cstring>
#include <iostream>
#include <string>

namespace nkg::cli {
int cmd_export(int argc, char** argv);
int cmd_diff(int argc, char** argv);
int cmd_publish(int argc, char** argv);
int cmd_merge(int argc, char** argv);
}  // namespace nkg::cli

static void usage(std::ostream& o) {
  o << "usage: newskg <command> [options]\n"
       "commands:\n"
       "  export [INPUT...] [-o FILE]   articles (files or directories of *.txt) to RDF\n"
       "  diff OLD NEW                  compare two graph snapshots\n"
       "  publish GRAPH OUTDIR          a graph as a static linked-data site\n"
       "  merge PART... [-o FILE]       combine 'export --partial' shards into one graph\n"
       "run 'newskg <command> --help' for a command's options\n";
}

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "export") return nkg::cli::cmd_export(argc - 1, argv + 1);
  if (cmd == "diff") return nkg::cli::cmd_diff(argc - 1, argv + 1);
  if (cmd == "publish") return nkg::cli::cmd_publish(argc - 1, argv + 1);
  if (cmd == "merge") return nkg::cli::cmd_merge(argc - 1, argv + 1);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(std::cout);
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "newskg 0.1.0\n";
    return 0;
  }
  std::cerr << "newskg: unknown command '" << cmd << "'\n";
  usage(std::cerr);
  return 2;
}
