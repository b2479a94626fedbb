// Replacing a file so that readers only ever see the complete old or the
// complete new contents (BAD-INPUTS cases 23 and 24).
#pragma once
#include <string>
#include <string_view>

namespace nkg::rdf {

// Writes `data` to a temporary file created with mkstemp in the directory of
// `path`, checks every write, fsync and close, then renames it over `path`.
// On failure the temporary file is removed, `path` is left as it was, and
// *err names the path and the reason (errno text). The new file gets the mode
// of the file it replaces, or 0666 minus the umask.
// When `path` exists and is not a regular file (/dev/null, /dev/full,
// /dev/stdout, a FIFO) the data is written into it instead of renamed over
// it, with every write and the close checked; a directory is an error.
bool write_file_atomically(const std::string& path, std::string_view data, std::string* err);

// The same, streamed: open(), any number of write()s, then commit(). A
// destroyed or failed AtomicOutput that was not committed removes its
// temporary file and leaves `path` as it was. Path "-" writes to standard
// output (nothing to keep atomic there). Writes are buffered; every system
// call is checked and the first failure is kept for commit() to report.
class AtomicOutput {
 public:
  AtomicOutput() = default;
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  bool open(const std::string& path, std::string* err);
  void write(std::string_view data);
  bool ok() const { return errnum_ == 0; }
  // Flushes, fsyncs and renames onto the path; false with *err on failure.
  bool commit(std::string* err);

 private:
  bool flush();
  void abandon();
  std::string path_, tmp_;
  int fd_ = -1;
  bool in_place_ = false;  // a device, FIFO or stdout: written into, not renamed over
  bool is_stdout_ = false;
  int errnum_ = 0;
  const char* failed_ = nullptr;  // what failed, for the message
  std::string buf_;
};

}  // namespace nkg::rdf
