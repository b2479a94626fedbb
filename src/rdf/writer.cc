// Deterministic Turtle / N-Triples / TriG through Serd 0.30.
//
// Serd 0.30 quirks this file works around (checked against 0.30.16):
//  - IRIs, language tags and lexical forms are written verbatim (a space in
//    an IRI becomes "\u0020", which readers reject): every term is validated
//    first (term_check.h).
//  - SERD_STYLE_CURIED only shortens purely alphanumeric local names, so we
//    leave it off and pass SERD_CURIE nodes ourselves, only when the local
//    part is a plain PN_LOCAL (no escapes needed, no ':', no '%').
//  - With a URI datatype node Serd writes xsd:integer and xsd:boolean bare
//    whatever the text ("1"^^xsd:boolean would come back as an integer) and
//    xsd:decimal bare when it has a '.': we pass a URI datatype node only
//    when the bare form re-parses to the same literal, a CURIE node otherwise
//    (Serd never abbreviates those).
//  - Literals flagged with quotes or newlines go out as """long strings"""
//    with raw CR/LF/tab: we clear the flags so every literal is a short
//    string with \" \\ \n \r \t escapes.
//  - In Turtle a graph node still produces "<g> { ... }": graphs are passed
//    to Serd for TriG only.
//  - TriG output ends in stray tabs after the last "}": trailing whitespace is
//    trimmed and exactly one newline ends the output.
#include "rdf/writer.h"

#include <serd/serd.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

#include "core/fast_hash.h"
#include "core/utf8.h"
#include "rdf/atomic_file.h"
#include "rdf/term_check.h"
#include "rdf/vocab.h"

