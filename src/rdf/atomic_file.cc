// Atomic replacement of a file: temporary file in the same directory, every
// system call checked, fsync, rename.
#include "rdf/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace nkg::rdf {
namespace {

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The process umask without changing it (umask(2) would race with threads).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

bool fail(std::string* err, const std::string& what, const std::string& path, int errnum) {
  if (err) *err = what + " '" + path + "': " + std::strerror(errnum);
  return false;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {
      errno = EIO;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Best effort: make the rename itself durable. Not every file system can
// fsync a directory, and the new file is already in place, so errors here
// are not failures.
void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  (void)::close(fd);
}

}  // namespace

AtomicOutput::~AtomicOutput() { abandon(); }

void AtomicOutput::abandon() {
  if (fd_ >= 0 && !is_stdout_) (void)::close(fd_);
  if (!tmp_.empty()) (void)::unlink(tmp_.c_str());
  fd_ = -1;
  tmp_.clear();
}

bool AtomicOutput::open(const std::string& path, std::string* err) {
  path_ = path;
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    is_stdout_ = in_place_ = true;
    return true;
  }
  if (path.empty() || path.back() == '/') return fail(err, "cannot write", path, EISDIR);
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0) {
    if (S_ISDIR(target.st_mode)) return fail(err, "cannot write", path, EISDIR);
    if (!S_ISREG(target.st_mode)) {
      // Output to something that is not a regular file (/dev/null,
      // /dev/full, /dev/stdout, a FIFO): renaming over it would replace the
      // device node or pipe (as root, /dev/null itself), so the data is
      // written into it; every write and the close are still checked, so
      // /dev/full fails with ENOSPC.
      fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) return fail(err, "cannot open", path, errno);
      in_place_ = true;
      return true;
    }
  }
  const std::string dir = dir_of(path);
  std::string tmpl = dir + "/." + base_of(path) + ".tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) return fail(err, "cannot create a temporary file in", dir, errno);
  tmp_ = name.data();
  struct stat old {};
  const mode_t mode =
      ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : (0666 & ~current_umask());
  if (::fchmod(fd_, mode) != 0) {
    const int e = errno;
    abandon();
    return fail(err, "cannot set the mode of the temporary file for", path, e);
  }
  return true;
}

bool AtomicOutput::flush() {
  if (errnum_ || fd_ < 0) return false;
  if (!write_all(fd_, buf_)) {
    errnum_ = errno;
    failed_ = "cannot write";
    return false;
  }
  buf_.clear();
  return true;
}

void AtomicOutput::write(std::string_view data) {
  if (errnum_) return;
  buf_.append(data);
  if (buf_.size() >= (1u << 20)) flush();
}

bool AtomicOutput::commit(std::string* err) {
  if (fd_ < 0) return fail(err, "cannot write", path_, EBADF);
  flush();
  if (errnum_) {
    abandon();
    return fail(err, failed_, path_, errnum_);
  }
  if (is_stdout_) {
    fd_ = -1;
    return true;
  }
  // Devices and pipes cannot be synced (EINVAL); other errors count.
  if (::fsync(fd_) != 0 && !(in_place_ && (errno == EINVAL || errno == EROFS))) {
    const int e = errno;
    abandon();
    return fail(err, "cannot sync", path_, e);
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    const int e = errno;
    abandon();
    return fail(err, "cannot close", path_, e);
  }
  if (in_place_) return true;
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    abandon();
    return fail(err, "cannot rename onto", path_, e);
  }
  tmp_.clear();
  sync_directory(dir_of(path_));
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view data, std::string* err) {
  AtomicOutput out;
  if (!out.open(path, err)) return false;
  out.write(data);
  return out.commit(err);
}

}  // namespace nkg::rdf
