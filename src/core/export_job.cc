#include "core/export_job.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "core/doc_codec.h"
#include "core/pipeline.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "rdf/atomic_file.h"
#include "resolve/merge_agreements.h"
#include "resolve/resolve_entities.h"

namespace nkg {
namespace fs = std::filesystem;

std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs,
                                        std::vector<Error>* errors) {
  std::set<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({in, ec ? "cannot access: " + ec.message() : "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      files.insert(in);
      continue;
    }
    // Directory symlinks are not followed, so a link loop cannot trap the walk.
    fs::recursive_directory_iterator it(in, fs::directory_options::none, ec), end;
    if (ec) {
      errors->push_back({in, "cannot read directory: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors->push_back({it->path().string(), "cannot read directory: " + ec.message()});
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      if (p.extension() != ".txt") continue;
      std::error_code ec2;
      fs::file_status s2 = fs::status(p, ec2);
      if (ec2) {
        errors->push_back({p.string(), "cannot access: " + ec2.message()});
        continue;
      }
      if (fs::is_directory(s2)) continue;
      files.insert(p.string());
    }
    if (ec) errors->push_back({in, "cannot read directory: " + ec.message()});
  }
  return {files.begin(), files.end()};
}

unsigned shard_of(std::string_view path, unsigned shards) {
  std::string name = fs::path(std::string(path)).filename().string();
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ull;
  return static_cast<unsigned>(h % std::max(1u, shards)) + 1;
}

bool parse_shard(std::string_view s, unsigned* k, unsigned* n) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  auto number = [](std::string_view d, unsigned* out) {
    if (d.empty() || d.size() > 7) return false;
    unsigned v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    *out = v;
    return true;
  };
  unsigned kk = 0, nn = 0;
  if (!number(s.substr(0, slash), &kk) || !number(s.substr(slash + 1), &nn)) return false;
  if (kk < 1 || kk > nn || nn > 1000000) return false;
  *k = kk;
  *n = nn;
  return true;
}

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

AnalysedSet analyse_articles(const ExportOptions& opts, const Analyzer& analyzer,
                             Progress* progress) {
  AnalysedSet out;
  std::vector<Error> errors;
  std::vector<std::string> paths = collect_inputs(opts.inputs, &errors);
  if (opts.shards > 1) {
    auto other = [&](const std::string& p) { return shard_of(p, opts.shards) != opts.shard; };
    paths.erase(std::remove_if(paths.begin(), paths.end(), other), paths.end());
    errors.erase(
        std::remove_if(errors.begin(), errors.end(), [&](const Error& e) { return other(e.file); }),
        errors.end());
  }
  out.attempted = paths.size() + errors.size();

  if (progress) {
    uint64_t total = 0;
    for (const auto& p : paths) {
      std::error_code ec;
      uint64_t size = fs::file_size(p, ec);
      if (!ec) total += size;
    }
    progress->start(paths.size(), total);
  }

  // Decode and analyse in parallel; each slot belongs to one path, so the
  // result does not depend on scheduling.
  std::vector<std::optional<Document>> slots(paths.size());
  std::vector<std::optional<Error>> slot_errors(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();) {
      Error e;
      auto dec = read_article(paths[i], opts.decode, &e);
      if (!dec) {
        slot_errors[i] = e;
        if (progress) progress->add(0);
        continue;
      }
      Document doc;
      doc.path = paths[i];
      doc.id = fs::path(paths[i]).filename().string();
      doc.text = std::move(dec->text);
      doc.sha256 = std::move(dec->sha256);
      if (doc.text.size() > 0x7FFFFFFF) {
        slot_errors[i] = Error{paths[i], "file too large for ICU (over 2 GiB)"};
        if (progress) progress->add(0);
        continue;
      }
      analyzer.analyse(doc, opts.forced_lang);
      // Only the per-article stages read these; they are most of an
      // analysed article's memory.
      std::vector<Token>().swap(doc.tokens);
      std::vector<TitleCue>().swap(doc.titles);
      if (progress) progress->add(doc.text.size());
      slots[i] = std::move(doc);
    }
  };
  unsigned n = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  n = std::min<unsigned>(n, std::max<size_t>(1, paths.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (progress) progress->clear();

  out.skipped = std::move(errors);
  for (size_t i = 0; i < paths.size(); ++i) {
    if (slot_errors[i])
      out.skipped.push_back(*slot_errors[i]);
    else
      out.docs.push_back(std::move(*slots[i]));
  }
  return out;
}

int finish_export(AnalysedSet set, const Knowledge& knowledge, rdf::Format format,
                  const std::string& output, std::ostream& log, Progress* progress) {
  // Article IRIs come from base names: of several inputs with one name, the
  // first path (in byte order) is exported and the others are skipped.
  std::vector<Document>& all = set.docs;
  std::vector<Error>& errors = set.skipped;
  std::stable_sort(all.begin(), all.end(),
                   [](const Document& a, const Document& b) { return a.path < b.path; });
  std::vector<Document> docs;
  std::set<std::string> ids;
  for (auto& d : all) {
    if (!ids.insert(d.id).second) {
      errors.push_back({d.path, "another input has the same file name '" + d.id +
                                    "' (article IRIs come from the base name)"});
      continue;
    }
    docs.push_back(std::move(d));
  }
  all.clear();
  std::sort(docs.begin(), docs.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return a.file != b.file ? a.file < b.file : a.reason < b.reason;
  });
  for (const auto& e : errors) log << "newskg: skipped " << e.message() << "\n";

  if (docs.empty()) {
    log << "newskg: no article could be read" << (set.attempted ? "" : " (no input files found)")
        << "; nothing written\n";
    return kExitFailure;
  }
  auto stage = [&](const char* what) {
    if (progress) progress->stage(what);
  };
  stage("resolving entities");
  Resolution res = resolve_entities(docs, knowledge);
  GraphOptions gopts;
  gopts.named_graphs = format == rdf::Format::TriG;
  stage("merging agreements");
  std::vector<AgreementGroup> groups = merge_agreements(docs, res);
  stage("building the graph");
  rdf::Triples triples = build_graph(docs, res, groups, knowledge, gopts);
  add_void_description(&triples, docs);
  stage("writing");
  std::string werr;
  bool ok = true;
  if (output == "-") {
    std::string out;
    ok = rdf::write_string(std::move(triples), format, &out, &werr);
    if (progress) progress->clear();
    if (!ok) {
      log << "newskg: cannot write output: " << werr << "\n";
      return kExitFailure;
    }
    std::cout << out << std::flush;
    if (!std::cout) {
      log << "newskg: cannot write to standard output\n";
      return kExitFailure;
    }
  } else {
    ok = rdf::write_file(std::move(triples), format, output, &werr);
    if (progress) progress->clear();
    if (!ok) {
      log << "newskg: cannot write " << Error::quote_path(output) << ": " << werr << "\n";
      return kExitFailure;
    }
  }
  log << "newskg: exported " << docs.size() << " article(s)";
  if (!errors.empty()) log << ", skipped " << errors.size();
  log << "\n";
  return errors.empty() ? kExitOk : kExitPartial;
}

namespace {

// The options that change what the per-article stage produces.
std::string analysis_settings(const ExportOptions& o) {
  return "lang=" + o.forced_lang + "\nencoding=" + o.decode.encoding +
         "\nlenient=" + (o.decode.lenient ? "1" : "0") +
         "\nmax-bytes=" + std::to_string(o.decode.max_bytes);
}

std::string describe_settings(const std::string& s) {
  std::string out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out += (out.empty() ? "" : ", ") + line;
  return out;
}

int write_partial(const ExportOptions& opts, AnalysedSet set, std::ostream& log,
                  Progress& progress) {
  Partial p;
  p.settings = analysis_settings(opts);
  std::string err;
  if (!data_digest(opts.data_dir, &p.data_digest, &err)) {
    log << "newskg: " << err << "\n";
    return kExitFailure;
  }
  p.shard = opts.shard;
  p.shards = opts.shards;
  p.attempted = set.attempted;
  std::sort(set.skipped.begin(), set.skipped.end(), [](const Error& a, const Error& b) {
    return a.file != b.file ? a.file < b.file : a.reason < b.reason;
  });
  std::sort(set.docs.begin(), set.docs.end(),
            [](const Document& a, const Document& b) { return a.path < b.path; });
  for (const auto& e : set.skipped) log << "newskg: skipped " << e.message() << "\n";
  p.skipped = std::move(set.skipped);
  p.docs = std::move(set.docs);
  progress.stage("writing the partial file");
  std::string bytes = encode_partial(p);
  if (opts.output == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    progress.clear();
    if (!std::cout) {
      log << "newskg: cannot write to standard output\n";
      return kExitFailure;
    }
  } else if (!rdf::write_file_atomically(opts.output, bytes, &err)) {
    progress.clear();
    log << "newskg: cannot write " << Error::quote_path(opts.output) << ": " << err << "\n";
    return kExitFailure;
  }
  progress.clear();
  log << "newskg: analysed " << p.docs.size() << " article(s) of shard " << p.shard << "/"
      << p.shards;
  if (!p.skipped.empty()) log << ", skipped " << p.skipped.size();
  log << "\n";
  return p.skipped.empty() ? kExitOk : kExitPartial;
}

bool read_whole_file(const std::string& path, std::string* out, std::string* err) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *err = "is a directory";
    return false;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    *err = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << f.rdbuf();
  if (f.bad()) {
    *err = "read error";
    return false;
  }
  *out = std::move(s).str();
  return true;
}

}  // namespace