namespace nkg::rdf {
namespace {

constexpr size_t kNumPrefixes = std::size(vocab::kPrefixes);

// ---- messages ---------------------------------------------------------------

// A term as text for messages: control characters and invalid bytes escaped.
std::string printable(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    i = static_cast<size_t>(pos);
    char buf[16];
    if (c < 0) {
      for (size_t k = at; k < i; ++k) {
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[k]));
        out += buf;
      }
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\\' ||
               (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
               (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

std::string describe(const Term& t) {
  if (t.kind == TermKind::Iri) return "<" + printable(t.value) + ">";
  std::string out = "\"" + printable(t.value) + "\"";
  if (!t.lang.empty()) out += "@" + printable(t.lang);
  if (!t.datatype.empty()) out += "^^<" + printable(t.datatype) + ">";
  return out;
}

std::string describe(const Triple& t) {
  std::string out = describe(t.s) + " " + describe(t.p) + " " + describe(t.o);
  if (!t.graph.empty()) out += " in graph <" + printable(t.graph) + ">";
  return out;
}

// ---- normalisation and validation -------------------------------------------

const std::string kXsdString = vocab::XSD + "string";
const std::string kLangString = vocab::RDF + "langString";

// Canonical spelling of a term before sorting, so equal terms dedupe.
void normalize(Term* t) {
  if (t->kind == TermKind::Iri) {
    t->datatype.clear();
    t->lang.clear();
    return;
  }
  std::string tag;
  if (!t->lang.empty() && normalize_lang_tag(t->lang, &tag)) t->lang = tag;
  if (t->datatype.empty()) return;
  if (t->datatype == kXsdString) t->datatype.clear();
  if (!t->lang.empty() && t->datatype == kLangString) t->datatype.clear();
}

bool check_iri(const std::string& iri, const char* role, std::string* why) {
  // Predicates, classes, datatypes and the subject of consecutive triples
  // repeat: remember the IRIs found valid lately (per thread).
  constexpr size_t kSlots = 1024;
  thread_local std::vector<std::string> valid(kSlots);
  std::string& slot = valid[fast_hash(iri) % kSlots];
  if (!slot.empty() && slot == iri) return true;
  std::string reason;
  if (is_valid_iri(iri, &reason)) {
    slot = iri;
    return true;
  }
  *why = std::string("invalid ") + role + " IRI <" + printable(iri) + ">: " + reason;
  return false;
}

bool check_term(const Term& t, const char* role, std::string* why) {
  if (t.kind == TermKind::Iri) return check_iri(t.value, role, why);
  // Described only on failure: this runs for every literal of the graph.
  auto what = [&] { return describe(t); };
  if (!is_valid_utf8(t.value)) {
    *why = std::string(role) + " literal " + what() + " is not valid UTF-8 or contains NUL";
    return false;
  }
  if (!t.lang.empty()) {
    std::string tag;
    if (!normalize_lang_tag(t.lang, &tag)) {
      *why = std::string(role) + " literal " + what() + " has an invalid language tag";
      return false;
    }
    if (!t.datatype.empty()) {
      *why = std::string(role) + " literal " + what() + " has both a language tag and a datatype";
      return false;
    }
    return true;
  }
  if (t.datatype.empty()) return true;
  if (!check_iri(t.datatype, "datatype", why)) return false;
  if (t.datatype == kLangString) {
    *why = std::string(role) + " literal " + what() + " is rdf:langString without a language tag";
    return false;
  }
  if (!is_valid_lexical(t.value, t.datatype)) {
    *why =
        std::string(role) + " literal " + what() + " is not a valid lexical form of its datatype";
    return false;
  }
  return true;
}

bool check_triple_impl(const Triple& t, Format format, std::string* why) {
  if (t.s.kind != TermKind::Iri) {
    *why = "subject must be an IRI";
  } else if (t.p.kind != TermKind::Iri) {
    *why = "predicate must be an IRI";
  } else if (check_term(t.s, "subject", why) && check_term(t.p, "predicate", why) &&
             check_term(t.o, "object", why) &&
             (format != Format::TriG || t.graph.empty() || check_iri(t.graph, "graph", why))) {
    return true;
  }
  *why += " (in " + describe(t) + ")";
  return false;
}

// ---- prefixed names ---------------------------------------------------------

bool in(UChar32 c, UChar32 lo, UChar32 hi) { return c >= lo && c <= hi; }

// Turtle PN_CHARS_BASE | '_'.
bool is_pn_chars_u(UChar32 c) {
  return in(c, 'A', 'Z') || in(c, 'a', 'z') || c == '_' || in(c, 0xC0, 0xD6) || in(c, 0xD8, 0xF6) ||
         in(c, 0xF8, 0x2FF) || in(c, 0x370, 0x37D) || in(c, 0x37F, 0x1FFF) ||
         in(c, 0x200C, 0x200D) || in(c, 0x2070, 0x218F) || in(c, 0x2C00, 0x2FEF) ||
         in(c, 0x3001, 0xD7FF) || in(c, 0xF900, 0xFDCF) || in(c, 0xFDF0, 0xFFFD) ||
         in(c, 0x10000, 0xEFFFF);
}

bool is_pn_chars(UChar32 c) {
  return is_pn_chars_u(c) || c == '-' || in(c, '0', '9') || c == 0xB7 || in(c, 0x300, 0x36F) ||
         in(c, 0x203F, 0x2040);
}

// True when `local` can follow "prefix:" in Turtle as written, without
// escapes: (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
bool is_plain_pn_local(std::string_view local) {
  if (local.empty()) return false;
  size_t i = 0;
  bool first = true;
  UChar32 c = 0;
  while (i < local.size()) {
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(local.data()), pos, static_cast<int32_t>(local.size()),
            c);
    i = static_cast<size_t>(pos);
    if (c < 0) return false;
    const bool ok = first ? (is_pn_chars_u(c) || in(c, '0', '9')) : (is_pn_chars(c) || c == '.');
    if (!ok) return false;
    first = false;
  }
  return c != '.';
}

// Index into vocab::kPrefixes of the longest namespace `iri` can be written
// with as a prefixed name.
std::optional<size_t> curie_prefix(std::string_view iri) {
  std::optional<size_t> best;
  for (size_t k = 0; k < kNumPrefixes; ++k) {
    const std::string& ns = *vocab::kPrefixes[k].iri;
    if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0 &&
        (!best || ns.size() > vocab::kPrefixes[*best].iri->size()) &&
        is_plain_pn_local(iri.substr(ns.size()))) {
      best = k;
    }
  }
  return best;
}

// ---- Serd -------------------------------------------------------------------

// The node serd_node_from_substring would give, without its scan for
// quotes and newlines: flags stay 0 (short strings with escapes, never
// """long""" ones).
SerdNode node_of(std::string_view text, SerdType type) {
  SerdNode n;
  n.buf = reinterpret_cast<const uint8_t*>(text.data());
  n.n_bytes = text.size();
  n.n_chars = count_code_points(text);  // every term is checked before it is written
  n.flags = 0;
  n.type = type;
  return n;
}

// Serd's bare form of a numeric or boolean literal re-parses to the same
// datatype and text (see the comment at the top).
bool writes_bare(const TermView& o) {
  const std::string_view dt = o.datatype;
  if (dt.size() <= vocab::XSD.size() || dt.compare(0, vocab::XSD.size(), vocab::XSD) != 0)
    return false;
  const std::string_view local = dt.substr(vocab::XSD.size());
  if (local == "integer") return true;  // validated: [+-]?[0-9]+
  if (local == "boolean") return o.value == "true" || o.value == "false";
  if (local == "decimal") return o.value.find('.') != std::string_view::npos;
  return false;
}

}  // namespace

struct StreamWriter::Impl {
  Impl(Format format, Sink sink) : format_(format), sink_(std::move(sink)) {}
  ~Impl() {
    if (writer_) serd_writer_free(writer_);
    if (env_) serd_env_free(env_);
  }

