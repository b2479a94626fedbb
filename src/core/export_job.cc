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

#include "core/corpus_stage.h"
#include "core/doc_codec.h"
#include "core/pipeline.h"
#include "core/progress.h"
#include "core/thread_cpu.h"
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

namespace {

// The inputs of opts (only its shard), with the unreadable ones in *errors.
std::vector<std::string> selected_inputs(const ExportOptions& opts, std::vector<Error>* errors) {
  std::vector<std::string> paths = collect_inputs(opts.inputs, errors);
  if (opts.shards > 1) {
    auto other = [&](const std::string& p) { return shard_of(p, opts.shards) != opts.shard; };
    paths.erase(std::remove_if(paths.begin(), paths.end(), other), paths.end());
    errors->erase(std::remove_if(errors->begin(), errors->end(),
                                 [&](const Error& e) { return other(e.file); }),
                  errors->end());
  }
  return paths;
}

// Worker threads for --threads N (0: all cores).
unsigned worker_count(unsigned wanted) {
  return wanted ? wanted : std::max(1u, std::thread::hardware_concurrency());
}

// The corpus stage's options from an export's or a merge's.
template <typename Options>
CorpusOptions corpus_options(const Options& opts) {
  CorpusOptions co;
  co.format = opts.format;
  co.output = opts.output;
  co.tmp_dir = opts.tmp_dir.empty() ? default_tmp_dir() : opts.tmp_dir;
  co.threads = worker_count(opts.threads);
  if (opts.sort_memory_mb) co.sort_budget = size_t(opts.sort_memory_mb) << 20;
  return co;
}

uint64_t progress_bytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    uint64_t size = fs::file_size(p, ec);
    if (!ec) total += size;
  }
  return total;
}

// Threads for `items` pieces of work: no more threads than pieces.
unsigned thread_count(unsigned wanted, size_t items) {
  return std::min<unsigned>(worker_count(wanted), std::max<size_t>(1, items));
}

// Reads one input; nullopt with *e when it cannot be read.
std::optional<Document> read_document(const std::string& path, const ExportOptions& opts,
                                      Error* e) {
  auto dec = read_article(path, opts.decode, e);
  if (!dec) return std::nullopt;
  Document doc;
  doc.path = path;
  doc.id = fs::path(path).filename().string();
  doc.text = std::move(dec->text);
  doc.sha256 = std::move(dec->sha256);
  if (doc.text.size() > 0x7FFFFFFF) {
    *e = Error{path, "file too large for ICU (over 2 GiB)"};
    return std::nullopt;
  }
  return doc;
}

// Analyses a read input, adding the thread's CPU seconds to *cpu if given.
void analyse_document(Document& doc, const ExportOptions& opts, const Analyzer& analyzer,
                      double* cpu = nullptr) {
  const double c0 = cpu ? thread_cpu_seconds() : 0;
  analyzer.analyse(doc, opts.forced_lang);
  if (cpu) *cpu += thread_cpu_seconds() - c0;
  // Only the per-article stages read these; they are most of an
  // analysed article's memory.
  std::vector<Token>().swap(doc.tokens);
  std::vector<TitleCue>().swap(doc.titles);
}

// Reads and analyses one input; nullopt with *e when it cannot be read.
std::optional<Document> read_and_analyse(const std::string& path, const ExportOptions& opts,
                                         const Analyzer& analyzer, Error* e) {
  auto doc = read_document(path, opts, e);
  if (doc) analyse_document(*doc, opts, analyzer);
  return doc;
}

}  // namespace

AnalysedSet analyse_articles(const ExportOptions& opts, const Analyzer& analyzer,
                             Progress* progress) {
  AnalysedSet out;
  std::vector<Error> errors;
  std::vector<std::string> paths = selected_inputs(opts, &errors);
  out.attempted = paths.size() + errors.size();
  if (progress) progress->start(paths.size(), progress_bytes(paths));

  // Decode and analyse in parallel; each slot belongs to one path, so the
  // result does not depend on scheduling.
  std::vector<std::optional<Document>> slots(paths.size());
  std::vector<std::optional<Error>> slot_errors(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();) {
      Error e;
      auto doc = read_and_analyse(paths[i], opts, analyzer, &e);
      if (!doc) {
        slot_errors[i] = e;
        if (progress) progress->add(0);
        continue;
      }
      if (progress) progress->add(doc->text.size());
      slots[i] = std::move(doc);
    }
  };
  unsigned n = thread_count(opts.threads, paths.size());
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

