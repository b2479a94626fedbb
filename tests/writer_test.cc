#include "rdf/writer.h"

#include <serd/serd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "rdf/atomic_file.h"
#include "rdf/term_check.h"
#include "rdf/vocab.h"

using namespace nkg::rdf;
namespace vocab = nkg::vocab;
namespace fs = std::filesystem;

namespace {

// ---- re-parsing with Serd's reader, strictly -------------------------------

struct Parsed {
  SerdEnv* env = serd_env_new(nullptr);
  std::set<Triple> triples;
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
    return false;  // blank nodes are never expected
  }

  static SerdStatus on_prefix(void* h, const SerdNode* name, const SerdNode* uri) {
    return serd_env_set_prefix(static_cast<Parsed*>(h)->env, name, uri);
  }

  static SerdStatus on_statement(void* h, SerdStatementFlags, const SerdNode* g, const SerdNode* s,
                                 const SerdNode* p, const SerdNode* o, const SerdNode* dt,
                                 const SerdNode* lang) {
    auto* self = static_cast<Parsed*>(h);
    Triple t;
    t.s.kind = TermKind::Iri;
    t.p.kind = TermKind::Iri;
    bool ok = self->to_iri(s, &t.s.value) && self->to_iri(p, &t.p.value);
    if (g && g->buf) ok = ok && self->to_iri(g, &t.graph);
    if (o->type == SERD_LITERAL) {
      t.o.kind = TermKind::Literal;
      t.o.value = std::string(reinterpret_cast<const char*>(o->buf), o->n_bytes);
      if (dt && dt->buf) ok = ok && self->to_iri(dt, &t.o.datatype);
      if (lang && lang->buf) t.o.lang = reinterpret_cast<const char*>(lang->buf);
    } else {
      t.o.kind = TermKind::Iri;
      ok = ok && self->to_iri(o, &t.o.value);
    }
    if (!ok) {
      self->error = "unexpected node (blank node or unknown prefix)";
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

// Parses `text` strictly; fails the test case on any error.
std::set<Triple> reparse(const std::string& text, Format format) {
  const SerdSyntax syntax = format == Format::NTriples ? SERD_NTRIPLES
                            : format == Format::TriG   ? SERD_TRIG
                                                       : SERD_TURTLE;
  Parsed parsed;
  SerdReader* reader = serd_reader_new(syntax, &parsed, nullptr, nullptr, &Parsed::on_prefix,
                                       &Parsed::on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, &Parsed::on_error, &parsed);
  const SerdStatus st =
      serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text.c_str()));
  serd_reader_free(reader);
  BOOST_TEST_REQUIRE((st == SERD_SUCCESS && parsed.error.empty()),
                     "re-parse failed: " << reinterpret_cast<const char*>(serd_strerror(st)) << " "
                                         << parsed.error << "\n"
                                         << text);
  return parsed.triples;
}

std::string write_ok(const Triples& triples, Format format) {
  std::string out, err;
  BOOST_TEST_REQUIRE(write_string(triples, format, &out, &err), err);
  BOOST_TEST(!out.empty());
  BOOST_TEST(out.back() == '\n');
  BOOST_TEST(out.find("_:") == std::string::npos);
  return out;
}

// Writes in every format and checks each re-parses to exactly `expected`
// (graphs only kept for TriG).
void round_trip(const Triples& triples, const std::set<Triple>& expected) {
  for (Format f : {Format::Turtle, Format::NTriples, Format::TriG}) {
    std::set<Triple> want;
    for (Triple t : expected) {
      if (f != Format::TriG) t.graph.clear();
      want.insert(t);
    }
    const std::string text = write_ok(triples, f);
    const std::set<Triple> got = reparse(text, f);
    BOOST_TEST((got == want), "format " << static_cast<int>(f) << " did not round-trip:\n" << text);
  }
}

void round_trip(const Triples& triples) {
  round_trip(triples, std::set<Triple>(triples.begin(), triples.end()));
}

std::string write_fails(const Triples& triples, Format format = Format::Turtle) {
  std::string out = "untouched", err;
  BOOST_TEST(!write_string(triples, format, &out, &err));
  BOOST_TEST(!err.empty());
  return err;
}

const std::string kS = vocab::ID + "article/1";
const std::string kP = vocab::NKG + "label";

Triple lit_triple(Term o) { return {Term::iri(kS), Term::iri(kP), std::move(o), {}}; }

// ---- files -----------------------------------------------------------------

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "newskg-writer-XXXXXX").string();
    BOOST_TEST_REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