  void note_iri(std::string_view iri, bool predicate) {
    if (format_ == Format::NTriples) return;
    if (predicate && iri == vocab::RDF_TYPE) return;  // written as "a"
    if (const auto k = prefix_of(iri)) used_[*k] = true;
  }

  // curie_prefix of IRIs seen lately: classes, predicates, datatypes and
  // entities repeat, and each triple is looked at twice (note, write).
  std::optional<size_t> prefix_of(std::string_view iri) {
    constexpr size_t kSlots = 4096;
    if (prefix_cache_.empty()) prefix_cache_.resize(kSlots);
    auto& [key, value] = prefix_cache_[fast_hash(iri) % kSlots];
    if (key != iri) {
      key.assign(iri);
      value = curie_prefix(iri);
    }
    return value;
  }

  // A CURIE for `iri` in `buf` when it can be written as one, else the IRI.
  SerdNode iri_node(std::string_view iri, std::string* buf, bool predicate = false) {
    if (format_ == Format::NTriples || (predicate && iri == vocab::RDF_TYPE))
      return node_of(iri, SERD_URI);
    if (const auto k = prefix_of(iri)) {
      const std::string& ns = *vocab::kPrefixes[*k].iri;
      buf->assign(vocab::kPrefixes[*k].name);
      buf->push_back(':');
      buf->append(iri.substr(ns.size()));
      return node_of(*buf, SERD_CURIE);
    }
    return node_of(iri, SERD_URI);
  }

  // Subjects and predicates repeat from one sorted triple to the next.
  const SerdNode& cached(std::string_view iri, std::string* last, SerdNode* node, std::string* buf,
                         bool predicate) {
    if (!last_valid_[predicate] || *last != iri) {
      last->assign(iri);
      *node = iri_node(*last, buf, predicate);
      last_valid_[predicate] = true;
    }
    return *node;
  }