namespace {

// The export proper: articles are analysed in parallel and handed to the
// corpus stage as they are done (core/corpus_stage.h), so that memory does
// not grow with the corpus.
int stream_export(const ExportOptions& opts, const Knowledge& knowledge, const Analyzer& analyzer,
                  std::ostream& log, Progress* progress) {
  std::vector<Error> errors;
  std::vector<std::string> paths = selected_inputs(opts, &errors);
  const uint64_t attempted = paths.size() + errors.size();
  // Every input's size, once: for the progress line and the figures.
  const uint64_t input_bytes = progress || opts.stats ? progress_bytes(paths) : 0;
  if (progress) progress->start(paths.size(), input_bytes);
  const unsigned n = thread_count(opts.threads, paths.size());
  // Articles a thread takes at once: a few dozen, fewer where the corpus
  // would not then keep every thread busy to the end.
  const size_t batch = std::clamp<size_t>(paths.size() / (8 * size_t{n}), 1, 32);
  CorpusBuilder corpus(knowledge, corpus_options(opts));
  std::vector<std::pair<std::string, std::string>> plan;
  for (const auto& p : paths) plan.emplace_back(p, fs::path(p).filename().string());
  corpus.plan(std::move(plan));

  // Articles that could not be read, by slot (few: not one entry per slot).
  std::mutex errors_mu;
  std::vector<std::pair<size_t, Error>> slot_errors;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&](unsigned w) {
    double cpu = 0;
    struct Report {
      CorpusBuilder& c;
      double& cpu;
      ~Report() { c.add_analysis_time(cpu); }
    } report{corpus, cpu};
    // A batch of articles at a time, each step over the whole batch: the
    // analysis of one article then follows another's, with the caches and
    // branch history it left, instead of the file reads' system calls and
    // the encoding of the last article. (On a loaded machine the export's
    // analysis took 20-40% more CPU than the in-memory benchmark's one by
    // one, about the same batched; a direct A/B of the two builds there was
    // within the noise.)
    std::vector<std::optional<Document>> docs;
    std::vector<Error> errs;
    for (size_t first; !failed && (first = next.fetch_add(batch)) < paths.size();) {
      const size_t last = std::min(first + batch, paths.size());
      docs.clear();
      errs.assign(last - first, Error{});
      for (size_t i = first; i < last; ++i)
        docs.push_back(read_document(paths[i], opts, &errs[i - first]));
      for (auto& doc : docs)
        if (doc) analyse_document(*doc, opts, analyzer, &cpu);
      for (size_t i = first; i < last && !failed; ++i) {
        auto& doc = docs[i - first];
        if (!doc) {
          {
            std::lock_guard<std::mutex> lock(errors_mu);
            slot_errors.emplace_back(i, std::move(errs[i - first]));
          }
          if (progress) progress->add(0);
          continue;
        }
        if (!corpus.add(w, i, *doc)) failed = true;
        if (progress) progress->add(doc->text.size());
        doc.reset();  // its memory back before the next is encoded
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  if (progress) progress->clear();
  if (failed) {
    log << "newskg: " << failure_message(opts.output, corpus.error()) << "\n";
    return kExitFailure;
  }
  std::sort(slot_errors.begin(), slot_errors.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [slot, e] : slot_errors) errors.push_back(std::move(e));
  std::vector<std::string>().swap(paths);  // the corpus stage has its own copy
  const int rc = corpus.finish(std::move(errors), attempted, log, progress);
  if (opts.stats) {
    const CorpusStats& st = corpus.stats();
    char b[1024];
    std::snprintf(
        b, sizeof b,
        "stats: input_bytes=%llu articles=%llu triples=%llu analyse_cpu_seconds=%.3f "
        "resolve_seconds=%.3f merge_agreements_seconds=%.3f build_seconds=%.3f "
        "build_cpu_seconds=%.3f sort_cpu_seconds=%.3f merge_runs_seconds=%.3f "
        "write_seconds=%.3f runs=%llu records=%llu temp_bytes=%llu peak_rss_kb=%ld "
        "peak_kb_analysed=%ld peak_kb_merged=%ld peak_kb_built=%ld\n",
        static_cast<unsigned long long>(input_bytes), static_cast<unsigned long long>(st.articles),
        static_cast<unsigned long long>(st.triples), st.analyse_cpu, st.resolve,
        st.merge_agreements, st.build_wall, st.build_cpu, st.sort_cpu, st.merge_runs, st.write,
        static_cast<unsigned long long>(st.runs), static_cast<unsigned long long>(st.records),
        static_cast<unsigned long long>(st.temp_bytes), peak_rss_now_kb(), st.peak_kb_analysed,
        st.peak_kb_merged, st.peak_kb_built);
    log << b;
  }
  return rc;
}

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
  if (!opts.partial) return stream_export(opts, knowledge, analyzer, log, &progress);
  AnalysedSet set = analyse_articles(opts, analyzer, &progress);
  return write_partial(opts, std::move(set), log, progress);
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
  // Two passes over the partial files: the first checks them and lists
  // their articles (for ranks and duplicate names), the second hands the
  // articles to the corpus stage; only one file's articles are in memory.
  AnalysedSet set;
  std::vector<std::pair<std::string, std::string>> plan;
  std::vector<std::string> good;
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
    good.push_back(path);
    set.attempted += p.attempted;
    for (auto& e : p.skipped) set.skipped.push_back(std::move(e));
    for (auto& d : p.docs) plan.emplace_back(d.path, d.id);
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
  CorpusBuilder corpus(knowledge, corpus_options(opts));
  corpus.plan(plan);  // a copy: the second pass checks the files against it
  size_t slot = 0;
  progress.stage("reading partial files");
  for (const auto& path : good) {
    std::string bytes, reason;
    Partial p;
    if (!read_whole_file(path, &bytes, &reason) || !decode_partial(bytes, &p, &reason)) {
      progress.clear();
      log << "newskg merge: " << Error::quote_path(path) << ": " << reason
          << " (changed while merging); nothing written\n";
      return kExitFailure;
    }
    std::string().swap(bytes);
    for (const auto& d : p.docs) {
      if (slot >= plan.size() || plan[slot].first != d.path) {
        progress.clear();
        log << "newskg merge: " << Error::quote_path(path)
            << ": changed while merging; nothing written\n";
        return kExitFailure;
      }
      if (!corpus.add(0, slot++, d)) {
        progress.clear();
        log << "newskg merge: " << failure_message(opts.output, corpus.error()) << "\n";
        return kExitFailure;
      }
    }
  }
  progress.clear();
  return corpus.finish(std::move(set.skipped), set.attempted, log, &progress);
}

}  // namespace nkg
