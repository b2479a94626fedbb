#include "rdf/sorted_runs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>

#include "core/thread_cpu.h"

namespace nkg::rdf {
namespace {

std::string sys_error(const std::string& what, const std::string& where, int errnum) {
  return what + " '" + where + "': " + std::strerror(errnum);
}

// Runs hold sorted records, each as the length of the prefix it shares with
// the record before it and the rest (two varints, then the bytes): records
// of one subject share most of their bytes, so runs take a third of the space.
void put_varint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// The length of the prefix a and b share, eight bytes at a time: records of
// one subject share a hundred bytes or so.
size_t common_prefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      uint64_t x, y;
      std::memcpy(&x, a.data() + i, 8);
      std::memcpy(&y, b.data() + i, 8);
      // The lowest set bit of x ^ y is in the first byte that differs.
      if (x != y) return i + static_cast<size_t>(std::countr_zero(x ^ y) / 8);
    }
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// memcmp order, shorter first on a common prefix (std::string_view's order).
bool less(std::string_view a, std::string_view b) { return a < b; }

}  // namespace

// ---- TempFile ---------------------------------------------------------------

std::unique_ptr<TempFile> TempFile::create(const std::string& dir, std::string* err) {
  std::string tmpl = dir + "/.newskg-sort-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    *err = sys_error("cannot create a temporary file in", dir, errno);
    return nullptr;
  }
  (void)::unlink(name.data());
  return std::unique_ptr<TempFile>(new TempFile(fd, dir));
}

TempFile::~TempFile() { (void)::close(fd_); }