  bool begin(std::string* err) {
    const SerdSyntax syntax = format_ == Format::NTriples ? SERD_NTRIPLES
                              : format_ == Format::TriG   ? SERD_TRIG
                                                          : SERD_TURTLE;
    // SERD_STYLE_BULK: Serd hands over 4 KiB pages instead of every token
    // (as `serdi -b` does); the bytes are the same.
    const SerdStyle style =
        SerdStyle((format_ == Format::NTriples ? 0 : SERD_STYLE_ABBREVIATED) | SERD_STYLE_BULK);
    env_ = serd_env_new(nullptr);
    writer_ = serd_writer_new(syntax, style, env_, nullptr, &Impl::sink, this);
    serd_writer_set_error_sink(writer_, &Impl::on_error, this);
    for (size_t k = 0; k < kNumPrefixes && !st_; ++k) {
      if (!used_[k]) continue;
      const SerdNode n = node_of(vocab::kPrefixes[k].name, SERD_LITERAL);
      const SerdNode u = node_of(*vocab::kPrefixes[k].iri, SERD_URI);
      st_ = serd_writer_set_prefix(writer_, &n, &u);
    }
    return report(err);
  }

  bool write(const TripleView& t) {
    if (st_) return false;
    const SerdNode& sn = cached(t.s.value, &last_s_, &s_node_, &s_buf_, false);
    const SerdNode& pn = cached(t.p.value, &last_p_, &p_node_, &p_buf_, true);
    SerdNode on, dn = SERD_NODE_NULL, ln = SERD_NODE_NULL;
    bool has_datatype = false, has_lang = false;
    if (t.o.kind == TermKind::Iri) {
      on = iri_node(t.o.value, &o_buf_);
    } else {
      on = node_of(t.o.value, SERD_LITERAL);
      has_lang = !t.o.lang.empty();
      has_datatype = !t.o.datatype.empty();
      if (has_lang) ln = node_of(t.o.lang, SERD_LITERAL);
      if (has_datatype) {
        dn = (format_ != Format::NTriples && writes_bare(t.o)) ? node_of(t.o.datatype, SERD_URI)
                                                               : iri_node(t.o.datatype, &d_buf_);
      }
    }
    const bool named = format_ == Format::TriG && !t.graph.empty();
    SerdNode gn = SERD_NODE_NULL;
    if (named) gn = iri_node(t.graph, &g_buf_);
    st_ = serd_writer_write_statement(writer_, 0, named ? &gn : nullptr, &sn, &pn, &on,
                                      has_datatype ? &dn : nullptr, has_lang ? &ln : nullptr);
    return !st_;
  }

  bool finish(std::string* err) {
    if (writer_) {
      const SerdStatus fin = serd_writer_finish(writer_);
      if (!st_) st_ = fin;
    }
    if (!report(err)) return false;
    // Serd leaves tabs after the last "}" of TriG; end with exactly one newline.
    if (wrote_) sink_("\n");
    return true;
  }

  bool report(std::string* err) const {
    if (!st_ && serd_error_.empty()) return true;
    *err = "Serd could not write the graph: " +
           (serd_error_.empty() ? std::string(reinterpret_cast<const char*>(serd_strerror(st_)))
                                : serd_error_);
    return false;
  }

