#include "rdf/term_check.h"

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <string>

#include "rdf/vocab.h"

using namespace nkg::rdf;
namespace vocab = nkg::vocab;

namespace {

const std::string kId = vocab::ID + "person/";

bool only_iri_safe_ascii_or_letters(const std::string& seg) {
  for (unsigned char c : seg) {
    if (c < 0x80 &&
        !(std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%')) {
      return false;
    }
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(term_check_test)

BOOST_AUTO_TEST_CASE(utf8_validation) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("plain ASCII"));
  BOOST_TEST(is_valid_utf8("Wałęsa Müller علی 😀"));
  BOOST_TEST(!is_valid_utf8(std::string("a\0b", 3)));  // NUL
  BOOST_TEST(!is_valid_utf8("\x80"));                  // lone continuation byte
  BOOST_TEST(!is_valid_utf8("\xFF"));
  BOOST_TEST(!is_valid_utf8("\xC0\xAF"));          // overlong
  BOOST_TEST(!is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  BOOST_TEST(!is_valid_utf8("abc\xE2\x80"));       // truncated
  BOOST_TEST(!is_valid_utf8("\xED\xA0\x80"));      // surrogate (case 2)
}

BOOST_AUTO_TEST_CASE(valid_iris) {
  BOOST_TEST(is_valid_iri("https://w3id.org/newskg/id/person/Wa%C5%82%C4%99sa"));
  BOOST_TEST(is_valid_iri("https://w3id.org/newskg/id/person/Wałęsa"));
  BOOST_TEST(is_valid_iri("http://www.wikidata.org/entity/Q42"));
  BOOST_TEST(is_valid_iri("urn:isbn:0451450523"));
  BOOST_TEST(is_valid_iri("http://[::1]:8080/a?b=c#d"));
  BOOST_TEST(is_valid_iri("https://fa.wikipedia.org/wiki/علی"));
}

BOOST_AUTO_TEST_CASE(invalid_iris_say_why) {
  std::string why;
  BOOST_TEST(!is_valid_iri("", &why));
  BOOST_TEST(why == "empty IRI");
  BOOST_TEST(!is_valid_iri("person/Foo", &why));
  BOOST_TEST(why.find("relative") != std::string::npos);
  BOOST_TEST(!is_valid_iri("http://ex.org/a b", &why));
  BOOST_TEST(why == "contains a space");
  for (const char* bad : {"http://ex.org/a>b",
                          "http://ex.org/a<b",
                          "http://ex.org/a\"b",
                          "http://ex.org/a{b",
                          "http://ex.org/a}b",
                          "http://ex.org/a|b",
                          "http://ex.org/a^b",
                          "http://ex.org/a`b",
                          "http://ex.org/a\\b",
                          "http://ex.org/a\nb",
                          "http://ex.org/a\tb",
                          "http://ex.org/a\x7F",
                          "http://ex.org/a%zz",
                          "http://ex.org/a%2",
                          "http://ex.org/a#b#c",
                          "http://ex.org/a[b]",
                          "http://ex.org/a\xC2\x85",  // U+0085 (C1)
                          "http://ex.org/\xE2\x80\xAE"
                          "abc",                         // U+202E
                          "http://ex.org/\xEF\xB7\x90",  // U+FDD0
                          "http://ex.org/\xFF",
                          ":nope",
                          "1http://ex.org/"}) {
    BOOST_TEST(!is_valid_iri(bad), bad);
  }
}

// BAD-INPUTS 16: bidi controls, U+200B, soft hyphen, U+FEFF never in an IRI.
BOOST_AUTO_TEST_CASE(case16_format_controls_dropped_from_segments) {
  const std::string name =
      "\xE2\x80\xAE"  // U+202E
      "Ali\xE2\x80\x8B"
      "Reza\xC2\xAD"               // U+200B, U+00AD
      "\xEF\xBB\xBF"               // U+FEFF
      "\xE2\x81\xA6x\xE2\x81\xA9"  // U+2066 .. U+2069
      "\xD8\x9C";                  // U+061C
  const std::string seg = iri_segment(name);
  BOOST_TEST(seg == "AliRezax");
  BOOST_TEST(iri_segment("\xE2\x80\x8F\xE2\x80\x8E") == "_");  // only controls -> "_"
  BOOST_TEST(is_valid_iri(kId + iri_segment("\xE2\x80\xAE"
                                            "evil")));
}

// BAD-INPUTS 15: NFD input gives the same (NFC) segment.
BOOST_AUTO_TEST_CASE(case15_nfd_and_nfc_give_one_segment) {
  const std::string nfc = "M\xC3\xBCller";   // Müller, U+00FC
  const std::string nfd = "Mu\xCC\x88ller";  // u + U+0308
  BOOST_TEST(iri_segment(nfd) == iri_segment(nfc));
  BOOST_TEST(iri_segment(nfc) == nfc);  // letters stay UTF-8
  BOOST_TEST(iri_segment("Wa\xC5\x82\xC4\x99sa") == "Wa\xC5\x82\xC4\x99sa");
  BOOST_TEST(iri_segment("علی") == "علی");
}

// BAD-INPUTS 21: hostile names become one percent-encoded segment.
BOOST_AUTO_TEST_CASE(case21_hostile_names_become_one_segment) {
  BOOST_TEST(iri_segment("a b") == "a%20b");
  BOOST_TEST(iri_segment("a>b\"c{d}e|f^g`h\\i") == "a%3Eb%22c%7Bd%7De%7Cf%5Eg%60h%5Ci");
  BOOST_TEST(iri_segment("x\ny\x01z\x7F") == "x%0Ay%01z%7F");
  BOOST_TEST(iri_segment("../etc/passwd") == "..%2Fetc%2Fpasswd");
  BOOST_TEST(iri_segment("a?b#c") == "a%3Fb%23c");
  BOOST_TEST(iri_segment("%2e%2e") == "%252e%252e");
  BOOST_TEST(iri_segment(".") == "%2E");
  BOOST_TEST(iri_segment("..") == "%2E%2E");
  BOOST_TEST(iri_segment("a.b") == "a.b");
  BOOST_TEST(iri_segment("") == "_");
  BOOST_TEST(iri_segment("a/b:c@d") == "a%2Fb%3Ac%40d");
  BOOST_TEST(iri_segment("Baden\xE2\x80\x93W") == "Baden%E2%80%93W");  // en dash
  BOOST_TEST(iri_segment("a\xC2\xA0"
                         "b") == "a%C2%A0b");  // NBSP
  BOOST_TEST(iri_segment("\xFF"
                         "x") == "%EF%BF%BDx");  // bad byte -> U+FFFD
  for (const char* name : {"a b", "../x", "?", "#", "%2e", "", "<>", "\"", "{}|^`\\", "\t\r\n"}) {
    const std::string seg = iri_segment(name);
    BOOST_TEST(!seg.empty());
    BOOST_TEST(seg.find('/') == std::string::npos);
    BOOST_TEST(only_iri_safe_ascii_or_letters(seg), seg);
    BOOST_TEST(is_valid_iri(kId + seg), seg);
  }
}

BOOST_AUTO_TEST_CASE(segments_are_distinct_for_distinct_names) {
  BOOST_TEST(iri_segment("a b") != iri_segment("a%20b"));
  BOOST_TEST(iri_segment(".") != iri_segment("%2E"));
  BOOST_TEST(iri_segment("a/b") != iri_segment("a%2Fb"));
}

// BAD-INPUTS 20: language tags.
BOOST_AUTO_TEST_CASE(case20_language_tags) {
  std::string out;
  BOOST_TEST(normalize_lang_tag("fa_IR", &out));
  BOOST_TEST(out == "fa-IR");
  BOOST_TEST(normalize_lang_tag("fa-AF", &out));
  BOOST_TEST(out == "fa-AF");
  BOOST_TEST(normalize_lang_tag("EN-us", &out));
  BOOST_TEST(out == "en-US");
  BOOST_TEST(normalize_lang_tag("sr-latn-rs", &out));
  BOOST_TEST(out == "sr-Latn-RS");
  BOOST_TEST(normalize_lang_tag("es-419", &out));
  BOOST_TEST(out == "es-419");
  BOOST_TEST(normalize_lang_tag("de-CH-1996", &out));
  BOOST_TEST(out == "de-CH-1996");
  BOOST_TEST(normalize_lang_tag("en-a-bbb-x-private", &out));
  BOOST_TEST(out == "en-a-bbb-x-private");
  BOOST_TEST(normalize_lang_tag("x-newskg", &out));
  BOOST_TEST(out == "x-newskg");
  BOOST_TEST(normalize_lang_tag("pl", &out));
  BOOST_TEST(out == "pl");
  for (const char* bad :
       {"", "-", "fa-", "-fa", "fa--IR", "f", "1a", "fa IR", "fa@IR", "fa-IR.", "toolonglanguage",
        "en-US-ab", "en-a", "en-x", "fa\xD8\xB9", "en-US-abcdefghi"}) {
    BOOST_TEST(!normalize_lang_tag(bad, &out), bad);
  }
}

// BAD-INPUTS 17 and 19: lexical forms.
BOOST_AUTO_TEST_CASE(case19_lexical_forms) {
  const std::string xint = vocab::XSD + "integer";
  const std::string xdec = vocab::XSD + "decimal";
  const std::string xdbl = vocab::XSD + "double";
  const std::string xbool = vocab::XSD + "boolean";
  const std::string xdate = vocab::XSD + "date";
  const std::string xdt = vocab::XSD + "dateTime";
  const std::string xnn = vocab::XSD + "nonNegativeInteger";
  const std::string xyear = vocab::XSD + "gYear";

  for (const char* ok : {"1100000000", "-3", "+7", "0"}) BOOST_TEST(is_valid_lexical(ok, xint), ok);
  for (const char* bad : {"12 abc", "1.2.3", "1.", "1.5 ; <p> <o>", "", "+", "1e3", " 1",
                          "\xDB\xB1\xDB\xB2"}) {  // Persian digits (case 17)
    BOOST_TEST(!is_valid_lexical(bad, xint), bad);
  }
  for (const char* ok : {"70.0", "-3", "1.5", ".5", "-0.25", "1100000000"}) {
    BOOST_TEST(is_valid_lexical(ok, xdec), ok);
  }
  for (const char* bad : {"12 abc", "1.2.3", "1.", "1.5 ; <p> <o>", "", ".", "-", "1,5",
                          "\xDB\xB1.\xDB\xB1", "1.5\"^^<x>"}) {
    BOOST_TEST(!is_valid_lexical(bad, xdec), bad);
  }
  for (const char* ok : {"1.5E3", "-1.0e-7", "INF", "-INF", "NaN", "3"}) {
    BOOST_TEST(is_valid_lexical(ok, xdbl), ok);
  }
  for (const char* bad : {"1.5E", "E3", "nan", "1.", "1.5 E3"})
    BOOST_TEST(!is_valid_lexical(bad, xdbl), bad);
  for (const char* ok : {"true", "false", "1", "0"}) BOOST_TEST(is_valid_lexical(ok, xbool), ok);
  for (const char* bad : {"TRUE", "yes", "", "true "})
    BOOST_TEST(!is_valid_lexical(bad, xbool), bad);
  for (const char* ok :
       {"2025-11-06", "2024-02-29", "2025-11-06Z", "2025-11-06+03:30", "-0044-03-15"}) {
    BOOST_TEST(is_valid_lexical(ok, xdate), ok);
  }
  for (const char* bad :
       {"2025-13-01", "2025-02-29", "2025-11-31", "25-11-06", "2025-1-06", "2025-11-06T10:00:00",
        "2025-11-06+15:00", "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB5-11-06"}) {
    BOOST_TEST(!is_valid_lexical(bad, xdate), bad);
  }
  for (const char* ok : {"2025-11-06T10:15:00", "2025-11-06T10:15:00.5Z", "2025-11-06T24:00:00",
                         "2025-11-06T23:59:59-05:00"}) {
    BOOST_TEST(is_valid_lexical(ok, xdt), ok);
  }
  for (const char* bad : {"2025-11-06", "2025-11-06T25:00:00", "2025-11-06T10:60:00",
                          "2025-11-06T24:00:01", "2025-11-06T10:15", "2025-11-06T10:15:00."}) {
    BOOST_TEST(!is_valid_lexical(bad, xdt), bad);
  }
  BOOST_TEST(is_valid_lexical("42", xnn));
  BOOST_TEST(is_valid_lexical("-0", xnn));
  BOOST_TEST(!is_valid_lexical("-1", xnn));
  BOOST_TEST(is_valid_lexical("2025", xyear));
  BOOST_TEST(is_valid_lexical("-0500", xyear));
  BOOST_TEST(!is_valid_lexical("25", xyear));
  BOOST_TEST(!is_valid_lexical("02025", xyear));
  // xsd:string and unknown datatypes: any UTF-8 without NUL.
  BOOST_TEST(is_valid_lexical("anything \" at all", vocab::XSD + "string"));
  BOOST_TEST(is_valid_lexical("x", "http://ex.org/dt"));
  BOOST_TEST(!is_valid_lexical(std::string("a\0", 2), "http://ex.org/dt"));
  BOOST_TEST(!is_valid_lexical("\xC0\xAF", vocab::XSD + "string"));
}

BOOST_AUTO_TEST_SUITE_END()
