// The namespaces of ../shared/spec/CONTRACT.md plus our own, in one table.
#pragma once
#include <string>

namespace nkg::vocab {
inline const std::string NKG = "https://w3id.org/newskg/ns#";
inline const std::string ID = "https://w3id.org/newskg/id/";  // base of minted IRIs
inline const std::string DCT = "http://purl.org/dc/terms/";
inline const std::string NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline const std::string ITSRDF = "http://www.w3.org/2005/11/its/rdf#";
inline const std::string PROV = "http://www.w3.org/ns/prov#";
inline const std::string ORG = "http://www.w3.org/ns/org#";
inline const std::string SCHEMA = "https://schema.org/";
inline const std::string SKOS = "http://www.w3.org/2004/02/skos/core#";
inline const std::string OWL = "http://www.w3.org/2002/07/owl#";
inline const std::string WD = "http://www.wikidata.org/entity/";
inline const std::string RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline const std::string RDFS = "http://www.w3.org/2000/01/rdf-schema#";
inline const std::string XSD = "http://www.w3.org/2001/XMLSchema#";
inline const std::string VOID = "http://rdfs.org/ns/void#";
inline const std::string FOAF = "http://xmlns.com/foaf/0.1/";

inline const std::string RDF_TYPE = RDF + "type";

struct Prefix {
  const char* name;
  const std::string* iri;
};
// Prefixes declared in every Turtle/TriG output, in this order.
inline const Prefix kPrefixes[] = {
    {"nkg", &NKG},   {"id", &ID},   {"dct", &DCT},       {"nif", &NIF},   {"itsrdf", &ITSRDF},
    {"prov", &PROV}, {"org", &ORG}, {"schema", &SCHEMA}, {"skos", &SKOS}, {"owl", &OWL},
    {"wd", &WD},     {"rdf", &RDF}, {"rdfs", &RDFS},     {"xsd", &XSD},   {"void", &VOID},
};
}  // namespace nkg::vocab