  // Trailing whitespace is held back until something follows it, so the
  // output ends without it (see finish()).
  static size_t sink(const void* buf, size_t len, void* stream) {
    auto* self = static_cast<Impl*>(stream);
    std::string_view data(static_cast<const char*>(buf), len);
    size_t end = data.size();
    while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == '\t' || data[end - 1] == ' '))
      --end;
    if (end > 0) {
      if (!self->pending_.empty()) {
        self->sink_(self->pending_);
        self->pending_.clear();
      }
      self->sink_(data.substr(0, end));
      self->wrote_ = true;
    }
    self->pending_.append(data.substr(end));
    return len;
  }

  static SerdStatus on_error(void* handle, const SerdError* e) {
    auto* self = static_cast<Impl*>(handle);
    char buf[512];
    va_list args;
    va_copy(args, *e->args);
    std::vsnprintf(buf, sizeof buf, e->fmt, args);
    va_end(args);
    if (self->serd_error_.empty()) {
      self->serd_error_ = buf;
      while (!self->serd_error_.empty() && self->serd_error_.back() == '\n') {
        self->serd_error_.pop_back();
      }
    }
    return SERD_SUCCESS;
  }

  Format format_;
  Sink sink_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
  SerdStatus st_ = SERD_SUCCESS;
  bool used_[kNumPrefixes] = {};
  std::string serd_error_;
  std::string pending_;
  bool wrote_ = false;
  bool last_valid_[2] = {false, false};
  std::string last_s_, last_p_, s_buf_, p_buf_, o_buf_, d_buf_, g_buf_;
  SerdNode s_node_ = SERD_NODE_NULL, p_node_ = SERD_NODE_NULL;
  std::vector<std::pair<std::string, std::optional<size_t>>> prefix_cache_;
};

StreamWriter::StreamWriter(Format format, Sink sink)
    : impl_(std::make_unique<Impl>(format, std::move(sink))) {}
StreamWriter::~StreamWriter() = default;

void StreamWriter::note(const TripleView& t) {
  impl_->note_iri(t.s.value, false);
  impl_->note_iri(t.p.value, true);
  if (t.o.kind == TermKind::Iri) {
    impl_->note_iri(t.o.value, false);
  } else if (!t.o.datatype.empty() && !writes_bare(t.o)) {
    impl_->note_iri(t.o.datatype, false);
  }
  if (impl_->format_ == Format::TriG && !t.graph.empty()) impl_->note_iri(t.graph, false);
}
bool StreamWriter::begin(std::string* err) { return impl_->begin(err); }
bool StreamWriter::write(const TripleView& t) { return impl_->write(t); }
bool StreamWriter::finish(std::string* err) { return impl_->finish(err); }

TripleView view_of(const Triple& t) {
  auto term = [](const Term& x) { return TermView{x.kind, x.value, x.datatype, x.lang}; };
  return {t.graph, term(t.s), term(t.p), term(t.o)};
}

bool check_triple(const Triple& t, Format format, std::string* why) {
  return check_triple_impl(t, format, why);
}

void normalize_triple(Triple* t, Format format) {
  normalize(&t->s);
  normalize(&t->p);
  normalize(&t->o);
  if (format != Format::TriG) t->graph.clear();
}

bool parse_format(const std::string& name, Format* out) {
  if (name == "turtle") {
    *out = Format::Turtle;
  } else if (name == "ntriples") {
    *out = Format::NTriples;
  } else if (name == "trig") {
    *out = Format::TriG;
  } else {
    return false;
  }
  return true;
}

bool write_string(Triples triples, Format format, std::string* out, std::string* err) {
  std::string scratch;
  if (!err) err = &scratch;
  for (Triple& t : triples) normalize_triple(&t, format);
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());

  for (const Triple& t : triples) {
    if (!check_triple(t, format, err)) return false;
  }
  std::string text;
  StreamWriter w(format, [&text](std::string_view d) { text.append(d); });
  for (const Triple& t : triples) w.note(view_of(t));
  if (!w.begin(err)) return false;
  for (const Triple& t : triples)
    if (!w.write(view_of(t))) break;
  if (!w.finish(err)) return false;
  *out = std::move(text);
  return true;
}

bool write_file(Triples triples, Format format, const std::string& path, std::string* err) {
  std::string text;
  std::string scratch;
  if (!err) err = &scratch;
  if (!write_string(std::move(triples), format, &text, err)) {
    *err = "not writing '" + path + "': " + *err;
    return false;
  }
  return write_file_atomically(path, text, err);
}

}  // namespace nkg::rdf
