#!/usr/bin/env bash
# Opens published pages in headless Chromium (Debian package `chromium`):
# an entity page and an agreement page of output/graph.ttl are screenshotted
# (kept as test artifacts) and their DOM, as the browser parsed it, must show
# the evidence text with the mention marked, links between resources and the
# Wikidata link. Then a graph with hostile article text (markup, attribute
# break-outs, a bidi override) is published and its pages, parsed by the
# browser, must hold no element or attribute the publisher did not write.
# usage: bash tests/scripts/publish_browser.sh NEWSKG-BINARY   (from the repo root)
# Artifacts: <dir of NEWSKG-BINARY>/artifacts/publish_browser/ (printed).
# Exit 77 (skipped) when chromium is missing and cannot be installed quickly.
set -euo pipefail
bin=$(realpath "${1:?usage: publish_browser.sh NEWSKG-BINARY}")

find_chromium() { command -v chromium || command -v chromium-browser || true; }
chrome=$(find_chromium)
if [ -z "$chrome" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "publish_browser: installing chromium (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends chromium; } \
    >/dev/null 2>&1 || true
  chrome=$(find_chromium)
fi
if [ -z "$chrome" ]; then
  echo "publish_browser: chromium not available; skipped"
  exit 77
fi
command -v python3 >/dev/null || { echo "publish_browser: python3 not found; skipped"; exit 77; }

art="$(dirname "$bin")/artifacts/publish_browser"
rm -rf "$art"
mkdir -p "$art"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# chromium MODE... URL: one headless run with the flags the issue names and
# a fresh profile; its chatter (D-Bus, GPU) goes to a log.
chromium() {
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --lang=en-US "$@" 2>>"$art/chromium.log"
}

"$bin" publish output/graph.ttl "$tmp/site" >/dev/null
id="https://w3id.org/newskg/id/"
root="$tmp/site/newskg/id/"

# The entity: a state with a Wikidata link that is a party to an agreement;
# the agreement: the first with evidence. Their evidence sentences, as text.
python3 - "$tmp" <<'EOF'
import json, re, subprocess, sys
tmp = sys.argv[1]
nt = subprocess.run(["serdi", "-q", "-i", "turtle", "-o", "ntriples", "output/graph.ttl"],
                    check=True, capture_output=True, text=True).stdout
NKG, NIF = "https://w3id.org/newskg/ns#", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
triples = []
for line in nt.splitlines():
    m = re.match(r'<([^>]*)> <([^>]*)> (.*) \.$', line)
    if m:
        triples.append(m.groups())
def obj(o):
    if o.startswith("<"):
        return o[1:-1]
    lit = re.match(r'"(.*)"(?:@[\w-]+|\^\^<[^>]*>)?$', o).group(1)
    return json.loads('"' + lit + '"')
out = {}
for s, p, o in triples:
    out.setdefault(s, {}).setdefault(p, []).append(obj(o))
agreement = sorted(s for s in out if "/agreement/" in s and "/" not in s.split("/agreement/")[1]
                   and NKG + "evidence" in out[s])[0]
parties = out[agreement][NKG + "party"]
same_as = "http://www.w3.org/2002/07/owl#sameAs"
states = sorted(s for s in out if "/state/" in s and same_as in out[s]
                and any(s in out[a].get(NKG + "party", []) for a in out if "/agreement/" in a))
state = states[0]
def sentences(node):
    return [out[e][NIF + "anchorOf"][0] for e in out[node].get(NKG + "evidence", [])]
mentioning = [t for a in out if state in out[a].get(NKG + "party", []) for t in sentences(a)]
json.dump({"agreement": agreement, "parties": parties, "agreement_evidence": sentences(agreement),
           "state": state, "wikidata": out[state][same_as][0], "state_evidence": mentioning},
          open(tmp + "/pick.json", "w"), ensure_ascii=False)
EOF
state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$tmp/pick.json")
agreement=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["agreement"])' "$tmp/pick.json")
state_page="$root${state#"$id"}.html"
agreement_page="$root${agreement#"$id"}.html"

fail=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fail=1; fi
}

shoot() {  # shoot NAME FILE HEIGHT: screenshot and DOM dump
  chromium --window-size=1280,"$3" --screenshot="$art/$1.png" "file://$2" >/dev/null || true
  chromium --dump-dom "file://$2" >"$art/$1.dom.html" || true
  check "$1: screenshot $art/$1.png" \
    bash -c "[ -s '$art/$1.png' ] && head -c 8 '$art/$1.png' | od -An -c | grep -q 'P   N   G'"
  check "$1: the browser built a DOM" grep -q '</html>' "$art/$1.dom.html"
}
shoot entity "$state_page" 2000
shoot agreement "$agreement_page" 1800

# What the reader sees: the DOM's text and links, from the browser's DOM.
cat >"$tmp/dom.py" <<'EOF'
import html.parser, json, re, sys
class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.marks, self.elements, self.attrs = [], set(), [], set(), set()
        self.in_mark = 0
    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        for k, v in attrs:
            self.attrs.add(k)
            if k == "href":
                self.links.add(v)
        if tag == "mark":
            self.in_mark += 1
            self.marks.append("")
    def handle_endtag(self, tag):
        if tag == "mark":
            self.in_mark -= 1
    def handle_data(self, data):
        self.text.append(data)
        if self.in_mark:
            self.marks[-1] += data
