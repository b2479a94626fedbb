// The HTML pages of the site. Everything from the graph goes through
// html::text/html::attr and is wrapped in an isolating element; pages carry
// a Content-Security-Policy that allows no script at all.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "publish/context.h"
#include "publish/describe.h"

namespace nkg::publish {

// What every page links to.
struct Chrome {
  std::string home;                                      // site root
  std::vector<std::pair<std::string, std::string>> nav;  // class index href, label
  std::string ontology;                                  // ontology document
  std::string dataset;                                   // dataset IRI, or ""
};

struct DumpLink {
  std::string href, label, media_type;
  size_t bytes = 0;
};

class Renderer {
 public:
  Renderer(const Context& ctx, const Describer& describer, Chrome chrome);

  // The page of the resource whose IRI is `doc` (under the base).
  std::string resource_page(std::string_view doc) const;
  // The page of the class index: the resources of one path segment.
  std::string index_page(const std::string& title, const std::vector<std::string>& docs) const;
  // The home page at the site root.
  std::string home_page(const std::vector<std::pair<std::string, size_t>>& indexes,
                        const std::vector<DumpLink>& dumps) const;
  // The documentation of the ontology (ctx.og), at <root>ns.
  std::string ontology_page() const;

 private:
  std::string head(const std::string& title, const std::string& turtle) const;
  std::string foot() const;
  std::string link(Id node) const;
  std::string term_link(std::string_view iri) const;
  std::string value(Id pred, Id o) const;
  // The sentence with its mentions marked (those of `selves` as class
  // "self") and linked; with `context` > 0 only that many code points
  // either side of the first mention of a self.
  std::string sentence(const Span& s, const std::vector<Id>& selves, size_t context = 0) const;
  std::string cite(const Span& s) const;
  std::string article_link(Id article) const;
  std::string lang_of(Id article) const;
  std::string evidence_list(const std::vector<const Span*>& sentences,
                            const std::vector<Id>& selves) const;
  std::string labels_section(Id node) const;
  std::string facts_section(Id node) const;
  std::string evidence_section(Id node, const std::vector<Id>& parts) const;
  std::string referenced_section(Id node, const std::vector<Id>& parts) const;
  std::string mentions_section(Id node) const;
  std::string article_sections(Id node) const;
  std::string sources_section(Id node) const;
  std::string onto_term(Id term, const std::vector<std::string>& langs) const;
  std::string onto_ref(Id node) const;

  const Context& ctx_;
  const Graph& g_;
  const Describer& describer_;
  Chrome chrome_;
};

}  // namespace nkg::publish
