#include "text/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

using namespace nkg;

namespace {

std::string utf8_of(UChar32 c) {
  char b[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(b, n, c);
  return std::string(b, static_cast<size_t>(n));
}

// One character of every Sentence_Break class, so that short strings over
// them cover every pair and triple of classes the rules distinguish.
const std::vector<UChar32> kOnePerClass = {
    '#',     // Other
    '\r',    // CR
    '\n',    // LF
    0x2029,  // Sep
    ' ',     // Sp
    'a',     // Lower
    'A',     // Upper
    0x0627,  // OLetter (Arabic alef)
    '1',     // Numeric
    '.',     // ATerm
    '!',     // STerm
    ')',     // Close
    ',',     // SContinue
    0x0301,  // Extend (combining acute)
    0x00AD,  // Format (soft hyphen)
};

bool same(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin || a[i].end != b[i].end) return false;
  return true;
}

std::string show(std::string_view text, const std::vector<Span>& spans) {
  std::string o;
  for (const Span& s : spans) o += "[" + std::string(text.substr(s.begin, s.end - s.begin)) + "]";
  return o;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::filesystem::path> corpus_files(bool with_seeds) {
  std::vector<std::string> dirs{NEWSKG_TEST_DIR "/../corpus"};
  if (with_seeds) dirs.push_back(test::shared_dir() + "/seeds");
  std::vector<std::filesystem::path> files;
  for (const auto& dir : dirs)
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sentence_breaks_test)

BOOST_AUTO_TEST_CASE(empty_text_has_no_spans) {
  std::vector<Span> out{{1, 2}};
  BOOST_TEST(fast_sentence_spans("", out));
  BOOST_TEST(out.empty());
  out = {{1, 2}};
  BOOST_TEST(icu_sentence_spans("", out));
  BOOST_TEST(out.empty());
}

// Fixed expectations, so that the two functions cannot agree on nonsense.
BOOST_AUTO_TEST_CASE(known_boundaries) {
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"One. Two.", {"One. ", "Two."}},
      {"Mr. smith came. He left!\r\nNext", {"Mr. smith came. ", "He left!\r\n", "Next"}},
      {"It cost $1.5 billion (so far.) Then", {"It cost $1.5 billion (so far.) ", "Then"}},
      {"\xC2\xABQuoted.\xC2\xBB Next", {"\xC2\xABQuoted.\xC2\xBB ", "Next"}},
      {"U.S. officials", {"U.S. officials"}},
      {"Wait... what? Yes", {"Wait... what? ", "Yes"}},
      {"\xD8\xA7\xD9\x84\xD9\x81. \xD8\xA8", {"\xD8\xA7\xD9\x84\xD9\x81. ", "\xD8\xA8"}},
      {"a\n\nb", {"a\n", "\n", "b"}},
  };
  for (const auto& [text, want] : cases) {
    for (bool fast : {true, false}) {
      std::vector<Span> out;
      BOOST_TEST_REQUIRE((fast ? fast_sentence_spans(text, out) : icu_sentence_spans(text, out)));
      std::vector<std::string> got;
      for (const Span& s : out) got.push_back(text.substr(s.begin, s.end - s.begin));
      BOOST_TEST(got == want, (fast ? "fast: " : "icu: ") << text);
    }
  }
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8_is_rejected) {
  std::vector<Span> out;
  for (const std::string& bad :
       {std::string("ab\xFF."), std::string("x\xC3"), std::string("\xE2\x82 y"),
        std::string("\xED\xA0\x80"), std::string("\xC0\xAF")})
    BOOST_TEST(!fast_sentence_spans(bad, out), show(bad, out));
}

