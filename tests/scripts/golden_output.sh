#!/usr/bin/env bash
# output/graph.ttl is committed: it must equal a fresh export of the corpus,
# so every change to the graph shows in review as a diff.
set -euo pipefail
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" export corpus -o "$tmp/graph.ttl" 2>"$tmp/log"
if ! cmp -s "$tmp/graph.ttl" output/graph.ttl; then
  echo "output/graph.ttl differs from a fresh export; run scripts/run.sh and commit the result:"
  diff -u output/graph.ttl "$tmp/graph.ttl" | head -40
  exit 1
fi
echo "golden output matches"
