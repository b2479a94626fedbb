#!/usr/bin/env bash
# On a generated corpus (bench/gen_corpus, 1 MB, ~800 articles in five
# languages): the generator is deterministic; --threads 1 and --threads 2 give
# the same bytes; 2 shards merged give them too; and no progress line or
# terminal control reaches a stderr that is not a terminal.
# (tests/scripts/determinism.sh covers order, locale and time zone on corpus/.)
set -euo pipefail
bin=$(realpath "$1")
gen=$(dirname "$bin")/bench/gen_corpus
[ -x "$gen" ] || { echo "skip: $gen not built"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$gen" --seed 7 --bytes 1M --out "$tmp/a" >/dev/null
"$gen" --seed 7 --bytes 1M --out "$tmp/b" >/dev/null
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "gen_corpus is not deterministic"
n=$(find "$tmp/a" -name '*.txt' | wc -l)
[ "$n" -gt 500 ] || fail "gen_corpus wrote only $n articles for 1 MB"
for l in fa pl de sl en; do
  [ -n "$(find "$tmp/a" -name "$l-*.txt" -print -quit)" ] || fail "no '$l' article generated"
done

"$bin" export "$tmp/a" -o "$tmp/t1.ttl" --threads 1 2>"$tmp/t1.err"
"$bin" export "$tmp/a" -o "$tmp/t2.ttl" --threads 2 2>"$tmp/t2.err"
cmp "$tmp/t1.ttl" "$tmp/t2.ttl" || fail "--threads 1 and --threads 2 differ"
grep -q "exported $n article(s)" "$tmp/t1.err" || { cat "$tmp/t1.err"; fail "not every article exported"; }
grep -q $'\r\|\x1b' "$tmp/t1.err" "$tmp/t2.err" && fail "progress output on a non-terminal stderr"

for k in 1 2; do
  "$bin" export "$tmp/a" --shard $k/2 --partial -o "$tmp/p$k.nkgp" 2>/dev/null
done
"$bin" merge "$tmp/p2.nkgp" "$tmp/p1.nkgp" -o "$tmp/m.ttl" 2>/dev/null
cmp "$tmp/t1.ttl" "$tmp/m.ttl" || fail "2 shards merged differ from the single export"
echo "generated corpus: $n articles; threads 1 == threads 2 == 2 shards merged; no progress on a pipe"
