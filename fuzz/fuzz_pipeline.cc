// libFuzzer target: one article through the whole export pipeline, as
// src/core/export_job.cc runs it (BAD-INPUTS cases 1-17 end to end).
//
// Bytes -> decode_bytes -> Analyzer::analyse (the real language packs and
// gazetteer from NEWSKG_DATA_DIR) -> resolve_entities -> merge_agreements ->
// build_graph -> add_void_description -> write_string. The first byte picks
// the output format and whether language identification is forced. Every
// span must lie inside the text on character boundaries, and the writer must
// accept the graph: an invalid term built from article text is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/pipeline.h"
#include "extract/knowledge.h"
#include "graph/build_graph.h"
#include "graph/void_description.h"
#include "rdf/writer.h"
#include "resolve/merge_agreements.h"
#include "resolve/resolve_entities.h"
#include "text/decode.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_pipeline: %s\n", what.c_str());
  std::abort();
}

bool on_boundary(const std::string& s, uint32_t b) {
  return b == s.size() || (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80);
}

void check_span(const nkg::Document& d, nkg::Span s, const char* what) {
  if (s.begin > s.end || s.end > d.text.size() || !on_boundary(d.text, s.begin) ||
      !on_boundary(d.text, s.end)) {
    fail(std::string("bad ") + what + " span [" + std::to_string(s.begin) + ", " +
         std::to_string(s.end) + ") in a text of " + std::to_string(d.text.size()) + " bytes");
  }
}

const nkg::Knowledge& knowledge() {
  static const nkg::Knowledge* k = [] {
    auto* kk = new nkg::Knowledge;
    nkg::Error e;
    if (!kk->load(NEWSKG_DATA_DIR, &e)) fail("cannot load " NEWSKG_DATA_DIR ": " + e.message());
    return kk;
  }();
  return *k;
}

const nkg::Analyzer& analyzer() {
  static const nkg::Analyzer* a = new nkg::Analyzer(knowledge());
  return *a;
}

constexpr const char* kForced[] = {"",   "",   "",   "",   "",   "",   "",   "",
                                   "fa", "pl", "de", "sl", "en", "ru", "tr", "und"};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  analyzer();  // load the data once, outside the timed runs
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t sel = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  nkg::DecodeOptions opts;
  opts.lenient = (sel & 0x10) != 0;
  nkg::Error err;
  auto dec = nkg::decode_bytes(bytes, "fuzz.txt", opts, &err);
  if (!dec) return 0;

  std::vector<nkg::Document> docs(1);
  nkg::Document& doc = docs[0];
  doc.path = doc.id = "fuzz.txt";
  doc.text = std::move(dec->text);
  doc.sha256 = std::move(dec->sha256);
  analyzer().analyse(doc, kForced[sel & 0x0F]);

  for (const nkg::Span& s : doc.sentences) check_span(doc, s, "sentence");
  for (const nkg::Token& t : doc.tokens) check_span(doc, t.span, "token");
  for (const nkg::Mention& m : doc.mentions) {
    check_span(doc, m.span, "mention");
    if (m.span.empty()) fail("empty mention of " + m.entity);
    if (m.first_token > m.last_token || m.last_token >= doc.tokens.size())
      fail("mention of " + m.entity + " has bad token indexes");
  }
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    if (doc.mentions[i].span.begin < doc.mentions[i - 1].span.begin)
      fail("mentions not sorted by position");
  }

  // The gazetteer's name index is built once per Knowledge, so every input
  // goes through resolution.
  const nkg::Resolution res = nkg::resolve_entities(docs, knowledge());
  const std::vector<nkg::AgreementGroup> groups = nkg::merge_agreements(docs, res);
  nkg::GraphOptions gopts;
  const nkg::rdf::Format format = (sel & 0x20)   ? nkg::rdf::Format::NTriples
                                  : (sel & 0x40) ? nkg::rdf::Format::TriG
                                                 : nkg::rdf::Format::Turtle;
  gopts.named_graphs = format == nkg::rdf::Format::TriG;
  nkg::rdf::Triples triples = nkg::build_graph(docs, res, groups, knowledge(), gopts);
  nkg::add_void_description(&triples, docs);

  std::string out, werr;
  if (!nkg::rdf::write_string(std::move(triples), format, &out, &werr))
    fail("the writer refused the graph of a readable article: " + werr);
  if (out.empty()) fail("empty output");
  return 0;
}
