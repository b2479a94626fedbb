#!/usr/bin/env bash
# BAD-INPUTS cases 18-22 (writing RDF) end to end: hostile titles, file
# names and language tags go through the exporter, and the output must
# re-parse strictly (serdi) to the intended graph in every format. The
# term-level halves are unit tests: tests/term_check_test.cc and
# tests/writer_test.cc (case16_* .. case22_*), and the fuzz_writer target.
#   bash tests/scripts/bad_rdf_terms.sh /path/to/newskg [CASE...]
source "$(dirname "$0")/../bad/lib.sh"

# Exports ARGS in Turtle, N-Triples and TriG; all three must re-parse
# strictly to one graph (TriG without its graph names). Leaves out.ttl.nt.
# Under the sanitizers Turtle only (the writer's formats are unit-tested).
export_all_formats() {
  local fmt formats=(turtle ntriples trig)
  sanitized && formats=(turtle)
  for fmt in "${formats[@]}"; do
    run export "$@" -o "out.$fmt" --format $fmt
    [ "$rc" -le 1 ] || { cat err.log >&2; die "export as $fmt failed ($rc)"; }
    parse "out.$fmt" $fmt
  done
  cp out.turtle.nt out.ttl.nt
  if ! sanitized; then
    graph triples out.turtle.nt >a.nt
    graph triples out.ntriples.nt >b.nt
    graph triples out.trig.nt >c.nt
    cmp -s a.nt b.nt || die "Turtle and N-Triples give different graphs"
    cmp -s a.nt c.nt || die "Turtle and TriG give different graphs"
  fi
  graph typed out.ttl.nt
}

# 18. A title with ", \, tab, """, ending in "", "@en" and "^^<...>" inside:
# the literal round-trips exactly and nothing is injected.
case18_literal_escapes() {
  local f=$bad/18-title-escapes.txt title
  title=$(head -1 "$f")
  export_all_formats "$f"
  has_object out.ttl.nt '/article/18-title-escapes.txt$' http://purl.org/dc/terms/title "$title" ||
    die "the title did not round-trip"
  [ "$(grep -c '/article/18-title-escapes.txt> <http://purl.org/dc/terms/title>' out.ttl.nt)" -eq 1 ] ||
    die "more than one title"
  ! grep -q example.org <<<"$(graph iris out.ttl.nt)" || die "an IRI was injected from the title"
}

# 19. Typed literals are valid for their datatype (checked independently of
# term_check.cc by graph.py typed) over every readable file of the
# catalogue and the corpus; the invalid forms are unit-tested.
case19_typed_literals() {
  mkdir in
  cp "$src"/corpus/*.txt "$bad"/1[4-8]-*.txt "$bad"/0[38]-*.txt in/
  export_all_formats in
}

# 20. Language tags: --lang fa_IR gives fa-IR, fa-AF is kept; an invalid
# tag is rejected.
case20_language_tags() {
  local f=$bad/18-title-escapes.txt
  run export "$f" --lang fa_IR -o ir.ttl
  parse ir.ttl
  grep -q '"@fa-IR' ir.ttl.nt || die "fa_IR was not written as fa-IR"
  ! grep -q 'fa_IR"@\|@fa_IR' ir.ttl.nt || die "fa_IR reached a language tag"
  run export "$f" --lang fa-AF -o af.ttl
  parse af.ttl
  grep -q '"@fa-AF' af.ttl.nt || die "fa-AF was not kept"
  graph typed ir.ttl.nt
  graph typed af.ttl.nt
  grep -q 'terms/language> "fa-IR"' ir.ttl.nt || die "dct:language not normalised to fa-IR"
  run export "$f" --lang 'x y' -o bad.ttl
  known_bug "--lang accepts an invalid tag ('x y') instead of a usage error (cmd_export.cc)" \
    test "$rc" -eq 2
}

# 21. File names that become article IRIs: space, > " { } | ^ ` \, control
# characters, ../, ?, #, %2e, a name that is only dots: one
# percent-encoded path segment, never <>, never relative; the identifier
# literal keeps the name.
case21_hostile_names_as_iris() {
  mkdir in
  local a=$bad/12-article.txt n names=()
  names=("a b.txt" 'x>y"z.txt' '{}|^`.txt' 'back\slash.txt' '%2e%2e.txt' '?q=1#frag.txt'
    "$(printf 'ctl\x01\x7f.txt')" '...txt' '%.txt' 'a%20b.txt' '<>.txt')
  for n in "${names[@]}"; do cp "$a" "in/$n"; done
  export_all_formats in
  local got
  got=$(graph articles out.ttl.nt | sort)
  [ "$got" = "$(printf '%s\n' "${names[@]}" | sort)" ] || die "identifiers differ from the names: $got"
  local iris
  iris=$(graph iris out.ttl.nt | grep '^https://w3id.org/newskg/id/article/' | sed 's/#char=.*//' | sort -u)
  [ "$(wc -l <<<"$iris")" -eq "${#names[@]}" ] || die "not one IRI per name: $iris"
  while read -r iri; do
    local seg=${iri#https://w3id.org/newskg/id/article/}
    [ -n "$seg" ] || die "empty segment"
    case $seg in
      */* | *[[:space:]\<\>\"{}\|^\`\\\?\#]* | . | ..) die "bad segment in <$iri>" ;;
    esac
    if grep -qP '[\x00-\x1F\x7F]' <<<"$seg"; then die "control character in <$iri>"; fi
  done <<<"$iris"
  # Distinct names stay distinct IRIs: %2e%2e vs .., a%20b vs "a b".
  grep -qx 'https://w3id.org/newskg/id/article/a%20b.txt' <<<"$iris" || die "space not encoded"
  grep -qx 'https://w3id.org/newskg/id/article/a%2520b.txt' <<<"$iris" || die "% not encoded"
}

# 22. Prefixed names only where the local part is valid: names with a
# leading '-' or '.', a trailing '.', an en dash, an NBSP. Strict re-parse
# of the Turtle is the check, and the three formats agree.
case22_prefixed_names() {
  mkdir in
  local a=$bad/12-article.txt
  for n in '-lead.txt' '.hidden.txt' 'en–dash.txt' $'nb\u00a0sp.txt' 'x.y.txt' '_under.txt' \
    '0digit.txt' 'trailing.' 'colon:name.txt'; do
    cp "$a" "in/$n"
  done
  export_all_formats in/* in/.hidden.txt
  [ "$(graph articles out.ttl.nt | wc -l)" -eq 9 ] || die "not nine articles"
  # No prefixed name ends in '.' or starts with '-' or '.'.
  if grep -qE '(^|[[:space:]])id:[-.]|(^|[[:space:]])id:[^[:space:]<>"]*\.([[:space:]]|;|,)' out.turtle; then
    die "an invalid prefixed name was written"
  fi
}

case_ 18 case18_literal_escapes
case_ 19 case19_typed_literals
case_ 20 case20_language_tags
case_ 21 case21_hostile_names_as_iris
case_ 22 case22_prefixed_names
finish
