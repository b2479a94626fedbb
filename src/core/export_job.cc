#include "core/export_job.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "core/pipeline.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
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

int run_export(const ExportOptions& opts, std::ostream& log) {
  Knowledge knowledge;
  Error err;
  if (!knowledge.load(opts.data_dir, &err)) {
    log << "newskg: " << err.message() << "\n";
    return kExitFailure;
  }
  Analyzer analyzer(knowledge);

  std::vector<Error> errors;
  std::vector<std::string> paths = collect_inputs(opts.inputs, &errors);
  size_t attempted = paths.size() + errors.size();

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
        continue;
      }
      Document doc;
      doc.path = paths[i];
      doc.id = fs::path(paths[i]).filename().string();
      doc.text = std::move(dec->text);
      doc.sha256 = std::move(dec->sha256);
      if (doc.text.size() > 0x7FFFFFFF) {
        slot_errors[i] = Error{paths[i], "file too large for ICU (over 2 GiB)"};
        continue;
      }
      analyzer.analyse(doc, opts.forced_lang);
      slots[i] = std::move(doc);
    }
  };
  unsigned n = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  n = std::min<unsigned>(n, std::max<size_t>(1, paths.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  std::vector<Document> docs;
  std::set<std::string> ids;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (slot_errors[i]) {
      errors.push_back(*slot_errors[i]);
      continue;
    }
    if (!ids.insert(slots[i]->id).second) {
      errors.push_back({paths[i], "another input has the same file name '" + slots[i]->id +
                                      "' (article IRIs come from the base name)"});
      continue;
    }
    docs.push_back(std::move(*slots[i]));
  }
  std::sort(docs.begin(), docs.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  std::sort(errors.begin(), errors.end(),
            [](const Error& a, const Error& b) { return a.file < b.file; });
  for (const auto& e : errors) log << "newskg: skipped " << e.message() << "\n";

  if (docs.empty()) {
    log << "newskg: no article could be read"
        << (attempted ? "" : " (no input files found)") << "; nothing written\n";
    return kExitFailure;
  }
  Resolution res = resolve_entities(docs, knowledge);
  GraphOptions gopts;
  gopts.named_graphs = opts.format == rdf::Format::TriG;
  std::vector<AgreementGroup> groups = merge_agreements(docs, res);
  rdf::Triples triples = build_graph(docs, res, groups, knowledge, gopts);
  add_void_description(&triples, docs);
  std::string werr;
  if (opts.output == "-") {
    std::string out;
    if (!rdf::write_string(std::move(triples), opts.format, &out, &werr)) {
      log << "newskg: cannot write output: " << werr << "\n";
      return kExitFailure;
    }
    std::cout << out << std::flush;
    if (!std::cout) {
      log << "newskg: cannot write to standard output\n";
      return kExitFailure;
    }
  } else if (!rdf::write_file(std::move(triples), opts.format, opts.output, &werr)) {
    log << "newskg: cannot write " << Error::quote_path(opts.output) << ": " << werr << "\n";
    return kExitFailure;
  }
  log << "newskg: exported " << docs.size() << " article(s)";
  if (!errors.empty()) log << ", skipped " << errors.size();
  log << "\n";
  return errors.empty() ? kExitOk : kExitPartial;
}

}  // namespace nkg
