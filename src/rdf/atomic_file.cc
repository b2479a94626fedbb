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

// Output to something that is not a regular file (/dev/null, /dev/full,
// /dev/stdout, a FIFO): renaming over it would replace the device node or
// pipe with a regular file (as root, /dev/null itself), so the data is
// written into it instead. There is nothing to keep atomic; every write and
// the close are still checked, so /dev/full fails with ENOSPC.
bool write_in_place(const std::string& path, std::string_view data, std::string* err) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return fail(err, "cannot open", path, errno);
  if (!write_all(fd, data)) {
    const int e = errno;
    (void)::close(fd);
    return fail(err, "cannot write", path, e);
  }
  // Devices and pipes cannot be synced (EINVAL); other errors count.
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
    const int e = errno;
    (void)::close(fd);
    return fail(err, "cannot sync", path, e);
  }
  if (::close(fd) != 0) return fail(err, "cannot close", path, errno);
  return true;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view data, std::string* err) {
  if (path.empty() || path.back() == '/') return fail(err, "cannot write", path, EISDIR);
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0) {
    if (S_ISDIR(target.st_mode)) return fail(err, "cannot write", path, EISDIR);
    if (!S_ISREG(target.st_mode)) return write_in_place(path, data, err);
  }
  const std::string dir = dir_of(path);
  std::string tmpl = dir + "/." + base_of(path) + ".tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');

  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return fail(err, "cannot create a temporary file in", dir, errno);
  const std::string tmp(name.data());

  auto abandon = [&](const char* what, int errnum) {
    (void)::unlink(tmp.c_str());
    return fail(err, what, path, errnum);
  };

  struct stat old {};
  const mode_t mode =
      ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : (0666 & ~current_umask());
  if (::fchmod(fd, mode) != 0) {
    const int e = errno;
    (void)::close(fd);
    return abandon("cannot set the mode of the temporary file for", e);
  }
  if (!write_all(fd, data)) {
    const int e = errno;
    (void)::close(fd);
    return abandon("cannot write", e);
  }
  if (::fsync(fd) != 0) {
    const int e = errno;
    (void)::close(fd);
    return abandon("cannot sync", e);
  }
  if (::close(fd) != 0) return abandon("cannot close", errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return abandon("cannot rename onto", errno);
  sync_directory(dir);
  return true;
}

}  // namespace nkg::rdf
