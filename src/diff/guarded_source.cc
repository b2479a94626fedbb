#include "diff/guarded_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace nkg::diff {
namespace {

void advance(std::string_view text, unsigned* line, unsigned* col) {
  const size_t last = text.rfind('\n');
  if (last == std::string_view::npos) {
    *col += static_cast<unsigned>(text.size());
    return;
  }
  *line += static_cast<unsigned>(std::count(text.begin(), text.end(), '\n'));
  *col = static_cast<unsigned>(text.size() - last);
}

}  // namespace

// The bytes that can change each state; runs of other bytes are skipped.
struct GuardedSource::Table {
  bool special[kStates][256] = {};
  Table() {
    const auto set = [&](State s, std::string_view bytes) {
      for (unsigned char c : bytes) special[s][c] = true;
    };
    set(kNormal, std::string_view("[(])<#\"'\\\0", 10));
    set(kIri, std::string_view(">\n\0", 3));
    set(kComment, std::string_view("\n\r\0", 3));
    set(kShort, "\"'\\\n");
    set(kLong, "\"'\\");
    for (State s : {kQuote1, kQuote2, kEscape, kShortEscape, kLongEscape}) {
      for (bool& b : special[s]) b = true;
    }
  }
};

size_t GuardedSource::read(void* buf, size_t size, size_t nmemb, void* stream) {
  return static_cast<GuardedSource*>(stream)->read(static_cast<char*>(buf), size * nmemb);
}

int GuardedSource::error(void* stream) {
  const auto* self = static_cast<GuardedSource*>(stream);
  return self->io_errno_ != 0 || self->cut_;
}

void GuardedSource::position(std::string_view window, size_t offset, unsigned* line,
                             unsigned* col) const {
  *line = prev_line_;
  *col = prev_col_;
  advance(window.substr(0, offset), line, col);
}

size_t GuardedSource::read(char* buf, size_t n) {
  if (cut_) return 0;
  size_t got = 0;
  if (file_) {
    got = fread(buf, 1, n, file_);
    if (got < n && ferror(file_)) io_errno_ = errno ? errno : EIO;
  } else {
    got = std::min(n, mem_.size() - mem_pos_);
    memcpy(buf, mem_.data() + mem_pos_, got);
    mem_pos_ += got;
  }
  const size_t ok = scan(buf, got);
  prev_.swap(cur_);
  cur_.assign(buf, ok);
  prev_line_ = cur_line_;
  prev_col_ = cur_col_;
  cur_line_ = line_;
  cur_col_ = col_;
  advance(cur_, &line_, &col_);
  if (ok < got) {  // a short page: Serd takes it for the end of the input
    cut_ = true;
    cut_line_ = line_;
    cut_col_ = col_;
    return ok;
  }
  return got;
}

bool GuardedSource::reject(std::string reason) {
  cut_reason_ = std::move(reason);
  return false;
}

// Returns how many bytes of `buf` may be parsed.
size_t GuardedSource::scan(const char* buf, size_t n) {
  static const Table table;
  for (size_t i = 0; i < n; ++i) {
    const bool* special = table.special[state_];
    const size_t run_start = i;
    while (i < n && !special[static_cast<unsigned char>(buf[i])]) ++i;
    if (i == n) break;
    if (i > run_start) quotes_ = 0;
    if (!step(buf[i])) return i;
  }
  return n;
}

// One byte that may change the state; false where the input must be cut.
bool GuardedSource::step(char c) {
  switch (state_) {
    case kNormal:
      if (c == '[' || c == '(') {
        if (++depth_ > max_nesting_) {
          return reject("nesting deeper than " + std::to_string(max_nesting_) +
                        " levels of [ or (");
        }
      } else if (c == ']' || c == ')') {
        if (depth_ > 0) --depth_;
      } else if (c == '<') {
        state_ = kIri;
      } else if (c == '#') {
        state_ = kComment;
      } else if (c == '\\') {
        state_ = kEscape;
      } else if (c == '"' || c == '\'') {
        quote_ = c;
        state_ = kQuote1;
      } else if (c == '\0') {  // in a string it is a character, which Serd keeps
        return reject("NUL byte outside a string");
      }
      return true;
    case kIri:
    case kComment:
      if (c == '\0') return reject("NUL byte outside a string");
      state_ = kNormal;
      return true;
    case kQuote1:
      state_ = c == quote_ ? kQuote2 : kShort;
      return state_ == kQuote2 || step(c);  // the byte belongs to the string
    case kQuote2:
      if (c == quote_) {
        state_ = kLong;
        quotes_ = 0;
        return true;
      }
      state_ = kNormal;  // "" was an empty string
      return step(c);
    case kShort:
      if (c == '\\') {
        state_ = kShortEscape;
      } else if (c == quote_ || c == '\n') {
        state_ = kNormal;
      }
      return true;
    case kLong:
      if (c == '\\') {
        state_ = kLongEscape;
        quotes_ = 0;
      } else if (c != quote_) {
        quotes_ = 0;
      } else if (++quotes_ == 3) {
        state_ = kNormal;
      }
      return true;
    case kEscape:
      state_ = kNormal;
      return true;
    case kShortEscape:
      state_ = kShort;
      return true;
    case kLongEscape:
      state_ = kLong;
      return true;
    default:
      return true;
  }
}

}  // namespace nkg::diff
