#!/usr/bin/env bash
# Sharded export + merge == single export, byte for byte (issue 7, item 4):
# corpus/ in 3 shards (with GNU parallel when installed, else a loop), merged
# as Turtle, TriG and N-Triples; a corpus with skipped and same-named files;
# an empty shard; and the errors of bad, damaged, mismatched or missing
# partial files (exit 2, nothing written).
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Runs `newskg export --shard K/N --partial` for K = 1..N over the inputs;
# each must exit 0 or 1 (1: some of its inputs skipped and reported).
shards() {
  local n=$1 out=$2; shift 2
  if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite --halt now,fail=1 -j2 \
      "$bin" export --quiet --shard {}/"$n" --partial -o "$out/part-{}.nkgp" "$@" \
      '2>' "$out/part-{}.err" '; test $? -le 1' ::: $(seq 1 "$n") ||
      { cat "$out"/part-*.err; fail "a shard of $n failed"; }
  else
    local k s
    for k in $(seq 1 "$n"); do
      set +e
      "$bin" export --quiet --shard "$k/$n" --partial -o "$out/part-$k.nkgp" "$@" 2>"$out/part-$k.err"
      s=$?
      set -e
      ((s <= 1)) || { cat "$out/part-$k.err"; fail "shard $k/$n exited $s"; }
    done
  fi
  for k in $(seq 1 "$n"); do [ -s "$out/part-$k.nkgp" ] || fail "shard $k/$n wrote no partial file"; done
}

# 1. The sample corpus, 3 shards.
mkdir "$tmp/p"
shards 3 "$tmp/p" corpus
for fmt in turtle trig ntriples; do
  "$bin" export corpus --format $fmt -o "$tmp/single.$fmt" 2>/dev/null
  # Shards in any order on the merge command line.
  "$bin" merge --format $fmt -o "$tmp/merged.$fmt" "$tmp"/p/part-3.nkgp "$tmp"/p/part-1.nkgp \
    "$tmp"/p/part-2.nkgp 2>/dev/null
  cmp "$tmp/single.$fmt" "$tmp/merged.$fmt" || fail "merged $fmt differs from the single export"
