// Where a published resource lives: IRIs under the base, and the files in
// OUTDIR that a web server maps them to (docs/publishing.md).
//
// OUTDIR is the document root of the host in the base IRI. The document of
// the resource <BASE>person/x is OUTDIR/<path of BASE>person/x.html and
// .ttl, the path percent-decoded as a server decodes a request. The site
// root is the base without its last path segment (https://w3id.org/newskg/id/
// has the root https://w3id.org/newskg/): the ontology, the dumps and the
// home page live there, and the VoID description at /.well-known/void.
#pragma once
#include <string>
#include <string_view>

namespace nkg::publish {

// The IRI space the exporter mints (rdf/vocab.h vocab::ID).
inline constexpr std::string_view kDefaultBase = "https://w3id.org/newskg/id/";
// The ontology namespace: a hash namespace whose document is <root>ns.
inline constexpr std::string_view kOntologyNs = "https://w3id.org/newskg/ns#";

class Layout {
 public:
  // `base` must be an absolute http(s) IRI ending in "/", without query or
  // fragment, whose path segments can be file names. False with *err else.
  static bool make(std::string_view base, Layout* out, std::string* err);

  const std::string& base() const { return base_; }
  const std::string& root() const { return root_; }
  // Scheme and authority with a "/": where /.well-known/ is.
  const std::string& host_root() const { return host_root_; }
  // Relative file path of the site root directory ("" or "newskg/").
  const std::string& root_dir() const { return root_dir_; }
  const std::string& base_dir() const { return base_dir_; }

  // `iri` with the exporter's base (kDefaultBase) replaced by this base.
  std::string rewrite(std::string_view iri) const;
  bool under_base(std::string_view iri) const;

  // The file path (relative to OUTDIR, no extension) of the document of
  // `iri`, an IRI under the base without a fragment. False with *why when
  // the IRI cannot be a file: a query, an empty, "." or ".." segment, a
  // segment that decodes to "/" or NUL, a segment longer than 240 bytes.
  bool file_for(std::string_view iri, std::string* rel, std::string* why) const;

  // Where a link to a term of the ontology points: <root>ns#Local.
  std::string ontology_link(std::string_view term) const;
  std::string ontology_doc() const { return root_ + "ns"; }

 private:
  std::string base_, root_, root_dir_, base_dir_, host_root_;
};

// Percent-decodes `s` (an ill-formed escape is kept as it is).
std::string percent_decode(std::string_view s);

// The IRI up to its '#', the document that describes a hash IRI.
std::string_view strip_fragment(std::string_view iri);

}  // namespace nkg::publish
