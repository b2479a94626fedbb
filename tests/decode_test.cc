#include "text/decode.h"

#include <boost/test/unit_test.hpp>

#include "core/sha256.h"

using namespace nkg;

BOOST_AUTO_TEST_SUITE(decode_test)

static std::optional<Decoded> dec(const std::string& bytes, Error* e, DecodeOptions o = {}) {
  return decode_bytes(bytes, "a.txt", o, e);
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_dropped) {
  Error e;
  auto d = dec("\xEF\xBB\xBFZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87", &e);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->text == "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87");
}

BOOST_AUTO_TEST_CASE(only_a_bom_is_empty) {
  Error e;
  BOOST_TEST(!dec("\xEF\xBB\xBF", &e));
  BOOST_TEST(e.reason.find("empty") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf16_with_bom_is_converted) {
  Error e;
  // "Kraków" in UTF-16LE and UTF-16BE with BOMs.
  std::string le("\xFF\xFEK\0r\0a\0k\0\xF3\0w\0", 14);
  std::string be("\xFE\xFF\0K\0r\0a\0k\0\xF3\0w", 14);
  auto a = dec(le, &e), b = dec(be, &e);
  BOOST_REQUIRE(a);
  BOOST_REQUIRE(b);
  BOOST_TEST(a->text == "Krak\xC3\xB3w");
  BOOST_TEST(b->text == "Krak\xC3\xB3w");
}

BOOST_AUTO_TEST_CASE(utf16_without_bom_is_unknown_encoding) {
  Error e;
  BOOST_TEST(!dec(std::string("K\0r\0a\0k\0", 8), &e));
  BOOST_TEST(e.reason.find("unknown encoding") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_the_offset) {
  for (std::string bad : {std::string("ab\x80"), std::string("ab\xFF"), std::string("ab\xC0\xAF"),
                          std::string("ab\xF4\x90\x80\x80"), std::string("ab\xE2\x80"),
                          std::string("ab\xED\xA0\x80")}) {
    Error e;
    BOOST_TEST(!dec(bad, &e));
    BOOST_TEST(e.reason.find("invalid UTF-8 at byte offset 2") != std::string::npos, e.reason);
    BOOST_TEST(e.reason.find("--encoding") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(lenient_mode_substitutes_and_counts) {
  Error e;
  DecodeOptions o;
  o.lenient = true;
  auto d =
      dec("a\xFF"
          "b\xFE"
          "c",
          &e, o);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->substitutions == 2u);
  BOOST_TEST(d->text ==
             "a\xEF\xBF\xBD"
             "b\xEF\xBF\xBD"
             "c");
}

BOOST_AUTO_TEST_CASE(nul_byte_is_binary) {
  Error e;
  BOOST_TEST(!dec(std::string("Tekst\0 dalej i dalej", 20), &e));
  BOOST_TEST(e.reason.find("binary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(whitespace_only_is_reported) {
  Error e;
  BOOST_TEST(!dec(" \r\n\t\n", &e));
  BOOST_TEST(e.reason.find("whitespace") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(legacy_encoding_with_option) {
  Error e;
  DecodeOptions o;
  o.encoding = "windows-1250";
  // "Łódź" in windows-1250.
  auto d = dec("\xA3\xF3\x64\x9F", &e, o);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->text ==
             "\xC5\x81\xC3\xB3"
             "d\xC5\xBA");
}

BOOST_AUTO_TEST_CASE(size_limit) {
  Error e;
  DecodeOptions o;
  o.max_bytes = 4;
  BOOST_TEST(!dec("12345", &e, o));
  BOOST_TEST(e.reason.find("too large") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_file_names_file) {
  Error e;
  BOOST_TEST(!read_article("/nonexistent/dir/x.txt", {}, &e));
  BOOST_TEST(e.file == "/nonexistent/dir/x.txt");
  BOOST_TEST(e.reason.find("cannot read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(content_hash_is_sha256_of_raw_bytes) {
  Error e;
  auto d = dec("abc", &e);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// FIPS 180-4 examples, and lengths around the one-block padding edge.
BOOST_AUTO_TEST_CASE(sha256_matches_the_standard_vectors) {
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  BOOST_TEST(sha256_hex(std::string(1000000, 'a')) ==
             "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  BOOST_TEST(sha256_hex(std::string(55, 'a')) ==
             "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  BOOST_TEST(sha256_hex(std::string(56, 'a')) ==
             "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

BOOST_AUTO_TEST_SUITE_END()
