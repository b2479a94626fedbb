// bench/bench_export: the measuring parts of the benchmark (bench/run.sh
// drives it and prints the table).
//
//   bench_export icu DIR [--threads N]
//       the reference floor: one ICU pass over the same article text on one
//       core (UTF-8 -> UTF-16, NFKC_Casefold, word and sentence
//       BreakIterator over every article).
//   bench_export analyse DIR [--threads N]
//       newskg's per-article analysis alone, on one core, over the same
//       text held in memory (the figure the ICU pass is compared with), and
//       a fingerprint of what it found, so that a speed-up can be checked
//       not to change the findings.
//   With --threads N, either runs on N threads at once, each taking every
//   N-th article, and reports their summed CPU time: the per-core figure
//   under the load the export puts on the machine (both cores busy, the
//   caches and memory shared). Without a fingerprint: that needs one order.
//   bench_export breaks DIR
//       the fast word and sentence paths against ICU's iterators on the
//       same text (MB/s on one core, and how many articles each fast path
//       declined, leaving them to ICU).
//   bench_export snapshots N OLD.nt NEW.nt
//       two N-Triples snapshots of N triples each (newskg-like terms, in
//       random order) that differ in 1% of their triples, for the diff
//       benchmark.
//
// Every mode prints key=value lines on stdout.
#include <sys/resource.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/export_job.h"
#include "core/pipeline.h"
#include "core/thread_cpu.h"
#include "extract/knowledge.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "resolve/merge_agreements.h"
#include "resolve/resolve_entities.h"
#include "text/sentence_breaks.h"
#include "text/word_breaks.h"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// User + system CPU seconds of this process so far.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

[[noreturn]] void usage() {
  std::cerr << "usage: bench_export icu DIR [--threads N]\n"
               "       bench_export analyse DIR [--threads N]\n"
               "       bench_export breaks DIR\n"
               "       bench_export snapshots N OLD.nt NEW.nt\n";
  std::exit(2);
}

// Every article under `dir`, read into memory.
std::vector<std::string> read_texts(const char* dir, uint64_t* bytes) {
  std::vector<nkg::Error> errors;
  std::vector<std::string> paths = nkg::collect_inputs({dir}, &errors);
  std::vector<std::string> texts;
  *bytes = 0;
  for (const auto& p : paths) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    texts.push_back(s.str());
    *bytes += texts.back().size();
  }
  return texts;
}

// DIR and an optional --threads N (at least 1).
unsigned parse_threads(int argc, char** argv) {
  if (argc == 1) return 1;
  if (argc != 3 || std::string(argv[1]) != "--threads") usage();
  const long n = std::strtol(argv[2], nullptr, 10);
  if (n < 1 || n > 256) usage();
  return static_cast<unsigned>(n);
}

// `work(t, i)` for every article i, on `threads` threads, thread t taking
// the articles i % threads == t (the calling thread alone when one): the
// wall seconds and the threads' summed CPU seconds.
template <class Work>
std::pair<double, double> run_threads(unsigned threads, size_t articles, Work work) {
  const auto t0 = Clock::now();
  if (threads == 1) {
    const double c0 = cpu_seconds();
    for (size_t i = 0; i < articles; ++i) work(0u, i);
    return {since(t0), cpu_seconds() - c0};
  }
  std::vector<double> cpu(threads, 0);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      const double c0 = nkg::thread_cpu_seconds();
      for (size_t i = t; i < articles; i += threads) work(t, i);
      cpu[t] = nkg::thread_cpu_seconds() - c0;
    });
  for (auto& th : pool) th.join();
  double total = 0;
  for (double c : cpu) total += c;
  return {since(t0), total};
}

