#!/usr/bin/env bash
# A directory of good articles next to an invalid UTF-8 file, a binary file,
# an empty file and an unreadable one: the good ones are exported, each bad
# one is reported by name, exit code 1. Then: nothing readable gives exit 2
# and leaves an earlier output untouched.
set -euo pipefail
bin=$1
tmp=$(mktemp -d); trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
in=$tmp/in; mkdir "$in"
cp corpus/pl-02-*.txt corpus/de-02-*.txt "$in/"
printf 'Polska i Niemcy \xff\xfe podpisa\xc5\x82y umow\xc4\x99.\n' > "$in/bad-utf8.txt"
printf 'Kazachstan\0\0\x01\x02binary' > "$in/binary.txt"
: > "$in/empty.txt"
ln -s "$in/missing-target.txt" "$in/dangling.txt"
printf 'Tekst\n' > "$in/unreadable.txt"; chmod 000 "$in/unreadable.txt"
set +e
"$bin" export "$in" -o "$tmp/out.ttl" 2>"$tmp/log"
rc=$?
set -e
cat "$tmp/log"
[ "$rc" -eq 1 ] || { echo "expected exit 1, got $rc"; exit 1; }
grep -q "bad-utf8.txt: invalid UTF-8 at byte offset 16" "$tmp/log"
grep -q "binary.txt: binary file" "$tmp/log"
grep -q "empty.txt: empty file" "$tmp/log"
grep -q "dangling.txt: " "$tmp/log"
if [ "$(id -u)" -ne 0 ]; then grep -q "unreadable.txt: cannot read" "$tmp/log"; fi
serdi -i turtle "$tmp/out.ttl" > "$tmp/out.nt"
grep -q 'pl-02-' "$tmp/out.nt"
grep -q 'de-02-' "$tmp/out.nt"
! grep -q 'bad-utf8\|binary.txt\|empty.txt' "$tmp/out.nt"
# Nothing readable: exit 2, the earlier output stays as it was.
cp "$tmp/out.ttl" "$tmp/before.ttl"
set +e
"$bin" export "$in/empty.txt" "$in/binary.txt" -o "$tmp/out.ttl" 2>/dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "expected exit 2, got $rc"; exit 1; }
cmp "$tmp/out.ttl" "$tmp/before.ttl"
# Usage errors: exit 2.
set +e; "$bin" export --format xml corpus 2>/dev/null; rc=$?; set -e
[ "$rc" -eq 2 ]
set +e; "$bin" frobnicate 2>/dev/null; rc=$?; set -e
[ "$rc" -eq 2 ]
ls "$tmp" | grep -v -q '\.tmp' || true
echo "bad inputs reported, good ones exported"
