// CPU time of the calling thread, for the stages' own CPU figures: wall time
// would count the other threads' work on a shared core.
#pragma once
#include <time.h>

namespace nkg {

inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace nkg