int icu_pass(int argc, char** argv) {
  if (argc < 1) usage();
  const unsigned threads = parse_threads(argc, argv);
  uint64_t bytes = 0;
  std::vector<std::string> texts = read_texts(argv[0], &bytes);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  // Iterators and counts per thread.
  struct Lane {
    std::unique_ptr<icu::BreakIterator> words, sentences;
    UErrorCode st = U_ZERO_ERROR;
    uint64_t n_words = 0, n_sentences = 0, folded = 0;
  };
  std::vector<Lane> lanes(threads);
  for (Lane& l : lanes) {
    l.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
    l.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
  }
  if (U_FAILURE(st)) {
    std::cerr << "ICU: " << u_errorName(st) << "\n";
    return 2;
  }
  const auto [wall, cpu] = run_threads(threads, texts.size(), [&](unsigned t, size_t i) {
    Lane& l = lanes[t];
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(texts[i]);
    icu::UnicodeString f = nfkc_cf->normalize(u, l.st);
    l.folded += static_cast<uint64_t>(f.length());
    l.words->setText(u);
    for (int32_t b = l.words->first(); b != icu::BreakIterator::DONE; b = l.words->next())
      ++l.n_words;
    l.sentences->setText(u);
    for (int32_t b = l.sentences->first(); b != icu::BreakIterator::DONE; b = l.sentences->next())
      ++l.n_sentences;
  });
  uint64_t n_words = 0, n_sentences = 0, folded = 0;
  for (const Lane& l : lanes) {
    if (U_FAILURE(l.st)) {
      std::cerr << "ICU: " << u_errorName(l.st) << "\n";
      return 2;
    }
    n_words += l.n_words;
    n_sentences += l.n_sentences;
    folded += l.folded;
  }
  std::printf("icu_threads=%u\nicu_bytes=%llu\nicu_seconds=%.3f\nicu_cpu_seconds=%.3f\n", threads,
              static_cast<unsigned long long>(bytes), wall, cpu);
  std::printf("icu_words=%llu\nicu_sentences=%llu\nicu_folded_units=%llu\n",
              static_cast<unsigned long long>(n_words),
              static_cast<unsigned long long>(n_sentences),
              static_cast<unsigned long long>(folded));
  return 0;
}

int breaks_pass(int argc, char** argv) {
  if (argc != 1) usage();
  uint64_t bytes = 0;
  std::vector<std::string> texts = read_texts(argv[0], &bytes);
  std::vector<nkg::WordSeg> words;
  std::vector<nkg::Span> sentences;
  // One pass of `run` over every text: CPU seconds, pieces found, articles declined.
  auto measure = [&](const char* name, auto run) {
    uint64_t found = 0, declined = 0;
    const double c0 = cpu_seconds();
    for (const auto& t : texts) {
      size_t n = 0;
      if (!run(t, n)) ++declined;
      found += n;
    }
    const double cpu = cpu_seconds() - c0;
    std::printf("%s_cpu_seconds=%.3f\n%s_mb_per_s=%.1f\n%s_found=%llu\n%s_declined=%llu\n", name,
                cpu, name, static_cast<double>(bytes) / 1e6 / cpu, name,
                static_cast<unsigned long long>(found), name,
                static_cast<unsigned long long>(declined));
  };
  std::printf("breaks_bytes=%llu\n", static_cast<unsigned long long>(bytes));
  measure("fast_words", [&](const std::string& t, size_t& n) {
    const bool ok = nkg::fast_word_segments(t, words);
    n = ok ? words.size() : 0;
    return ok;
  });
  measure("icu_words", [&](const std::string& t, size_t& n) {
    const bool ok = nkg::icu_word_segments(t, words);
    n = words.size();
    return ok;
  });
  measure("fast_sentences", [&](const std::string& t, size_t& n) {
    const bool ok = nkg::fast_sentence_spans(t, sentences);
    n = ok ? sentences.size() : 0;
    return ok;
  });
  measure("icu_sentences", [&](const std::string& t, size_t& n) {
    const bool ok = nkg::icu_sentence_spans(t, sentences);
    n = sentences.size();
    return ok;
  });
  return 0;
}

// FNV-1a over what the analysis found, in order.
struct Fingerprint {
  uint64_t h = 0xcbf29ce484222325ull;
  void add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;
  }
  void add(uint64_t v) { add(std::to_string(v)); }
};

