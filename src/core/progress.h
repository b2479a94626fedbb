// The progress line of long runs (stderr, only when it is a terminal).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace nkg {

// The progress line on the log, drawn by its own thread every quarter
// second once the run is two seconds old: while articles are analysed,
// articles done of all, MB/s of input and the time left; then the corpus
// stage running and its time so far. clear() erases it and keeps it hidden
// until the next start() or stage(), so that other messages never mix with it.
class Progress {
 public:
  Progress(std::ostream& log, bool enabled) : log_(log), enabled_(enabled) {}
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void start(size_t total_articles, uint64_t total_bytes) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mu_);
    total_ = total_articles;
    total_bytes_ = total_bytes;
    mode_ = Mode::Counting;
    launch();
  }
  void add(uint64_t bytes) {
    done_.fetch_add(1, std::memory_order_relaxed);
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }
  void stage(const char* what) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mu_);
    stage_ = what;
    stage_t0_ = std::chrono::steady_clock::now();
    mode_ = Mode::Stage;
    launch();
    if (shown_) draw();  // the new name at once, not a quarter second late
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mu_);
    mode_ = Mode::Hidden;
    erase();
  }
  void finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      running_ = false;
      mode_ = Mode::Hidden;
      erase();
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  enum class Mode { Hidden, Counting, Stage };
  static constexpr double kDelay = 2.0;
  static double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
  }
  static std::string clock(double seconds) {
    auto s = static_cast<long long>(seconds + 0.5);
    char b[32];
    if (s >= 3600)
      std::snprintf(b, sizeof b, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else
      std::snprintf(b, sizeof b, "%lld:%02lld", s / 60, s % 60);
    return b;
  }
  void launch() {  // with mu_ held
    if (running_) return;
    running_ = true;
    thread_ = std::thread([this] { loop(); });
  }
  void erase() {  // with mu_ held
    if (!shown_) return;
    log_ << "\r\x1b[K" << std::flush;
    shown_ = false;
  }
  void draw() {  // with mu_ held
    char line[200];
    if (mode_ == Mode::Counting) {
      double t = seconds(t0_);
      size_t done = done_.load(std::memory_order_relaxed);
      uint64_t bytes = bytes_.load(std::memory_order_relaxed);
      double rate = t > 0 ? static_cast<double>(bytes) / t : 0;  // bytes per second
      std::string eta = rate > 0 && total_bytes_ >= bytes
                            ? clock(static_cast<double>(total_bytes_ - bytes) / rate)
                            : "--";
      std::snprintf(line, sizeof line, "\rnewskg: %zu/%zu articles, %.1f MB/s, ETA %s\x1b[K", done,
                    total_, rate / 1e6, eta.c_str());
    } else {
      std::snprintf(line, sizeof line, "\rnewskg: %s... %s\x1b[K", stage_.c_str(),
                    clock(seconds(stage_t0_)).c_str());
    }
    if (shown_ && last_ == line) return;
    last_ = line;
    log_ << line << std::flush;
    shown_ = true;
  }
  void loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(250), [this] { return !running_; }))
      if (mode_ != Mode::Hidden && seconds(t0_) >= kDelay) draw();
  }

  std::ostream& log_;
  bool enabled_;
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now(), stage_t0_;
  size_t total_ = 0;
  uint64_t total_bytes_ = 0;
  std::atomic<size_t> done_{0};
  std::atomic<uint64_t> bytes_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  bool running_ = false;
  bool shown_ = false;
  Mode mode_ = Mode::Hidden;
  std::string stage_;
  std::string last_;  // the line on screen
  std::thread thread_;
};

}  // namespace nkg