done
# A shard does not depend on the order of the inputs.
mapfile -t files < <(ls corpus/*.txt | sort -r)
"$bin" export --quiet --shard 2/3 --partial -o "$tmp/p2-reversed.nkgp" "${files[@]}" 2>/dev/null
mapfile -t files < <(ls corpus/*.txt)
"$bin" export --quiet --shard 2/3 --partial -o "$tmp/p2-sorted.nkgp" "${files[@]}" 2>/dev/null
cmp "$tmp/p2-reversed.nkgp" "$tmp/p2-sorted.nkgp" || fail "shard 2/3 depends on the input order"
# Every article is in exactly one shard.
total=0
for k in 1 2 3; do
  n=$("$bin" export --shard $k/3 --format ntriples -o - corpus 2>/dev/null |
      grep -c '<http://purl.org/dc/terms/identifier>' || true)
  total=$((total + n))
done
[ "$total" = "$(ls corpus/*.txt | wc -l)" ] || fail "shards hold $total articles"

# 2. Skipped inputs and same-named files: same bytes, same exit status, same
#    skip messages.
mkdir -p "$tmp/c/sub"
cp corpus/*.txt "$tmp/c/"
cp corpus/pl-01-kazakh-green-ammonia.txt "$tmp/c/sub/"   # same base name: skipped
printf 'Zaw\xff\xfe\n' > "$tmp/c/bad-utf8.txt"           # invalid UTF-8: skipped
: > "$tmp/c/empty.txt"                                   # empty: skipped
mkdir "$tmp/q"
shards 3 "$tmp/q" "$tmp/c" "$tmp/no-such-input"
set +e
"$bin" export "$tmp/c" "$tmp/no-such-input" -o "$tmp/single2.ttl" 2>"$tmp/single2.err"; s1=$?
"$bin" merge "$tmp"/q/part-*.nkgp -o "$tmp/merged2.ttl" 2>"$tmp/merged2.err"; s2=$?
set -e
[ "$s1" = 1 ] && [ "$s2" = 1 ] || fail "exit status: export $s1, merge $s2 (want 1 and 1)"
cmp "$tmp/single2.ttl" "$tmp/merged2.ttl" || fail "merge with skipped inputs differs"
diff <(grep "^newskg: skipped" "$tmp/single2.err") <(grep "^newskg: skipped" "$tmp/merged2.err") ||
  fail "merge reports other skipped inputs than the single export"
[ "$(grep -c "^newskg: skipped" "$tmp/merged2.err")" = 4 ] || fail "want 4 skipped inputs"

# 3. An empty shard still writes its partial file, and the merge needs it.
mkdir "$tmp/one" "$tmp/e"
cp corpus/en-01-termez-mazar-railway.txt "$tmp/one/"
shards 2 "$tmp/e" "$tmp/one"
"$bin" export "$tmp/one" -o "$tmp/single3.ttl" 2>/dev/null
"$bin" merge "$tmp"/e/part-*.nkgp -o "$tmp/merged3.ttl" 2>/dev/null
cmp "$tmp/single3.ttl" "$tmp/merged3.ttl" || fail "merge with an empty shard differs"

# 4. Bad partial files: exit 2, a message naming the file, nothing written.
p=$tmp/p
expect_error() {  # expect_error PATTERN PART...
  local pattern=$1; shift
  rm -f "$tmp/out.ttl"
  set +e
  "$bin" merge -o "$tmp/out.ttl" "$@" 2>"$tmp/err"; local s=$?
  set -e
  [ "$s" = 2 ] || fail "merge $* exited $s, want 2"
  grep -q -- "$pattern" "$tmp/err" || { cat "$tmp/err"; fail "no '$pattern' in the message"; }
  [ ! -e "$tmp/out.ttl" ] || fail "merge $* wrote output"
}
head -c 1000 "$p/part-1.nkgp" > "$tmp/truncated.nkgp"
expect_error "truncated" "$tmp/truncated.nkgp" "$p/part-2.nkgp" "$p/part-3.nkgp"
head -c 20 "$p/part-1.nkgp" > "$tmp/short.nkgp"
expect_error "truncated header" "$tmp/short.nkgp" "$p/part-2.nkgp" "$p/part-3.nkgp"
cp "$p/part-1.nkgp" "$tmp/flipped.nkgp"
printf 'X' | dd of="$tmp/flipped.nkgp" bs=1 seek=500 conv=notrunc status=none
expect_error "checksum" "$tmp/flipped.nkgp" "$p/part-2.nkgp" "$p/part-3.nkgp"
cp "$p/part-1.nkgp" "$tmp/version.nkgp"
printf '\x63' | dd of="$tmp/version.nkgp" bs=1 seek=8 conv=notrunc status=none
expect_error "format version 99" "$tmp/version.nkgp" "$p/part-2.nkgp" "$p/part-3.nkgp"
expect_error "not a newskg partial file" "$tmp/single.turtle" "$p/part-2.nkgp" "$p/part-3.nkgp"
expect_error "not a newskg partial file" /dev/null
expect_error "cannot open" "$tmp/no-such.nkgp"
expect_error "missing shard(s) 2/3" "$p/part-1.nkgp" "$p/part-3.nkgp"
expect_error "already given" "$p/part-1.nkgp" "$p/part-1.nkgp" "$p/part-2.nkgp" "$p/part-3.nkgp"
expect_error "another split" "$p/part-1.nkgp" "$tmp/e/part-1.nkgp"
"$bin" export --quiet --shard 2/3 --partial --lang en -o "$tmp/lang.nkgp" corpus 2>/dev/null
expect_error "other options" "$p/part-1.nkgp" "$tmp/lang.nkgp" "$p/part-3.nkgp"
cp -r data "$tmp/data2"
echo "# changed" >> "$(find "$tmp/data2" -name '*.tsv' | sort | head -1)"
expect_error "other language data" --data "$tmp/data2" "$p"/part-*.nkgp
# Usage errors.
set +e
"$bin" merge -o "$tmp/out.ttl" 2>/dev/null; s=$?
[ "$s" = 2 ] || fail "merge without parts exited $s"
"$bin" export --partial corpus 2>/dev/null; s=$?
[ "$s" = 2 ] || fail "--partial without -o exited $s"
for bad in 0/3 4/3 3 a/b 1/0 -1/2; do
  "$bin" export --shard "$bad" -o "$tmp/x.ttl" corpus 2>/dev/null; s=$?
  [ "$s" = 2 ] || fail "--shard $bad exited $s"
done
set -e
echo "sharded export + merge == single export (turtle, trig, ntriples; skips; empty shard); bad partials refused"