// Every string of one to five characters over one character per class.
BOOST_AUTO_TEST_CASE(exhaustive_short_strings_agree_with_icu) {
  for (UChar32 c : kOnePerClass)  // the alphabet really is one per class
    BOOST_TEST_REQUIRE(std::count_if(kOnePerClass.begin(), kOnePerClass.end(), [&](UChar32 d) {
                         return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) ==
                                u_getIntPropertyValue(d, UCHAR_SENTENCE_BREAK);
                       }) == 1);
  BOOST_TEST_REQUIRE(kOnePerClass.size() == static_cast<size_t>(U_SB_COUNT));
  std::vector<std::string> chars;
  for (UChar32 c : kOnePerClass) chars.push_back(utf8_of(c));
  const size_t k = chars.size();
  size_t total = 0, accepted = 0, disagreed = 0;
  std::vector<Span> fast, icu;
  for (size_t len = 1; len <= 5; ++len) {
    std::vector<size_t> idx(len, 0);
    for (;;) {
      std::string s;
      for (size_t i : idx) s += chars[i];
      ++total;
      if (fast_sentence_spans(s, fast)) {
        ++accepted;
        BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
        if (!same(fast, icu) && ++disagreed <= 20)
          BOOST_ERROR("fast " << show(s, fast) << " icu " << show(s, icu));
      }
      size_t i = len;
      while (i > 0 && ++idx[i - 1] == k) idx[--i] = 0;
      if (i == 0) break;
    }
  }
  BOOST_TEST_MESSAGE("exhaustive: accepted " << accepted << " of " << total << ", " << disagreed
                                             << " disagreed");
  BOOST_TEST(disagreed == 0u);
  BOOST_TEST(accepted * 10 >= total * 9);
}

// Each character's class is looked up, not tested above: put every code point
// in contexts where each class (Extend and Format act alike) breaks
// differently, and compare with ICU there.
BOOST_AUTO_TEST_CASE(every_code_point_agrees_with_icu_in_telling_contexts) {
  const std::pair<std::string, std::string> contexts[] = {{"a. ", "A"}, {"a.", "A"}, {"a. ", ""},
                                                          {"", " 1a"},  {"", "\n"},  {"\r", ""},
                                                          {"", "A"},    {"", ".A"}};
  std::vector<Span> fast, icu;
  auto breaks = [&](UChar32 c) {
    std::string sig;
    for (const auto& [before, after] : contexts) {
      BOOST_TEST_REQUIRE(icu_sentence_spans(before + utf8_of(c) + after, icu));
      for (const Span& sp : icu) sig += std::to_string(sp.end) + ",";
      sig += "|";
    }
    return sig;
  };
  std::set<std::string> signatures;
  for (UChar32 c : kOnePerClass) signatures.insert(breaks(c));
  BOOST_TEST_REQUIRE(signatures.size() == kOnePerClass.size() - 1);
  size_t checked = 0, disagreed = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    for (const auto& [before, after] : contexts) {
      const std::string s = before + utf8_of(c) + after;
      ++checked;
      BOOST_TEST_REQUIRE(fast_sentence_spans(s, fast));
      BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
      if (!same(fast, icu) && ++disagreed <= 20)
        BOOST_ERROR("U+" << std::hex << c << std::dec << ": fast " << show(s, fast) << " icu "
                         << show(s, icu));
    }
  }
  BOOST_TEST_MESSAGE("code points: " << checked << " strings, " << disagreed << " disagreed");
  BOOST_TEST(disagreed == 0u);
}

