#include "core/corpus_stage.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/doc_codec.h"
#include "core/export_job.h"
#include "core/progress.h"
#include "core/thread_cpu.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "rdf/atomic_file.h"
#include "rdf/record.h"
#include "rdf/sorted_runs.h"
#include "rdf/vocab.h"
#include "resolve/merge_agreements.h"
#include "resolve/resolve_entities.h"

namespace nkg {

std::string failure_message(const std::string& output, const std::string& why) {
  if (output == "-") return "cannot write output: " + why;
  return "cannot write " + Error::quote_path(output) + ": " + why;
}

long peak_rss_now_kb() {
  std::ifstream st("/proc/self/status");
  for (std::string line; std::getline(st, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

std::string default_tmp_dir() {
  const char* t = std::getenv("TMPDIR");
  return t && *t ? t : "/tmp";
}

namespace {

constexpr size_t kSpillChunk = 1u << 20;

struct Slot {
  // The path, then the id, in CorpusBuilder::Impl::names: one string for all
  // articles instead of two heap blocks each.
  uint64_t name_at = 0;
  uint32_t path_len = 0, id_len = 0;
  uint32_t rank = 0;    // position in (id, path) order
  bool shared = false;  // another planned path has the same id
  bool added = false;
  uint32_t file = 0;  // spill file (worker)
  uint64_t offset = 0;
  uint32_t length = 0;
};

// The first invalid triple in record order, as write_string would report it.
struct FirstError {
  std::mutex mu;
  std::string record, reason;
  bool any = false;
  void offer(std::string rec, std::string why) {
    std::lock_guard<std::mutex> lock(mu);
    if (!any || rec < record) {
      record = std::move(rec);
      reason = std::move(why);
      any = true;
    }
  }
};

}  // namespace

struct CorpusBuilder::Impl {
  const Knowledge& k;
  CorpusOptions opts;
  std::vector<Slot> slots;
  std::string names;
  std::string_view path(const Slot& s) const { return {names.data() + s.name_at, s.path_len}; }
  std::string_view id(const Slot& s) const {
    return {names.data() + s.name_at + s.path_len, s.id_len};
  }

  // Spill files, one per worker, with their unwritten tails.
  std::vector<std::unique_ptr<rdf::TempFile>> spill;
  std::vector<std::string> spill_buf;

  std::mutex mu;  // guards what follows, and error
  EntityTable entities;
  Interner interner;
  std::vector<AgreementReport> reports;
  std::set<std::string> languages;
  std::map<size_t, Document> deferred;  // shared-id articles, until the winner is known
  std::string error;
  CorpusStats stats;

  Impl(const Knowledge& kk, CorpusOptions o) : k(kk), opts(std::move(o)) {
    if (opts.threads == 0) opts.threads = 1;
    spill.resize(opts.threads);
    spill_buf.resize(opts.threads);
  }

  void fold(const Document& doc, uint32_t rank) {  // with mu held
    entities.add(doc, rank);
    for (size_t i = 0; i < doc.agreements.size(); ++i)
      reports.push_back(make_report(doc.agreements[i], rank, static_cast<uint32_t>(i), interner));
    languages.insert(doc.lang);
  }

  bool flush_spill(unsigned w) {
    if (spill_buf[w].empty()) return true;
    std::string err;
    if (!spill[w]->append(spill_buf[w], &err)) {
      std::lock_guard<std::mutex> lock(mu);
      if (error.empty()) error = err;
      return false;
    }
    spill_buf[w].clear();
    return true;
  }

  bool load(const Slot& s, Document* doc, std::string* err) const {
    std::string bytes;
    if (!spill[s.file]->read_at(s.offset, s.length, &bytes, err)) return false;
    return decode_document(bytes, doc, err);
  }

  int finish(std::vector<Error> skipped, uint64_t attempted, std::ostream& log, Progress* progress);
};

CorpusBuilder::CorpusBuilder(const Knowledge& k, CorpusOptions opts)
    : impl_(std::make_unique<Impl>(k, std::move(opts))) {}
CorpusBuilder::~CorpusBuilder() = default;

void CorpusBuilder::add_analysis_time(double cpu) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->stats.analyse_cpu += cpu;
}

const CorpusStats& CorpusBuilder::stats() const { return impl_->stats; }

std::string CorpusBuilder::error() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->error;
}

void CorpusBuilder::plan(std::vector<std::pair<std::string, std::string>> articles) {
  Impl& m = *impl_;
  auto& slots = m.slots;
  slots.resize(articles.size());
  std::vector<size_t> order(articles.size());
  size_t bytes = 0;
  for (const auto& [path, id] : articles) bytes += path.size() + id.size();
  m.names.reserve(bytes);
  for (size_t i = 0; i < articles.size(); ++i) {
    slots[i].name_at = m.names.size();
    slots[i].path_len = static_cast<uint32_t>(articles[i].first.size());
    slots[i].id_len = static_cast<uint32_t>(articles[i].second.size());
    m.names += articles[i].first;
    m.names += articles[i].second;
    order[i] = i;
  }
  std::vector<std::pair<std::string, std::string>>().swap(articles);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const std::string_view ia = m.id(slots[a]), ib = m.id(slots[b]);
    return ia != ib ? ia < ib : m.path(slots[a]) < m.path(slots[b]);
  });
  for (size_t r = 0; r < order.size(); ++r) {
    slots[order[r]].rank = static_cast<uint32_t>(r);
    if (r > 0 && m.id(slots[order[r - 1]]) == m.id(slots[order[r]]))
      slots[order[r - 1]].shared = slots[order[r]].shared = true;
  }
}

