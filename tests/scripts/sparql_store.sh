#!/usr/bin/env bash
# Loads the exported corpus into a real SPARQL store (Oxigraph, in memory) and
# answers the competency questions of tests/sparql/*.rq, comparing each result
# with its .expected file; then the same for the seed articles
# (../shared/seeds, when present) with tests/sparql/seeds/*.rq. The corpus is
# queried twice: as Turtle and as TriG (a named graph per article).
# usage: bash tests/scripts/sparql_store.sh NEWSKG-BINARY   (from the repo root)
# Exit 77 (skipped) when node or npm is missing. See docs/sparql.md.
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "sparql_store: node/npm not found; skipped"
  exit 77
fi
bin=$(realpath "${1:?usage: sparql_store.sh NEWSKG-BINARY}")
[ -d tests/node_modules ] || npm ci --prefix tests --no-audit --no-fund >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" export --threads 2 -o "$tmp/corpus.ttl" corpus
status=0
node tests/js/run_sparql.mjs "$tmp/corpus.ttl" || status=1
# The TriG layout (a graph per article) must answer the same.
echo "trig:"
"$bin" export --threads 2 --format trig -o "$tmp/corpus.trig" corpus
node tests/js/run_sparql.mjs "$tmp/corpus.trig" || status=1

seeds=../shared/seeds
if [ -d "$seeds" ] && compgen -G 'tests/sparql/seeds/*.rq' >/dev/null; then
  echo "seeds:"
  # Some seeds may be skipped on purpose (exit 1); only "nothing written" (2) fails.
  "$bin" export --threads 2 -o "$tmp/seeds.ttl" "$seeds" || [ $? -eq 1 ]
  node tests/js/run_sparql.mjs --dir tests/sparql/seeds "$tmp/seeds.ttl" || status=1
fi
exit $status
