// Article metadata stated by the text itself: an evident title line and the
// date it gives (stage after segmentation).
#pragma once
#include "core/document.h"
#include "extract/dates.h"

namespace nkg {

// Title: the first non-empty line when it is short (at most 25 words and 250
// bytes) and does not end like a sentence. Issued: the first complete date.
void find_article_meta(Document& doc, const DateFinder& dates);
// The same, given the document's dates (DateFinder::find).
void find_article_meta(Document& doc, const std::vector<DateHit>& dates);

}  // namespace nkg
