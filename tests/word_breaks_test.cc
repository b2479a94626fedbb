// The fast word segmenter against ICU's own iterator: wherever the fast path
// answers, it must answer exactly as ICU does, and it must answer for news.
#include "text/word_breaks.h"

#include <unicode/utf8.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "test_util.h"

using namespace nkg;

namespace {

// One character of each word break class the fast path handles, some twice
// (ASCII and not), and three it must reject.
const std::vector<std::string> kHandled = {"a",
                                           "\xC3\xA9" /* é */,
                                           "\xD8\xA7" /* alef */,
                                           "1",
                                           "\xD9\xA3" /* Arabic 3 */,
                                           ":",
                                           "\xC2\xB7" /* middle dot, MidLetter */,
                                           ",",
                                           ";",
                                           ".",
                                           "'",
                                           "\xE2\x80\x99" /* ’ */,
                                           "_",
                                           " ",
                                           "\xE2\x80\x83" /* em space */,
                                           "$",
                                           "\"",
                                           "\r",
                                           "\n",
                                           "\xE2\x80\xA8" /* line separator */,
                                           "\xCC\x81" /* combining acute */,
                                           "\xC2\xAD" /* soft hyphen */,
                                           "\xE2\x80\x8C" /* ZWNJ */,
                                           "\xE2\x80\x8D" /* ZWJ */,
                                           "-"};
const std::vector<std::string> kRejected = {
    "\xD7\x90" /* alef, Hebrew */, "\xE4\xB8\xAD" /* zhong */, "\xF0\x9F\x98\x80" /* emoji */};

std::string show(const std::string& s) {
  std::ostringstream o;
  for (unsigned char c : s)
    if (c >= 0x20 && c < 0x7F)
      o << c;
    else
      o << "\\x" << std::hex << static_cast<int>(c) << std::dec;
  return o.str();
}

std::string show(const std::vector<WordSeg>& v) {
  std::ostringstream o;
  for (const auto& w : v) o << '[' << w.begin << ',' << w.end << (w.number ? " n" : "") << ']';
  return o.str();
}

// The first segment where two lists differ, with the text around it.
std::string first_difference(const std::string& text, const std::vector<WordSeg>& a,
                             const std::vector<WordSeg>& b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  const auto seg = [&](const std::vector<WordSeg>& v) {
    if (k >= v.size()) return std::string("(none)");
    const WordSeg& w = v[k];
    return "\"" + show(text.substr(w.begin, w.end - w.begin)) + "\"" + show({w});
  };
  const uint32_t at = k < a.size() ? a[k].begin : k < b.size() ? b[k].begin : 0;
  const uint32_t from = at > 20 ? at - 20 : 0;
  return "near \"" + show(text.substr(from, 60)) + "\": fast " + seg(a) + ", ICU " + seg(b);
}

// Checks one text; returns whether the fast path answered.
bool agrees(const std::string& text, bool& ok) {
  std::vector<WordSeg> fast, icu;
  const bool answered = fast_word_segments(text, fast);
  BOOST_REQUIRE(icu_word_segments(text, icu));
  if (answered && fast != icu) {
    ok = false;
    BOOST_ERROR("fast path differs from ICU " << first_difference(text, fast, icu));
  }
  return answered;
}

// Every string of length 1..len over `alphabet`; returns how many the fast
// path answered.
size_t exhaustive(const std::vector<std::string>& alphabet, size_t len, size_t& total, bool& ok) {
  size_t answered = 0;
  std::vector<size_t> idx;
  for (size_t l = 1; l <= len && ok; ++l) {
    idx.assign(l, 0);
    for (;;) {
      std::string s;
      for (size_t k : idx) s += alphabet[k];
      ++total;
      answered += agrees(s, ok);
      if (!ok) return answered;
      size_t k = 0;
      while (k < l && ++idx[k] == alphabet.size()) idx[k++] = 0;
      if (k == l) break;
    }
  }
  return answered;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(word_breaks_test)

BOOST_AUTO_TEST_CASE(known_segments) {
  std::vector<WordSeg> w;
  const std::string t =
      "U.S. firm's 2,5 mln_x a_1 \xC5\x81\xC3\xB3"
      "d\xC5\xBA!";
  BOOST_REQUIRE(fast_word_segments(t, w));
  std::vector<WordSeg> icu;
  BOOST_REQUIRE(icu_word_segments(t, icu));
  BOOST_TEST(show(w) == show(icu));
  // "U.S" "firm's" "2,5" (a number) "mln_x" "a_1" (ICU calls it a number) "Łódź"
  BOOST_REQUIRE_EQUAL(w.size(), 6u);
  BOOST_TEST(t.substr(w[0].begin, w[0].end - w[0].begin) == "U.S");
  BOOST_TEST(t.substr(w[1].begin, w[1].end - w[1].begin) == "firm's");
  BOOST_TEST(w[2].number);
  BOOST_TEST(!w[3].number);
  BOOST_TEST(w[4].number);
  BOOST_TEST(t.substr(w[5].begin, w[5].end - w[5].begin) ==
             "\xC5\x81\xC3\xB3"
             "d\xC5\xBA");
}

BOOST_AUTO_TEST_CASE(rejects_what_it_does_not_implement) {
  std::vector<WordSeg> w;
  for (const auto& r : kRejected) BOOST_TEST(!fast_word_segments("ab " + r + " cd", w), show(r));
  BOOST_TEST(!fast_word_segments("ab \xFF cd", w));  // ill-formed
  BOOST_TEST(fast_word_segments("", w));
  BOOST_TEST(w.empty());
}

// Every string of up to four characters of the handled classes, and of five
// over the classes that make words.
BOOST_AUTO_TEST_CASE(exhaustive_short_strings_agree_with_icu) {
  bool ok = true;
  size_t total = 0;
  size_t answered = exhaustive(kHandled, 4, total, ok);
  const std::vector<std::string> core = {"a", "1", ":", ",",        ".", "'",
                                         "_", " ", "$", "\xCC\x81", "\n"};
  size_t total5 = 0;
  if (ok) answered += exhaustive(core, 5, total5, ok);
  total += total5;
  BOOST_TEST_MESSAGE("exhaustive: fast path answered " << answered << " of " << total);
  BOOST_TEST(answered == total);  // every class here is one it handles
}

// Every code point of the BMP and of the first supplementary planes that the
// fast path accepts, between letters, between digits, doubled and after a
// space: its class must be the one ICU's rules give it.
BOOST_AUTO_TEST_CASE(every_accepted_character_agrees_with_icu) {
  bool ok = true;
  size_t answered = 0;
  for (UChar32 c = 0; c < 0x20000 && ok; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    const std::string x(buf, static_cast<size_t>(len));
    for (const std::string& s : {"a" + x + "a", "1" + x + "1", x + x, " " + x + "a", x})
      answered += agrees(s, ok);
  }
  BOOST_TEST_MESSAGE("characters: fast path answered " << answered << " strings");
  BOOST_TEST(answered > 5 * 0x10000u);
}

BOOST_AUTO_TEST_CASE(random_strings_agree_with_icu) {
  std::mt19937 rng(20261206);
  std::vector<std::string> alphabet = kHandled;
  alphabet.insert(alphabet.end(), kRejected.begin(), kRejected.end());
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> len(1, 40);
  bool ok = true;
  size_t answered = 0, total = 0;
  for (int i = 0; i < 20000 && ok; ++i) {
    std::string s;
    for (size_t k = len(rng); k > 0; --k)
      // Rejected characters rarely, so that most strings are answered.
      s += alphabet[rng() % 50 == 0 ? pick(rng) : pick(rng) % kHandled.size()];
    ++total;
    answered += agrees(s, ok);
  }
  BOOST_TEST_MESSAGE("random: fast path answered " << answered << " of " << total);
  BOOST_TEST(answered > total / 2);
}

// News text of every language the project reads: the fast path must answer
// for all of it, and agree.
BOOST_AUTO_TEST_CASE(corpus_and_seeds_are_answered_and_agree) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(NEWSKG_TEST_DIR "/../corpus"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  if (test::have_shared())
    for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() + "/seeds"))
      files.push_back(e.path());
  BOOST_REQUIRE(files.size() >= 5u);
  bool ok = true;
  for (const auto& f : files) {
    const std::string text = read_file(f);
    BOOST_TEST(agrees(text, ok), "fast path declined " << f.filename());
  }
}

