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

namespace nkg::diff {
namespace {

constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
constexpr size_t kPageSize = 64 * 1024;
constexpr char kHex[] = "0123456789ABCDEF";

// ---------------------------------------------------------------------------
// Canonical N-Triples terms. IRIs escape what IRIREF forbids; literals use
// ECHAR for \b \t \n \f \r \" \\ and \u00XX for other controls, so a line
// never holds a raw control character or an unescaped space in an IRI.

void append_uchar(std::string& out, unsigned char c) {
  const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
  out.append(esc, sizeof esc);
}

bool iri_needs_escape(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
         c == '^' || c == '`' || c == '\\';
}

void append_iri(std::string& out, std::string_view iri) {
  out += '<';
  size_t run = 0;
  for (size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (iri_needs_escape(c)) {
      out.append(iri.substr(run, i - run));
      append_uchar(out, c);
      run = i + 1;
    }
  }
  out.append(iri.substr(run));
  out += '>';
}

void append_string(std::string& out, std::string_view value) {
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) continue;
    out.append(value.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default: append_uchar(out, c);
    }
  }
  out.append(value.substr(run));
  out += '"';
}

// Language tags compare case-insensitively (RDF 1.1), so they are lowered;
// xsd:string is the datatype of a simple literal, so it is dropped.
void append_literal(std::string& out, std::string_view value, std::string_view datatype,
                    std::string_view lang) {
  append_string(out, value);
  if (!lang.empty()) {
    out += '@';
    for (char c : lang) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else if (!datatype.empty() && datatype != kXsdString) {
    out += "^^";
    append_iri(out, datatype);
  }
}

std::string escape_name(std::string_view name) {
  std::string out;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

// ---------------------------------------------------------------------------
// The byte source Serd reads from. It scans every page before handing it
// over, tracking `[`/`(` depth outside strings, IRIs and comments, and cuts
// the input short (Serd then sees the end of the file) where the depth would
// pass the limit or a NUL byte appears. It also keeps the last two pages so
// that errors found after parsing (an undefined prefix) can be placed.

class Source {
 public:
  Source(FILE* file, std::string_view mem, unsigned max_nesting)
      : file_(file), mem_(mem), max_nesting_(max_nesting) {}

  static size_t read(void* buf, size_t size, size_t nmemb, void* stream) {
    return static_cast<Source*>(stream)->read(static_cast<char*>(buf), size * nmemb);
  }
  static int error(void* stream) {
    const auto* self = static_cast<Source*>(stream);
    return self->io_errno_ != 0 || self->cut_;
  }

  int io_errno() const { return io_errno_; }
  bool cut() const { return cut_; }
  const std::string& cut_reason() const { return cut_reason_; }
  unsigned line() const { return line_; }
  unsigned col() const { return col_; }

  // Where `needle` first occurs in the last two pages, or the start of the
  // current page.
  void locate(std::string_view needle, unsigned* line, unsigned* col) const {
    const std::string window = prev_ + cur_;
    size_t at = needle.empty() ? std::string::npos : window.find(needle);
    if (at == std::string::npos) at = prev_.size();
    *line = prev_line_;
    *col = prev_col_;
    for (size_t i = 0; i < at; ++i) advance(window[i], line, col);
  }

 private:
  enum class State { Normal, Escape, Iri, Comment, Quote1, Quote2, Short, ShortEscape, Long,
                     LongEscape };

  static void advance(char c, unsigned* line, unsigned* col) {
    if (c == '\n') {
      ++*line;
      *col = 1;
    } else {
      ++*col;
    }
  }

  size_t read(char* buf, size_t n) {
    if (cut_) return 0;
    size_t got = 0;
    if (file_) {
      got = fread(buf, 1, n, file_);
      if (got < n && ferror(file_)) io_errno_ = errno ? errno : EIO;
    } else {
      got = std::min(n, mem_.size() - mem_pos_);
      memcpy(buf, mem_.data() + mem_pos_, got);
      mem_pos_ += got;
    }
    prev_.swap(cur_);
    prev_line_ = cur_line_;
    prev_col_ = cur_col_;
    cur_line_ = line_;
    cur_col_ = col_;
    const size_t ok = scan(buf, got);
    cur_.assign(buf, ok);
    if (ok < got) {
      cut_ = true;
      return ok;
    }
    return got;
  }

  // Returns how many bytes of `buf` may be parsed.
  size_t scan(const char* buf, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const char c = buf[i];
      // A NUL may stand in a string (Serd keeps it); anywhere else Serd would
      // take it for the end of the input and silently drop the rest.
      if (c == '\0' && (state_ == State::Normal || state_ == State::Quote2 ||
                        state_ == State::Iri || state_ == State::Comment)) {
        cut_reason_ = "NUL byte outside a string";
        return i;
      }
      switch (state_) {
        case State::Normal:
          if (c == '[' || c == '(') {
            if (++depth_ > max_nesting_) {
              cut_reason_ = "nesting deeper than " + std::to_string(max_nesting_) +
                            " levels of [ or (";
              return i;
            }
          } else if (c == ']' || c == ')') {
            if (depth_ > 0) --depth_;
          } else if (c == '<') {
            state_ = State::Iri;
          } else if (c == '#') {
            state_ = State::Comment;
          } else if (c == '"' || c == '\'') {
            quote_ = c;
            state_ = State::Quote1;
          } else if (c == '\\') {
            state_ = State::Escape;
          }
          break;
        case State::Escape: state_ = State::Normal; break;
        case State::Iri:
          if (c == '>' || c == '\n') state_ = State::Normal;
          break;
        case State::Comment:
          if (c == '\n' || c == '\r') state_ = State::Normal;
          break;
        case State::Quote1:  // one quote seen
          if (c == quote_) {
            state_ = State::Quote2;
          } else {
            state_ = c == '\\' ? State::ShortEscape : c == '\n' ? State::Normal : State::Short;
          }
          break;
        case State::Quote2:  // two quotes: an empty string, or a long one starts
          if (c == quote_) {
            state_ = State::Long;
            run_ = 0;
          } else {
            state_ = State::Normal;
            --i;  // rescan this byte outside the string
            continue;
          }
          break;
        case State::Short:
          if (c == quote_ || c == '\n') state_ = State::Normal;
          if (c == '\\') state_ = State::ShortEscape;
          break;
        case State::ShortEscape: state_ = State::Short; break;
        case State::Long:
          if (c == '\\') {
            state_ = State::LongEscape;
            run_ = 0;
          } else if (c == quote_) {
            if (++run_ == 3) state_ = State::Normal;
          } else {
            run_ = 0;
          }
          break;
        case State::LongEscape: state_ = State::Long; break;
      }
      advance(c, &line_, &col_);
    }
    return n;
  }

  FILE* file_;
  std::string_view mem_;
  size_t mem_pos_ = 0;
  unsigned max_nesting_;
  int io_errno_ = 0;
  bool cut_ = false;
  std::string cut_reason_;
  State state_ = State::Normal;
  char quote_ = '"';
  int run_ = 0;
  unsigned depth_ = 0;
  unsigned line_ = 1, col_ = 1;  // position of the next byte to scan
  std::string prev_, cur_;
  unsigned prev_line_ = 1, prev_col_ = 1, cur_line_ = 1, cur_col_ = 1;
};

// ---------------------------------------------------------------------------
// Blank nodes: triples that hold one go into a Sord model; afterwards every
// blank node gets a label computed from the graph around it.

struct Hash {
  static uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  static uint64_t bytes(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return mix(h ^ s.size());
  }
  static uint64_t combine(uint64_t h, uint64_t v) {
    return mix(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
  }
  // Order-independent: the items are sorted first.
  static uint64_t set(uint64_t seed, std::vector<uint64_t>* items) {
    std::sort(items->begin(), items->end());
    uint64_t h = seed;
    for (uint64_t v : *items) h = combine(h, v);
    return combine(h, items->size());
  }
};

enum : uint64_t {
  kTagNone = 1,
  kTagSelf = 2,
  kTagOut = 3,
  kTagIncident = 4,
  kTagIndividual = 5,
  kTagTie = 6,
  kTagCollision = 7,
};

// One quad with a blank node: terms as canonical strings, blank nodes as
// indices (-1 where the term is not a blank node).
struct BlankQuad {
  std::string s, p, o, g;
  int32_t sb = -1, ob = -1, gb = -1;
  uint64_t hs = 0, hp = 0, ho = 0, hg = 0;
};

class BlankLabeller {
 public:
  BlankLabeller(std::vector<BlankQuad>* quads, size_t n) : q_(*quads), n_(n), label_(n) {
    for (auto& q : q_) {
      q.hs = q.sb < 0 ? Hash::bytes(q.s) : 0;
      q.hp = Hash::bytes(q.p);
      q.ho = q.ob < 0 ? Hash::bytes(q.o) : 0;
      q.hg = q.gb < 0 ? (q.g.empty() ? kTagNone : Hash::bytes(q.g)) : 0;
    }
  }

  std::vector<uint64_t> run() {
    if (!tree_labels()) general_labels();
    make_unique();
    return label_;
  }

 private:
  // Exact for forests: content hashed bottom-up, then context top-down, one
  // Kahn layer at a time so that siblings with equal labels (which are then
  // interchangeable) are numbered before their children are labelled.
  bool tree_labels() {
    std::vector<std::vector<uint32_t>> out(n_), in(n_);
    std::vector<uint32_t> indegree(n_, 0);
    for (uint32_t i = 0; i < q_.size(); ++i) {
      const BlankQuad& q = q_[i];
      if (q.gb >= 0 || (q.sb >= 0 && q.sb == q.ob)) return false;
      if (q.sb >= 0) out[q.sb].push_back(i);
      if (q.ob >= 0) {
        in[q.ob].push_back(i);
        if (q.sb >= 0) ++indegree[q.ob];
      }
    }
    std::vector<std::vector<uint32_t>> layers(1);
    for (uint32_t b = 0; b < n_; ++b) {
      if (indegree[b] == 0) layers[0].push_back(b);
    }
    size_t seen = 0;
    for (size_t k = 0; k < layers.size() && !layers[k].empty(); ++k) {
      std::vector<uint32_t> next;
      for (uint32_t b : layers[k]) {
        for (uint32_t i : out[b]) {
          if (q_[i].ob >= 0 && --indegree[q_[i].ob] == 0) next.push_back(q_[i].ob);
        }
      }
      seen += layers[k].size();
      if (!next.empty()) layers.push_back(std::move(next));
    }
    if (seen < n_) return false;  // a cycle

    std::vector<uint64_t> content(n_);
    std::vector<uint64_t> items;
    for (size_t k = layers.size(); k-- > 0;) {
      for (uint32_t b : layers[k]) {
        items.clear();
        for (uint32_t i : out[b]) {
          const BlankQuad& q = q_[i];
          items.push_back(Hash::combine(Hash::combine(q.hp, q.ob >= 0 ? content[q.ob] : q.ho), q.hg));
        }
        content[b] = Hash::set(kTagOut, &items);
      }
    }
    for (auto& layer : layers) {
      for (uint32_t b : layer) {
        items.clear();
        for (uint32_t i : in[b]) {
          const BlankQuad& q = q_[i];
          items.push_back(Hash::combine(Hash::combine(q.sb >= 0 ? label_[q.sb] : q.hs, q.hp), q.hg));
        }
        label_[b] = Hash::set(content[b], &items);
      }
      break_ties(&layer);
    }
    return true;
  }

  // Numbers the members of each group of equal labels, in input order.
  void break_ties(std::vector<uint32_t>* nodes) {
    std::sort(nodes->begin(), nodes->end(), [&](uint32_t a, uint32_t b) {
      return label_[a] != label_[b] ? label_[a] < label_[b] : a < b;
    });
    for (size_t i = 0; i < nodes->size();) {
      size_t j = i + 1;
      while (j < nodes->size() && label_[(*nodes)[j]] == label_[(*nodes)[i]]) ++j;
      if (j - i > 1) {
        const uint64_t base = label_[(*nodes)[i]];
        for (size_t k = i; k < j; ++k) label_[(*nodes)[k]] = Hash::combine(base, kTagTie + k - i);
      }
      i = j;
    }
  }

  // Anything else (cycles, blank graph names): colour refinement
  // (1-dimensional Weisfeiler-Leman) over all quads around each node, then
  // individualise one node of the smallest tied class and refine again,
  // within a work budget. Isomorphic graphs get equal labels unless they
  // hold classes that refinement cannot split and whose members are not
  // interchangeable.
  void general_labels() {
    incident_.assign(n_, {});
    for (uint32_t i = 0; i < q_.size(); ++i) {
      const BlankQuad& q = q_[i];
      for (int32_t b : {q.sb, q.ob, q.gb}) {
        if (b >= 0 && (incident_[b].empty() || incident_[b].back() != i)) incident_[b].push_back(i);
      }
    }
    std::fill(label_.begin(), label_.end(), kTagIncident);
    refine();
    std::vector<uint32_t> order(n_);
    for (;;) {
      for (uint32_t b = 0; b < n_; ++b) order[b] = b;
      std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return label_[a] != label_[b] ? label_[a] < label_[b] : a < b;
      });
      size_t tied = n_;
      for (size_t i = 0; i + 1 < n_; ++i) {
        if (label_[order[i]] == label_[order[i + 1]]) {
          tied = i;
          break;
        }
      }
      if (tied == n_) return;
      if (work_ > kWorkBudget) {
        break_ties(&order);
        return;
      }
      label_[order[tied]] = Hash::combine(label_[order[tied]], kTagIndividual);
      refine();
    }
  }

  uint64_t term(int32_t b, uint64_t h, uint32_t self) const {
    return b < 0 ? h : static_cast<uint32_t>(b) == self ? kTagSelf : label_[b];
  }

  void refine() {
    size_t classes = count_classes();
    std::vector<uint64_t> next(n_), items;
    for (;;) {
      for (uint32_t b = 0; b < n_; ++b) {
        items.clear();
        for (uint32_t i : incident_[b]) {
          const BlankQuad& q = q_[i];
          uint64_t h = Hash::combine(term(q.sb, q.hs, b), q.hp);
          h = Hash::combine(Hash::combine(h, term(q.ob, q.ho, b)), term(q.gb, q.hg, b));
          items.push_back(h);
        }
        work_ += items.size() + 1;
        next[b] = Hash::set(label_[b], &items);
      }
      label_.swap(next);
      const size_t now = count_classes();
      if (now <= classes || work_ > kWorkBudget) return;
      classes = now;
    }
  }

  size_t count_classes() const {
    std::vector<uint64_t> sorted = label_;
    std::sort(sorted.begin(), sorted.end());
    return std::unique(sorted.begin(), sorted.end()) - sorted.begin();
  }

  // Distinct nodes must never share a label, even on a hash collision.
  void make_unique() {
    std::vector<uint32_t> order(n_);
    for (uint32_t b = 0; b < n_; ++b) order[b] = b;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return label_[a] != label_[b] ? label_[a] < label_[b] : a < b;
    });
    std::vector<uint64_t> used(label_);
    std::sort(used.begin(), used.end());
    for (size_t i = 1; i < n_; ++i) {
      uint32_t b = order[i];
      if (label_[b] != label_[order[i - 1]]) continue;
      uint64_t l = label_[b];
      do l = Hash::combine(l, kTagCollision);
      while (std::binary_search(used.begin(), used.end(), l));
      label_[b] = l;
      used.insert(std::upper_bound(used.begin(), used.end(), l), l);
    }
  }

  static constexpr size_t kWorkBudget = 50'000'000;
  std::vector<BlankQuad>& q_;
  size_t n_;
  std::vector<uint64_t> label_;
  std::vector<std::vector<uint32_t>> incident_;
  size_t work_ = 0;
};

