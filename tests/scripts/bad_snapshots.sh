#!/usr/bin/env bash
# BAD-INPUTS cases 25-28 (reading snapshots with `newskg diff`) through the
# command line: exit status and "FILE:LINE:COL: reason" messages. The reader
# itself is unit-tested in tests/w3c_suite_test.cc (every W3C manifest
# entry) and tests/diff_test.cc, and fuzzed by fuzz_snapshot.
#   bash tests/scripts/bad_snapshots.sh /path/to/newskg [CASE...]
source "$(dirname "$0")/../bad/lib.sh"

w3c=$src/../shared/w3c-rdf-tests/rdf/rdf11

# 25. Every negative W3C Turtle and N-Triples test file: exit 2 with the
# file, line and column; every positive one reads (exit 0 against itself).
case25_w3c_suites() {
  [ -d "$w3c" ] || { echo "no $w3c"; exit 77; }
  local suite
  for suite in rdf-turtle rdf-n-triples; do
    serdi -i turtle -o ntriples "$w3c/$suite/manifest.ttl" >>manifest.nt
  done
  # "negative|positive <TAB> path" for every entry of both manifests.
  python3 - manifest.nt >entries.txt <<'EOF'
import re, sys, urllib.parse
types, actions = {}, {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'<([^>]*)> <([^>]*)> <([^>]*)> \.', line)
    if not m:
        continue
    s, p, o = m.groups()
    if p.endswith("#type") and "rdftest#" in o:
        types[s] = o
    elif p.endswith("test-manifest#action"):
        actions[s] = urllib.parse.unquote(o[len("file://"):])
for s, t in sorted(types.items()):
    if s in actions:
        print(("negative" if "Negative" in t else "positive") + "\t" + actions[s])
EOF
  local kind f neg=0 pos=0 bad_ones=()
  while IFS=$'\t' read -r kind f; do
    run diff "$f" "$f"
    if [ "$kind" = negative ]; then
      neg=$((neg + 1))
      if [ $rc -ne 2 ] || ! grep -qF "$f:" err.log || ! grep -qE ":[0-9]+:[0-9]+: " err.log; then
        bad_ones+=("$(basename "$f") (negative, exit $rc: $(head -c 200 err.log))")
      fi
    else
      pos=$((pos + 1))
      [ $rc -eq 0 ] || bad_ones+=("$(basename "$f") (positive, exit $rc: $(head -c 200 err.log))")
    fi
  done <entries.txt
  echo "note: $neg negative and $pos positive W3C tests through newskg diff"
  [ $neg -gt 100 ] && [ $pos -gt 200 ] || die "too few manifest entries ($neg, $pos)"
  ((${#bad_ones[@]} == 0)) || die "$(printf '\n  %s' "${bad_ones[@]}")"
}

# 26. Deep nesting (100k '[' or '('), a 100 MB literal, 10k objects on one
# subject: a clean error or success, never a crash.
case26_hostile_snapshots() {
  python3 - <<'EOF'
n = 100000
open("deep-blank.ttl", "w").write("<http://e/a> <http://e/p> " + "[ <http://e/p> " * n + "1" + " ]" * n + " .\n")
open("deep-list.ttl", "w").write("<http://e/a> <http://e/p> " + "(" * n + ")" * n + " .\n")
open("unclosed.ttl", "w").write("<http://e/a> <http://e/p> " + "[" * n)
with open("wide.ttl", "w") as f:
    f.write("<http://e/a> <http://e/p> " + ", ".join(f"<http://e/o{i}>" for i in range(10000)) + " .\n")
EOF
  local mb=100
  sanitized && mb=20
  python3 -c "
import sys
with open('big.nt', 'w') as f:
    f.write('<http://e/a> <http://e/p> \"'); f.write('x' * ($mb << 20)); f.write('\" .\n')"
  for f in deep-blank deep-list unclosed; do
    run diff $f.ttl $f.ttl
    expect_rc 2
    grep -qE "^$f.ttl:1:[0-9]+: " err.log || die "$f: no line and column: $(cat err.log)"
  done
  expect_err "nesting deeper than"
  run diff wide.ttl wide.ttl
  expect_rc 0
  sed 's/o9999>/o10000>/' wide.ttl >wide2.ttl
  run diff wide.ttl wide2.ttl
  expect_rc 1
  grep -qF '<http://e/o10000>' out.log || die "the changed object is not shown"
  set +e
  timeout 120 "$bin" diff big.nt big.nt >out.log 2>err.log
  rc=$?
  set -e
  expect_rc 0
}

# 27. Blank nodes from other producers: labels do not matter, a changed
# blank node shows as replaced (the files of tests/data/diff, also used by
# diff_test.cc, through the command line).
case27_blank_nodes() {
  local d=$src/tests/data/diff
  run diff "$d/bnodes_a.ttl" "$d/bnodes_b.nt"
  expect_rc 0
  run diff "$d/bnodes_a.ttl" "$d/bnodes_changed.ttl"
  expect_rc 1
  # Labels that collide with the reader's own, and blank graph names.
  printf '_:b0 <http://e/p> _:c14n0 .\n_:c14n0 <http://e/q> "x" .\n' >a.nt
  printf '_:zz <http://e/p> [ <http://e/q> "x" ] .\n' >b.ttl
  run diff a.nt b.ttl
  expect_rc 0
  printf '_:g { <http://e/s> <http://e/p> <http://e/o> }\n' >g.trig
  run diff g.trig g.trig
  expect_rc 0
}

# 28. A missing file, a directory, an unreadable file: a clear error naming
# it, exit 2; both files bad: both reported.
case28_missing_dir_unreadable() {
  printf '<http://e/s> <http://e/p> <http://e/o> .\n' >ok.nt
  mkdir dir.ttl
  run diff missing.ttl ok.nt
  expect_rc 2
  expect_err "missing.ttl: "
  run diff ok.nt dir.ttl
  expect_rc 2
  expect_err "dir.ttl: "
  run diff missing.ttl dir.ttl
  expect_rc 2
  expect_err "missing.ttl: " "dir.ttl: "
  run diff ok.nt
  expect_rc 2
  if can_run_unprivileged; then
    cp ok.nt secret.nt
    chmod 000 secret.nt
    set +e
    unprivileged "$bin" diff ok.nt secret.nt >out.log 2>err.log
    rc=$?
    set -e
    expect_rc 2
    expect_err "secret.nt: " "ermission denied"
  else
    echo "note: unreadable file not checked (cannot drop privileges)"
  fi
}

case_ 25 case25_w3c_suites
case_ 26 case26_hostile_snapshots
case_ 27 case27_blank_nodes
case_ 28 case28_missing_dir_unreadable
finish
