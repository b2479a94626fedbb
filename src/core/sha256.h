// SHA-256 of a byte string, hex-encoded (FIPS 180-4). Small enough that a
// crypto library dependency is not worth it for one content hash.
#pragma once
#include <string>
#include <string_view>

namespace nkg {
std::string sha256_hex(std::string_view data);
}
