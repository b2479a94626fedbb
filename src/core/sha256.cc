#include "core/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace nkg {

std::string sha256_hex(std::string_view data) {
  // Fetched once: an implicit fetch on every call costs more than hashing
  // an article. The method is shared by all threads (OpenSSL allows it).
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (md == nullptr || EVP_Digest(data.data(), data.size(), digest, &len, md, nullptr) != 1 ||
      len != 32)
    throw std::runtime_error("OpenSSL cannot compute SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace nkg
