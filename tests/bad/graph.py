#!/usr/bin/env python3
"""Checks on an exported graph, for the BAD-INPUTS scripts (tests/scripts/bad_*.sh).

The graph is read from N-Triples as `serdi -i turtle -o ntriples` prints it
(one triple a line, \\uXXXX escapes), so whatever the exporter wrote has
already passed Serd's strict reader.

  graph.py offsets NT ID=FILE[|ENCODING[/ERRORS]]...
      every nif:anchorOf of a mention or sentence of article ID equals the
      article's decoded text (BOM dropped) from nif:beginIndex to
      nif:endIndex in code points; prints how many were checked
  graph.py objects NT SUBJECT_REGEX PREDICATE_IRI
      the objects (N-Triples terms, unescaped) of matching subjects, one a line
  graph.py iris NT
      every IRI of the graph, unescaped, one a line
  graph.py literals NT
      every literal as LEXICAL<TAB>DATATYPE<TAB>LANG, JSON-escaped lexical
  graph.py articles NT
      the dct:identifier of every nkg:Article, one a line
  graph.py nfc NT PREDICATE_REGEX
      every literal object of a matching predicate is in NFC
  graph.py triples NT_OR_NQ
      the triples, graph names dropped, sorted and unique
  graph.py typed NT
      every literal typed xsd:integer, decimal, double, boolean, date,
      dateTime, nonNegativeInteger or gYear has a valid lexical form, and
      every language tag is well-formed BCP 47 (an independent check of
      src/rdf/term_check.cc); prints the count
"""
import json
import re
import sys
import unicodedata

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NKG = "https://w3id.org/newskg/ns#"

TERM = re.compile(
    r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)')
ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')


def unescape(s):
    def one(m):
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f",
                '"': '"', "'": "'", "\\": "\\"}[e]
    return ESC.sub(one, s)


class Literal:
    def __init__(self, lexical, datatype="", lang=""):
        self.lexical, self.datatype, self.lang = lexical, datatype, lang

    def __repr__(self):
        return json.dumps(self.lexical, ensure_ascii=False) + (
            "@" + self.lang if self.lang else "^^<" + self.datatype + ">" if self.datatype else "")


def term(t):
    if t.startswith("<"):
        return unescape(t[1:-1])
    if t.startswith("_:"):
        return t
    end = t.rindex('"')
    lex = unescape(t[1:end])
    rest = t[end + 1:]
    if rest.startswith("@"):
        return Literal(lex, lang=rest[1:])
    if rest.startswith("^^<"):
        return Literal(lex, datatype=unescape(rest[3:-1]))
    return Literal(lex)


def parse(path, raw=False):
    """Triples of an N-Triples or N-Quads file (graph names dropped)."""
    triples = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            terms, pos = [], 0
            for _ in range(3):
                m = TERM.match(line, pos)
                if not m:
                    sys.exit(f"{path}:{n}: cannot parse: {line}")
                terms.append(m.group(1) if raw else term(m.group(1)))
                pos = m.end()
            m = TERM.match(line, pos)  # the graph of an N-Quads line: dropped
            if m and m.group(1).startswith("<"):
                pos = m.end()
            if line[pos:].strip() != ".":
                sys.exit(f"{path}:{n}: expected '.': {line}")
            triples.append(tuple(terms))
    return triples


def decode(path, encoding):
    raw = open(path, "rb").read()
    if encoding:
        enc, _, errors = encoding.partition("/")
        text = raw.decode(enc, errors or "strict")
    elif raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def cmd_offsets(nt, specs):
    triples = parse(nt)
    by_subject = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    ident = {s: props[DCT + "identifier"][0].lexical for s, props in by_subject.items()
             if DCT + "identifier" in props}
    texts = {}
    for spec in specs:
        ident_name, _, rest = spec.partition("=")
        path, _, encoding = rest.partition("|")
        texts[ident_name] = decode(path, encoding)
    checked = {k: 0 for k in texts}
    bad = 0
    for s, props in sorted(by_subject.items()):
        if NIF + "anchorOf" not in props:
            continue
        ctx = props.get(NIF + "referenceContext", [None])[0]
        art = ident.get(ctx)
        if art not in texts:
            continue
        b = int(props[NIF + "beginIndex"][0].lexical)
        e = int(props[NIF + "endIndex"][0].lexical)
        anchor = props[NIF + "anchorOf"][0].lexical
        got = texts[art][b:e]
        if got != anchor:
            bad += 1
            print(f"offsets: {art} [{b},{e}) is {got!r} in the text but anchorOf is {anchor!r}")
        if not s.endswith(f"#char={b},{e}"):
            bad += 1
            print(f"offsets: {s} does not end in #char={b},{e}")
        checked[art] += 1
    for art, n in sorted(checked.items()):
        if n == 0:
            bad += 1
            print(f"offsets: no mention of {art} in the graph")
    print("offsets checked: " + ", ".join(f"{a} {n}" for a, n in sorted(checked.items())))
    return 1 if bad else 0


