// RDF terms and triples as newskg builds them before writing.
// Terms are plain values; validation happens in term_check before Serd sees
// them, because Serd 0.30 writes lexical forms, language tags and IRIs as given.
#pragma once
#include <string>
#include <tuple>
#include <vector>

namespace nkg::rdf {

enum class TermKind { Iri = 0, Literal = 1 };

struct Term {
  TermKind kind = TermKind::Iri;
  std::string value;     // IRI, or the literal's lexical form (UTF-8)
  std::string datatype;  // full IRI for typed literals; empty = xsd:string / langString
  std::string lang;      // BCP 47 tag for language-tagged literals

  static Term iri(std::string v) { return {TermKind::Iri, std::move(v), {}, {}}; }
  static Term lit(std::string v) { return {TermKind::Literal, std::move(v), {}, {}}; }
  static Term lang_lit(std::string v, std::string tag) {
    return {TermKind::Literal, std::move(v), {}, std::move(tag)};
  }
  static Term typed(std::string v, std::string dt) {
    return {TermKind::Literal, std::move(v), std::move(dt), {}};
  }
  auto key() const { return std::tie(kind, value, datatype, lang); }
  bool operator<(const Term& o) const { return key() < o.key(); }
  bool operator==(const Term& o) const { return key() == o.key(); }
};

struct Triple {
  Term s, p, o;
  std::string graph;  // named graph IRI (TriG only); empty = default graph
  auto key() const { return std::tie(graph, s, p, o); }
  bool operator<(const Triple& t) const { return key() < t.key(); }
  bool operator==(const Triple& t) const { return key() == t.key(); }
};

using Triples = std::vector<Triple>;

}  // namespace nkg::rdf
