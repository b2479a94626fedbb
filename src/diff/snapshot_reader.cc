#include "diff/snapshot_reader.h"

#include <fcntl.h>
#include <serd/serd.h>
#include <sord/sord.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "diff/blank_labels.h"
#include "diff/guarded_source.h"
#include "diff/nt_terms.h"

namespace nkg::diff {
namespace {

constexpr size_t kPageSize = 64 * 1024;

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

void append_sord_node(std::string& out, const SordNode* node) {
  size_t n = 0;
  const auto* str = sord_node_get_string_counted(node, &n);
  const std::string_view value(reinterpret_cast<const char*>(str), n);
  if (sord_node_get_type(node) == SORD_URI) {
    append_iri(out, value);
  } else {
    out.append(value);  // a literal, already canonical
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// The reader: Serd sinks filling the line table and the Sord model.

struct SnapshotBuilder {
  Syntax syntax = Syntax::Turtle;
  GuardedSource* source = nullptr;
  std::string file;
  bool failed = false;
  ReadError error;

  std::string base;  // absolute
  std::unordered_map<std::string, std::string> prefixes;

  std::string text;
  std::vector<std::pair<size_t, size_t>> spans;

  SordWorld* world = nullptr;
  SordModel* model = nullptr;
  std::string scratch, scratch_dt;

  ~SnapshotBuilder() {
    if (model) sord_free(model);
    if (world) sord_world_free(world);
  }

  void fail(unsigned line, unsigned col, std::string message) {
    if (failed) return;
    failed = true;
    error.file = file;
    error.line = line;
    error.col = col;
    error.message = std::move(message);
  }

  // An error found after Serd parsed the term: placed where `find` points
  // in the text Serd was reading, else at the start of its current page.
  template <typename Find>
  void fail_at(Find find, std::string message) {
    const std::string window = source->window();
    size_t at = find(std::string_view(window));
    if (at == std::string::npos) at = source->current_page();
    unsigned line = 0, col = 0;
    source->position(window, at, &line, &col);
    fail(line, col, std::move(message));
  }
  void fail_near(std::string_view needle, std::string message) {
    fail_at([&](std::string_view w) { return needle.empty() ? w.npos : w.find(needle); },
            std::move(message));
  }

  bool check_text(std::string_view value) {
    if (!has_surrogate(value)) return true;
    fail_at(
        [](std::string_view w) {  // the escape: \uD800-\uDFFF or \U0000D800-...
          for (size_t i = w.find('\\'); i != w.npos; i = w.find('\\', i + 1)) {
            const size_t hex = w.substr(i + 1, 1) == "u" ? i + 2 : i + 6;
            if (w.substr(i + 1, 5) != "U0000" && w.substr(i + 1, 1) != "u") continue;
            if (hex + 2 <= w.size() && (w[hex] == 'd' || w[hex] == 'D') &&
                std::string_view("89abcdefABCDEF").find(w[hex + 1]) != w.npos) {
              return i;
            }
          }
          return w.npos;
        },
        "escape for a UTF-16 surrogate (not a Unicode character)");
    return false;
  }

  SerdStatus set_base(const SerdNode* uri) {
    base = has_scheme(view(uri)) ? std::string(view(uri)) : resolve_iri(base, view(uri));
    return SERD_SUCCESS;
  }

  SerdStatus set_prefix(const SerdNode* name, const SerdNode* uri) {
    prefixes[std::string(view(name))] =
        has_scheme(view(uri)) ? std::string(view(uri)) : resolve_iri(base, view(uri));
    return SERD_SUCCESS;
  }

  // The absolute IRI of a URI or CURIE node into *out, or false.
  bool expand(const SerdNode* node, std::string* out) {
    const std::string_view text_of = view(node);
    if (node->type == SERD_CURIE) {
      const size_t colon = text_of.find(':');
      const auto it = prefixes.find(std::string(text_of.substr(0, colon)));
      if (colon == text_of.npos || it == prefixes.end()) {
        fail_near(text_of.substr(0, colon + 1),
                  "undefined prefix in `" + std::string(text_of) + "'");
        return false;
      }
      *out = it->second;
      out->append(text_of.substr(colon + 1));
    } else if (has_scheme(text_of)) {
      out->assign(text_of);
    } else if (syntax == Syntax::NTriples || syntax == Syntax::NQuads) {
      fail_near("<" + std::string(text_of), "relative IRI <" + std::string(text_of) +
                                                "> (N-Triples and N-Quads need absolute IRIs)");
      return false;
    } else {
      *out = resolve_iri(base, text_of);
    }
    if (out->find('\0') != std::string::npos) {
      fail_near("\\u0000", "NUL in an IRI");
      return false;
    }
    return check_text(*out);
  }

  // Appends `node` in canonical form to `out`; blank nodes as "_:label".
  bool append_term(std::string& out, const SerdNode* node, const SerdNode* dt,
                   const SerdNode* lang) {
    switch (node->type) {
      case SERD_URI:
      case SERD_CURIE:
        if (!expand(node, &scratch)) return false;
        append_iri(out, scratch);
        return true;
      case SERD_BLANK:
        out += "_:";
        out.append(view(node));
        return true;
      case SERD_LITERAL:
        scratch_dt.clear();
        if (dt && !expand(dt, &scratch_dt)) return false;
        if (!check_text(view(node))) return false;
        append_literal(out, view(node), scratch_dt, lang ? view(lang) : std::string_view());
        return true;
      default:
        fail_near("", "unexpected node type");
        return false;
    }
  }

  SerdStatus statement(const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                       const SerdNode* o, const SerdNode* dt, const SerdNode* lang) {
    if (graph && graph->type == SERD_NOTHING) graph = nullptr;
    const bool blank =
        s->type == SERD_BLANK || o->type == SERD_BLANK || (graph && graph->type == SERD_BLANK);
    if (blank) return add_blank(graph, s, p, o, dt, lang);
    const size_t start = text.size();
    bool ok = append_term(text, s, nullptr, nullptr);
    ok = ok && (text += ' ', append_term(text, p, nullptr, nullptr));
    ok = ok && (text += ' ', append_term(text, o, dt, lang));
    if (ok && graph) ok = (text += ' ', append_term(text, graph, nullptr, nullptr));
    if (!ok) {
      text.resize(start);
      return SERD_ERR_BAD_SYNTAX;
    }
    spans.emplace_back(start, text.size() - start);
    return SERD_SUCCESS;
  }

  // Sord 0.16 keeps at most 15 bytes of a language tag, so literals are
  // stored as Sord literals holding their canonical N-Triples text.
  SordNode* sord_node(const SerdNode* node, const SerdNode* dt, const SerdNode* lang) {
    std::string str;
    switch (node->type) {
      case SERD_BLANK:
        return sord_new_blank(world, node->buf);
      case SERD_URI:
      case SERD_CURIE:
        if (!expand(node, &str)) return nullptr;
        return sord_new_uri(world, reinterpret_cast<const uint8_t*>(str.c_str()));
      case SERD_LITERAL:
        if (!append_term(str, node, dt, lang)) return nullptr;
        return sord_new_literal(world, nullptr, reinterpret_cast<const uint8_t*>(str.c_str()),
                                nullptr);
      default:
        return nullptr;
    }
  }

  SerdStatus add_blank(const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                       const SerdNode* o, const SerdNode* dt, const SerdNode* lang) {
    if (!world) {
      world = sord_world_new();
      sord_world_set_error_sink(
          world, [](void*, const SerdError*) { return SERD_SUCCESS; }, nullptr);
      model = sord_new(world, SORD_SPO | SORD_OPS, true);
    }
    SordNode* nodes[4] = {sord_node(s, nullptr, nullptr), sord_node(p, nullptr, nullptr),
                          sord_node(o, dt, lang),
                          graph ? sord_node(graph, nullptr, nullptr) : nullptr};
    const bool ok = nodes[0] && nodes[1] && nodes[2] && (!graph || nodes[3]);
    if (ok) {
      const SordQuad quad = {nodes[0], nodes[1], nodes[2], nodes[3]};
      sord_add(model, quad);
    }
    for (SordNode* n : nodes) {
      if (n) sord_node_free(world, n);
    }
    if (!ok) fail_near("", "cannot store triple");
    return ok ? SERD_SUCCESS : SERD_ERR_BAD_SYNTAX;
  }

  // Relabels the blank nodes of the Sord model and appends its lines.
  size_t flush_blank() {
    if (!model) return 0;
    std::unordered_map<const SordNode*, int32_t> ids;
    std::vector<BlankQuad> quads;
    quads.reserve(sord_num_quads(model));
    auto id_of = [&](const SordNode* n, std::string* str) -> int32_t {
      if (!n) return -1;
      if (sord_node_get_type(n) == SORD_BLANK) {
        return ids.emplace(n, static_cast<int32_t>(ids.size())).first->second;
      }
      append_sord_node(*str, n);
      return -1;
    };
    SordIter* it = sord_begin(model);
    for (; it && !sord_iter_end(it); sord_iter_next(it)) {
      SordQuad t;
      sord_iter_get(it, t);
      BlankQuad q;
      q.sb = id_of(t[0], &q.s);
      id_of(t[1], &q.p);
      q.ob = id_of(t[2], &q.o);
      q.gb = id_of(t[3], &q.g);
      quads.push_back(std::move(q));
    }
    sord_iter_free(it);
    const std::vector<uint64_t> labels = label_blank_nodes(quads, ids.size());
    auto put = [&](int32_t b, const std::string& str) {
      if (b < 0) {
        text += str;
        return;
      }
      char buf[24];
      snprintf(buf, sizeof buf, "_:b%016llx", static_cast<unsigned long long>(labels[b]));
      text += buf;
    };
    for (const BlankQuad& q : quads) {
      const size_t start = text.size();
      put(q.sb, q.s);
      text += ' ';
      text += q.p;
      text += ' ';
      put(q.ob, q.o);
      if (q.gb >= 0 || !q.g.empty()) {
        text += ' ';
        put(q.gb, q.g);
      }
      spans.emplace_back(start, text.size() - start);
    }
    return ids.size();
  }

  void finish(Snapshot* out) {
    out->blank_nodes_ = flush_blank();
    out->text_ = std::make_unique<std::string>(std::move(text));
    const std::string& t = *out->text_;
    out->lines_.clear();
    out->lines_.reserve(spans.size());
    for (auto [start, len] : spans) out->lines_.emplace_back(t.data() + start, len);
    // Snapshots are often sorted already, or grouped by subject; on such
    // input libstdc++'s introsort degrades (1.0-1.4 s for a million lines)
    // and its merge sort does not (0.4 s).
    if (!std::is_sorted(out->lines_.begin(), out->lines_.end())) {
      std::stable_sort(out->lines_.begin(), out->lines_.end());
    }
    out->lines_.erase(std::unique(out->lines_.begin(), out->lines_.end()), out->lines_.end());
  }
};

namespace {

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return static_cast<SnapshotBuilder*>(handle)->set_base(uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return static_cast<SnapshotBuilder*>(handle)->set_prefix(name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* s,
                        const SerdNode* p, const SerdNode* o, const SerdNode* dt,
                        const SerdNode* lang) {
  return static_cast<SnapshotBuilder*>(handle)->statement(graph, s, p, o, dt, lang);
}

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* b = static_cast<SnapshotBuilder*>(handle);
  char buf[1024];
  va_list args;
  va_copy(args, *e->args);
  vsnprintf(buf, sizeof buf, e->fmt, args);
  va_end(args);
  std::string message(buf);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // Serd counts columns from 0, at the byte it stopped on.
  b->fail(e->line, e->col + 1, std::move(message));
  return SERD_SUCCESS;
}

SerdSyntax serd_syntax(Syntax s) {
  switch (s) {
    case Syntax::NTriples:
      return SERD_NTRIPLES;
    case Syntax::NQuads:
      return SERD_NQUADS;
    case Syntax::TriG:
      return SERD_TRIG;
    default:
      return SERD_TURTLE;
  }
}

bool read_any(FILE* file, std::string_view mem, const std::string& name, const ReadOptions& opt,
              size_t size_hint, Snapshot* out, ReadError* err) {
  SnapshotBuilder b;
  b.file = name;
  b.syntax = opt.syntax == Syntax::Auto ? syntax_for_path(name) : opt.syntax;
  std::string base = opt.base_iri;
  if (base.empty()) {
    std::error_code ec;
    std::string abs = std::filesystem::absolute(name, ec).lexically_normal().string();
    SerdNode uri = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(abs.c_str()), nullptr,
                                          nullptr, true);
    base.assign(view(&uri));
    serd_node_free(&uri);
  } else if (!has_scheme(base)) {
    *err = ReadError{name, 0, 0, "base IRI <" + base + "> is not absolute"};
    return false;
  }
  b.base = base;
  b.text.reserve(size_hint);

  GuardedSource source(file, mem, opt.max_nesting);
  b.source = &source;
  SerdReader* reader = serd_reader_new(serd_syntax(b.syntax), &b, nullptr, on_base, on_prefix,
                                       on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, on_error, &b);
  const SerdStatus st =
      serd_reader_read_source(reader, GuardedSource::read, GuardedSource::error, &source,
                              reinterpret_cast<const uint8_t*>(name.c_str()), kPageSize);
  serd_reader_free(reader);

  if (source.io_errno()) {
    *err = ReadError{name, 0, 0, std::string("read error: ") + strerror(source.io_errno())};
    return false;
  }
  if (source.cut()) {  // whatever Serd said about the truncated input
    *err = ReadError{name, source.cut_line(), source.cut_col(), source.cut_reason()};
    return false;
  }
  if (!b.failed && st > SERD_FAILURE) b.fail_near("", "syntax error");
  if (b.failed) {
    *err = b.error;
    return false;
  }
  b.finish(out);
  return true;
}

}  // namespace

bool parse_syntax(std::string_view name, Syntax* out) {
  static const std::pair<std::string_view, Syntax> kNames[] = {
      {"turtle", Syntax::Turtle}, {"ttl", Syntax::Turtle},    {"ntriples", Syntax::NTriples},
      {"nt", Syntax::NTriples},   {"nquads", Syntax::NQuads}, {"nq", Syntax::NQuads},
      {"trig", Syntax::TriG},
  };
  for (const auto& [n, s] : kNames) {
    if (n == name) {
      *out = s;
      return true;
    }
  }
  return false;
}

Syntax syntax_for_path(std::string_view path) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  Syntax s = Syntax::Turtle;
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (!parse_syntax(ext, &s)) s = Syntax::Turtle;
  }
  return s;
}

std::string ReadError::str() const {
  std::string out = escape_controls(file);
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(col);
  return out + ": " + message;
}

LineParts split_line(std::string_view line) {
  LineParts parts;
  size_t i = line.find(' ');
  parts.s = line.substr(0, i);
  if (i == std::string_view::npos) return parts;
  line.remove_prefix(i + 1);
  i = line.find(' ');
  parts.p = line.substr(0, i);
  if (i == std::string_view::npos) return parts;
  line.remove_prefix(i + 1);
  // The object: an IRI or blank node ends at a space; a literal at its
  // closing quote, plus a language tag or datatype.
  size_t end = 0;
  if (!line.empty() && line[0] == '"') {
    end = 1;
    while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
    end = std::min(end + 1, line.size());
  }
  end = line.find(' ', end);
  parts.o = line.substr(0, end);
  if (end != std::string_view::npos) parts.g = line.substr(end + 1);
  return parts;
}

std::vector<std::string_view> Snapshot::about(std::string_view subject) const {
  std::string prefix(subject);
  prefix += ' ';
  std::vector<std::string_view> out;
  auto it = std::lower_bound(lines_.begin(), lines_.end(), std::string_view(prefix));
  for (; it != lines_.end() && it->substr(0, prefix.size()) == prefix; ++it) out.push_back(*it);
  return out;
}

std::vector<std::string_view> Snapshot::objects(std::string_view subject,
                                                std::string_view predicate) const {
  std::vector<std::string_view> out;
  for (std::string_view line : about(subject)) {
    const LineParts parts = split_line(line);
    if (parts.p == predicate) out.push_back(parts.o);
  }
  return out;
}

bool read_snapshot(const std::string& path, const ReadOptions& options, Snapshot* out,
                   ReadError* err) {
  *out = Snapshot();
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = ReadError{path, 0, 0, std::string("cannot open: ") + strerror(errno)};
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const int e = errno;
    close(fd);
    *err = ReadError{path, 0, 0,
                     S_ISDIR(st.st_mode) ? "is a directory, not a file"
                                         : std::string("cannot stat: ") + strerror(e)};
    return false;
  }
  FILE* file = fdopen(fd, "rb");
  if (!file) {
    const int e = errno;
    close(fd);
    *err = ReadError{path, 0, 0, std::string("cannot open: ") + strerror(e)};
    return false;
  }
  const size_t hint = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0;
  const bool ok = read_any(file, {}, path, options, hint, out, err);
  fclose(file);
  return ok;
}

bool read_snapshot_string(std::string_view text, const std::string& name,
                          const ReadOptions& options, Snapshot* out, ReadError* err) {
  *out = Snapshot();
  ReadOptions opt = options;
  if (opt.syntax == Syntax::Auto) opt.syntax = Syntax::Turtle;
  return read_any(nullptr, text, name, opt, text.size(), out, err);
}

}  // namespace nkg::diff
