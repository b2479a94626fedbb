#include "core/error.h"

#include <cstdio>

namespace nkg {

std::string Error::quote_path(const std::string& p) {
  std::string out;
  for (unsigned char c : p) {
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace nkg
