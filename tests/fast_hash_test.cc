#include "core/fast_hash.h"

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <string>

using namespace nkg;

BOOST_AUTO_TEST_SUITE(fast_hash_test)

// same_bytes against memcmp for every length its loads treat apart (up to
// and past 24) and a difference at every position, with the strings at odd
// offsets of larger buffers.
BOOST_AUTO_TEST_CASE(same_bytes_is_memcmp) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string a(n + 3, 'x'), b(n + 5, 'x');
    for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<char>('a' + i % 23);
    b.replace(2, a.size(), a);
    const char* x = a.data() + 1;
    const char* y = b.data() + 3;
    BOOST_TEST(same_bytes(x, y, n));
    for (size_t i = 0; i < n; ++i) {
      b[3 + i] ^= 0x40;
      BOOST_TEST(!same_bytes(x, y, n), "length " << n << ", byte " << i);
      BOOST_TEST(same_bytes(x, y, n) == (std::memcmp(x, y, n) == 0));
      b[3 + i] ^= 0x40;
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