// Long ASCII words, which the fast path scans 16 bytes at a time, and what
// ends them: the characters next to the letters' ranges ("@" is a letter,
// "[" "`" "{" are not), a non-ASCII letter, a digit, and the middle
// characters, which end a plain word unless a letter (or an Extend) follows;
// at every offset of a run of up to 40, with the text ending there or not.
BOOST_AUTO_TEST_CASE(long_ascii_runs_agree_with_icu) {
  bool ok = true;
  for (const char* stop : {"@", "[", "`", "{", "Z", "z", "\xC3\xA9", "1", " ", ".", ",", ";", "'",
                           "\xE2\x80\x99", "\xC2\xB7", ":"})
    for (size_t before = 0; before <= 40 && ok; ++before)
      for (const char* after :
           {"", "q", "qqqqqqqqqqqqqqqqq", " q", "\xCC\x81q", "1", ".", "\xE2\x80\x8Cq"}) {
        std::string run;
        for (size_t k = 0; k < before; ++k) run += static_cast<char>((k % 3 ? 'a' : 'A') + k % 26);
        const std::string text = "x " + run + stop + after;
        BOOST_TEST(agrees(text, ok), show(text));
        BOOST_TEST(agrees(run + stop, ok), show(run + stop));
      }
}

// Numbers, which the fast path also reads as plain runs when they are
// digits alone: ASCII, Arabic and Persian digits, ended by what joins digits
// (letters, "_", a MidNum or MidNumLet before a digit) and by what does not.
BOOST_AUTO_TEST_CASE(digit_runs_agree_with_icu) {
  bool ok = true;
  for (const char* digit : {"7", "\xD9\xA3", "\xDB\xB1"})
    for (const char* stop : {"", " ", ",", ".", ";", "'", "\xC2\xB7", ":", "_", "a", "\xCC\x81",
                             "%", "\n", "\xE2\x80\x8C", "-"})
      for (const char* after : {"", "1", " 1", "a", ".",
                                "\xCC\x81"
                                "1",
                                "\xD9\xA3"})
        for (size_t len = 1; len <= 20 && ok; len += 3) {
          std::string run;
          for (size_t k = 0; k < len; ++k) run += digit;
          const std::string text = "x " + run + stop + after;
          BOOST_TEST(agrees(text, ok), show(text));
          BOOST_TEST(agrees(run + stop, ok), show(run + stop));
        }
}

BOOST_AUTO_TEST_SUITE_END()
