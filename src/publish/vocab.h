// Namespaces the publisher uses: the exporter's (rdf/vocab.h) plus DCAT for
// the dataset description.
#pragma once
#include <string>

#include "rdf/vocab.h"

namespace nkg::publish::v {
using nkg::vocab::DCT;
using nkg::vocab::FOAF;
using nkg::vocab::ITSRDF;
using nkg::vocab::NIF;
using nkg::vocab::NKG;
using nkg::vocab::ORG;
using nkg::vocab::OWL;
using nkg::vocab::PROV;
using nkg::vocab::RDF;
using nkg::vocab::RDFS;
using nkg::vocab::SCHEMA;
using nkg::vocab::SKOS;
using nkg::vocab::VOID;
using nkg::vocab::WD;
using nkg::vocab::XSD;
inline const std::string DCAT = "http://www.w3.org/ns/dcat#";
}  // namespace nkg::publish::v
