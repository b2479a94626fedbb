#include "core/export_job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "core/doc_codec.h"
#include "core/pipeline.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "resolve/merge_agreements.h"
#include "rdf/atomic_file.h"
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