// Longer random strings over a wider set: other scripts, quotes, supplementary
// characters, several members of each class, and ill-formed bytes.
BOOST_AUTO_TEST_CASE(random_strings_agree_with_icu) {
  std::vector<std::string> pool;
  for (UChar32 c : kOnePerClass) pool.push_back(utf8_of(c));
  for (UChar32 c : {UChar32{'?'}, UChar32{'"'}, UChar32{'\''}, UChar32{':'}, UChar32{'-'},
                    UChar32{'\t'}, UChar32{'Z'}, UChar32{'z'}, UChar32{'9'}, UChar32{'$'},
                    UChar32{'%'}, UChar32{'('}, UChar32{']'}, UChar32{';'}, UChar32{'/'}})
    pool.push_back(utf8_of(c));
  for (UChar32 c : {0x00A0,  0x0085,  0x2028,  0x000B,  0x000C,  // NBSP and other separators
                    0x00AB,  0x00BB,  0x201C,  0x201D,  0x2019,  // quotes
                    0x2026,  0x2024,  0x3002,  0x061F,  0x06D4,  // ellipsis and other terminators
                    0x0414,  0x0434,  0x0141,  0x0142,  0x00DF,  // Cyrillic, Polish, German
                    0x0628,  0x06CC,  0x06F1,  0x0661,  0x064E,  // Arabic letters, digits, a vowel
                    0x200C,  0x200D,  0x200F,  0x2060,  0xFEFF,  // joiners and format controls
                    0x060C,  0x2013,  0x2014,  0x00B7,  0x3001,  // commas and dashes
                    0x1D400, 0x1D41A, 0x1F600, 0x1F3FB, 0xE0041})  // supplementary
    pool.push_back(utf8_of(c));
  const std::vector<std::string> ill = {"\xFF",         "\xC3",     "\xE2\x82",
                                        "\xED\xA0\x80", "\xC0\xAF", "\x80"};
  std::mt19937 rng(20221019);
  size_t total = 0, accepted = 0, disagreed = 0, ill_total = 0;
  std::vector<Span> fast, icu;
  for (int n = 0; n < 200000; ++n) {
    const size_t len = 1 + rng() % 40;
    const bool make_ill = rng() % 20 == 0;
    std::string s;
    for (size_t i = 0; i < len; ++i) s += pool[rng() % pool.size()];
    if (make_ill) s.insert(rng() % (s.size() + 1), ill[rng() % ill.size()]);
    ++total;
    ill_total += make_ill;
    const bool ok = fast_sentence_spans(s, fast);
    if (make_ill) {
      BOOST_TEST(!ok, "ill-formed accepted: " << show(s, fast));
      continue;
    }
    if (!ok) continue;
    ++accepted;
    BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
    if (!same(fast, icu) && ++disagreed <= 20)
      BOOST_ERROR("fast " << show(s, fast) << " icu " << show(s, icu));
  }
  BOOST_TEST_MESSAGE("random: accepted " << accepted << " of " << total << " (" << ill_total
                                         << " ill-formed), " << disagreed << " disagreed");
  BOOST_TEST(disagreed == 0u);
  BOOST_TEST(accepted + ill_total == total);
}

// Long ASCII runs are scanned many bytes at a time: put a terminator, a
// separator or a wider character at every offset of one.
BOOST_AUTO_TEST_CASE(marks_at_every_offset_of_long_runs_agree_with_icu) {
  const std::string marks[] = {
      ".",           "!",        "?",        "\n",           "\r\n",          ". ",
      ".\xC2\xBB A", "\xC3\xA9", "\xD8\x9F", "\xE2\x80\xA9", "\xE3\x80\x82 ", "\xF0\x9F\x98\x80"};
  std::vector<Span> fast, icu;
  size_t checked = 0;
  for (const std::string& filler : {std::string("a"), std::string("Ab 1, x"), std::string(" ")})
    for (const std::string& mark : marks)
      for (size_t at = 0; at <= 70; ++at) {
        std::string s;
        while (s.size() < 80) s += filler;
        s.insert(at, mark);
        s.insert(std::min(s.size(), at + mark.size() + at % 37), mark);
        ++checked;
        BOOST_TEST_REQUIRE(fast_sentence_spans(s, fast));
        BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
        BOOST_TEST(same(fast, icu), "fast " << show(s, fast) << " icu " << show(s, icu));
      }
  BOOST_TEST(checked == 3u * std::size(marks) * 71u);
}

