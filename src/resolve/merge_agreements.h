// Agreements across articles (corpus stage): the same real agreement
// reported by several articles, in several languages, becomes one node.
// Two reports are one agreement when they are of the same kind, share a
// firm party (or, with no firm on either side, the same state parties), and
// do not state different counts. Attributes are never dropped: each value,
// stake, count and date keeps the articles it comes from, and an attribute
// with more than one value gets an nkg:Conflict record.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "resolve/resolve_entities.h"

namespace nkg {

struct AgreementGroup {
  std::string iri;
  std::vector<std::pair<size_t, size_t>> members;  // (document index, record index)
};

std::vector<AgreementGroup> merge_agreements(const std::vector<Document>& docs,
                                             const Resolution& res);

}  // namespace nkg
