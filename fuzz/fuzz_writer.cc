// libFuzzer target: the RDF writer (BAD-INPUTS cases 16-22).
//
// Bytes -> a handful of triples whose terms mix hostile text with the
// project's namespaces, datatypes and language tags -> write_string in the
// format the first byte picks. Checked:
//  - write_string succeeds exactly when every term passes the public checks
//    of term_check.h (no valid graph refused, no invalid term written);
//  - whenever it succeeds, Serd re-parses the output strictly to the same
//    set of triples (after the writer's documented normalisation: language
//    tags normalised, xsd:string dropped, graphs only in TriG), so the same
//    number of triples and nothing injected;
//  - an IRI minted with iri_segment is always valid.
#include <fuzzer/FuzzedDataProvider.h>
#include <serd/serd.h>

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "rdf/term_check.h"
#include "rdf/vocab.h"
#include "rdf/writer.h"

using namespace nkg::rdf;
namespace vocab = nkg::vocab;

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& text = {}) {
  std::fprintf(stderr, "fuzz_writer: %s\n", what.c_str());
  if (!text.empty()) std::fprintf(stderr, "---- output ----\n%s\n----\n", text.c_str());
  std::abort();
}

const std::string kX = vocab::XSD;
const std::string kDatatypes[] = {kX + "integer",
                                  kX + "decimal",
                                  kX + "double",
                                  kX + "boolean",
                                  kX + "date",
                                  kX + "dateTime",
                                  kX + "nonNegativeInteger",
                                  kX + "gYear",
                                  kX + "string",
                                  vocab::RDF + "langString",
                                  "http://example.org/dt",
                                  kX + "float"};
const char* const kValues[] = {"1",
                               "-3",
                               "+7",
                               "1.5",
                               ".5",
                               "1.",
                               "1.2.3",
                               "12 abc",
                               "1.5 ; <p> <o>",
                               "1e3",
                               "INF",
                               "NaN",
                               "true",
                               "false",
                               "0",
                               "2025-11-06",
                               "2025-02-29",
                               "2025-11-06T24:00:00",
                               "-0044",
                               "\"",
                               "\\",
                               "\"\"\"",
                               "a\"",
                               "a\"\"",
                               "@en",
                               "x\"^^<http://e/>",
                               "\n\r\t",
                               "\xDB\xB1.\xDB\xB1"};
const char* const kTags[] = {"fa_IR",      "fa-AF", "",      "en-US",      "x",
                             "sr-latn-rs", "-",     "en--x", "de-CH-1996", "pl"};
const std::string* const kSpaces[] = {&vocab::ID,  &vocab::NKG, &vocab::WD,
                                      &vocab::DCT, &vocab::XSD, &vocab::SCHEMA};

std::string pick_iri(FuzzedDataProvider& fdp) {
  const std::string s = fdp.ConsumeRandomLengthString(40);
  switch (fdp.ConsumeIntegralInRange(0, 4)) {
    case 0: {
      const std::string iri = vocab::ID + "person/" + iri_segment(s);
      std::string why;
      if (!is_valid_iri(iri, &why)) fail("iri_segment made an invalid IRI: " + why + ": " + iri);
      return iri;
    }
    case 1:
      return *kSpaces[fdp.ConsumeIntegralInRange<size_t>(0, std::size(kSpaces) - 1)] + s;
    case 2:
      return vocab::RDF_TYPE;
    case 3:
      return "http://example.org/" + s;
    default:
      return s;  // anything, usually invalid
  }
}

Term pick_object(FuzzedDataProvider& fdp) {
  switch (fdp.ConsumeIntegralInRange(0, 4)) {
    case 0:
      return Term::iri(pick_iri(fdp));
    case 1:
      return Term::lit(fdp.ConsumeRandomLengthString(40));
    case 2: {
      std::string tag = fdp.ConsumeBool()
                            ? kTags[fdp.ConsumeIntegralInRange<size_t>(0, std::size(kTags) - 1)]
                            : fdp.ConsumeRandomLengthString(12);
      return Term::lang_lit(fdp.ConsumeRandomLengthString(40), tag);
    }
    default: {
      std::string dt =
          fdp.ConsumeIntegralInRange(0, 7)
              ? kDatatypes[fdp.ConsumeIntegralInRange<size_t>(0, std::size(kDatatypes) - 1)]
              : pick_iri(fdp);
      std::string v = fdp.ConsumeBool()
                          ? kValues[fdp.ConsumeIntegralInRange<size_t>(0, std::size(kValues) - 1)]
                          : fdp.ConsumeRandomLengthString(24);
      Term t = Term::typed(v, dt);
      if (fdp.ConsumeIntegralInRange(0, 15) == 0) t.lang = "en";  // both: invalid
      return t;
    }
  }
}

// The writer's documented normalisation (writer.h, term_check.h).
Term normalized(Term t) {
  if (t.kind == TermKind::Iri) {
    t.datatype.clear();
    t.lang.clear();
    return t;
  }
  std::string tag;
  if (!t.lang.empty() && normalize_lang_tag(t.lang, &tag)) t.lang = tag;
  if (t.datatype == vocab::XSD + "string") t.datatype.clear();
  if (!t.lang.empty() && t.datatype == vocab::RDF + "langString") t.datatype.clear();
  return t;
}

