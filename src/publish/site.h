// `newskg publish`: a graph (and the ontology) as a static linked-data site
// (docs/publishing.md). The site is built in memory, the same input giving
// the same bytes, then written to a fresh directory that replaces OUTDIR.
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diff/snapshot_reader.h"
#include "publish/layout.h"

namespace nkg::publish {

struct PublishOptions {
  std::string base = std::string(kDefaultBase);  // replaces https://w3id.org/newskg/id/
  diff::Syntax syntax = diff::Syntax::Auto;      // of the graph
};

struct Site {
  std::map<std::string, std::string> files;  // path relative to OUTDIR -> content
  std::vector<std::string> warnings;         // resources left out, and why
  size_t resources = 0;                      // resources with a page
};

// Builds the site from a graph and the ontology (`ontology` may be empty:
// then no ontology pages; `ontology_ttl` is its file's text, published as
// it is). False with *err when the base is not usable.
bool build_site(const diff::Snapshot& graph, const diff::Snapshot& ontology,
                std::string_view ontology_ttl, const PublishOptions& options, Site* site,
                std::string* err);

// Writes the site to `out_dir`: into a new directory beside it, then renamed
// over it, so that a server never sees half a site and no file of an earlier
// site stays behind. An existing `out_dir` is replaced only when it is empty
// or an earlier site (it holds the marker file .newskg-site).
bool write_site(const Site& site, const std::string& out_dir, std::string* err);

// The command: reads GRAPH and the ontology file, builds, writes; messages
// on `err`. Exit status: 0 every resource published, 1 some left out (each
// reported), 2 an error (nothing written).
int run_publish(const std::string& graph_path, const std::string& ontology_path,
                const std::string& out_dir, const PublishOptions& options, std::ostream& out,
                std::ostream& err);

}  // namespace nkg::publish