def load(path):
    d = Dom()
    d.feed(open(path, encoding="utf-8").read())
    d.all_text = re.sub(r"\s+", " ", "".join(d.text))
    return d
def norm(s):
    return re.sub(r"\s+", " ", s)
pick = json.load(open(sys.argv[2]))
what = sys.argv[1]
if what == "entity":
    d = load(sys.argv[3])
    q = pick["wikidata"].rsplit("/", 1)[1]
    ok = {
        "shows evidence text of an agreement it is party to":
            any(norm(s) in d.all_text for s in pick["state_evidence"]),
        "marks a mention in an evidence sentence": len(d.marks) > 0,
        "links to Wikidata " + q: "https://www.wikidata.org/wiki/" + q in d.links,
        "links to an agreement": any("/id/agreement/" in l for l in d.links),
        "links to a source article": any("/id/article/" in l for l in d.links),
    }
elif what == "agreement":
    d = load(sys.argv[3])
    ok = {
        "shows every evidence sentence": all(norm(s) in d.all_text for s in pick["agreement_evidence"]),
        "marks mentions in them": len(d.marks) > 0,
        "links to every party": all(p in d.links for p in pick["parties"]),
        "links to a source article": any("/id/article/" in l for l in d.links),
        "links to its Turtle": pick["agreement"] + ".ttl" in d.links,
    }
else:  # hostile: nothing but what the publisher writes
    allowed_el = {"html", "head", "meta", "title", "link", "style", "body", "header", "a", "main",
                  "h1", "h2", "h3", "p", "span", "code", "table", "tbody", "tr", "th", "td",
                  "blockquote", "mark", "bdi", "div", "ul", "li", "section", "footer", "b"}
    allowed_at = {"href", "class", "id", "lang", "dir", "title", "type", "rel", "charset", "name",
                  "content", "http-equiv", "rowspan"}
    ok = {}
    for path in sys.argv[3:]:
        d = load(path)
        name = path.rsplit("/", 1)[1]
        ok[name + ": no injected element " + str(sorted(d.elements - allowed_el))] = d.elements <= allowed_el
        ok[name + ": no injected attribute " + str(sorted(d.attrs - allowed_at))] = d.attrs <= allowed_at
        ok[name + ": no javascript: link"] = not any(l.lower().startswith("javascript") for l in d.links)
        ok[name + ": no live bidi override"] = "\u202e" not in d.all_text
    ok["the hostile text is shown as text"] = "<script>alert(1)</script>Eve" in load(sys.argv[3]).all_text
bad = 0
for name, good in ok.items():
    print(("ok   " if good else "FAIL ") + what + ": " + name)
    bad |= not good
sys.exit(bad)
EOF
python3 "$tmp/dom.py" entity "$tmp/pick.json" "$art/entity.dom.html" || fail=1
python3 "$tmp/dom.py" agreement "$tmp/pick.json" "$art/agreement.dom.html" || fail=1

# Hostile article text.
a="https://w3id.org/newskg/id/article/evil.txt"
cat >"$tmp/hostile.ttl" <<EOF
@prefix nkg: <https://w3id.org/newskg/ns#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/newskg/id/person/eve> a nkg:Person ;
  skos:prefLabel "<script>alert(1)</script>Eve" ;
  rdfs:label "\"><img src=x onerror=alert(2)>"@en , "\u202Eevil\u202C"@fa ;
  owl:sameAs <javascript:alert(3)> .
<https://w3id.org/newskg/id/agreement/1> a nkg:Agreement , nkg:Contract ;
  nkg:signatory <https://w3id.org/newskg/id/person/eve> ;
  prov:wasDerivedFrom <$a> ; nkg:evidence <$a#char=0,80> .
<$a> a nkg:Article ; dct:identifier "evil.txt" ; dct:language "en\" onclick=\"alert(4)" ;
  dct:title "</title><script>alert(5)</script>" .
<$a#char=0,80> a nif:Sentence ; nif:referenceContext <$a> ;
  nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "80"^^xsd:nonNegativeInteger ;
  nif:anchorOf "Yesterday <script>alert(1)</script>Eve met \u202E' onmouseover='alert(6)<iframe src=//x>" .
<$a#char=10,38> a nif:Phrase ; nif:referenceContext <$a> ;
  nif:beginIndex "10"^^xsd:nonNegativeInteger ; nif:endIndex "38"^^xsd:nonNegativeInteger ;
  nif:anchorOf "<script>alert(1)</script>Eve" ; itsrdf:taIdentRef <https://w3id.org/newskg/id/person/eve> .
EOF
"$bin" publish "$tmp/hostile.ttl" "$tmp/hostile" >/dev/null || [ $? = 1 ]
hroot="$tmp/hostile/newskg/id"
pages=("$hroot/person/eve.html" "$hroot/agreement/1.html" "$hroot/article/evil.txt.html")
doms=()
for p in "${pages[@]}"; do
  n=$(basename "$p" .html)
  chromium --dump-dom "file://$p" >"$art/hostile-$n.dom.html" || true
  doms+=("$art/hostile-$n.dom.html")
done
chromium --window-size=1280,1400 --screenshot="$art/hostile-eve.png" "file://${pages[0]}" >/dev/null || true
python3 "$tmp/dom.py" hostile "$tmp/pick.json" "${doms[@]}" || fail=1

echo "publish_browser: screenshots and DOM dumps in $art"
exit $fail