bool TempFile::append(std::string_view data, std::string* err) {
  while (!data.empty()) {
    const ssize_t n = ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(size_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *err = sys_error("cannot write a temporary file in", dir_, n < 0 ? errno : EIO);
      return false;
    }
    size_ += static_cast<uint64_t>(n);
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool TempFile::read_at(uint64_t offset, size_t len, std::string* out, std::string* err) const {
  out->resize(len);
  return read_at_into(offset, out->data(), len, err);
}

bool TempFile::read_at_into(uint64_t offset, char* out, size_t len, std::string* err) const {
  size_t done = 0;
  while (done < len) {
    const ssize_t n = ::pread(fd_, out + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *err = sys_error("cannot read a temporary file in", dir_, n < 0 ? errno : EIO);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

// ---- RunWriter --------------------------------------------------------------

constexpr size_t kWriteChunk = 1u << 20;

bool RunWriter::open() {
  if (!file_) file_ = TempFile::create(dir_, &error_);
  return file_ != nullptr;
}

bool RunWriter::add(std::string_view rec) {
  if (!error_.empty() || !open()) return false;
  if (any_ && rec == prev_) return true;
  const size_t shared = common_prefix(prev_, rec);
  put_varint(&buf_, shared);
  put_varint(&buf_, rec.size() - shared);
  buf_.append(rec.substr(shared));
  prev_.assign(rec);
  any_ = true;
  if (buf_.size() >= kWriteChunk) {
    if (!file_->append(buf_, &error_)) return false;
    buf_.clear();
  }
  return true;
}

std::unique_ptr<TempFile> RunWriter::finish() {
  if (!error_.empty() || !open()) return nullptr;
  if (!buf_.empty() && !file_->append(buf_, &error_)) return nullptr;
  buf_.clear();
  return std::move(file_);
}

// ---- RunSorter --------------------------------------------------------------

bool RunSorter::add(std::string_view rec) {
  if (!error_.empty()) return false;
  if (!arena_.empty() && arena_.size() + rec.size() > budget_ && !flush()) return false;
  if (arena_.capacity() < budget_) arena_.reserve(std::min<size_t>(budget_ + 4096, 1u << 31));
  recs_.emplace_back(static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(rec.size()));
  arena_.append(rec);
  ++added_;
  return true;
}

bool RunSorter::flush() {
  if (!error_.empty()) return false;
  if (recs_.empty()) return true;
  const double c0 = thread_cpu_seconds();
  struct Add {
    double& total;
    double c0;
    ~Add() { total += thread_cpu_seconds() - c0; }
  } add{sort_cpu_, c0};
  const char* base = arena_.data();
  auto view = [base](const std::pair<uint32_t, uint32_t>& r) {
    return std::string_view(base + r.first, r.second);
  };
  std::sort(recs_.begin(), recs_.end(),
            [&](const auto& a, const auto& b) { return less(view(a), view(b)); });
  RunWriter run(dir_);
  for (const auto& r : recs_)
    if (!run.add(view(r))) break;
  auto file = run.finish();
  if (!file) {
    error_ = run.error();
    return false;
  }
  runs_.push_back(std::move(file));
  levels_.push_back(0);
  ++written_;
  arena_.clear();
  recs_.clear();
  return merge_full_levels();
}

bool RunSorter::merge_full_levels() {
  while (runs_.size() >= fan_in_) {
    const size_t from = runs_.size() - fan_in_;
    const uint8_t level = levels_.back();
    if (levels_[from] != level) return true;  // levels never rise: all equal
    std::vector<std::unique_ptr<TempFile>> group;
    for (size_t i = from; i < runs_.size(); ++i) group.push_back(std::move(runs_[i]));
    runs_.resize(from);
    levels_.resize(from);
    RunMerger merger(std::move(group));
    RunWriter out(dir_);
    std::string_view r;
    while (merger.next(&r))
      if (!out.add(r)) break;
    std::unique_ptr<TempFile> merged = merger.error().empty() ? out.finish() : nullptr;
    if (!merged) {
      error_ = merger.error().empty() ? out.error() : merger.error();
      return false;
    }
    runs_.push_back(std::move(merged));
    levels_.push_back(static_cast<uint8_t>(level + 1));
  }
  return true;
}

// ---- RunMerger --------------------------------------------------------------

struct RunMerger::Reader {
  std::unique_ptr<TempFile> file;
  uint64_t offset = 0;  // of buf[0] in the file
  std::string buf;
  size_t pos = 0;
  std::string record;  // the current record, rebuilt from its delta
  std::string_view current;

  size_t chunk = 256 * 1024;

  // Makes at least `need` bytes available at pos (fewer at the file's end).
  bool fill(size_t need, std::string* err) {
    if (buf.size() - pos >= need) return true;
    offset += pos;
    buf.erase(0, pos);
    pos = 0;
    const uint64_t left = file->size() - offset - buf.size();
    const size_t want = static_cast<size_t>(std::min<uint64_t>(left, std::max(need, chunk)));
    if (want == 0) return true;
    const size_t have = buf.size();
    buf.resize(have + want);
    return file->read_at_into(offset + have, buf.data() + have, want, err);
  }

  bool varint(uint64_t* v, std::string* err) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!fill(1, err)) return false;
      if (pos == buf.size()) {
        *err = "temporary sort file truncated";
        return false;
      }
      const auto b = static_cast<unsigned char>(buf[pos++]);
      *v |= uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    *err = "temporary sort file damaged";
    return false;
  }

  // Reads the next record into `current`; false at the end (err empty) or on error.
  bool next(std::string* err) {
    if (!fill(1, err)) return false;
    if (pos == buf.size()) return false;  // the end
    uint64_t shared = 0, rest = 0;
    if (!varint(&shared, err) || !varint(&rest, err)) return false;
    if (shared > record.size()) {
      *err = "temporary sort file damaged";
      return false;
    }
    if (!fill(static_cast<size_t>(rest), err)) return false;
    if (buf.size() - pos < rest) {
      *err = "temporary sort file truncated";
      return false;
    }
    record.resize(static_cast<size_t>(shared));
    record.append(buf, pos, static_cast<size_t>(rest));
    pos += static_cast<size_t>(rest);
    current = record;
    return true;
  }
};

RunMerger::RunMerger(std::vector<std::unique_ptr<TempFile>> runs) {
  // Read buffers (up to twice their chunk each) share about 16 MB, so that
  // many runs do not need more memory.
  const size_t chunk =
      std::clamp<size_t>((8u << 20) / std::max<size_t>(1, runs.size()), 16 * 1024, 256 * 1024);
  for (auto& f : runs) {
    auto r = std::make_unique<Reader>();
    r->chunk = chunk;
    r->file = std::move(f);
    readers_.push_back(std::move(r));
  }
  for (size_t i = 0; i < readers_.size(); ++i)
    if (readers_[i]->next(&error_)) heap_.push_back(i);
  for (size_t k = heap_.size() / 2; k-- > 0;) sift_down(k);
}

RunMerger::~RunMerger() = default;

// A min-heap of readers by current record. The reader at the top is
// replaced in place and sifted down, not popped and pushed: a run often
// gives several records in a row (an article's triples share a subject),
// and then the sift stops after two comparisons.
void RunMerger::sift_down(size_t k) {
  const size_t n = heap_.size();
  const size_t x = heap_[k];
  for (;;) {
    size_t c = 2 * k + 1;
    if (c >= n) break;
    if (c + 1 < n && less(readers_[heap_[c + 1]]->current, readers_[heap_[c]]->current)) ++c;
    if (!less(readers_[heap_[c]]->current, readers_[x]->current)) break;
    heap_[k] = heap_[c];
    k = c;
  }
  heap_[k] = x;
}

bool RunMerger::next(std::string_view* rec) {
  while (error_.empty() && !heap_.empty()) {
    const size_t i = heap_.front();
    // Copy out before the reader's buffer moves on.
    const bool dup = have_last_ && readers_[i]->current == last_;
    if (!dup) {
      last_.assign(readers_[i]->current);
      have_last_ = true;
    }
    if (!readers_[i]->next(&error_)) {
      heap_.front() = heap_.back();
      heap_.pop_back();
    }
    if (!heap_.empty()) sift_down(0);
    if (!error_.empty()) return false;
    if (!dup) {
      *rec = last_;
      return true;
    }
  }
  return false;
}

}  // namespace nkg::rdf
