// The documentation page of the ontology (ontology/newskg.ttl): every class,
// property and individual of the nkg: namespace with its labels and
// comments in each language the ontology has.
#include <algorithm>
#include <map>
#include <set>

#include "publish/html.h"
#include "publish/pages.h"
#include "publish/vocab.h"

namespace nkg::publish {
namespace {

std::string esc(std::string_view s) { return html::text(s); }
std::string att(std::string_view s) { return html::attr(s); }

bool in_ns(const Node& n) {
  return n.is_iri() && n.value.size() > kOntologyNs.size() &&
         n.value.compare(0, kOntologyNs.size(), kOntologyNs) == 0;
}

}  // namespace

// A reference to a term from the ontology page: nkg: terms as anchors on
// the page, others as links, class expressions (owl:unionOf, owl:oneOf) spelt out.
std::string Renderer::onto_ref(Id node) const {
  const Graph& og = ctx_.og;
  const Node& n = og.node(node);
  if (n.is_literal()) {
    return "<bdi" +
           std::string(n.lang.empty() ? "" : " lang=\"" + att(html::lang_attr(n.lang)) + "\"") +
           ">" + esc(n.value) + "</bdi>";
  }
  if (in_ns(n)) {
    const std::string local(n.value.substr(kOntologyNs.size()));
    return "<a href=\"#" + att(local) + "\"><code>nkg:" + esc(local) + "</code></a>";
  }
  if (n.is_iri()) {
    if (!html::is_linkable(n.value)) return "<code>" + esc(n.value) + "</code>";
    return "<a href=\"" + att(n.value) + "\" title=\"" + att(n.value) + "\"><code>" + esc(n.value) +
           "</code></a>";
  }
  // A blank node: a union or enumeration.
  for (const auto& [pred, joiner] :
       {std::pair{v::OWL + "unionOf", " or "}, std::pair{v::OWL + "oneOf", ", "}}) {
    Id list = og.object(node, og.iri(pred));
    if (list == kNone) continue;
    std::string out;
    const Id first = og.iri(v::RDF + "first"), rest = og.iri(v::RDF + "rest");
    for (int guard = 0; list != kNone && guard < 1000; ++guard) {
      const Id item = og.object(list, first);
      if (item == kNone) break;
      out += (out.empty() ? "" : joiner) + onto_ref(item);
      list = og.object(list, rest);
    }
    return pred == v::OWL + "oneOf" ? "one of {" + out + "}" : out;
  }
  return "<code>_:" + esc(n.value) + "</code>";
}

std::string Renderer::onto_term(Id term, const std::vector<std::string>& langs) const {
  const Graph& og = ctx_.og;
  const std::string& iri = og.node(term).value;
  const std::string local = iri.substr(kOntologyNs.size());
  std::map<std::string, std::string> labels, comments;
  for (Id l : og.objects(term, og.iri(v::RDFS + "label")))
    labels[og.node(l).lang] = og.node(l).value;
  for (Id c : og.objects(term, og.iri(v::RDFS + "comment")))
    comments[og.node(c).lang] = og.node(c).value;
  std::string en = labels.count("en") ? labels["en"] : local;
  std::string out = "<section id=\"" + att(local) + "\">\n<h3>" + esc(en) +
                    " <code>nkg:" + esc(local) + "</code></h3>\n<p class=\"meta\"><code>" +
                    esc(iri) + "</code></p>\n";
  out += "<table class=\"term\"><tr><th>Language</th><th>Label</th><th>Definition</th></tr>\n";
  for (const std::string& lang : langs) {
    if (!labels.count(lang) && !comments.count(lang)) continue;
    const std::string la = html::lang_attr(lang);
    const std::string lattr = la.empty() ? "" : " lang=\"" + att(la) + "\"";
    out += "<tr><td>" + esc(lang.empty() ? "\u2014" : lang) + "</td><td dir=\"auto\"" + lattr +
           ">" + esc(labels[lang]) + "</td><td dir=\"auto\"" + lattr + ">" + esc(comments[lang]) +
           "</td></tr>\n";
  }
  out += "</table>\n";
  const std::pair<std::string, const char*> rels[] = {
      {v::RDF + "type", "Type"},
      {v::RDFS + "subClassOf", "Subclass of"},
      {v::OWL + "equivalentClass", "Equivalent to"},
      {v::RDFS + "subPropertyOf", "Subproperty of"},
      {v::RDFS + "domain", "Domain"},
      {v::RDFS + "range", "Range"},
      {v::RDFS + "seeAlso", "See also"},
  };
  std::string dl;
  for (const auto& [pred, name] : rels) {
    std::string vals;
    for (Id o : og.objects(term, og.iri(pred))) vals += (vals.empty() ? "" : ", ") + onto_ref(o);
    if (!vals.empty())
      dl += "<tr><td class=\"prop\">" + std::string(name) + "</td><td>" + vals + "</td></tr>\n";
  }
  // Instances of a class and the subclasses, which the reader looks for here.
  std::string inst, subs;
  for (Id s : og.subjects(og.iri(v::RDF + "type"), term))
    if (in_ns(og.node(s))) inst += (inst.empty() ? "" : ", ") + onto_ref(s);
  for (Id s : og.subjects(og.iri(v::RDFS + "subClassOf"), term))
    if (in_ns(og.node(s))) subs += (subs.empty() ? "" : ", ") + onto_ref(s);
  if (!subs.empty()) dl += "<tr><td class=\"prop\">Subclasses</td><td>" + subs + "</td></tr>\n";
  if (!inst.empty()) dl += "<tr><td class=\"prop\">Individuals</td><td>" + inst + "</td></tr>\n";
  if (!dl.empty()) out += "<table class=\"rels\">\n" + dl + "</table>\n";
  return out + "</section>\n";
}

std::string Renderer::ontology_page() const {
  const Graph& og = ctx_.og;
  const Id type = og.iri(v::RDF + "type");
  auto has_type = [&](Id s, const std::string& cls) { return og.has(s, type, og.iri(cls)); };
  std::vector<std::pair<std::string, Id>> classes, object_props, data_props, individuals;
  std::set<std::string> lang_set;
  for (Id s : og.subjects()) {
    if (!in_ns(og.node(s))) continue;
    const std::string& iri = og.node(s).value;
    if (has_type(s, v::OWL + "Class")) {
      classes.emplace_back(iri, s);
    } else if (has_type(s, v::OWL + "ObjectProperty")) {
      object_props.emplace_back(iri, s);
    } else if (has_type(s, v::OWL + "DatatypeProperty") || has_type(s, v::RDF + "Property")) {
      data_props.emplace_back(iri, s);
    } else {
      individuals.emplace_back(iri, s);
    }
    for (const char* p : {"label", "comment"})
      for (Id l : og.objects(s, og.iri(v::RDFS + p))) lang_set.insert(og.node(l).lang);
  }
  // English first, then the other languages in tag order.
  std::vector<std::string> langs;
  if (lang_set.count("en")) langs.push_back("en");
  for (const std::string& l : lang_set)
    if (l != "en") langs.push_back(l);

  std::string title = "newskg ontology";
  std::string description, version;
  const Id onto = og.iri(std::string(kOntologyNs.substr(0, kOntologyNs.size() - 1)));
  std::string titles;
  if (onto != kNone) {
    for (Id t : og.objects(onto, og.iri(v::DCT + "title"))) {
      const Node& n = og.node(t);
      if (n.lang == "en") title = n.value;
      const std::string la = html::lang_attr(n.lang);
      titles += "<li" + (la.empty() ? std::string() : " lang=\"" + att(la) + "\"") +
                " dir=\"auto\">" + esc(n.value) + " <span class=\"lang\">" + esc(n.lang) +
                "</span></li>\n";
    }
    for (Id d : og.objects(onto, og.iri(v::DCT + "description"))) description = og.node(d).value;
    for (Id d : og.objects(onto, og.iri(v::OWL + "versionInfo"))) version = og.node(d).value;
  }
  const std::string doc = ctx_.layout.ontology_doc();
  std::string out = head(title, doc + ".ttl");
  out += "<h1>" + esc(title) + "</h1>\n<p class=\"meta\">Namespace <code>" + esc(kOntologyNs) +
         "</code>" + (version.empty() ? "" : " \u00B7 version " + esc(version)) +
         " \u00B7 <a href=\"" + att(doc + ".ttl") + "\" type=\"text/turtle\">Turtle</a></p>\n";
  if (!description.empty()) out += "<p>" + esc(description) + "</p>\n";
  if (!titles.empty()) out += "<ul class=\"plain\">\n" + titles + "</ul>\n";
  out += "<p>Languages: ";
  for (size_t i = 0; i < langs.size(); ++i) {
    out += (i ? ", " : "") + esc(langs[i]);
  }
  out += "</p>\n";
  const std::pair<const char*, std::vector<std::pair<std::string, Id>>*> groups[] = {
      {"Classes", &classes},
      {"Object properties", &object_props},
      {"Datatype properties", &data_props},
      {"Individuals", &individuals}};
  out += "<h2>Contents</h2>\n";
  for (const auto& [name, terms] : groups) {
    if (terms->empty()) continue;
    std::sort(terms->begin(), terms->end());
    out += "<p><b>" + std::string(name) + ":</b> ";
    for (size_t i = 0; i < terms->size(); ++i) {
      out += (i ? " \u00B7 " : "") + onto_ref((*terms)[i].second);
    }
    out += "</p>\n";
  }
  for (const auto& [name, terms] : groups) {
    if (terms->empty()) continue;
    out += "<h2>" + std::string(name) + "</h2>\n";
    for (const auto& [iri, id] : *terms) out += onto_term(id, langs);
  }
  return out + foot();
}

}  // namespace nkg::publish