int analyse_pass(int argc, char** argv) {
  if (argc < 1) usage();
  const unsigned threads = parse_threads(argc, argv);
  uint64_t bytes = 0;
  std::vector<std::string> texts = read_texts(argv[0], &bytes);
  nkg::Knowledge knowledge;
  nkg::Error err;
  if (!knowledge.load(NEWSKG_DATA_DIR, &err)) {
    std::cerr << err.message() << "\n";
    return 2;
  }
  nkg::Analyzer analyzer(knowledge);
  Fingerprint fp;  // one thread only: its order is the articles'
  struct Counts {
    uint64_t mentions = 0, roles = 0, agreements = 0, tokens = 0;
  };
  std::vector<Counts> counts(threads);
  const auto [wall, cpu] = run_threads(threads, texts.size(), [&](unsigned t, size_t i) {
    nkg::Document doc;
    doc.text = texts[i];
    analyzer.analyse(doc, "");
    Counts& c = counts[t];
    c.tokens += doc.tokens.size();
    c.mentions += doc.mentions.size();
    c.roles += doc.roles.size();
    c.agreements += doc.agreements.size();
    if (threads > 1) return;
    fp.add(doc.lang);
    fp.add(doc.title);
    fp.add(doc.issued);
    for (const auto& m : doc.mentions) {
      fp.add(m.span.begin);
      fp.add(m.span.end);
      fp.add(m.entity);
      fp.add(m.lemma);
    }
    for (const auto& r : doc.roles) {
      fp.add(r.person);
      fp.add(r.organization);
      fp.add(r.post);
      fp.add(r.sentence);
    }
    for (const auto& a : doc.agreements) {
      fp.add(a.kind);
      fp.add(a.status);
      for (const auto& p : a.parties) fp.add(p);
      for (const auto& p : a.signatories) fp.add(p);
      for (const auto& v : a.values) fp.add(v.value + " " + v.currency);
      for (const auto& k : a.stakes) fp.add(k.holder + " " + k.share);
      fp.add(a.quantity + " " + a.item + " " + a.date);
      for (const auto& s : a.subjects) fp.add(s);
      for (uint32_t k : a.sentences) fp.add(k);
    }
  });
  Counts sum;
  for (const Counts& c : counts) {
    sum.tokens += c.tokens;
    sum.mentions += c.mentions;
    sum.roles += c.roles;
    sum.agreements += c.agreements;
  }
  std::printf(
      "analyse_threads=%u\nanalyse_bytes=%llu\nanalyse_seconds=%.3f\nanalyse_cpu_seconds=%.3f\n",
      threads, static_cast<unsigned long long>(bytes), wall, cpu);
  std::printf("analyse_mb_per_s=%.2f\n", static_cast<double>(bytes) / 1e6 / cpu);
  std::printf(
      "tokens=%llu\nmentions=%llu\nroles=%llu\nagreements=%llu\n",
      static_cast<unsigned long long>(sum.tokens), static_cast<unsigned long long>(sum.mentions),
      static_cast<unsigned long long>(sum.roles), static_cast<unsigned long long>(sum.agreements));
  if (threads == 1) std::printf("fingerprint=%016llx\n", static_cast<unsigned long long>(fp.h));
  return 0;
}

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// Triple i of a snapshot, in the shapes newskg writes: mention phrases with
// offsets and anchors, entity labels in several scripts, typed literals.
std::string triple(uint64_t i, uint64_t version) {
  static const char* kAnchors[] = {"Kazachstan",  "Deutsche Bahn", "نخست وزیر", "Ljubljana",
                                   "Rolls-Royce", "وزیر خارجه",    "Embraer",   "Präsident"};
  const std::string id = "<https://newskg.example/id/";
  uint64_t art = i / 40, k = i % 40;
  std::string a = id + "article/a-" + std::to_string(art) + ".txt";
  std::string m =
      a + "#char=" + std::to_string(k * 7) + "," + std::to_string(k * 7 + 5 + version) + ">";
  a += ">";
  switch (k % 5) {
    case 0:
      return m +
             " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
             "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase> .";
    case 1:
      return m +
             " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> " +
             a + " .";
    case 2:
      return m + " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"" +
             kAnchors[(i + version) % 8] + "\" .";
    case 3:
      return m + " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> \"" +
             std::to_string(k * 7) + "\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .";
    default:
      return id + "person/p-" + std::to_string(i % 5003) +
             "> <http://www.w3.org/2000/01/rdf-schema#label> \"" + kAnchors[(i / 5 + version) % 8] +
             " " + std::to_string(i) + "\"@" + (i % 2 ? "pl" : "fa") + " .";
  }
}

int snapshots(int argc, char** argv) {
  if (argc != 3) usage();
  uint64_t n = std::strtoull(argv[0], nullptr, 10);
  std::vector<uint64_t> order(n);
  for (uint64_t i = 0; i < n; ++i) order[i] = i;
  Rng r{42};
  for (uint64_t i = n; i > 1; --i) std::swap(order[i - 1], order[r.next() % i]);
  std::ofstream old_f(argv[1], std::ios::binary), new_f(argv[2], std::ios::binary);
  uint64_t changed = 0;
  for (uint64_t i : order) {
    old_f << triple(i, 0) << "\n";
    // 1% of the triples differ: the old one is gone, a new one is there.
    bool change = Rng{i * 7919 + 1}.next() % 100 == 0;
    changed += change;
    new_f << triple(i, change ? 1 : 0) << "\n";
  }
  if (!old_f.flush() || !new_f.flush()) {
    std::cerr << "cannot write the snapshots\n";
    return 2;
  }
  std::printf("snapshot_triples=%llu\nchanged_triples=%llu\n", static_cast<unsigned long long>(n),
              static_cast<unsigned long long>(changed));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage();
  std::string mode = argv[1];
  if (mode == "icu") return icu_pass(argc - 2, argv + 2);
  if (mode == "analyse") return analyse_pass(argc - 2, argv + 2);
  if (mode == "breaks") return breaks_pass(argc - 2, argv + 2);
  if (mode == "snapshots") return snapshots(argc - 2, argv + 2);
  usage();
}
