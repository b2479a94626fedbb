#include "publish/pages.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "publish/html.h"
#include "publish/vocab.h"

namespace nkg::publish {
namespace {

std::string esc(std::string_view s) { return html::text(s); }
std::string att(std::string_view s) { return html::attr(s); }

// ` lang="xx"` when `tag` is a well-formed tag, else nothing.
std::string lang_attribute(std::string_view tag) {
  const std::string l = html::lang_attr(tag);
  return l.empty() ? std::string() : " lang=\"" + att(l) + "\"";
}

// Untrusted inline text, isolated from its surroundings.
std::string bdi(std::string_view text, std::string_view lang = {}) {
  return "<bdi" + lang_attribute(lang) + ">" + esc(text) + "</bdi>";
}

// "Persian" for "fa": ICU's English name of the language, else the tag.
std::string language_name(std::string_view tag) {
  const std::string l = html::lang_attr(tag);
  if (l.empty()) return std::string(tag);
  const icu::Locale loc(l.c_str());
  icu::UnicodeString name;
  loc.getDisplayName(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? l : out;
}

// Code points of context either side of a mention in the facts tables.
constexpr size_t kSnippet = 60;

constexpr const char* kCss =
    ":root{--fg:#1d232b;--muted:#5b6570;--line:#d8dee4;--accent:#0b5cad;--self:#ffe27a;"
    "--other:#dbeafe}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
    "\"DejaVu Sans\",sans-serif;color:var(--fg);background:#eef1f4}\n"
    "header.site{background:#1f3a5f;color:#fff;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;"
    "gap:.3rem 1.1rem;align-items:baseline}\n"
    "header.site a{color:#fff;text-decoration:none}\n"
    "header.site a:hover{text-decoration:underline}\n"
    "header.site .brand{font-weight:700;font-size:1.1rem;margin-inline-end:1rem}\n"
    "main{max-width:72rem;margin:1.5rem auto;padding:.5rem 1.5rem 2rem;background:#fff;"
    "border:1px solid var(--line);border-radius:8px}\n"
    "h1{font-size:1.8rem;margin:1rem 0 .3rem}\n"
    "h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);"
    "padding-bottom:.2rem}\n"
    "h3{font-size:1.05rem;margin:1.2rem 0 .4rem}\n"
    ".meta{color:var(--muted);font-size:.9rem}\n"
    ".type{display:inline-block;background:#eef2f6;border:1px solid var(--line);"
    "border-radius:999px;padding:0 .6rem;margin-inline-end:.3rem;font-size:.85rem}\n"
    ".type a{text-decoration:none}\n"
    "code{font-size:.85em;background:#f1f3f5;padding:0 .25em;border-radius:3px;"
    "word-break:break-all}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0}\n"
    "th,td{text-align:start;vertical-align:top;padding:.45rem .6rem;"
    "border-bottom:1px solid var(--line)}\n"
    "th{background:#f1f4f7;font-weight:600;font-size:.9rem}\n"
    "td.prop{white-space:nowrap;color:var(--muted);width:11rem}\n"
    "td.src{font-size:.92rem;width:55%}\n"
    "blockquote.ev{margin:.3rem 0 .1rem;padding:.4rem .8rem;border-inline-start:4px solid "
    "#9db7d5;background:#f7fafc;white-space:pre-wrap}\n"
    "mark{background:var(--other);color:inherit;padding:0 .1em;border-radius:2px}\n"
    "mark.self{background:var(--self);font-weight:600}\n"
    "a.m{text-decoration:none}\n"
    ".cite{font-size:.85rem;color:var(--muted);margin:0 0 .7rem}\n"
    ".lang{font-size:.75rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;"
    "padding:0 .25em;margin-inline-start:.3em}\n"
    ".ctl{font:.75em monospace;background:#fde2e1;color:#8a1c12;border:1px solid #f5a39b;"
    "border-radius:3px;padding:0 .2em}\n"
    "a{color:var(--accent)}\n"
    "ul.plain{padding-inline-start:1.2rem}\n"
    "footer{max-width:72rem;margin:0 auto 2rem;padding:0 1.5rem;color:var(--muted);"
    "font-size:.85rem}\n";

}  // namespace

Renderer::Renderer(const Context& ctx, const Describer& describer, Chrome chrome)
    : ctx_(ctx), g_(ctx.g), describer_(describer), chrome_(std::move(chrome)) {}

std::string Renderer::head(const std::string& title, const std::string& turtle) const {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"generator\" content=\"newskg publish\">\n"
      "<title>" +
      att(title) + " \u2013 newskg</title>\n";
  if (!turtle.empty()) {
    h += "<link rel=\"alternate\" type=\"text/turtle\" href=\"" + att(turtle) + "\">\n";
  }
  h += "<style>\n";
  h += kCss;
  h += "</style>\n</head>\n<body>\n<header class=\"site\"><a class=\"brand\" href=\"" +
       att(chrome_.home) + "\">newskg</a>";
  for (const auto& [href, label] : chrome_.nav) {
    h += "<a href=\"" + att(href) + "\">" + esc(label) + "</a>";
  }
  h += "<a href=\"" + att(chrome_.ontology) + "\">Ontology</a>";
  if (!chrome_.dataset.empty()) h += "<a href=\"" + att(chrome_.dataset) + "\">Dataset</a>";
  h += "</header>\n<main>\n";
  return h;
}

std::string Renderer::foot() const {
  return "</main>\n<footer>Published by newskg from its knowledge graph of news articles. "
         "Every IRI serves Turtle to clients that ask for <code>text/turtle</code>.</footer>\n"
         "</body>\n</html>\n";
}

std::string Renderer::term_link(std::string_view iri) const {
  const std::string label = ctx_.term_label(iri);
  if (iri.substr(0, kOntologyNs.size()) == kOntologyNs) {
    return "<a href=\"" + att(ctx_.layout.ontology_link(iri)) + "\">" + esc(label) + "</a>";
  }
  if (html::is_linkable(iri)) {
    return "<a href=\"" + att(iri) + "\" title=\"" + att(iri) + "\">" + esc(label) + "</a>";
  }
  return "<code>" + esc(iri) + "</code>";
}

std::string Renderer::link(Id node) const {
  if (node == kNone) return "";
  const Node& n = g_.node(node);
  if (n.is_literal()) return bdi(n.value, n.lang);
  if (n.kind == NodeKind::Blank) return "<code>_:" + esc(n.value) + "</code>";
  const std::string& iri = n.value;
  if (iri.substr(0, v::WD.size()) == v::WD && iri.size() > v::WD.size()) {
    const std::string q = iri.substr(v::WD.size());
    return "<a href=\"" + att("https://www.wikidata.org/wiki/" + q) + "\" title=\"" + att(iri) +
           "\">" + esc(q) + "</a> <span class=\"meta\">(Wikidata)</span>";
  }
  if (iri.substr(0, kOntologyNs.size()) == kOntologyNs) return term_link(iri);
  if (!html::is_linkable(iri)) return "<code>" + esc(iri) + "</code>";
  const bool ours = ctx_.layout.under_base(iri);
  const bool labelled = !g_.out(node).empty();
  if (!ours && !labelled) {
    return "<a href=\"" + att(iri) + "\"><code>" + esc(iri) + "</code></a>";
  }
  std::string lang;
  const std::string label = ctx_.display(node, &lang);
  return "<a href=\"" + att(iri) + "\">" + bdi(label, lang) + "</a>";
}

std::string Renderer::value(Id pred, Id o) const {
  const Node& n = g_.node(o);
  if (!n.is_literal()) return link(o);
  if (pred != kNone && pred == ctx_.t.share) return esc(n.value) + "&nbsp;%";
  if (pred != kNone && pred == ctx_.t.schema_value) return esc(format_number(n.value));
  if (n.datatype == v::XSD + "boolean") return n.value == "true" || n.value == "1" ? "yes" : "no";
  if (!n.lang.empty()) {
    return "<span dir=\"auto\"" + lang_attribute(n.lang) + ">" + esc(n.value) +
           "</span><span class=\"lang\">" + esc(n.lang) + "</span>";
  }
  if (pred != kNone && local_name(g_.node(pred).value) == "sha256") {
    return "<code>" + esc(n.value) + "</code>";
  }
  return bdi(n.value);
}

std::string Renderer::lang_of(Id article) const {
  const Id l = g_.object(article, ctx_.t.language);
  return l == kNone ? std::string() : g_.node(l).value;
}

std::string Renderer::article_link(Id article) const {
  const Node& n = g_.node(article);
  if (!n.is_iri() || !html::is_linkable(n.value)) return link(article);
  const Id id = g_.object(article, ctx_.t.identifier);
  const std::string name = id != kNone ? g_.node(id).value : percent_decode(local_name(n.value));
  std::string title;
  const Id t = g_.object(article, ctx_.t.title);
  if (t != kNone) title = " title=\"" + att(g_.node(t).value) + "\"";
  std::string s = "<a href=\"" + att(n.value) + "\"" + title + ">" + bdi(name) + "</a>";
  const std::string lang = lang_of(article);
  if (!lang.empty()) s += "<span class=\"lang\">" + esc(lang) + "</span>";
  return s;
}

std::string Renderer::sentence(const Span& s, const std::vector<Id>& selves, size_t context) const {
  const std::string text = s.anchor ? *s.anchor : std::string();
  const std::vector<size_t> at = html::code_point_offsets(text);
  const uint64_t n = at.size() - 1;
  auto is_self = [&](const Span& m) {
    for (Id r : m.refers_to)
      if (std::find(selves.begin(), selves.end(), r) != selves.end()) return true;
    return false;
  };
  // The mentions to mark: inside the text, not overlapping an earlier one.
  std::vector<const Span*> marks;
  uint64_t last = 0;
  for (const Span* m : ctx_.mentions_in(s)) {
    const uint64_t a = m->begin - s.begin, b = m->end - s.begin;
    if (a < last || b > n || b <= a) continue;
    marks.push_back(m);
    last = b;
  }
  // A window of `context` code points either side of the first mention of
  // a self, cut at spaces and never through a mention.
  uint64_t w0 = 0, w1 = n;
  if (context > 0) {
    for (const Span* m : marks) {
      if (!is_self(*m)) continue;
      const uint64_t a = m->begin - s.begin, b = m->end - s.begin;
      w0 = a > context ? a - context : 0;
      w1 = std::min<uint64_t>(n, b + context);
      if (w0 > 0) {
        const size_t sp = text.find(' ', at[w0]);
        while (w0 < a && sp != std::string::npos && at[w0] <= sp) ++w0;
      }
      if (w1 < n) {
        const size_t sp = text.rfind(' ', at[w1]);
        while (w1 > b && sp != std::string::npos && at[w1] > sp) --w1;
      }
      for (const Span* o : marks) {
        const uint64_t oa = o->begin - s.begin, ob = o->end - s.begin;
        if (oa < w0 && ob > w0) w0 = oa;
        if (oa < w1 && ob > w1) w1 = ob;
      }
      break;
    }
  }
  auto piece = [&](uint64_t from, uint64_t to) {
    return esc(std::string_view(text).substr(at[from], at[to] - at[from]));
  };
  std::string out =
      "<blockquote class=\"ev\" dir=\"auto\"" + lang_attribute(lang_of(s.article)) + ">";
  if (w0 > 0) out += "\u2026";
  uint64_t pos = w0;
  for (const Span* m : marks) {
    const uint64_t a = m->begin - s.begin, b = m->end - s.begin;
    if (a < w0 || b > w1) continue;
    out += piece(pos, a);
    Id target = m->refers_to.empty() ? kNone : m->refers_to.front();
    const bool self = is_self(*m);
    if (self)
      for (Id r : m->refers_to)
        if (std::find(selves.begin(), selves.end(), r) != selves.end()) {
          target = r;
          break;
        }
    const std::string inner =
        std::string(self ? "<mark class=\"self\">" : "<mark>") + piece(a, b) + "</mark>";
    if (target != kNone && g_.node(target).is_iri() && html::is_linkable(g_.node(target).value)) {
      out += "<a class=\"m\" href=\"" + att(g_.node(target).value) + "\" title=\"" +
             att(ctx_.display(target)) + "\">" + inner + "</a>";
    } else {
      out += inner;
    }
    pos = b;
  }
  out += piece(pos, w1);
  if (w1 < n) out += "\u2026";
  out += "</blockquote>";
  return out;
}

std::string Renderer::cite(const Span& s) const {
  const std::string& iri = g_.node(s.node).value;
  std::string chars = "characters " + std::to_string(s.begin) + "\u2013" + std::to_string(s.end);
  if (html::is_linkable(iri)) chars = "<a href=\"" + att(iri) + "\">" + chars + "</a>";
  return "<p class=\"cite\">\u2014 " + article_link(s.article) + ", " + chars + "</p>";
}

std::string Renderer::evidence_list(const std::vector<const Span*>& sentences,
                                    const std::vector<Id>& selves) const {
  std::string out;
  for (const Span* s : sentences) out += sentence(*s, selves, kSnippet) + cite(*s);
  return out;
}

std::string Renderer::labels_section(Id node) const {
  struct Row {
    std::string lang;
    int kind;
    std::string value;
    bool operator<(const Row& o) const {
      return std::tie(lang, kind, value) < std::tie(o.lang, o.kind, o.value);
    }
  };
  std::set<Row> rows;
  const Id preds[] = {ctx_.t.pref_label, ctx_.t.label, ctx_.t.alt_label};
  for (int k = 0; k < 3; ++k)
    for (Id l : g_.objects(node, preds[k]))
      if (g_.node(l).is_literal()) rows.insert({g_.node(l).lang, k, g_.node(l).value});
  if (rows.empty()) return "";
  static const char* kinds[] = {"preferred", "label", "alternative"};
  std::string out =
      "<h2>Labels</h2>\n<table class=\"labels\"><tr><th>Language</th><th>Label</th><th>Kind</th>"
      "</tr>\n";
  for (const Row& r : rows) {
    out += "<tr><td>" +
           (r.lang.empty()
                ? std::string("\u2014")
                : esc(language_name(r.lang)) + "<span class=\"lang\">" + esc(r.lang) + "</span>") +
           "</td><td dir=\"auto\"" + lang_attribute(r.lang) + ">" + esc(r.value) +
           "</td><td class=\"meta\">" + kinds[r.kind] + "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string Renderer::facts_section(Id node) const {
  const Terms& t = ctx_.t;
  const std::set<Id> skip = {t.type,      t.pref_label, t.label,
                             t.alt_label, t.evidence,   t.derived_from};
  struct Row {
    Id pred;
    std::string value, sources;
  };
  std::vector<Row> rows;
  bool any_sources = false;
  for (uint32_t tr : g_.out(node)) {
    const Triple& x = g_.triples()[tr];
    if (skip.count(x.p)) continue;
    Row r{x.p, value(x.p, x.o), {}};
    if (g_.node(x.o).is_iri()) {
      Id target = x.o;
      const bool part = ctx_.owner(x.o) == node && x.o != node;
      if (part && g_.object(x.o, t.holder) != kNone) target = g_.object(x.o, t.holder);
      const auto sents = ctx_.evidence_mentioning(node, target);
      if (!sents.empty()) r.sources = evidence_list(sents, {target});
      if (r.sources.empty() && (part || t.derived_from != kNone)) {
        std::vector<Id> arts = ctx_.sources_of(part ? x.o : node);
        for (Id a : arts) r.sources += (r.sources.empty() ? "" : " \u00B7 ") + article_link(a);
      }
    } else {
      for (Id a : ctx_.sources_of(node)) {
        r.sources += (r.sources.empty() ? "" : " \u00B7 ") + article_link(a);
      }
    }
    any_sources = any_sources || !r.sources.empty();
    rows.push_back(std::move(r));
  }
  if (rows.empty()) return "";
  std::string out = "<h2>Facts</h2>\n<table class=\"facts\"><tr><th>Property</th><th>Value</th>";
  if (any_sources) out += "<th>Source articles and evidence</th>";
  out += "</tr>\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t span = 1;
    while (i + span < rows.size() && rows[i + span].pred == rows[i].pred) ++span;
    for (size_t k = i; k < i + span; ++k) {
      out += "<tr>";
      if (k == i) {
        out += "<td class=\"prop\"" +
               (span > 1 ? " rowspan=\"" + std::to_string(span) + "\"" : std::string()) + ">" +
               term_link(g_.node(rows[k].pred).value) + "</td>";
      }
      out += "<td>" + rows[k].value + "</td>";
      if (any_sources) out += "<td class=\"src\">" + rows[k].sources + "</td>";
      out += "</tr>\n";
    }
    i += span - 1;
  }
  return out + "</table>\n";
}

std::string Renderer::evidence_section(Id node, const std::vector<Id>& parts) const {
  std::vector<Id> ids = ctx_.evidence_of(node);
  std::vector<Id> selves = {node};
  for (Id p : parts) {
    for (Id e : g_.objects(p, ctx_.t.evidence))
      if (std::find(ids.begin(), ids.end(), e) == ids.end()) ids.push_back(e);
  }
  for (Id p : parts)
    for (uint32_t tr : g_.out(p)) selves.push_back(g_.triples()[tr].o);
  std::map<std::string, std::vector<const Span*>> by_article;
  for (Id e : ids)
    if (const Span* s = ctx_.span(e)) by_article[Graph::key(g_.node(s->article))].push_back(s);
  if (by_article.empty()) return "";
  std::string out = "<h2>Evidence</h2>\n";
  for (auto& [key, sents] : by_article) {
    std::sort(sents.begin(), sents.end(),
              [](const Span* a, const Span* b) { return a->begin < b->begin; });
    const Id a = sents.front()->article;
    out += "<h3>" + article_link(a);
    const Id title = g_.object(a, ctx_.t.title);
    if (title != kNone) {
      out += " <span class=\"meta\">" + bdi(g_.node(title).value, g_.node(title).lang) + "</span>";
    }
    out += "</h3>\n";
    for (const Span* s : sents) {
      out += sentence(*s, selves) + cite(*s) + "\n";
    }
  }
  return out;
}

std::string Renderer::referenced_section(Id node, const std::vector<Id>& parts) const {
  if (node == kNone) return "";
  const Terms& t = ctx_.t;
  struct Row {
    std::string relation, sort_key, resource, evidence;
    bool operator<(const Row& o) const {
      return std::tie(relation, sort_key) < std::tie(o.relation, o.sort_key);
    }
  };
  std::vector<Row> rows;
  bool any_evidence = false;
  for (uint32_t tr : g_.in(node)) {
    const Triple& x = g_.triples()[tr];
    if (x.p == t.ta_ident_ref || x.p == t.reference_context) continue;
    if (std::find(parts.begin(), parts.end(), x.s) != parts.end()) continue;
    Row r;
    r.relation = ctx_.term_label(g_.node(x.p).value);
    r.sort_key = ctx_.display(x.s) + "\x01" + Graph::key(g_.node(x.s));
    const Id owner = ctx_.owner(x.s);
    r.resource = owner != x.s ? link(owner) + " \u203A " + link(x.s) : link(x.s);
    const Id type = g_.object(x.s, t.type);
    if (type != kNone) {
      r.resource +=
          " <span class=\"type\">" + esc(ctx_.term_label(g_.node(type).value)) + "</span>";
    }
    const auto sents = ctx_.evidence_mentioning(x.s, node);
    r.evidence = evidence_list(sents, {node});
    any_evidence = any_evidence || !r.evidence.empty();
    rows.push_back(std::move(r));
  }
  if (rows.empty()) return "";
  std::sort(rows.begin(), rows.end());
  std::string out =
      "<h2>Referenced by</h2>\n<table class=\"refs\"><tr><th>As</th><th>Resource</th>";
  if (any_evidence) out += "<th>Evidence</th>";
  out += "</tr>\n";
  for (const Row& r : rows) {
    out += "<tr><td class=\"prop\">" + esc(r.relation) + "</td><td>" + r.resource + "</td>";
    if (any_evidence) out += "<td class=\"src\">" + r.evidence + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string Renderer::mentions_section(Id node) const {
  if (node == kNone) return "";
  std::map<std::string, std::vector<const Span*>> by_article;
  for (Id m : g_.subjects(ctx_.t.ta_ident_ref, node))
    if (const Span* s = ctx_.span(m)) by_article[Graph::key(g_.node(s->article))].push_back(s);
  if (by_article.empty()) return "";
  std::string out = "<h2>Mentions</h2>\n";
  for (auto& [key, mentions] : by_article) {
    std::sort(mentions.begin(), mentions.end(),
              [](const Span* a, const Span* b) { return a->begin < b->begin; });
    out += "<h3>" + article_link(mentions.front()->article) + " <span class=\"meta\">" +
           std::to_string(mentions.size()) + (mentions.size() == 1 ? " mention" : " mentions") +
           "</span></h3>\n";
    std::vector<const Span*> shown;
    std::string loose;
    for (const Span* m : mentions) {
      const auto around = ctx_.sentences_around(*m);
      if (!around.empty()) {
        if (std::find(shown.begin(), shown.end(), around.front()) == shown.end()) {
          shown.push_back(around.front());
        }
        continue;
      }
      const std::string& iri = g_.node(m->node).value;
      loose += (loose.empty() ? "" : " \u00B7 ") + std::string("<a href=\"") + att(iri) + "\">" +
               bdi(m->anchor ? *m->anchor : std::string()) + "</a> <span class=\"meta\">" +
               std::to_string(m->begin) + "\u2013" + std::to_string(m->end) + "</span>";
    }
    std::sort(shown.begin(), shown.end(),
              [](const Span* a, const Span* b) { return a->begin < b->begin; });
    for (const Span* s : shown) out += sentence(*s, {node}) + cite(*s) + "\n";
    if (!loose.empty()) out += "<p>" + loose + "</p>\n";
  }
  return out;
}

std::string Renderer::article_sections(Id node) const {
  if (node == kNone) return "";
  const std::vector<Span>& spans = ctx_.spans_of_article(node);
  if (spans.empty()) return "";
  auto fragment = [&](const Span& s) {
    const std::string& iri = g_.node(s.node).value;
    const size_t hash = iri.find('#');
    return hash == std::string::npos ? std::string() : iri.substr(hash + 1);
  };
  std::string out;
  std::string sentences;
  for (const Span& s : spans) {
    if (!s.sentence) continue;
    const std::string frag = fragment(s);
    sentences += "<div" + (frag.empty() ? std::string() : " id=\"" + att(frag) + "\"") + ">" +
                 sentence(s, {}) + "<p class=\"cite\">characters " + std::to_string(s.begin) +
                 "\u2013" + std::to_string(s.end);
    std::string users;
    for (Id u : g_.subjects(ctx_.t.evidence, s.node)) {
      users += (users.empty() ? "" : ", ") + link(u);
    }
    if (!users.empty()) sentences += "; evidence of " + users;
    sentences += "</p></div>\n";
  }
  if (!sentences.empty()) out += "<h2>Evidence sentences</h2>\n" + sentences;
  std::string rows;
  for (const Span& s : spans) {
    if (s.sentence) continue;
    const std::string frag = fragment(s);
    std::string refs;
    for (Id r : s.refers_to) refs += (refs.empty() ? "" : ", ") + link(r);
    rows += "<tr" + (frag.empty() ? std::string() : " id=\"" + att(frag) + "\"") + "><td>" +
            std::to_string(s.begin) + "\u2013" + std::to_string(s.end) + "</td><td dir=\"auto\"" +
            lang_attribute(lang_of(node)) + ">" + esc(s.anchor ? *s.anchor : std::string()) +
            "</td><td>" + refs + "</td></tr>\n";
  }
  if (!rows.empty()) {
    out +=
        "<h2>Mentions in this article</h2>\n<table class=\"mentions\"><tr><th>Characters</th>"
        "<th>Text</th><th>Refers to</th></tr>\n" +
        rows + "</table>\n";
  }
  return out;
}

std::string Renderer::sources_section(Id node) const {
  if (node == kNone) return "";
  const std::vector<Id> arts = g_.objects(node, ctx_.t.derived_from);
  if (arts.empty()) return "";
  std::string out =
      "<h2>Source articles</h2>\n<table class=\"sources\"><tr><th>Article</th><th>Published</th>"
      "<th>Title</th></tr>\n";
  for (Id a : arts) {
    const Id issued = g_.object(a, ctx_.t.issued);
    const Id title = g_.object(a, ctx_.t.title);
    out += "<tr><td>" + article_link(a) + "</td><td>" +
           (issued == kNone ? std::string() : esc(g_.node(issued).value)) + "</td><td>" +
           (title == kNone ? std::string() : bdi(g_.node(title).value, g_.node(title).lang)) +
           "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string Renderer::resource_page(std::string_view doc) const {
  const std::string doc_s(doc);
  const Id node = g_.iri(doc_s);
  std::vector<Id> parts;
  for (Id p : describer_.subjects_with_prefix(doc_s + "/")) parts.push_back(p);
  std::string lang;
  std::string title = node != kNone ? ctx_.display(node, &lang) : percent_decode(local_name(doc_s));
  std::string out = head(title, doc_s + ".ttl");
  out += "<h1 dir=\"auto\"" + lang_attribute(lang) + ">" + esc(title) + "</h1>\n";
  out += "<p class=\"meta\">";
  if (node != kNone) {
    for (Id c : g_.objects(node, ctx_.t.type)) {
      out += "<span class=\"type\">" + term_link(g_.node(c).value) + "</span>";
    }
  }
  out += " <code>" + esc(doc_s) + "</code> \u00B7 <a href=\"" + att(doc_s + ".ttl") +
         "\" type=\"text/turtle\">Turtle</a></p>\n";
  if (node != kNone) {
    out += labels_section(node);
    out += facts_section(node);
    out += evidence_section(node, parts);
    out += referenced_section(node, parts);
    out += mentions_section(node);
    out += sources_section(node);
  }
  out += article_sections(node != kNone ? node : kNone);
  if (!parts.empty()) {
    out += "<h2>Parts</h2>\n<ul class=\"plain\">\n";
    for (Id p : parts) {
      if (strip_fragment(g_.node(p).value).size() == g_.node(p).value.size()) {
        out += "<li>" + link(p) + "</li>\n";
      }
    }
    out += "</ul>\n";
  }
  return out + foot();
}

std::string Renderer::index_page(const std::string& title,
                                 const std::vector<std::string>& docs) const {
  struct Row {
    std::string sort, html;
    bool operator<(const Row& o) const { return sort < o.sort; }
  };
  std::vector<Row> rows;
  bool any_wd = false;
  for (const std::string& d : docs) {
    const Id node = g_.iri(d);
    std::string lang;
    const std::string name = node != kNone ? ctx_.display(node, &lang) : d;
    std::string types;
    for (Id c : g_.objects(node, ctx_.t.type)) {
      types += "<span class=\"type\">" + esc(ctx_.term_label(g_.node(c).value)) + "</span>";
    }
    std::set<Id> arts;
    for (Id m : g_.subjects(ctx_.t.ta_ident_ref, node))
      if (const Span* s = ctx_.span(m)) arts.insert(s->article);
    for (Id a : ctx_.sources_of(node)) arts.insert(a);
    std::string wd;
    for (Id s : g_.objects(node, ctx_.t.same_as)) {
      wd += (wd.empty() ? "" : ", ") + link(s);
      any_wd = true;
    }
    const std::string label_html =
        node != kNone ? link(node) : "<a href=\"" + att(d) + "\">" + bdi(name) + "</a>";
    rows.push_back({name + "\x01" + d, "<tr><td>" + label_html + "</td><td>" + types + "</td><td>" +
                                           std::to_string(arts.size()) + "</td><td>" + wd +
                                           "</td></tr>\n"});
  }
  std::sort(rows.begin(), rows.end());
  std::string out = head(title, "");
  out += "<h1>" + esc(title) + "</h1>\n<p class=\"meta\">" + std::to_string(rows.size()) +
         (rows.size() == 1 ? " resource" : " resources") + "</p>\n";
  out += "<table class=\"index\"><tr><th>Name</th><th>Type</th><th>Articles</th><th>" +
         std::string(any_wd ? "Wikidata" : "") + "</th></tr>\n";
  for (const Row& r : rows) out += r.html;
  return out + "</table>\n" + foot();
}

std::string Renderer::home_page(const std::vector<std::pair<std::string, size_t>>& indexes,
                                const std::vector<DumpLink>& dumps) const {
  std::string title = "newskg knowledge graph";
  std::string lang;
  const Id ds = chrome_.dataset.empty() ? kNone : g_.iri(chrome_.dataset);
  if (ds != kNone && g_.object(ds, ctx_.t.title) != kNone) title = ctx_.display(ds, &lang);
  std::string out = head(title, "");
  out += "<h1 dir=\"auto\"" + lang_attribute(lang) + ">" + esc(title) + "</h1>\n";
  out +=
      "<p>People, sovereign states and firms named in news articles, the posts they hold and "
      "the agreements the articles report, each traced to the characters of the article that "
      "states it.</p>\n<h2>Browse</h2>\n<table><tr><th>Class</th><th>Resources</th></tr>\n";
  for (size_t i = 0; i < indexes.size() && i < chrome_.nav.size(); ++i) {
    out += "<tr><td><a href=\"" + att(chrome_.nav[i].first) + "\">" + esc(chrome_.nav[i].second) +
           "</a></td><td>" + std::to_string(indexes[i].second) + "</td></tr>\n";
  }
  out += "</table>\n<h2>Data</h2>\n<ul class=\"plain\">\n";
  if (!chrome_.dataset.empty()) {
    out += "<li><a href=\"" + att(chrome_.dataset) +
           "\">Dataset description</a> (VoID and DCAT; also at <a href=\"" +
           att(ctx_.layout.host_root() + ".well-known/void") + "\">/.well-known/void</a>)</li>\n";
  }
  for (const DumpLink& d : dumps) {
    out += "<li><a href=\"" + att(d.href) + "\" type=\"" + att(d.media_type) + "\">" +
           esc(d.label) + "</a> <span class=\"meta\">" + esc(d.media_type) + ", " +
           std::to_string(d.bytes) + " bytes</span></li>\n";
  }
  out += "<li><a href=\"" + att(chrome_.ontology) +
         "\">Ontology</a> (the <code>nkg:</code> "
         "terms, with labels in every seed language)</li>\n</ul>\n";
  out += "<h2>Linked data</h2>\n<p>Every IRI under <code>" + esc(ctx_.layout.base()) +
         "</code> answers <code>Accept: text/turtle</code> with a Turtle document about the "
         "resource and the evidence behind it, and a browser with this kind of page. Mentions "
         "and evidence sentences are hash IRIs of their article "
         "(<code>article/FILE#char=B,E</code>).</p>\n";
  return out + foot();
}

}  // namespace nkg::publish