bool CorpusBuilder::add(unsigned worker, size_t slot, const Document& doc) {
  Impl& m = *impl_;
  Slot& s = m.slots[slot];
  if (!m.spill[worker]) {
    std::string err;
    m.spill[worker] = rdf::TempFile::create(m.opts.tmp_dir, &err);
    if (!m.spill[worker]) {
      std::lock_guard<std::mutex> lock(m.mu);
      if (m.error.empty()) m.error = err;
      return false;
    }
  }
  std::string& buf = m.spill_buf[worker];
  const size_t before = buf.size();
  encode_document(doc, &buf);
  s.file = worker;
  s.offset = m.spill[worker]->size() + before;
  s.length = static_cast<uint32_t>(buf.size() - before);
  if (buf.size() >= kSpillChunk && !m.flush_spill(worker)) return false;
  s.added = true;
  std::lock_guard<std::mutex> lock(m.mu);
  if (s.shared)
    m.deferred[slot] = doc;
  else
    m.fold(doc, s.rank);
  return true;
}

int CorpusBuilder::finish(std::vector<Error> skipped, uint64_t attempted, std::ostream& log,
                          Progress* progress) {
  return impl_->finish(std::move(skipped), attempted, log, progress);
}

int CorpusBuilder::Impl::finish(std::vector<Error> errors, uint64_t attempted, std::ostream& log,
                                Progress* progress) {
  const bool to_stdout = opts.output == "-";
  auto write_failed = [&](const std::string& why) {
    if (progress) progress->clear();
    log << "newskg: " << failure_message(opts.output, why) << "\n";
    return kExitFailure;
  };
  for (unsigned w = 0; w < spill.size(); ++w)
    if (spill[w] && !flush_spill(w)) break;
  if (!error.empty()) return write_failed(error);
  // Article IRIs come from base names: of several inputs with one name, the
  // first path (in byte order) is exported and the others are skipped.
  {
    std::vector<size_t> shared;
    for (size_t i = 0; i < slots.size(); ++i)
      if (slots[i].shared && slots[i].added) shared.push_back(i);
    std::sort(shared.begin(), shared.end(),
              [&](size_t a, size_t b) { return path(slots[a]) < path(slots[b]); });
    std::set<std::string> taken;
    for (size_t i : shared) {
      Slot& s = slots[i];
      const std::string sid(id(s));
      if (!taken.insert(sid).second) {
        errors.push_back({std::string(path(s)), "another input has the same file name '" + sid +
                                                    "' (article IRIs come from the base name)"});
        s.added = false;
        continue;
      }
      fold(deferred[i], s.rank);
    }
    deferred.clear();
  }
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return a.file != b.file ? a.file < b.file : a.reason < b.reason;
  });
  for (const auto& e : errors) log << "newskg: skipped " << e.message() << "\n";

  // Exported articles by rank; ids by rank for the agreement nodes.
  std::vector<const Slot*> docs;
  for (const auto& s : slots)
    if (s.added) docs.push_back(&s);
  std::sort(docs.begin(), docs.end(),
            [](const Slot* a, const Slot* b) { return a->rank < b->rank; });
  if (docs.empty()) {
    log << "newskg: no article could be read" << (attempted ? "" : " (no input files found)")
        << "; nothing written\n";
    return kExitFailure;
  }
  std::vector<std::string_view> id_of_rank(slots.size());
  for (const Slot* s : docs) id_of_rank[s->rank] = id(*s);

  auto stage = [&](const char* what) {
    if (progress) progress->stage(what);
  };
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  uint64_t spill_bytes = 0;
  for (const auto& f : spill)
    if (f) spill_bytes += f->size();
  stats.articles = docs.size();
  stats.peak_kb_analysed = peak_rss_now_kb();
  malloc_trim(0);  // the analysis threads' freed memory
  auto t0 = Clock::now();
  stage("resolving entities");
  Resolution res = resolve_entities(entities, k);
  entities = EntityTable();
  stats.resolve = since(t0);
  t0 = Clock::now();
  stage("merging agreements");
  std::sort(reports.begin(), reports.end(), [](const AgreementReport& a, const AgreementReport& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.idx < b.idx;
  });
  std::vector<AgreementGroup> groups = merge_agreements(reports, res);
  AgreementIndex index(groups);
  stats.merge_agreements = since(t0);
  stats.peak_kb_merged = peak_rss_now_kb();
  t0 = Clock::now();

  // Every article's triples, then the corpus-wide ones, into sorted runs.
  stage("building the graph");
  const rdf::Format format = opts.format;
  GraphOptions gopts;
  gopts.named_graphs = format == rdf::Format::TriG;
  FirstError invalid;
  std::atomic<uint64_t> overlap{0};  // TriG: triples both in an article's graph and the default
  std::vector<std::unique_ptr<rdf::RunSorter>> sorters;
  // All sorters' runs are open files at once: keep them well under the
  // usual limit of 1024 (a level of merging per fan-in).
  const size_t fan_in = std::max<size_t>(16, 384 / opts.threads);
  for (unsigned w = 0; w < opts.threads; ++w)
    sorters.push_back(std::make_unique<rdf::RunSorter>(opts.tmp_dir, opts.sort_budget, fan_in));
  auto sort_in = [&](rdf::Triples& triples, rdf::RunSorter& sorter, std::string& rec) {
    for (rdf::Triple& t : triples) {
      rdf::normalize_triple(&t, format);
      rec.clear();
      rdf::append_record(t, &rec);
      std::string why;
      if (!rdf::check_triple(t, format, &why)) {
        invalid.offer(rec, why);
        continue;
      }
      if (!sorter.add(rec)) return false;
    }
    return true;
  };
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::string load_error;
  std::mutex load_mu;
  std::mutex cpu_mu;
  auto work = [&](unsigned w) {
    const double c0 = thread_cpu_seconds();
    struct Count {
      std::mutex& mu;
      double& total;
      double c0;
      ~Count() {
        std::lock_guard<std::mutex> lock(mu);
        total += thread_cpu_seconds() - c0;
      }
    } count{cpu_mu, stats.build_cpu, c0};
    rdf::RunSorter& sorter = *sorters[w];
    rdf::Triples triples;
    std::string rec;
    for (size_t i; !failed && (i = next.fetch_add(1)) < docs.size();) {
      const Slot& s = *docs[i];
      Document doc;
      std::string err;
      if (!load(s, &doc, &err)) {
        std::lock_guard<std::mutex> lock(load_mu);
        if (load_error.empty()) load_error = err;
        failed = true;
        return;
      }
      triples.clear();
      TripleSink g(&triples);
      emit_article(doc, s.rank, res, index, k, gopts, g);
      triples.push_back(void_source(std::string(id(s))));
      if (gopts.named_graphs) {
        // The count in VoID ignores graphs: an (s, p, o) of the article's
        // graph that the default graph also holds counts once. Only this
        // article's triples can have its IRIs as subjects.
        const std::string a = article_iri(id(s));
        std::set<std::string> named, plain;
        for (const auto& t : triples) {
          const std::string& subj = t.s.value;
          if (subj.compare(0, a.size(), a) != 0 ||
              (subj.size() > a.size() && subj[a.size()] != '#'))
            continue;
          rdf::Triple x = t;
          rdf::normalize_triple(&x, format);
          x.graph.clear();
          rec.clear();
          rdf::append_record(x, &rec);
          (t.graph.empty() ? plain : named).insert(rec);
        }
        uint64_t n = 0;
        for (const auto& r : plain) n += named.count(r);
        overlap += n;
      }
      if (!sort_in(triples, sorter, rec)) {
        failed = true;
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < opts.threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  {
    const double c0 = thread_cpu_seconds();
    rdf::Triples triples;
    std::string rec;
    TripleSink g(&triples);
    // Sorted a few thousand triples at a time: all entity or agreement
    // nodes' triples at once would be most of the memory, and so would one
    // agreement reported by many articles (a conflict's sources).
    g.drain_every(4096, [&](rdf::Triples& t) {
      if (!failed && !sort_in(t, *sorters[0], rec)) failed = true;
    });
    for (const auto& kv : res.nodes) {
      if (failed) break;
      emit_entity(kv.second, g);
    }
    if (!failed)
      emit_agreement_nodes(
          groups, reports, [&](uint32_t r) { return id_of_rank[r]; }, g);
    if (!failed && !sort_in(triples, *sorters[0], rec)) failed = true;
    stats.build_cpu += thread_cpu_seconds() - c0;
  }
  std::vector<std::unique_ptr<rdf::TempFile>> runs;
  uint64_t run_bytes = 0;
  {
    const double c0 = thread_cpu_seconds();
    for (auto& s : sorters) {
      if (!failed && !s->flush()) failed = true;
      if (!s->error().empty()) load_error = s->error();
      stats.records += s->records_added();
      stats.sort_cpu += s->sort_cpu();
      for (auto& r : s->take_runs()) {
        run_bytes += r->size();
        runs.push_back(std::move(r));
      }
    }
    stats.build_cpu += thread_cpu_seconds() - c0;
  }
  stats.peak_kb_built = peak_rss_now_kb();
  sorters.clear();  // their arenas are the biggest allocation of all
  malloc_trim(0);   // and what analysis and building freed goes back to the system
  stats.runs = runs.size();
  stats.build_wall = since(t0);
  if (failed) return write_failed(load_error);
  if (invalid.any)
    return write_failed(to_stdout ? invalid.reason
                                  : "not writing '" + opts.output + "': " + invalid.reason);

  // Merge the runs into one sorted, de-duplicated file, counting for VoID
  // and noting the prefixes used, then write it with the description.
  stage("writing");
  t0 = Clock::now();
  rdf::AtomicOutput out;
  rdf::StreamWriter writer(format, [&out](std::string_view d) { out.write(d); });
  std::string err;
  std::unique_ptr<rdf::TempFile> merged;
  uint64_t distinct = 0, typed = 0, links = 0;
  {
    using namespace vocab;
    const std::string person = NKG + "Person", state = NKG + "State", firm = NKG + "Firm";
    const std::string same_as = OWL + "sameAs";
    rdf::RunMerger merger(std::move(runs));
    rdf::RunWriter out_run(opts.tmp_dir);
    std::string_view r;
    rdf::TripleView v;
    while (merger.next(&r)) {
      if (!rdf::parse_record(r, &v)) return write_failed("damaged temporary sort file");
      ++distinct;
      if (v.p.value == RDF_TYPE && (v.o.value == person || v.o.value == state || v.o.value == firm))
        ++typed;
      if (v.p.value == same_as && v.o.value.substr(0, WD.size()) == WD) ++links;
      writer.note(v);
      if (!out_run.add(r)) return write_failed(out_run.error());
    }
    if (!merger.error().empty()) return write_failed(merger.error());
    merged = out_run.finish();
    if (!merged) return write_failed(out_run.error());
  }
  stats.temp_bytes = spill_bytes + run_bytes + merged->size();
  stats.merge_runs = since(t0);
  t0 = Clock::now();
  rdf::Triples vt = void_description(distinct - overlap, typed, links, docs.size(), languages, {});
  std::vector<std::string> void_recs;
  for (auto& t : vt) {
    rdf::normalize_triple(&t, format);
    std::string why;
    if (!rdf::check_triple(t, format, &why)) return write_failed(why);
    void_recs.emplace_back();
    rdf::append_record(t, &void_recs.back());
  }
  std::sort(void_recs.begin(), void_recs.end());
  for (const auto& r : void_recs) {
    rdf::TripleView v;
    rdf::parse_record(r, &v);
    writer.note(v);
  }
  if (!out.open(opts.output, &err)) return write_failed(err);
  if (!writer.begin(&err)) return write_failed(err);
  {
    std::vector<std::unique_ptr<rdf::TempFile>> one;
    one.push_back(std::move(merged));
    rdf::RunMerger reader(std::move(one));  // a single run: reads it in order
    std::string_view r;
    bool have = reader.next(&r);
    size_t vi = 0;
    rdf::TripleView v;
    while (have || vi < void_recs.size()) {
      const bool take_void = vi < void_recs.size() && (!have || void_recs[vi] < r);
      const std::string_view cur = take_void ? std::string_view(void_recs[vi]) : r;
      if (!rdf::parse_record(cur, &v)) return write_failed("damaged temporary sort file");
      if (!writer.write(v)) break;
      if (take_void)
        ++vi;
      else
        have = reader.next(&r);
    }
    if (!reader.error().empty()) return write_failed(reader.error());
  }
  if (!writer.finish(&err)) return write_failed(err);
  stats.triples = distinct + void_recs.size();
  if (!out.commit(&err)) {
    if (progress) progress->clear();
    if (to_stdout) {
      log << "newskg: cannot write to standard output\n";
      return kExitFailure;
    }
    return write_failed(err);
  }
  stats.write = since(t0);
  if (progress) progress->clear();
  log << "newskg: exported " << docs.size() << " article(s)";
  if (!errors.empty()) log << ", skipped " << errors.size();
  log << "\n";
  return errors.empty() ? kExitOk : kExitPartial;
}

}  // namespace nkg
