// Agreements as one article reports them (stage after roles).
//
// A sentence is cut into clauses at commas, semicolons and dashes; a clause
// without an agreement trigger or without a state or firm joins its
// neighbour. A clause with a kind trigger (data/lang/<xx>/triggers.tsv) and
// at least one state or firm is an agreement unless the only status it states
// is a wish or proposal. Parties are the states and firms of the clause, less
// nationality adjectives that qualify a firm ("US-Investor Cove", "kazachską
// spółką") and sources ("laut Reuters"); for a treaty accession, the state
// before the trigger. Values, stakes (holder: the nearest party before the
// percentage), counts with their item, dates and subjects come from the same
// clause. Clauses of nearby sentences merge when they refer back ("this
// agreement"), share a firm, or only add a value or stake. A purchase with a
// total followed by purchases of parts: the total gains the parts' buyers,
// each part the total's other firms.
#pragma once
#include "core/document.h"
#include "extract/amounts.h"
#include "extract/dates.h"
#include "extract/knowledge.h"

namespace nkg {

void find_agreements(Document& doc, const Knowledge& k, const DateFinder& dates,
                     const AmountFinder& amounts, const LemmaTable& lemmas);
// The same, given the document's dates and the lemmas they were found with
// (under dates.pack(), which differs from the document's pack only for a
// language without one).
void find_agreements(Document& doc, const Knowledge& k, const DateFinder& dates,
                     const AmountFinder& amounts, const LemmaTable& lemmas,
                     const std::vector<DateHit>& date_hits, const LemmaTable& date_lemmas);

// Priority of contract kinds when one clause names several (lower wins).
int kind_rank(const std::string& kind);

}  // namespace nkg