Triples sample() {
  return {
      {Term::iri(kS), Term::iri(vocab::RDF_TYPE), Term::iri(vocab::NIF + "Context"), {}},
      {Term::iri(kS), Term::iri(kP), Term::lang_lit("Wałęsa", "pl"), {}},
      {Term::iri(kS),
       Term::iri(vocab::NKG + "amount"),
       Term::typed("1100000000", vocab::XSD + "integer"),
       {}},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(writer_test)

BOOST_AUTO_TEST_CASE(formats_by_name) {
  Format f = Format::Turtle;
  BOOST_TEST(parse_format("ntriples", &f));
  BOOST_TEST((f == Format::NTriples));
  BOOST_TEST(parse_format("trig", &f));
  BOOST_TEST((f == Format::TriG));
  BOOST_TEST(parse_format("turtle", &f));
  BOOST_TEST((f == Format::Turtle));
  BOOST_TEST(!parse_format("Turtle", &f));
  BOOST_TEST(!parse_format("", &f));
}

BOOST_AUTO_TEST_CASE(turtle_layout) {
  const std::string out = write_ok(sample(), Format::Turtle);
  // Only the prefixes used, in table order; subjects grouped with ';'.
  BOOST_TEST(out ==
             "@prefix nkg: <https://w3id.org/newskg/ns#> .\n"
             "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"
             "\n"
             "<https://w3id.org/newskg/id/article/1>\n"
             "\ta nif:Context ;\n"
             "\tnkg:amount 1100000000 ;\n"
             "\tnkg:label \"Wałęsa\"@pl .\n");
  round_trip(sample());
}

BOOST_AUTO_TEST_CASE(ntriples_one_line_per_triple) {
  const std::string out = write_ok(sample(), Format::NTriples);
  BOOST_TEST(out ==
             "<https://w3id.org/newskg/id/article/1> "
             "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
             "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context> .\n"
             "<https://w3id.org/newskg/id/article/1> <https://w3id.org/newskg/ns#amount> "
             "\"1100000000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
             "<https://w3id.org/newskg/id/article/1> <https://w3id.org/newskg/ns#label> "
             "\"Wałęsa\"@pl .\n");
}

BOOST_AUTO_TEST_CASE(trig_named_and_default_graphs) {
  const std::string g1 = vocab::ID + "snapshot/b";
  const std::string g2 = vocab::ID + "snapshot-a";  // a prefixed name
  Triples t = sample();
  t.push_back({Term::iri(kS), Term::iri(kP), Term::lit("in b"), g1});
  t.push_back({Term::iri(kS), Term::iri(kP), Term::lit("in a"), g2});
  t.push_back({Term::iri(vocab::WD + "Q1"), Term::iri(kP), Term::lit("in a too"), g2});
  round_trip(t);
  const std::string out = write_ok(t, Format::TriG);
  BOOST_TEST(out.find("<" + g1 + "> {") != std::string::npos, out);
  BOOST_TEST(out.find("id:snapshot-a {") != std::string::npos, out);
  BOOST_TEST(out.substr(out.size() - 2) == "}\n");
  // Turtle and N-Triples drop the graph: "in a" etc. are plain triples.
  const std::string ttl = write_ok(t, Format::Turtle);
  BOOST_TEST(ttl.find('{') == std::string::npos, ttl);
}

BOOST_AUTO_TEST_CASE(sorted_deduplicated_and_deterministic) {
  Triples t = sample();
  for (int i = 0; i < 30; ++i) {
    t.push_back(lit_triple(Term::lit("value " + std::to_string(i % 7))));
    t.push_back({Term::iri(vocab::WD + "Q" + std::to_string(i % 5)), Term::iri(kP), Term::iri(kS),
                 vocab::ID + "g" + std::to_string(i % 3)});
  }
  t.push_back(lit_triple(Term::lang_lit("x", "fa_IR")));
  t.push_back(lit_triple(Term::lang_lit("x", "fa-IR")));  // same after normalising
  t.push_back(lit_triple(Term::typed("x", vocab::XSD + "string")));
  t.push_back(lit_triple(Term::lit("x")));  // same as ^^xsd:string
  for (Format f : {Format::Turtle, Format::NTriples, Format::TriG}) {
    const std::string first = write_ok(t, f);
    std::mt19937 rng(42);
    for (int round = 0; round < 5; ++round) {
      Triples shuffled = t;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      BOOST_TEST(write_ok(shuffled, f) == first);
    }
  }
  const std::string nt = write_ok(t, Format::NTriples);
  BOOST_TEST(std::count(nt.begin(), nt.end(), '\n') == 3 + 7 + 5 * 1 + 2);
  std::istringstream lines(nt);
  for (std::string line; std::getline(lines, line);) {
    BOOST_TEST(line.substr(line.size() - 2) == " .");
  }
}

BOOST_AUTO_TEST_CASE(empty_graph_writes_nothing) {
  std::string out = "x", err;
  BOOST_TEST(write_string({}, Format::Turtle, &out, &err));
  BOOST_TEST(out.empty());
}

// BAD-INPUTS 16: format controls never reach an IRI; literals keep them.
BOOST_AUTO_TEST_CASE(case16_bidi_controls_not_in_iris) {
  const std::string name =
      "\xE2\x80\xAE"
      "Ali\xE2\x80\x8B\xC2\xAD\xEF\xBB\xBF\xE2\x81\xA6Reza\xD8\x9C";
  const std::string iri = vocab::ID + "person/" + iri_segment(name);
  BOOST_TEST(iri == vocab::ID + "person/AliReza");
  const Triples t = {{Term::iri(iri), Term::iri(kP), Term::lit(name), {}}};
  round_trip(t);
  // An IRI that still holds one is refused, and the message names it.
  const std::string err = write_fails({{Term::iri(vocab::ID + "\xE2\x80\xAE"
                                                              "x"),
                                        Term::iri(kP),
                                        Term::lit("x"),
                                        {}}});
  BOOST_TEST(err.find("bidi") != std::string::npos, err);
  BOOST_TEST(err.find("\\u202E") != std::string::npos, err);
}

// BAD-INPUTS 17: numbers only with ASCII lexical forms.
BOOST_AUTO_TEST_CASE(case17_non_ascii_digits_rejected_as_numbers) {
  const std::string err =
      write_fails({lit_triple(Term::typed("\xDB\xB1.\xDB\xB1", vocab::XSD + "decimal"))});
  BOOST_TEST(err.find("lexical") != std::string::npos, err);
  write_fails({lit_triple(Term::typed("\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4", vocab::XSD + "gYear"))});
  round_trip({lit_triple(Term::typed("1.1", vocab::XSD + "decimal")),
              lit_triple(Term::typed("2024", vocab::XSD + "gYear"))});
}

// BAD-INPUTS 18: literals with quotes, backslashes and line breaks.
BOOST_AUTO_TEST_CASE(case18_literal_escapes_round_trip) {
  Triples t;
  for (const char* text : {"say \"hi\"",
                           "back\\slash",
                           "line\nbreak",
                           "cr\rhere",
                           "tab\there",
                           "a\"\"\"b",
                           "ends in \"",
                           "ends in \"\"",
                           "\"",
                           "\"\"",
                           "\"\"\"",
                           "@en",
                           "x\"^^<http://ex.org/t>",
                           "x\" . <http://ex.org/s> <http://ex.org/p> \"y",
                           "\\u0041",
                           "\\n",
                           "\b\f\x01\x7F",
                           "\xE2\x80\xA8 line separator",
                           "",
                           " ",
                           "'single'",
                           "'''",
                           "#not a comment",
                           "\xE2\x80\xAE"
                           "bidi kept in text",
                           "Mu\xCC\x88ller"}) {
    t.push_back(lit_triple(Term::lit(text)));
    t.push_back(lit_triple(Term::lang_lit(text, "en")));
    t.push_back(lit_triple(Term::typed(text, "http://ex.org/type")));
  }
  round_trip(t);
}

// BAD-INPUTS 19: invalid lexical forms are never written as that type.
BOOST_AUTO_TEST_CASE(case19_invalid_lexical_forms_rejected) {
  for (const char* bad : {"12 abc", "1.2.3", "1.", "1.5 ; <p> <o>", "", "1.5\" ; <p> <o> ."}) {
    for (const char* type : {"integer", "decimal", "double", "boolean", "date"}) {
      const std::string err = write_fails({lit_triple(Term::typed(bad, vocab::XSD + type))});
      BOOST_TEST(err.find(type) != std::string::npos, err);
      BOOST_TEST(err.find("lexical") != std::string::npos, err);
    }
  }
  // Canonical forms go through; numbers and booleans in Turtle's short form
  // only where that re-parses to the same literal.
  const Triples ok = {
      lit_triple(Term::typed("1100000000", vocab::XSD + "integer")),
      lit_triple(Term::typed("-3", vocab::XSD + "integer")),
      lit_triple(Term::typed("70.0", vocab::XSD + "decimal")),
      lit_triple(Term::typed("5", vocab::XSD + "decimal")),  // no '.': not bare
      lit_triple(Term::typed("true", vocab::XSD + "boolean")),
      lit_triple(Term::typed("1", vocab::XSD + "boolean")),  // bare 1 would be an integer
      lit_triple(Term::typed("1.5E3", vocab::XSD + "double")),
      lit_triple(Term::typed("2025-11-06", vocab::XSD + "date")),
      lit_triple(Term::typed("2025-11-06T10:00:00Z", vocab::XSD + "dateTime")),
      lit_triple(Term::typed("42", vocab::XSD + "nonNegativeInteger")),
  };
  round_trip(ok);
  const std::string ttl = write_ok(ok, Format::Turtle);
  for (const char* expected :
       {"1100000000", "-3", "70.0", "\"5\"^^xsd:decimal", "true", "\"1\"^^xsd:boolean",
        "\"1.5E3\"^^xsd:double", "\"2025-11-06\"^^xsd:date", "\"42\"^^xsd:nonNegativeInteger"}) {
    const bool found = ttl.find(std::string(" ") + expected + " ") != std::string::npos ||
                       ttl.find(std::string("\t") + expected + " ") != std::string::npos;
    BOOST_TEST(found, expected << " in\n" << ttl);
  }
}

// BAD-INPUTS 20: language tags normalised or rejected.
BOOST_AUTO_TEST_CASE(case20_language_tags) {
  const Triples t = {lit_triple(Term::lang_lit("سلام", "fa_IR")),
                     lit_triple(Term::lang_lit("سلام", "fa-AF")),
                     lit_triple(Term::lang_lit("Cześć", "PL"))};
  round_trip(
      t, {lit_triple(Term::lang_lit("سلام", "fa-IR")), lit_triple(Term::lang_lit("سلام", "fa-AF")),
          lit_triple(Term::lang_lit("Cześć", "pl"))});
  for (const char* bad : {"fa IR", "fa-", "-", "en-US .", "en\" . <x> <y> \"z", "1x"}) {
    const std::string err = write_fails({lit_triple(Term::lang_lit("x", bad))});
    BOOST_TEST(err.find("language tag") != std::string::npos, err);
  }
  Term both = Term::lang_lit("x", "en");
  both.datatype = vocab::XSD + "integer";
  write_fails({lit_triple(both)});
}

// BAD-INPUTS 21: hostile names as IRIs.
BOOST_AUTO_TEST_CASE(case21_hostile_names_as_iris) {
  Triples t;
  std::set<std::string> iris;
  for (const char* name : {"a b",
                           "a>b",
                           "a\"b",
                           "{x}",
                           "a|b",
                           "a^b",
                           "a`b",
                           "a\\b",
                           "a\x01"
                           "b",
                           "a\nb",
                           "../../etc/passwd",
                           "what?",
                           "a#b",
                           "%2e%2e",
                           "%2E",
                           ".",
                           "..",
                           "",
                           "Mu\xCC\x88ller",
                           "علی",
                           "a\xC2\xA0"
                           "b"}) {
    const std::string iri = vocab::ID + "person/" + iri_segment(name);
    BOOST_TEST(is_valid_iri(iri), iri);
    BOOST_TEST(iri.find("/person/", vocab::ID.size() - 1) != std::string::npos);
    BOOST_TEST(iri.find('/', vocab::ID.size() + 7) == std::string::npos, iri);
    iris.insert(iri);
    t.push_back({Term::iri(iri), Term::iri(kP), Term::lit(name), {}});
  }
  BOOST_TEST(iris.size() == t.size());  // distinct names, distinct IRIs
  round_trip(t);
  // Raw bad IRIs are refused with a message naming them.
  for (const char* bad : {"https://ex.org/a b", "https://ex.org/a>b", "relative/x", "", "<>",
                          "https://ex.org/a\\b", "https://ex.org/a{b}", "https://ex.org/\x01"}) {
    for (int where = 0; where < 3; ++where) {
      Triple tr = lit_triple(Term::lit("x"));
      if (where == 0) tr.s = Term::iri(bad);
      if (where == 1) tr.p = Term::iri(bad);
      if (where == 2) tr.o = Term::iri(bad);
      const std::string err = write_fails({tr});
      BOOST_TEST(err.find("IRI") != std::string::npos, err);
    }
  }
  Triple in_graph = lit_triple(Term::lit("x"));
  in_graph.graph = "not an iri";
  BOOST_TEST(write_fails({in_graph}, Format::TriG).find("graph") != std::string::npos);
  write_fails({lit_triple(Term::typed("x", "no scheme"))});
}

// BAD-INPUTS 22: prefixed names only where the local part is valid.
BOOST_AUTO_TEST_CASE(case22_prefixed_names_only_when_valid) {
  struct Case {
    const char* local;
    bool curie;
  };
  const Case cases[] = {
      {"Q42", true},
      {"Foo_Bar", true},
      {"a.b", true},
      {"123", true},
      {"_x", true},
      {"A-b", true},
      {"Wałęsa", true},
      {"علی", true},
      {"a\xC2\xB7"
       "b",
       true},
      {"-lead", false},
      {".lead", false},
      {"trail.", false},
      {"en\xE2\x80\x93"
       "dash",
       false},
      {"nb\xC2\xA0sp", false},
      {"a%20b", false},
      {"a/b", false},
      {"a:b", false},
      {"a(b)", false},
      {"a~b", false},
      {"", false},
      {"a'b", false},
  };
  Triples t;
  for (const Case& c : cases) {
    t.push_back({Term::iri(vocab::WD + c.local),
                 Term::iri(vocab::OWL + "sameAs"),
                 Term::iri(vocab::SCHEMA + c.local),
                 {}});
  }
  round_trip(t);
  const std::string ttl = write_ok(t, Format::Turtle);
  for (const Case& c : cases) {
    const std::string curie = std::string("wd:") + c.local + "\n";
    const std::string full = "<" + vocab::WD + c.local + ">";
    if (c.curie) {
      BOOST_TEST(ttl.find(curie) != std::string::npos, c.local << " in\n" << ttl);
    } else {
      BOOST_TEST(ttl.find(full) != std::string::npos, c.local << " in\n" << ttl);
    }
  }
  BOOST_TEST(ttl.find("@prefix wd:") != std::string::npos);
  BOOST_TEST(ttl.find("@prefix nkg:") == std::string::npos);  // unused prefixes left out
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_rejected) {
  BOOST_TEST(write_fails({lit_triple(Term::lit("bad \xFF byte"))}).find("\\xFF") !=
             std::string::npos);
  write_fails({lit_triple(Term::lit(std::string("nul\0inside", 10)))});
  write_fails({lit_triple(Term::lit("\xED\xA0\x80"))});
  write_fails({{Term::iri(kS + "\xC0\xAF"), Term::iri(kP), Term::lit("x"), {}}});
}

BOOST_AUTO_TEST_CASE(literals_only_as_objects) {
  write_fails({{Term::lit("s"), Term::iri(kP), Term::lit("x"), {}}});
  write_fails({{Term::iri(kS), Term::lit("p"), Term::lit("x"), {}}});
}

// ---- files (BAD-INPUTS 23, 24) ---------------------------------------------

BOOST_AUTO_TEST_CASE(write_file_replaces_atomically) {
  TempDir dir;
  const fs::path out = dir.path / "graph.ttl";
  std::string err;
  BOOST_TEST_REQUIRE(write_file(sample(), Format::Turtle, out.string(), &err), err);
  BOOST_TEST(slurp(out) == write_ok(sample(), Format::Turtle));
  BOOST_TEST(dir.entries() == 1U);
  // An invalid term leaves the previous file as it was.
  BOOST_TEST(!write_file({lit_triple(Term::typed("1.", vocab::XSD + "decimal"))}, Format::Turtle,
                         out.string(), &err));
  BOOST_TEST(err.find(out.string()) != std::string::npos, err);
  BOOST_TEST(slurp(out) == write_ok(sample(), Format::Turtle));
  BOOST_TEST(dir.entries() == 1U);
}

BOOST_AUTO_TEST_CASE(atomic_file_missing_directory) {
  TempDir dir;
  const std::string path = (dir.path / "no such dir" / "out.ttl").string();
  std::string err;
  BOOST_TEST(!write_file_atomically(path, "data\n", &err));
  BOOST_TEST(err.find("no such dir") != std::string::npos, err);
  BOOST_TEST(err.find("No such file") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(atomic_file_read_only_directory) {
  if (geteuid() == 0) {
    BOOST_TEST_MESSAGE("skipped: root ignores directory permissions");
    return;
  }
  TempDir dir;
  const fs::path out = dir.path / "out.ttl";
  spit(out, "old\n");
  fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
  std::string err;
  BOOST_TEST(!write_file_atomically(out.string(), "new\n", &err));
  BOOST_TEST(err.find(dir.path.string()) != std::string::npos, err);
  fs::permissions(dir.path, fs::perms::owner_all);
  BOOST_TEST(slurp(out) == "old\n");
  BOOST_TEST(dir.entries() == 1U);
}

// A file size limit stands in for a full disk: the write fails half way.
BOOST_AUTO_TEST_CASE(atomic_file_write_fails_half_way) {
  TempDir dir;
  const fs::path out = dir.path / "out.ttl";
  spit(out, "old\n");
  const pid_t child = fork();
  BOOST_TEST_REQUIRE(child >= 0);
  if (child == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{4096, 4096};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(3);
    std::string err;
    const bool ok = write_file_atomically(out.string(), std::string(1 << 20, 'x'), &err);
    if (ok) _exit(1);
    // The message names the path and the reason.
    const bool named =
        err.find(out.string()) != std::string::npos && err.find("too large") != std::string::npos;
    _exit(named ? 0 : 2);
  }
  int status = 0;
  BOOST_TEST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);  // 1: wrote anyway, 2: bad message
  BOOST_TEST(slurp(out) == "old\n");
  BOOST_TEST(dir.entries() == 1U);  // no temporary file left
}

BOOST_AUTO_TEST_CASE(atomic_file_keeps_mode_of_replaced_file) {
  TempDir dir;
  const fs::path out = dir.path / "out.nt";
  spit(out, "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  std::string err;
  BOOST_TEST_REQUIRE(write_file_atomically(out.string(), "new\n", &err), err);
  BOOST_TEST(slurp(out) == "new\n");
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat(out.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 07777) == 0640U);
}

BOOST_AUTO_TEST_SUITE_END()
