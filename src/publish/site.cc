#include "publish/site.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "publish/context.h"
#include "publish/describe.h"
#include "publish/graph.h"
#include "publish/pages.h"
#include "publish/vocab.h"
#include "rdf/term_check.h"
#include "rdf/writer.h"

namespace nkg::publish {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = ".newskg-site";

// Why a decoded triple cannot be written (empty when it can).
std::string invalid(const Node& n) {
  std::string why;
  switch (n.kind) {
    case NodeKind::Blank:
      return "";
    case NodeKind::Iri:
      return rdf::is_valid_iri(n.value, &why) ? "" : "IRI <" + n.value + ">: " + why;
    case NodeKind::Literal:
      break;
  }
  if (!rdf::is_valid_utf8(n.value)) return "literal that is not valid UTF-8";
  std::string tag;
  if (!n.lang.empty() && !rdf::normalize_lang_tag(n.lang, &tag)) {
    return "language tag '" + n.lang + "'";
  }
  if (!n.datatype.empty() &&
      (!rdf::is_valid_iri(n.datatype) || !rdf::is_valid_lexical(n.value, n.datatype))) {
    return "literal \"" + n.value + "\" of type <" + n.datatype + ">";
  }
  return "";
}

Node iri_node(std::string v) { return Node{NodeKind::Iri, std::move(v), {}, {}}; }
Node typed(std::string v, std::string dt) {
  return Node{NodeKind::Literal, std::move(v), std::move(dt), {}};
}

// Loads `snap` into `g`, rewriting and checking every term; returns how
// many triples were left out (with the first few reasons in *warnings).
size_t load_checked(const diff::Snapshot& snap, const Layout* layout, Graph* g,
                    std::vector<std::string>* warnings) {
  size_t dropped = 0;
  Node s, p, o;
  for (std::string_view line : snap.lines()) {
    const diff::LineParts parts = diff::split_line(line);
    if (!decode_nt_term(parts.s, &s) || !decode_nt_term(parts.p, &p) ||
        !decode_nt_term(parts.o, &o)) {
      ++dropped;
      continue;
    }
    if (layout) {
      for (Node* n : {&s, &p, &o})
        if (n->is_iri()) n->value = layout->rewrite(n->value);
      // The dataset's IRI space moves with the base.
      if (o.is_literal() && p.value == v::VOID + "uriSpace" && o.value == kDefaultBase) {
        o.value = layout->base();
      }
    }
    std::string why;
    for (const Node* n : {&s, &p, &o})
      if (why.empty()) why = invalid(*n);
    if (!why.empty()) {
      if (warnings && dropped < 20) warnings->push_back("left out a triple with a bad " + why);
      ++dropped;
      continue;
    }
    g->add(s, p, o);
  }
  g->finish();
  return dropped;
}

// The path segments under the base that get a class index, in this order
// first, then any others alphabetically.
const std::vector<std::pair<std::string, std::string>>& known_segments() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"person", "People"}, {"state", "States"},     {"firm", "Firms"}, {"agreement", "Agreements"},
      {"role", "Roles"},    {"article", "Articles"}, {"post", "Posts"}, {"subject", "Subjects"},
  };
  return k;
}

// Serd declares the exporter's id: prefix in every document; with another
// base no IRI uses it, and the declaration names the base instead.
void declare_base(const Layout& layout, std::string* ttl) {
  if (layout.base() == kDefaultBase) return;
  const std::string from = "@prefix id: <" + std::string(kDefaultBase) + "> .";
  const size_t at = ttl->find(from);
  if (at != std::string::npos)
    ttl->replace(at, from.size(), "@prefix id: <" + layout.base() + "> .");
}