// Runs of two-byte characters are skipped inline: a mark (a two-byte stop
// among them) after every character of Arabic and Cyrillic runs, and a run
// cut off or broken at every point, which must be rejected.
BOOST_AUTO_TEST_CASE(marks_in_two_byte_runs_agree_with_icu) {
  const std::string marks[] = {".",        "\n",           "\xD8\x9F", "\xDB\x94 ",    "\xC2\x85",
                               "\xC3\xA9", "\xE2\x80\xA9", " 1. A",    "\xE3\x80\x82 "};
  std::vector<Span> fast, icu;
  for (const std::string& filler :
       {std::string("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 "), std::string("\xD0\x94\xD0\xB0\xD1\x8F")})
    for (const std::string& mark : marks)
      for (size_t at = 0; at <= 70; at += 2) {
        std::string s;
        while (s.size() < 80) s += filler;
        if (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) continue;
        s.insert(at, mark);
        BOOST_TEST_REQUIRE(fast_sentence_spans(s, fast));
        BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
        BOOST_TEST(same(fast, icu), "fast " << show(s, fast) << " icu " << show(s, icu));
      }
  // Pairs that look like stops to the vector scan and are not, and longer
  // characters, at every offset of long runs.
  for (const std::string mark : {"\xD8\x80", "\xDB\xB9", "\xC2\xB9", "\xD8\x94", "\xE2\x80\x8C",
                                 "\xF0\x9F\x98\x80", "\xC2\xA0"})
    for (size_t at = 0; at <= 70; at += 2) {
      std::string s;
      while (s.size() < 80) s += "\xD8\xB3\xD9\x84\xDA\xAF\xDB\x8C";
      s.insert(at, mark);
      s += ". \xD8\xA8";
      BOOST_TEST_REQUIRE(fast_sentence_spans(s, fast));
      BOOST_TEST_REQUIRE(icu_sentence_spans(s, icu));
      BOOST_TEST(same(fast, icu), "fast " << show(s, fast) << " icu " << show(s, icu));
    }
  // Ill-formed bytes at every offset of a long run: a lead before ASCII, a
  // stray continuation, an overlong lead, a lead at the very end.
  for (const std::string bad : {"\xD0"
                                "a",
                                "\x80", "\xC0\xAF", "\xC1\x81"})
    for (size_t at = 0; at <= 70; at += 2) {
      std::string s;
      while (s.size() < 80) s += "\xD0\x94\xD0\xB0\xD1\x8F";
      s.insert(at, bad);
      BOOST_TEST(!fast_sentence_spans("x " + s, fast), at);
      BOOST_TEST(!fast_sentence_spans("x " + s.substr(0, at) + "\xD0", fast), at);
    }
  const std::string run = "x \xD0\x94\xD0\xB0\xD1\x8F\xD0\x94\xD0\xB0";
  for (size_t cut = 3; cut < run.size(); cut += 2) {
    BOOST_TEST(!fast_sentence_spans(run.substr(0, cut), fast), cut);        // lead byte at the end
    BOOST_TEST(!fast_sentence_spans(run.substr(0, cut) + "a", fast), cut);  // lead byte, then ASCII
  }
}

// Real articles: the fast path must take every one and agree with ICU.
BOOST_AUTO_TEST_CASE(corpus_and_seeds_agree_with_icu) {
  if (!test::have_shared()) BOOST_TEST_MESSAGE("../shared/seeds absent: corpus only");
  size_t files = 0, sentences = 0;
  std::vector<Span> fast, icu;
  for (const auto& path : corpus_files(test::have_shared())) {
    const std::string text = read_file(path);
    BOOST_TEST_REQUIRE(!text.empty(), path.string());
    ++files;
    BOOST_TEST_REQUIRE(fast_sentence_spans(text, fast), path.string());
    BOOST_TEST_REQUIRE(icu_sentence_spans(text, icu), path.string());
    BOOST_TEST(same(fast, icu), path.string());
    BOOST_TEST(fast.front().begin == 0u);
    BOOST_TEST(fast.back().end == text.size());
    sentences += fast.size();
  }
  BOOST_TEST_MESSAGE("corpus: " << files << " files, " << sentences << " sentences, all agree");
  BOOST_TEST(files >= 12u);
  BOOST_TEST(sentences > files * 5);
}

BOOST_AUTO_TEST_SUITE_END()