int run_export(const ExportOptions& opts, std::ostream& log) {
  Knowledge knowledge;
  Error err;
  if (!knowledge.load(opts.data_dir, &err)) {
    log << "newskg: " << err.message() << "\n";
    return kExitFailure;
  }
  Analyzer analyzer(knowledge);
  Progress progress(log, opts.progress);
  AnalysedSet set = analyse_articles(opts, analyzer, &progress);
  if (opts.partial) return write_partial(opts, std::move(set), log, progress);
  return finish_export(std::move(set), knowledge, opts.format, opts.output, log, &progress);
}

int run_merge(const MergeOptions& opts, std::ostream& log) {
  if (opts.parts.empty()) {
    log << "newskg merge: no partial files given\n";
    return kExitFailure;
  }
  std::string digest, err;
  if (!data_digest(opts.data_dir, &digest, &err)) {
    log << "newskg merge: " << err << "\n";
    return kExitFailure;
  }
  Progress progress(log, opts.progress);
  AnalysedSet set;
  std::string settings;
  unsigned shards = 0;
  std::vector<std::string> shard_file;  // by shard - 1
  bool bad = false;
  progress.stage("reading partial files");
  for (const auto& path : opts.parts) {
    std::string bytes, reason;
    Partial p;
    if (!read_whole_file(path, &bytes, &reason) || !decode_partial(bytes, &p, &reason)) {
      progress.clear();
      log << "newskg merge: " << Error::quote_path(path) << ": " << reason << "\n";
      bad = true;
      continue;
    }
    std::string().swap(bytes);
    auto mismatch = [&](const std::string& what) {
      progress.clear();
      log << "newskg merge: " << Error::quote_path(path) << ": " << what << "\n";
      bad = true;
    };
    if (p.data_digest != digest) {
      mismatch("analysed with other language data than " + Error::quote_path(opts.data_dir) +
               " (merge with the --data the shards used)");
      continue;
    }
    if (shards == 0) {
      shards = p.shards;
      settings = p.settings;
      shard_file.assign(shards, "");
    } else if (p.shards != shards) {
      mismatch("shard " + std::to_string(p.shard) + "/" + std::to_string(p.shards) +
               " of another split than " + Error::quote_path(opts.parts[0]) + " (of " +
               std::to_string(shards) + ")");
      continue;
    } else if (p.settings != settings) {
      mismatch("analysed with other options (" + describe_settings(p.settings) + ") than " +
               Error::quote_path(opts.parts[0]) + " (" + describe_settings(settings) + ")");
      continue;
    }
    std::string& seen = shard_file[p.shard - 1];
    if (!seen.empty()) {
      mismatch("shard " + std::to_string(p.shard) + "/" + std::to_string(shards) +
               " already given as " + Error::quote_path(seen));
      continue;
    }
    seen = path;
    set.attempted += p.attempted;
    for (auto& e : p.skipped) set.skipped.push_back(std::move(e));
    for (auto& d : p.docs) set.docs.push_back(std::move(d));
  }
  progress.clear();
  if (!bad) {
    std::string missing;
    for (unsigned k = 0; k < shards; ++k)
      if (shard_file[k].empty())
        missing +=
            (missing.empty() ? "" : ", ") + std::to_string(k + 1) + "/" + std::to_string(shards);
    if (!missing.empty()) {
      log << "newskg merge: missing shard(s) " << missing << "\n";
      bad = true;
    }
  }
  if (bad) {
    log << "newskg merge: nothing written\n";
    return kExitFailure;
  }
  Knowledge knowledge;
  Error kerr;
  if (!knowledge.load(opts.data_dir, &kerr)) {
    log << "newskg merge: " << kerr.message() << "\n";
    return kExitFailure;
  }
  return finish_export(std::move(set), knowledge, opts.format, opts.output, log, &progress);
}

}  // namespace nkg