class Claims {
 public:
  explicit Claims(Site* site) : site_(site) {}
  // Reserves `path` (relative) for `content`; false when it collides with a
  // file or directory already claimed.
  bool claim(const std::string& path, std::string content) {
    if (site_->files.count(path) || dirs_.count(path)) return false;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      if (site_->files.count(path.substr(0, slash))) return false;
    }
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      dirs_.insert(path.substr(0, slash));
    }
    site_->files.emplace(path, std::move(content));
    return true;
  }
  bool free(const std::string& path) const {
    return !site_->files.count(path) && !dirs_.count(path);
  }

 private:
  Site* site_;
  std::set<std::string> dirs_;
};

}  // namespace

bool build_site(const diff::Snapshot& graph, const diff::Snapshot& ontology,
                std::string_view ontology_ttl, const PublishOptions& options, Site* site,
                std::string* err) {
  Layout layout;
  if (!Layout::make(options.base, &layout, err)) {
    *err = "--base " + options.base + ": " + *err;
    return false;
  }
  *site = Site{};
  Graph g;
  const size_t dropped = load_checked(graph, &layout, &g, &site->warnings);
  if (dropped > 20) {
    site->warnings.push_back("left out " + std::to_string(dropped) + " bad triples in all");
  }
  size_t blank = 0;
  for (const Triple& t : g.triples())
    blank += g.node(t.s).kind == NodeKind::Blank || g.node(t.o).kind == NodeKind::Blank;
  if (blank) {
    site->warnings.push_back(std::to_string(blank) +
                             " triples with blank nodes left out (the graph contract has none)");
  }

  // The dumps: the graph as read, with the base applied.
  std::vector<uint32_t> all(g.triples().size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  const rdf::Triples dump = to_rdf(g, all);
  std::string dump_ttl, dump_nt;
  if (!rdf::write_string(dump, rdf::Format::Turtle, &dump_ttl, err) ||
      !rdf::write_string(dump, rdf::Format::NTriples, &dump_nt, err)) {
    return false;
  }
  declare_base(layout, &dump_ttl);
  const std::string dump_dir = layout.root_dir() + "dump/";
  const std::vector<DumpLink> dumps = {
      {layout.root() + "dump/newskg.ttl", "Whole graph as Turtle", "text/turtle", dump_ttl.size()},
      {layout.root() + "dump/newskg.nt", "Whole graph as N-Triples", "application/n-triples",
       dump_nt.size()},
  };

  // The dataset description gains where the dumps are (VoID and DCAT).
  const std::string ds = layout.base() + "dataset";
  const Node ds_node = iri_node(ds);
  const Node type = iri_node(v::RDF + "type");
  if (g.iri(ds) == kNone || g.out(g.iri(ds)).empty()) {
    g.add(ds_node, type, iri_node(v::VOID + "Dataset"));
    g.add(ds_node, iri_node(v::VOID + "uriSpace"), Node{NodeKind::Literal, layout.base(), {}, {}});
  }
  g.add(ds_node, type, iri_node(v::DCAT + "Dataset"));
  g.add(ds_node, iri_node(v::FOAF + "homepage"), iri_node(layout.root()));
  for (const DumpLink& d : dumps) {
    const Node dist = iri_node(d.href);
    g.add(ds_node, iri_node(v::VOID + "dataDump"), dist);
    g.add(ds_node, iri_node(v::DCAT + "distribution"), dist);
    g.add(dist, type, iri_node(v::DCAT + "Distribution"));
    g.add(dist, iri_node(v::DCAT + "downloadURL"), dist);
    g.add(dist, iri_node(v::DCAT + "mediaType"),
          iri_node("https://www.iana.org/assignments/media-types/" + d.media_type));
    g.add(dist, iri_node(v::DCAT + "byteSize"),
          typed(std::to_string(d.bytes), v::XSD + "nonNegativeInteger"));
  }
  g.finish();

  Graph og;
  load_checked(ontology, nullptr, &og, nullptr);

  const Context ctx(g, og, layout);
  const Describer describer(ctx);
  const std::vector<std::string> docs = describer.documents();

  // Class indexes: the first path segment of resources one level down.
  std::map<std::string, std::vector<std::string>> by_segment;
  for (const std::string& d : docs) {
    const std::string_view rest = std::string_view(d).substr(layout.base().size());
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos) {
      continue;
    }
    by_segment[std::string(rest.substr(0, slash))].push_back(d);
  }
  // <base>dataset/wikidata-links is a part of <base>dataset, not a class.
  for (auto it = by_segment.begin(); it != by_segment.end();) {
    if (std::binary_search(docs.begin(), docs.end(), layout.base() + it->first)) {
      it = by_segment.erase(it);
    } else {
      ++it;
    }
  }
  std::vector<std::string> order;
  for (const auto& [seg, label] : known_segments())
    if (by_segment.count(seg)) order.push_back(seg);
  for (const auto& [seg, list] : by_segment)
    if (std::find(order.begin(), order.end(), seg) == order.end()) order.push_back(seg);

  Chrome chrome;
  chrome.home = layout.root();
  chrome.ontology = layout.ontology_doc();
  chrome.dataset = ds;
  std::vector<std::pair<std::string, size_t>> counts;
  for (const std::string& seg : order) {
    std::string label = capitalise(percent_decode(seg));
    for (const auto& [k, l] : known_segments())
      if (k == seg) label = l;
    chrome.nav.emplace_back(layout.base() + seg + "/", label);
    counts.emplace_back(seg, by_segment[seg].size());
  }
  const Renderer render(ctx, describer, chrome);

  Claims claims(site);
  claims.claim(layout.root_dir() + "index.html", render.home_page(counts, dumps));
  if (!ontology.lines().empty()) {
    claims.claim(layout.root_dir() + "ns.html", render.ontology_page());
    claims.claim(layout.root_dir() + "ns.ttl", std::string(ontology_ttl));
  }
  claims.claim(dump_dir + "newskg.ttl", std::move(dump_ttl));
  claims.claim(dump_dir + "newskg.nt", std::move(dump_nt));
  for (size_t i = 0; i < order.size(); ++i) {
    std::string dir;
    std::string why;
    if (!layout.file_for(layout.base() + order[i], &dir, &why)) continue;
    claims.claim(dir + "/index.html",
                 render.index_page(chrome.nav[i].second, by_segment[order[i]]));
  }

  const Node topic = iri_node(v::FOAF + "primaryTopic");
  for (const std::string& d : docs) {
    std::string rel, why;
    if (!layout.file_for(d, &rel, &why)) {
      site->warnings.push_back("<" + d + ">: not published: " + why);
      continue;
    }
    if (!claims.free(rel + ".ttl") || !claims.free(rel + ".html")) {
      site->warnings.push_back("<" + d + ">: not published: its files " + rel +
                               ".{ttl,html} are taken by another page");
      continue;
    }
    std::vector<uint32_t> triples = describer.describe(d);
    rdf::Triples rt = to_rdf(g, triples);
    rt.push_back({rdf::Term::iri(d + ".ttl"), to_term(topic), rdf::Term::iri(d), {}});
    std::string ttl, werr;
    if (!rdf::write_string(std::move(rt), rdf::Format::Turtle, &ttl, &werr)) {
      site->warnings.push_back("<" + d + ">: not published: " + werr);
      continue;
    }
    declare_base(layout, &ttl);
    std::string page = render.resource_page(d);
    if (d == ds) {
      claims.claim(".well-known/void.ttl", ttl);
      claims.claim(".well-known/void.html", page);
    }
    claims.claim(rel + ".ttl", std::move(ttl));
    claims.claim(rel + ".html", std::move(page));
    ++site->resources;
  }
  return true;
}

