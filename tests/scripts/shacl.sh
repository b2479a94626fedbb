#!/usr/bin/env bash
# Validates the exported corpus (and the seed articles in ../shared/seeds,
# when present) against ontology/shapes.ttl with a real SHACL validator
# (rdf-validate-shacl). Each violation is printed with its focus node.
# usage: bash tests/scripts/shacl.sh NEWSKG-BINARY   (from the repo root)
# Exit 77 (skipped) when node or npm is missing.
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "shacl: node/npm not found; skipped"
  exit 77
fi
bin=$(realpath "${1:?usage: shacl.sh NEWSKG-BINARY}")
[ -d tests/node_modules ] || npm ci --prefix tests --no-audit --no-fund >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0 fail=0
check() { if node tests/js/validate_shacl.mjs "$1" ontology/shapes.ttl; then pass=$((pass + 1)); else fail=$((fail + 1)); fi; }

"$bin" export --threads 2 -o "$tmp/corpus.ttl" corpus
check "$tmp/corpus.ttl"

seeds=../shared/seeds
if [ -d "$seeds" ]; then
  "$bin" export --threads 2 -o "$tmp/seeds.ttl" "$seeds" || [ $? -eq 1 ]
  check "$tmp/seeds.ttl"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