def cmd_objects(nt, subject_re, predicate):
    rx = re.compile(subject_re)
    for s, p, o in parse(nt):
        if p == predicate and isinstance(s, str) and rx.search(s):
            print(o.lexical if isinstance(o, Literal) else o)
    return 0


def cmd_iris(nt):
    seen = set()
    for t in parse(nt):
        for x in t:
            if isinstance(x, str) and not x.startswith("_:"):
                seen.add(x)
            elif isinstance(x, Literal) and x.datatype:
                seen.add(x.datatype)
    for x in sorted(seen):
        print(x)
    return 0


def cmd_literals(nt):
    for _, _, o in parse(nt):
        if isinstance(o, Literal):
            print(json.dumps(o.lexical, ensure_ascii=False) + "\t" + o.datatype + "\t" + o.lang)
    return 0


def cmd_articles(nt):
    triples = parse(nt)
    arts = {s for s, p, o in triples if p == RDF_TYPE and o == NKG + "Article"}
    for s, p, o in triples:
        if s in arts and p == DCT + "identifier":
            print(o.lexical)
    return 0


def cmd_nfc(nt, predicate_re):
    """Every literal object of a predicate matching the regex is NFC."""
    rx = re.compile(predicate_re)
    bad = 0
    for s, p, o in parse(nt):
        if isinstance(o, Literal) and rx.search(p) and \
                unicodedata.normalize("NFC", o.lexical) != o.lexical:
            bad += 1
            print(f"not NFC: <{s}> <{p}> {o!r}")
    return 1 if bad else 0


XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = r"-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
LEXICAL = {
    "integer": r"[+-]?[0-9]+",
    "nonNegativeInteger": r"(\+?[0-9]+|-0+)",
    "decimal": r"[+-]?([0-9]+(\.[0-9]+)?|\.[0-9]+)",
    "double": r"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)",
    "boolean": r"(true|false|1|0)",
    "date": _DATE + _TZ,
    "dateTime": _DATE + r"T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)" + _TZ,
    "gYear": r"-?([1-9][0-9]{4,}|[0-9]{4})" + _TZ,
}
LANGTAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*"
                     r"(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?|x(-[a-zA-Z0-9]{1,8})+")


def cmd_typed(nt):
    bad = n = 0
    for s, p, o in parse(nt):
        if not isinstance(o, Literal):
            continue
        if o.lang and not LANGTAG.fullmatch(o.lang):
            bad += 1
            print(f"bad language tag: <{s}> <{p}> {o!r}")
        local = o.datatype[len(XSD):] if o.datatype.startswith(XSD) else None
        if local in LEXICAL:
            n += 1
            if not re.fullmatch(LEXICAL[local], o.lexical):
                bad += 1
                print(f"bad lexical form: <{s}> <{p}> {o!r}")
    print(f"typed literals checked: {n}")
    return 1 if bad else 0


def canonical(x):
    if isinstance(x, Literal):
        lex = x.lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
            .replace("\r", "\\r").replace("\t", "\\t")
        return f'"{lex}"' + (f"@{x.lang}" if x.lang else f"^^<{x.datatype}>" if x.datatype else "")
    return x if x.startswith("_:") else f"<{x}>"


def cmd_triples(nt):
    """The triples of an N-Triples or N-Quads file, sorted, unique, with one
    spelling of each term (serdi escapes N-Triples and N-Quads differently)."""
    lines = {" ".join(canonical(x) for x in t) + " ." for t in parse(nt)}
    for line in sorted(lines):
        print(line)
    return 0


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd, nt, rest = argv[1], argv[2], argv[3:]
    fn = {"offsets": lambda: cmd_offsets(nt, rest),
          "objects": lambda: cmd_objects(nt, *rest),
          "iris": lambda: cmd_iris(nt),
          "literals": lambda: cmd_literals(nt),
          "articles": lambda: cmd_articles(nt),
          "nfc": lambda: cmd_nfc(nt, *rest),
          "typed": lambda: cmd_typed(nt),
          "triples": lambda: cmd_triples(nt)}.get(cmd)
    if not fn:
        sys.exit(__doc__)
    return fn()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