bool write_site(const Site& site, const std::string& out_dir, std::string* err) {
  std::error_code ec;
  if (out_dir.empty()) return *err = "OUTDIR is empty", false;
  // An absolute path without a trailing '/', so that "site/" and "." have a
  // parent to build beside.
  fs::path target = fs::absolute(fs::path(out_dir), ec).lexically_normal();
  if (ec) return *err = out_dir + ": " + ec.message(), false;
  if (target.filename().empty()) target = target.parent_path();
  const fs::path name = target.filename();
  if (name.empty() || name == "." || name == "..") {
    return *err = out_dir + ": cannot replace this directory", false;
  }
  const fs::path parent = target.parent_path();
  const fs::file_status st = fs::symlink_status(target, ec);
  const bool exists = fs::exists(st);
  if (exists) {
    if (fs::is_symlink(st)) {
      return *err = out_dir + ": is a symbolic link; give the directory itself", false;
    }
    if (!fs::is_directory(st)) return *err = out_dir + ": exists and is not a directory", false;
    const bool empty = fs::is_empty(target, ec);
    if (!empty && !fs::exists(target / kMarker, ec)) {
      *err = out_dir + ": exists, is not empty and holds no site of newskg publish (" + kMarker +
             "); not replaced";
      return false;
    }
  }
  fs::create_directories(parent, ec);
  std::string tmpl = (parent / ("." + name.string() + ".tmp-XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) {
    return *err = tmpl + ": " + std::strerror(errno), false;
  }
  const fs::path tmp(tmpl);
  auto fail = [&](const std::string& message) {
    fs::remove_all(tmp, ec);
    *err = message;
    return false;
  };
  chmod(tmp.c_str(), 0755);
  for (const auto& [rel, content] : site.files) {
    const fs::path p = tmp / rel;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return fail(p.parent_path().string() + ": " + ec.message());
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.close();
    if (!f) return fail(p.string() + ": cannot write: " + std::strerror(errno));
  }
  {
    std::ofstream m(tmp / kMarker, std::ios::binary);
    m << "A site written by newskg publish; the next run replaces this directory.\n";
    if (!m) return fail((tmp / kMarker).string() + ": cannot write");
  }
  if (!exists) {
    if (rename(tmp.c_str(), target.c_str()) != 0) {
      return fail(out_dir + ": " + std::strerror(errno));
    }
    return true;
  }
  std::string old_tmpl = (parent / ("." + name.string() + ".old-XXXXXX")).string();
  if (!mkdtemp(old_tmpl.data())) return fail(old_tmpl + ": " + std::strerror(errno));
  const fs::path old(old_tmpl);
  if (rename(target.c_str(), old.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    fs::remove(old, ec);
    return fail(out_dir + ": cannot move aside: " + why);
  }
  if (rename(tmp.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    rename(old.c_str(), target.c_str());
    return fail(out_dir + ": " + why);
  }
  fs::remove_all(old, ec);
  return true;
}

int run_publish(const std::string& graph_path, const std::string& ontology_path,
                const std::string& out_dir, const PublishOptions& options, std::ostream& out,
                std::ostream& err) {
  diff::ReadOptions ro;
  ro.syntax = options.syntax;
  diff::Snapshot graph, onto;
  diff::ReadError re;
  if (!diff::read_snapshot(graph_path, ro, &graph, &re)) {
    err << "newskg publish: " << re.str() << "\n";
    return 2;
  }
  std::string onto_text;
  if (!ontology_path.empty()) {
    diff::ReadOptions oo;
    if (!diff::read_snapshot(ontology_path, oo, &onto, &re)) {
      err << "newskg publish: " << re.str() << "\n";
      return 2;
    }
    std::ifstream f(ontology_path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    onto_text = s.str();
  }
  Site site;
  std::string e;
  if (!build_site(graph, onto, onto_text, options, &site, &e)) {
    err << "newskg publish: " << e << "\n";
    return 2;
  }
  for (const std::string& w : site.warnings) err << "newskg publish: " << w << "\n";
  if (!write_site(site, out_dir, &e)) {
    err << "newskg publish: " << e << "\n";
    return 2;
  }
  out << "newskg publish: " << site.resources << " resources, " << site.files.size() << " files in "
      << out_dir << "\n";
  return site.warnings.empty() ? 0 : 1;
}

}  // namespace nkg::publish
