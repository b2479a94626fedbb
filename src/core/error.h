// Expected failures are values: which file, and why.
#pragma once
#include <string>

namespace nkg {

struct Error {
  std::string file;    // path as given, may be empty for usage errors
  std::string reason;  // human-readable, no trailing newline
  std::string message() const { return file.empty() ? reason : quote_path(file) + ": " + reason; }
  // Paths are shown with control characters escaped so a hostile file name
  // cannot forge lines in the log.
  static std::string quote_path(const std::string& p);
};

}  // namespace nkg
