// External sort of records (record.h): each worker fills a RunSorter, which
// sorts and de-duplicates what it holds and writes it to a temporary file
// (a run) whenever its memory budget is reached; RunMerger then reads all
// runs at once and yields every distinct record in order. Memory is the
// budget per sorter plus one read buffer per run, whatever the graph's size.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nkg::rdf {

// A temporary file that is already unlinked: nothing is left behind when the
// process is killed. Appends are buffered by the caller; reads are pread, so
// several threads may read one file.
class TempFile {
 public:
  // Creates the file in `dir`; false with *err naming the directory.
  static std::unique_ptr<TempFile> create(const std::string& dir, std::string* err);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Appends `data`; false with *err (e.g. "No space left on device").
  bool append(std::string_view data, std::string* err);
  // Reads `len` bytes at `offset` into *out.
  bool read_at(uint64_t offset, size_t len, std::string* out, std::string* err) const;
  bool read_at_into(uint64_t offset, char* out, size_t len, std::string* err) const;
  uint64_t size() const { return size_; }

 private:
  TempFile(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}
  int fd_;
  std::string dir_;
  uint64_t size_ = 0;
};

// Writes records, given in order, as a new run: each as a delta from the one
// before, buffered; a record equal to the one before is dropped.
class RunWriter {
 public:
  explicit RunWriter(std::string dir) : dir_(std::move(dir)) {}
  // False (and later calls do nothing) once the run cannot be written.
  bool add(std::string_view rec);
  // The run; nullptr when it could not be written (see error()).
  std::unique_ptr<TempFile> finish();
  const std::string& error() const { return error_; }

 private:
  bool open();
  std::string dir_;
  std::unique_ptr<TempFile> file_;
  std::string buf_, prev_, error_;
  bool any_ = false;
};

class RunSorter {
 public:
  // `dir`: where runs go; `budget`: bytes of records held before a run is
  // written; `fan_in`: runs of one level merged into one (see runs_).
  RunSorter(std::string dir, size_t budget, size_t fan_in = 128)
      : dir_(std::move(dir)), budget_(budget), fan_in_(std::max<size_t>(fan_in, 2)) {}
  // Copies `rec` in; may write a run. False (and later calls do nothing)
  // once a run could not be written.
  bool add(std::string_view rec);
  // Writes what is held as a last run.
  bool flush();
  const std::string& error() const { return error_; }
  // The runs written so far (the sorter keeps nothing).
  std::vector<std::unique_ptr<TempFile>> take_runs() {
    levels_.clear();
    return std::move(runs_);
  }
  uint64_t records_added() const { return added_; }
  uint64_t runs_written() const { return written_; }  // of the budget, before merging
  double sort_cpu() const { return sort_cpu_; }       // CPU seconds in flush()

 private:
  bool merge_full_levels();

  std::string dir_;
  size_t budget_, fan_in_;
  std::string arena_;
  std::vector<std::pair<uint32_t, uint32_t>> recs_;  // offset, length in arena_
  // Runs and their levels, levels never rising: a run written from the
  // arena is of level 0, and `fan_in_` runs of one level are merged into one
  // of the next. Runs held (each an open file, and a read buffer in the
  // final merge) stay under fan_in_ per level, a few levels for any corpus,
  // rather than growing with it past the open-file limit; each record is
  // rewritten once per level.
  std::vector<std::unique_ptr<TempFile>> runs_;
  std::vector<uint8_t> levels_;
  std::string error_;
  uint64_t added_ = 0, written_ = 0;
  double sort_cpu_ = 0;
};

class RunMerger {
 public:
  explicit RunMerger(std::vector<std::unique_ptr<TempFile>> runs);
  ~RunMerger();
  // The next distinct record in order (valid until the next call); false at
  // the end or on a read error (then error() is set).
  bool next(std::string_view* rec);
  const std::string& error() const { return error_; }

 private:
  struct Reader;
  void sift_down(size_t k);
  std::vector<std::unique_ptr<Reader>> readers_;
  std::vector<size_t> heap_;  // reader indexes, smallest current record first
  std::string last_;
  bool have_last_ = false;
  std::string error_;
};

}  // namespace nkg::rdf
