// What the subcommands' option parsers share.
#pragma once
#include <cstdlib>
#include <iostream>

namespace nkg::cli {

// Parses the value `v` of option `name` of `newskg <command>` as a whole
// number from `lo` to `hi` into *out; otherwise says so on stderr ("newskg
// export: --threads needs a number from 1 to 256") and returns false.
inline bool number_option(const char* command, const char* name, const char* v, int lo, int hi,
                          const char* what, unsigned* out) {
  const int n = std::atoi(v);
  if (n < lo || n > hi) {
    std::cerr << "newskg " << command << ": " << name << " needs " << what << " from " << lo
              << " to " << hi << "\n";
    return false;
  }
  *out = static_cast<unsigned>(n);
  return true;
}

}  // namespace nkg::cli