void append_sord_node(std::string& out, const SordNode* node) {
  size_t n = 0;
  const auto* str = sord_node_get_string_counted(node, &n);
  std::string_view value(reinterpret_cast<const char*>(str), n);
  if (sord_node_get_type(node) == SORD_URI) {
    append_iri(out, value);
  } else {
    const SordNode* dt = sord_node_get_datatype(node);
    const char* lang = sord_node_get_language(node);
    append_literal(out, value,
                   dt ? reinterpret_cast<const char*>(sord_node_get_string(dt)) : "",
                   lang ? lang : "");
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// The reader: Serd sinks filling the line table and the Sord model.

struct SnapshotBuilder {
  SerdEnv* env = nullptr;
  Syntax syntax = Syntax::Turtle;
  Source* source = nullptr;
  std::string file;
  bool failed = false;
  ReadError error;

  std::string text;
  std::vector<std::pair<size_t, size_t>> spans;

  SordWorld* world = nullptr;
  SordModel* model = nullptr;
  std::string scratch, scratch_dt;

  ~SnapshotBuilder() {
    if (model) sord_free(model);
    if (world) sord_world_free(world);
    if (env) serd_env_free(env);
  }

  void fail(unsigned line, unsigned col, std::string message) {
    if (failed) return;
    failed = true;
    error.file = file;
    error.line = line;
    error.col = col;
    error.message = std::move(message);
  }

  void fail_near(std::string_view needle, std::string message) {
    unsigned line = 0, col = 0;
    source->locate(needle, &line, &col);
    fail(line, col, std::move(message));
  }

  // The absolute IRI of a URI or CURIE node into *out, or false.
  bool expand(const SerdNode* node, std::string* out) {
    out->clear();
    if (node->type == SERD_CURIE) {
      SerdChunk prefix{}, suffix{};
      if (serd_env_expand(env, node, &prefix, &suffix)) {
        std::string_view curie = view(node);
        fail_near(curie.substr(0, curie.find(':') + 1),
                  "undefined prefix in `" + std::string(curie) + "'");
        return false;
      }
      out->append(reinterpret_cast<const char*>(prefix.buf), prefix.len);
      out->append(reinterpret_cast<const char*>(suffix.buf), suffix.len);
      return true;
    }
    if (serd_uri_string_has_scheme(node->buf)) {
      out->assign(view(node));
      return true;
    }
    if (syntax == Syntax::NTriples || syntax == Syntax::NQuads) {
      fail_near("<" + std::string(view(node)), "relative IRI <" + std::string(view(node)) +
                                                   "> (N-Triples and N-Quads need absolute IRIs)");
      return false;
    }
    SerdURI base{};
    serd_env_get_base_uri(env, &base);
    SerdNode abs = serd_node_new_uri_from_node(node, &base, nullptr);
    out->assign(view(&abs));
    serd_node_free(&abs);
    return true;
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
        if (dt && !expand(dt, &scratch)) return false;
        if (dt) scratch_dt = scratch;
        append_literal(out, view(node), scratch_dt, lang ? view(lang) : std::string_view());
        return true;
      default: fail_near("", "unexpected node type"); return false;
    }
  }

  SerdStatus statement(const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                       const SerdNode* o, const SerdNode* dt, const SerdNode* lang) {
    if (graph && graph->type == SERD_NOTHING) graph = nullptr;
    const bool blank = s->type == SERD_BLANK || o->type == SERD_BLANK ||
                       (graph && graph->type == SERD_BLANK);
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

  SordNode* sord_node(const SerdNode* node, const SerdNode* dt, const SerdNode* lang) {
    std::string iri;
    switch (node->type) {
      case SERD_BLANK: return sord_new_blank(world, node->buf);
      case SERD_URI:
      case SERD_CURIE:
        if (!expand(node, &iri)) return nullptr;
        return sord_new_uri(world, reinterpret_cast<const uint8_t*>(iri.c_str()));
      case SERD_LITERAL: {
        SordNode* datatype = nullptr;
        std::string tag;
        if (lang) {
          for (char c : view(lang)) tag += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (dt) {
          if (!expand(dt, &iri)) return nullptr;
          if (iri != kXsdString) {
            datatype = sord_new_uri(world, reinterpret_cast<const uint8_t*>(iri.c_str()));
          }
        }
        SordNode* lit = sord_new_literal(world, datatype, node->buf, lang ? tag.c_str() : nullptr);
        if (datatype) sord_node_free(world, datatype);
        return lit;
      }
      default: return nullptr;
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
    const std::vector<uint64_t> labels = BlankLabeller(&quads, ids.size()).run();
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
    std::sort(out->lines_.begin(), out->lines_.end());
    out->lines_.erase(std::unique(out->lines_.begin(), out->lines_.end()), out->lines_.end());
  }
};

namespace {

SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto* b = static_cast<SnapshotBuilder*>(handle);
  return serd_env_set_base_uri(b->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* b = static_cast<SnapshotBuilder*>(handle);
  return serd_env_set_prefix(b->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* s, const SerdNode* p, const SerdNode* o,
                        const SerdNode* dt, const SerdNode* lang) {
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
    case Syntax::NTriples: return SERD_NTRIPLES;
    case Syntax::NQuads: return SERD_NQUADS;
    case Syntax::TriG: return SERD_TRIG;
    default: return SERD_TURTLE;
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
    std::string abs = std::filesystem::absolute(name, ec).string();
    SerdNode uri = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(abs.c_str()), nullptr,
                                          nullptr, true);
    base.assign(view(&uri));
    serd_node_free(&uri);
  } else if (!serd_uri_string_has_scheme(reinterpret_cast<const uint8_t*>(base.c_str()))) {
    *err = ReadError{name, 0, 0, "base IRI <" + base + "> is not absolute"};
    return false;
  }
  const SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  b.env = serd_env_new(&base_node);
  b.text.reserve(size_hint);

  Source source(file, mem, opt.max_nesting);
  b.source = &source;
  SerdReader* reader = serd_reader_new(serd_syntax(b.syntax), &b, nullptr, on_base, on_prefix,
                                       on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, on_error, &b);
  const SerdStatus st =
      serd_reader_read_source(reader, Source::read, Source::error, &source,
                              reinterpret_cast<const uint8_t*>(name.c_str()), kPageSize);
  serd_reader_free(reader);

  if (source.io_errno()) {
    *err = ReadError{name, 0, 0, std::string("read error: ") + strerror(source.io_errno())};
    return false;
  }
  if (source.cut()) {  // whatever Serd said about the truncated input
    *err = ReadError{name, source.line(), source.col(), source.cut_reason()};
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
      {"turtle", Syntax::Turtle}, {"ttl", Syntax::Turtle}, {"ntriples", Syntax::NTriples},
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
  std::string out = escape_name(file);
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
    *err = ReadError{path, 0, 0, S_ISDIR(st.st_mode) ? "is a directory, not a file"
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
