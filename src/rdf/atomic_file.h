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

}  // namespace nkg::rdf
