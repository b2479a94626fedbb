#!/usr/bin/env bash
# The same articles give byte-identical output whatever their order, the
# thread count, the locale and the time zone.
set -euo pipefail
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(ls corpus/*.txt)
mapfile -t reversed < <(printf '%s\n' "${files[@]}" | sort -r)
mapfile -t shuffled < <(printf '%s\n' "${files[@]}" | shuf --random-source=<(yes))
"$bin" export "${files[@]}" -o "$tmp/a.ttl" --threads 1 2>/dev/null
LC_ALL=C TZ=Pacific/Kiritimati "$bin" export "${reversed[@]}" -o "$tmp/b.ttl" --threads 2 2>/dev/null
LC_ALL=C.UTF-8 TZ=America/Anchorage "$bin" export "${shuffled[@]}" -o "$tmp/c.ttl" --threads 7 2>/dev/null
for f in b c; do
  if ! cmp "$tmp/a.ttl" "$tmp/$f.ttl"; then echo "run $f differs"; diff "$tmp/a.ttl" "$tmp/$f.ttl" | head; exit 1; fi
done
for fmt in ntriples trig; do
  "$bin" export "${files[@]}" --format $fmt -o "$tmp/a.$fmt" --threads 1 2>/dev/null
  "$bin" export "${shuffled[@]}" --format $fmt -o "$tmp/b.$fmt" --threads 2 2>/dev/null
  cmp "$tmp/a.$fmt" "$tmp/b.$fmt"
done
echo "identical output across order, threads, locale and time zone"
