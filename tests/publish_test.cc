// `newskg publish` (src/publish/): hostile article text must not inject
// anything into the pages, the site must be the same bytes for the same
// graph, and IRIs must map to files as docs/publishing.md says.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "diff/snapshot_reader.h"
#include "publish/html.h"
#include "publish/layout.h"
#include "publish/site.h"

using namespace nkg::publish;
namespace fs = std::filesystem;

namespace {

nkg::diff::Snapshot snapshot(const std::string& ttl) {
  nkg::diff::Snapshot s;
  nkg::diff::ReadError err;
  BOOST_REQUIRE_MESSAGE(nkg::diff::read_snapshot_string(ttl, "test.ttl", {}, &s, &err), err.str());
  return s;
}

nkg::diff::Snapshot read_file(const std::string& path) {
  nkg::diff::Snapshot s;
  nkg::diff::ReadError err;
  BOOST_REQUIRE_MESSAGE(nkg::diff::read_snapshot(path, {}, &s, &err), err.str());
  return s;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

Site build(const nkg::diff::Snapshot& graph, const std::string& base = std::string(kDefaultBase),
           bool with_ontology = false) {
  const std::string onto_path = std::string(NEWSKG_SOURCE_DIR) + "/ontology/newskg.ttl";
  const nkg::diff::Snapshot onto = with_ontology ? read_file(onto_path) : nkg::diff::Snapshot();
  PublishOptions opt;
  opt.base = base;
  Site site;
  std::string err;
  BOOST_REQUIRE_MESSAGE(
      build_site(graph, onto, with_ontology ? slurp(onto_path) : "", opt, &site, &err), err);
  return site;
}

// The article text of the hostile graph: markup, attribute break-outs,
// quotes, a bidi override and a control character.
const std::string kHostileName = "<script>alert(1)</script>Eve";
const std::string kHostileSentence =
    "Yesterday <script>alert(1)</script>Eve signed \\\"><img src=x onerror=alert(2)>' "
    "with \u202Egnp.exe\u202C and <iframe src=//evil></iframe>\\u0007 & co.";

std::string hostile_graph() {
  const std::string a = "https://w3id.org/newskg/id/article/x%22%3E%3Cb%3E.txt";
  // The sentence as the page sees it, after Turtle unescaping.
  return "@prefix nkg: <https://w3id.org/newskg/ns#> .\n"
         "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"
         "@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .\n"
         "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
         "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
         "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
         "@prefix dct: <http://purl.org/dc/terms/> .\n"
         "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
         "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
         "<https://w3id.org/newskg/id/person/eve> a nkg:Person ;\n"
         "  skos:prefLabel \"" +
         kHostileName +
         "\" ;\n"
         "  rdfs:label \"\\\"><svg onload=alert(3)>\"@en , \"\u202Eevil\"@fa ;\n"
         "  owl:sameAs <javascript:alert(4)> .\n"
         "<https://w3id.org/newskg/id/firm/acme> a nkg:Firm ; skos:prefLabel \"Acme' "
         "onmouseover='x\" .\n"
         "<https://w3id.org/newskg/id/agreement/1> a nkg:Agreement , nkg:Contract ;\n"
         "  nkg:party <https://w3id.org/newskg/id/firm/acme> ;\n"
         "  nkg:signatory <https://w3id.org/newskg/id/person/eve> ;\n"
         "  nkg:item \"<b>bold</b>\"@en ;\n"
         "  prov:wasDerivedFrom <" +
         a +
         "> ;\n"
         "  nkg:evidence <" +
         a +
         "#char=0,100> .\n"
         "<" +
         a +
         "> a nkg:Article ; dct:identifier \"x\\\"><b>.txt\" ; dct:language \"en\\\" "
         "onclick=\\\"x\" ;\n"
         "  dct:title \"</title><script>alert(5)</script>\" .\n"
         "<" +
         a + "#char=0,100> a nif:Sentence ; nif:referenceContext <" + a +
         "> ;\n"
         "  nif:beginIndex \"0\"^^xsd:nonNegativeInteger ; nif:endIndex "
         "\"100\"^^xsd:nonNegativeInteger ;\n"
         "  nif:anchorOf \"" +
         kHostileSentence +
         "\" .\n"
         "<" +
         a + "#char=10,38> a nif:Phrase ; nif:referenceContext <" + a +
         "> ;\n"
         "  nif:beginIndex \"10\"^^xsd:nonNegativeInteger ; nif:endIndex "
         "\"38\"^^xsd:nonNegativeInteger ;\n"
         "  nif:anchorOf \"<script>alert(1)</script>Eve\" ;\n"
         "  itsrdf:taIdentRef <https://w3id.org/newskg/id/person/eve> .\n";
}

// Checks that `page` holds only the elements and attributes the publisher
// writes: any markup from the graph would show up as another element or an
// attribute such as onerror. Returns what it found wrong.
std::vector<std::string> injected(const std::string& page) {
  static const std::set<std::string> elements = {
      "!doctype", "html",       "head", "meta", "title", "link", "style", "body",    "header", "a",
      "main",     "h1",         "h2",   "h3",   "p",     "span", "code",  "table",   "tr",     "th",
      "td",       "blockquote", "mark", "bdi",  "div",   "ul",   "li",    "section", "footer", "b"};
  static const std::set<std::string> attributes = {
      "href", "class",   "id",   "lang",    "dir",        "title",  "type",
      "rel",  "charset", "name", "content", "http-equiv", "rowspan"};
  std::vector<std::string> bad;
  size_t i = 0;
  while ((i = page.find('<', i)) != std::string::npos) {
    size_t j = i + 1;
    if (j < page.size() && page[j] == '/') ++j;
    size_t k = j;
    while (k < page.size() && (std::isalnum(static_cast<unsigned char>(page[k])) || page[k] == '!'))
      ++k;
    std::string name = page.substr(j, k - j);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!elements.count(name)) bad.push_back("element <" + name + ">");
    // Attributes: name="value" pairs up to '>'.
    while (k < page.size() && page[k] != '>') {
      while (k < page.size() && page[k] == ' ') ++k;
      size_t n = k;
      while (n < page.size() && page[n] != '=' && page[n] != ' ' && page[n] != '>') ++n;
      std::string attr = page.substr(k, n - k);
      if (name != "!doctype" && !attr.empty() && !attributes.count(attr)) {
        bad.push_back("attribute " + attr + " on <" + name + ">");
      }
      k = n;
      if (k < page.size() && page[k] == '=') {
        if (page[k + 1] != '"') {
          bad.push_back("unquoted value of " + attr);
          break;
        }
        const size_t close = page.find('"', k + 2);
        const std::string value = page.substr(k + 2, close - k - 2);
        if (value.find('<') != std::string::npos || value.find('>') != std::string::npos) {
          bad.push_back("markup in the value of " + attr + ": " + value);
        }
        if (attr == "href" && value.rfind("http", 0) != 0 && value.rfind("#", 0) != 0) {
          bad.push_back("link to " + value);
        }
        k = close + 1;
      }
    }
    // The content of <style> is not markup.
    if (name == "style") {
      i = page.find("</style>", k);
      continue;
    }
    i = k;
  }
  return bad;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(publish_test)

BOOST_AUTO_TEST_CASE(html_escaping) {
  BOOST_TEST(html::text("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;");
  BOOST_TEST(html::attr("a\"b") == "a&quot;b");
  // Bidi overrides and isolates, and control characters, become visible marks.
  BOOST_TEST(html::text("a\u202Eb") == "a<span class=\"ctl\" title=\"U+202E\">U+202E</span>b");
  BOOST_TEST(html::attr("\u2066x\u2069") == "[U+2066]x[U+2069]");
  BOOST_TEST(html::text(std::string("a\x07", 2)) ==
             "a<span class=\"ctl\" title=\"U+0007\">U+0007</span>");
  // Newlines, tabs, ZWNJ (Persian) and RLM stay as they are.
  BOOST_TEST(html::text("a\nb\tc\u200Cd\u200F") == "a\nb\tc\u200Cd\u200F");
  // Ill-formed UTF-8 becomes U+FFFD, one per bad byte.
  BOOST_TEST(html::text("a\xC3(b\xFF") == "a\uFFFD(b\uFFFD");
  BOOST_TEST(html::is_linkable("https://example.org/"));
  BOOST_TEST(html::is_linkable("HTTP://example.org/"));
  BOOST_TEST(!html::is_linkable("javascript:alert(1)"));
  BOOST_TEST(!html::is_linkable("data:text/html,x"));
  BOOST_TEST(html::lang_attr("pt-BR") == "pt-BR");
  BOOST_TEST(html::lang_attr("en\" onclick=\"x") == "");
  const auto at = html::code_point_offsets("a\u00E9\U0001F600b");
  BOOST_TEST(at == (std::vector<size_t>{0, 1, 3, 7, 8}));
}

BOOST_AUTO_TEST_CASE(layout_of_iris) {
  Layout l;
  std::string err;
  BOOST_REQUIRE(Layout::make("https://w3id.org/newskg/id/", &l, &err));
  BOOST_TEST(l.root() == "https://w3id.org/newskg/");
  BOOST_TEST(l.base_dir() == "newskg/id/");
  BOOST_TEST(l.root_dir() == "newskg/");
  BOOST_TEST(l.host_root() == "https://w3id.org/");
  BOOST_TEST(l.ontology_link("https://w3id.org/newskg/ns#Person") ==
             "https://w3id.org/newskg/ns#Person");
  std::string rel, why;
  BOOST_TEST(l.file_for("https://w3id.org/newskg/id/article/a%20b.txt", &rel, &why));
  BOOST_TEST(rel == "newskg/id/article/a b.txt");
  BOOST_TEST(!l.file_for("https://w3id.org/newskg/id/article/..", &rel, &why));
  BOOST_TEST(!l.file_for("https://w3id.org/newskg/id/article/%2E%2E", &rel, &why));
  BOOST_TEST(!l.file_for("https://w3id.org/newskg/id/a%2Fb", &rel, &why));
  BOOST_TEST(!l.file_for("https://w3id.org/newskg/id/a//b", &rel, &why));
  BOOST_TEST(!l.file_for("https://w3id.org/newskg/id/a?b", &rel, &why));
  BOOST_TEST(!l.file_for("https://example.org/id/a", &rel, &why));

  BOOST_REQUIRE(Layout::make("http://127.0.0.1:8080/id/", &l, &err));
  BOOST_TEST(l.root() == "http://127.0.0.1:8080/");
  BOOST_TEST(l.root_dir() == "");
  BOOST_TEST(l.rewrite("https://w3id.org/newskg/id/state/KZ") ==
             "http://127.0.0.1:8080/id/state/KZ");
  BOOST_TEST(l.rewrite("http://www.wikidata.org/entity/Q232") ==
             "http://www.wikidata.org/entity/Q232");
  BOOST_TEST(l.ontology_link("https://w3id.org/newskg/ns#Firm") == "http://127.0.0.1:8080/ns#Firm");
  BOOST_REQUIRE(Layout::make("http://localhost/", &l, &err));
  BOOST_TEST(l.root() == "http://localhost/");

  BOOST_TEST(!Layout::make("http://localhost/id", &l, &err));  // no trailing slash
  BOOST_TEST(!Layout::make("ftp://localhost/id/", &l, &err));
  BOOST_TEST(!Layout::make("javascript:alert(1)/", &l, &err));
  BOOST_TEST(!Layout::make("http://localhost/a/../", &l, &err));
  BOOST_TEST(!Layout::make("http://localhost/id/?q/", &l, &err));
  BOOST_TEST(!Layout::make("http:///id/", &l, &err));
}

BOOST_AUTO_TEST_CASE(hostile_text_injects_nothing) {
  // The checker itself finds what it is there to find.
  BOOST_TEST(!injected("<p><img src=x onerror=alert(1)></p>").empty());
  BOOST_TEST(!injected("<a href=\"x\" onclick=\"y\">").empty());
  BOOST_TEST(!injected("<a href=\"javascript:x\">").empty());
  BOOST_TEST(injected("<p class=\"a\"><bdi lang=\"fa\">&lt;b&gt;</bdi></p>").empty());

  const Site site = build(snapshot(hostile_graph()));
  size_t pages = 0;
  for (const auto& [path, content] : site.files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    ++pages;
    const auto bad = injected(content);
    BOOST_TEST(bad.empty(), path << ": " << (bad.empty() ? "" : bad.front()));
    // The bidi override never reaches a page as a character.
    BOOST_TEST(content.find("\u202E") == std::string::npos, path);
    BOOST_TEST(content.find('\x07') == std::string::npos, path);
  }
  BOOST_TEST(pages >= 4);

  const std::string& eve = site.files.at("newskg/id/person/eve.html");
  // Shown, escaped and isolated.
  BOOST_TEST(eve.find("<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;Eve</h1>") !=
             std::string::npos);
  BOOST_TEST(eve.find("<title>&lt;script&gt;alert(1)&lt;/script&gt;Eve") != std::string::npos);
  BOOST_TEST(eve.find("<span class=\"ctl\" title=\"U+202E\">U+202E</span>evil") !=
             std::string::npos);
  // The javascript: IRI is text, not a link.
  BOOST_TEST(eve.find("<code>javascript:alert(4)</code>") != std::string::npos);
  // Every page forbids scripts.
  BOOST_TEST(eve.find("Content-Security-Policy\" content=\"default-src 'none'") !=
             std::string::npos);

  // The agreement page shows the sentence with the mention marked.
  const std::string& deal = site.files.at("newskg/id/agreement/1.html");
  BOOST_TEST(deal.find("<mark class=\"self\">&lt;script&gt;alert(1)&lt;/script&gt;Eve</mark>") !=
             std::string::npos);
  BOOST_TEST(deal.find("&lt;iframe src=//evil&gt;&lt;/iframe&gt;") != std::string::npos);
  BOOST_TEST(deal.find("blockquote class=\"ev\" dir=\"auto\">") != std::string::npos);

  // The Turtle keeps the text exactly, and parses.
  const std::string& ttl = site.files.at("newskg/id/person/eve.ttl");
  nkg::diff::Snapshot back = snapshot(ttl);
  bool found = false;
  for (auto line : back.lines())
    found = found || line.find("<script>alert(1)</script>Eve") != line.npos;
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(same_graph_same_bytes) {
  const std::string graph = std::string(NEWSKG_SOURCE_DIR) + "/output/graph.ttl";
  const nkg::diff::Snapshot snap = read_file(graph);
  const Site a = build(snap, "http://127.0.0.1:8080/id/", true);
  const Site b = build(snap, "http://127.0.0.1:8080/id/", true);
  BOOST_TEST(a.files.size() == b.files.size());
  BOOST_TEST((a.files == b.files));
  BOOST_TEST(a.warnings.empty());

  // And on disk: two directories, byte for byte.
  const fs::path tmp = fs::temp_directory_path() / ("publish_test_" + std::to_string(getpid()));
  fs::remove_all(tmp);
  std::string err;
  BOOST_REQUIRE_MESSAGE(write_site(a, (tmp / "one").string(), &err), err);
  BOOST_REQUIRE_MESSAGE(write_site(b, (tmp / "two").string() + "/", &err), err);
  std::map<std::string, std::string> one, two;
  for (const auto& [dir, files] : {std::pair{tmp / "one", &one}, std::pair{tmp / "two", &two}})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) (*files)[fs::relative(e.path(), dir).string()] = slurp(e.path());
  BOOST_TEST(one.size() == a.files.size() + 1);  // and the marker
  BOOST_TEST((one == two));

  // A second run replaces the site: nothing of the first stays behind.
  Site small = build(snapshot(hostile_graph()));
  BOOST_REQUIRE_MESSAGE(write_site(small, (tmp / "one").string(), &err), err);
  BOOST_TEST(!fs::exists(tmp / "one/id/state/KZ.html"));
  BOOST_TEST(fs::exists(tmp / "one/newskg/id/person/eve.html"));
  // A directory that is not a site is never replaced.
  fs::create_directories(tmp / "mine");
  std::ofstream(tmp / "mine/keep.txt") << "keep";
  BOOST_TEST(!write_site(small, (tmp / "mine").string(), &err));
  BOOST_TEST(fs::exists(tmp / "mine/keep.txt"));
  // Nothing is left beside the site: no temporary or old directory.
  size_t beside = 0;
  for (const auto& e : fs::directory_iterator(tmp))
    beside += e.path().filename().string()[0] == '.';
  BOOST_TEST(beside == 0u);
  fs::remove_all(tmp);
}

BOOST_AUTO_TEST_CASE(base_rewrites_every_iri) {
  const std::string graph = std::string(NEWSKG_SOURCE_DIR) + "/output/graph.ttl";
  const Site site = build(read_file(graph), "http://example.org/kg/data/", true);
  BOOST_TEST(site.files.count("kg/data/state/KZ.html") == 1);
  BOOST_TEST(site.files.count("kg/data/state/KZ.ttl") == 1);
  BOOST_TEST(site.files.count("kg/data/person/index.html") == 1);
  BOOST_TEST(site.files.count("kg/ns.html") == 1);
  BOOST_TEST(site.files.count("kg/ns.ttl") == 1);
  BOOST_TEST(site.files.count("kg/index.html") == 1);
  BOOST_TEST(site.files.count("kg/dump/newskg.ttl") == 1);
  BOOST_TEST(site.files.count(".well-known/void.ttl") == 1);
  for (const auto& [path, content] : site.files) {
    if (path == "kg/ns.ttl" || path == "kg/ns.html") continue;  // the ontology keeps its IRIs
    BOOST_TEST(content.find("https://w3id.org/newskg/id/") == std::string::npos, path);
  }
  const std::string& kz = site.files.at("kg/data/state/KZ.ttl");
  BOOST_TEST(kz.find("<http://example.org/kg/data/state/KZ>") != std::string::npos);
  BOOST_TEST(kz.find("wd:Q232") != std::string::npos);
  const std::string& page = site.files.at("kg/data/state/KZ.html");
  BOOST_TEST(page.find("href=\"https://www.wikidata.org/wiki/Q232\"") != std::string::npos);
  BOOST_TEST(page.find("href=\"http://example.org/kg/ns#State\"") != std::string::npos);
  // The dataset description says where the data is.
  const std::string& vd = site.files.at(".well-known/void.ttl");
  BOOST_TEST((vd.find("void:uriSpace \"http://example.org/kg/data/\"") != std::string::npos ||
              vd.find("void:uriSpace <http://example.org/kg/data/>") != std::string::npos));
  BOOST_TEST(vd.find("<http://example.org/kg/dump/newskg.ttl>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unmappable_and_colliding_iris_are_reported) {
  const std::string ttl =
      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
      "<https://w3id.org/newskg/id/person/index> skos:prefLabel \"Index\" .\n"
      "<https://w3id.org/newskg/id/person/ok> skos:prefLabel \"Ok\" .\n"
      "<https://w3id.org/newskg/id/person/a%2Fb> skos:prefLabel \"Slash\" .\n";
  const Site site = build(snapshot(ttl));
  BOOST_TEST(site.files.count("newskg/id/person/ok.html") == 1);
  BOOST_TEST(site.files.count("newskg/id/person/index.html") == 1);  // the class index
  BOOST_TEST(site.warnings.size() == 2);
  BOOST_TEST(site.resources == 2);  // ok and the dataset description
}

BOOST_AUTO_TEST_SUITE_END()