bool valid_term(const Term& t) {
  if (t.kind == TermKind::Iri) return is_valid_iri(t.value);
  if (!is_valid_utf8(t.value)) return false;
  if (!t.lang.empty()) {
    std::string tag;
    return normalize_lang_tag(t.lang, &tag) && t.datatype.empty();
  }
  if (t.datatype.empty()) return true;
  return is_valid_iri(t.datatype) && t.datatype != vocab::RDF + "langString" &&
         is_valid_lexical(t.value, t.datatype);
}

// ---- strict re-parse with Serd ------------------------------------------------

struct Parsed {
  SerdEnv* env = serd_env_new(nullptr);
  std::set<Triple> triples;
  size_t statements = 0;
  std::string error;
  ~Parsed() { serd_env_free(env); }

  bool to_iri(const SerdNode* n, std::string* out) {
    if (n->type == SERD_URI) {
      *out = reinterpret_cast<const char*>(n->buf);
      return true;
    }
    if (n->type == SERD_CURIE) {
      SerdNode full = serd_env_expand_node(env, n);
      if (!full.buf) return false;
      *out = reinterpret_cast<const char*>(full.buf);
      serd_node_free(&full);
      return true;
    }
    return false;
  }
  static SerdStatus on_prefix(void* h, const SerdNode* name, const SerdNode* uri) {
    return serd_env_set_prefix(static_cast<Parsed*>(h)->env, name, uri);
  }
  static SerdStatus on_statement(void* h, SerdStatementFlags, const SerdNode* g, const SerdNode* s,
                                 const SerdNode* p, const SerdNode* o, const SerdNode* dt,
                                 const SerdNode* lang) {
    auto* self = static_cast<Parsed*>(h);
    ++self->statements;
    Triple t;
    bool ok = self->to_iri(s, &t.s.value) && self->to_iri(p, &t.p.value);
    if (g && g->buf) ok = ok && self->to_iri(g, &t.graph);
    if (o->type == SERD_LITERAL) {
      t.o.kind = TermKind::Literal;
      t.o.value.assign(reinterpret_cast<const char*>(o->buf), o->n_bytes);
      if (dt && dt->buf) ok = ok && self->to_iri(dt, &t.o.datatype);
      if (lang && lang->buf) t.o.lang = reinterpret_cast<const char*>(lang->buf);
    } else {
      ok = ok && self->to_iri(o, &t.o.value);
    }
    if (!ok) {
      self->error += "unexpected node (blank node or unknown prefix); ";
      return SERD_ERR_BAD_SYNTAX;
    }
    self->triples.insert(t);
    return SERD_SUCCESS;
  }
  static SerdStatus on_error(void* h, const SerdError* e) {
    auto* self = static_cast<Parsed*>(h);
    char buf[512];
    va_list args;
    va_copy(args, *e->args);
    std::vsnprintf(buf, sizeof buf, e->fmt, args);
    va_end(args);
    self->error += std::to_string(e->line) + ":" + std::to_string(e->col) + ": " + buf;
    return SERD_SUCCESS;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const Format format = fdp.PickValueInArray({Format::Turtle, Format::NTriples, Format::TriG});
  Triples triples;
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(1, 6);
  for (size_t i = 0; i < n && fdp.remaining_bytes() > 0; ++i) {
    Triple t;
    t.s = fdp.ConsumeIntegralInRange(0, 31) ? Term::iri(pick_iri(fdp)) : pick_object(fdp);
    t.p = Term::iri(fdp.ConsumeBool() ? vocab::NKG + "p" : pick_iri(fdp));
    t.o = pick_object(fdp);
    if (fdp.ConsumeIntegralInRange(0, 3) == 0) t.graph = pick_iri(fdp);
    triples.push_back(t);
  }
  if (triples.empty()) return 0;

  bool all_valid = true;
  std::set<Triple> expected;
  for (const Triple& t : triples) {
    const bool graph_ok = format != Format::TriG || t.graph.empty() || is_valid_iri(t.graph);
    // The writer normalises first, then validates (writer.h).
    Triple e{normalized(t.s), normalized(t.p), normalized(t.o),
             format == Format::TriG ? t.graph : std::string()};
    if (e.s.kind != TermKind::Iri || e.p.kind != TermKind::Iri || !valid_term(e.s) ||
        !valid_term(e.p) || !valid_term(e.o) || !graph_ok) {
      all_valid = false;
    }
    expected.insert(e);
  }

  std::string out, err;
  const bool ok = write_string(triples, format, &out, &err);
  if (ok != all_valid) {
    fail(ok ? "the writer accepted an invalid term" : "the writer refused valid terms: " + err,
         out);
  }
  if (!ok) {
    if (err.empty()) fail("failure without a message");
    return 0;
  }

  const SerdSyntax syntax = format == Format::NTriples ? SERD_NTRIPLES
                            : format == Format::TriG   ? SERD_TRIG
                                                       : SERD_TURTLE;
  Parsed parsed;
  SerdReader* reader = serd_reader_new(syntax, &parsed, nullptr, nullptr, &Parsed::on_prefix,
                                       &Parsed::on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, &Parsed::on_error, &parsed);
  const SerdStatus st =
      serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(out.c_str()));
  serd_reader_free(reader);
  if (st != SERD_SUCCESS || !parsed.error.empty())
    fail("output does not re-parse: " + parsed.error, out);
  if (parsed.statements != expected.size() || parsed.triples != expected) {
    fail("re-parsed " + std::to_string(parsed.statements) + " triples, expected " +
             std::to_string(expected.size()),
         out);
  }
  return 0;
}
