// The byte source Serd reads a snapshot from, with a guard in front.
//
// Serd 0.30 parses `[` and `(` by recursion and overflows an 8 MB stack at
// about 15k levels; it also takes a NUL byte for the end of the input. So
// every page is scanned before Serd sees it, tracking the depth of `[` and
// `(` outside strings, IRIs and comments, and the input is cut short (Serd
// then sees the end of the file) where the depth would pass the limit or a
// NUL stands outside a string. The last two pages are kept so that errors
// found after Serd parsed a term (an undefined prefix) can be placed.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace nkg::diff {

class GuardedSource {
 public:
  // Reads `file` if it is not null, else `mem`.
  GuardedSource(FILE* file, std::string_view mem, unsigned max_nesting)
      : file_(file), mem_(mem), max_nesting_(max_nesting) {}

  // For serd_reader_read_source.
  static size_t read(void* buf, size_t size, size_t nmemb, void* stream);
  static int error(void* stream);

  int io_errno() const { return io_errno_; }
  // Whether the guard cut the input, why, and where (1-based).
  bool cut() const { return cut_; }
  const std::string& cut_reason() const { return cut_reason_; }
  unsigned cut_line() const { return cut_line_; }
  unsigned cut_col() const { return cut_col_; }

  // The last two pages handed to Serd, the offset of the last one in it,
  // and the line and column of an offset in it.
  std::string window() const { return prev_ + cur_; }
  size_t current_page() const { return prev_.size(); }
  void position(std::string_view window, size_t offset, unsigned* line, unsigned* col) const;

 private:
  enum State : uint8_t {
    kNormal,
    kIri,
    kComment,
    kShort,
    kLong,
    kQuote1,  // one quote seen: a short string, "" or """
    kQuote2,  // two quotes seen: "" or """
    kEscape,  // after a backslash outside a string
    kShortEscape,
    kLongEscape,
    kStates
  };
  struct Table;

  size_t read(char* buf, size_t n);
  size_t scan(const char* buf, size_t n);
  bool step(char c);
  bool reject(std::string reason);

  FILE* file_;
  std::string_view mem_;
  size_t mem_pos_ = 0;
  unsigned max_nesting_;
  int io_errno_ = 0;
  bool cut_ = false;
  std::string cut_reason_;
  unsigned cut_line_ = 0, cut_col_ = 0;
  State state_ = kNormal;
  char quote_ = '"';
  int quotes_ = 0;  // closing quotes seen in a row in a long string
  unsigned depth_ = 0;
  unsigned line_ = 1, col_ = 1;  // where the next page starts
  std::string prev_, cur_;       // the last two pages
  unsigned prev_line_ = 1, prev_col_ = 1, cur_line_ = 1, cur_col_ = 1;
};

}  // namespace nkg::diff
