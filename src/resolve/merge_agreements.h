// Agreements across articles (corpus stage): the same real agreement
// reported by several articles, in several languages, becomes one node.
// Two reports are one agreement when they are of the same kind, share a
// firm party (or, with no firm on either side, the same state parties), and
// do not state different counts. Attributes are never dropped: each value,
// stake, count and date keeps the articles it comes from, and an attribute
// with more than one value gets an nkg:Conflict record.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/document.h"
#include "resolve/resolve_entities.h"

namespace nkg {

struct AgreementGroup {
  std::string iri;
  std::vector<std::pair<uint32_t, uint32_t>> members;  // (document index, record index)
};

// What merging and the agreement nodes read of one report, small enough to
// hold for a whole corpus (about 2.5 per article in news): the strings and
// the lists of them live in an Interner.
struct AgreementReport {
  uint32_t doc = 0;  // article rank (AgreementGroup::members' document index)
  uint32_t idx = 0;  // index in the article's agreements
  const std::string* kind = nullptr;
  const std::string* quantity = nullptr;        // "" when none
  const std::string* date = nullptr;            // "" when none
  std::span<const std::string* const> parties;  // mention entity keys
  std::span<const std::string* const> values;   // "value-currency"
};

// Strings stored once, and lists of them stored end to end in blocks (not
// a vector each: two heap blocks per report would be most of its size);
// both stay valid for the interner's life.
class Interner {
 public:
  const std::string* operator()(const std::string& s) { return &*set_.insert(s).first; }
  // Room for `n` pointers, contiguous and stable.
  std::span<const std::string*> list(size_t n);

 private:
  std::unordered_set<std::string> set_;
  std::vector<std::unique_ptr<const std::string*[]>> blocks_;
  size_t used_ = 0, block_size_ = 0;  // of the last block
};

// The report of record `idx` of an article of rank `doc`.
AgreementReport make_report(const AgreementRecord& r, uint32_t doc, uint32_t idx, Interner& in);

// The reports of whole documents, ranked in vector order (sorted).
std::vector<AgreementReport> reports_of(const std::vector<Document>& docs, Interner& in);

// `reports` sorted by (doc, idx).
std::vector<AgreementGroup> merge_agreements(const std::vector<AgreementReport>& reports,
                                             const Resolution& res);
// The same over whole documents, ranked in vector order.
std::vector<AgreementGroup> merge_agreements(const std::vector<Document>& docs,
                                             const Resolution& res);

}  // namespace nkg
