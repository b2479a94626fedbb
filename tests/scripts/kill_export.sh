#!/usr/bin/env bash
# BAD-INPUTS case 24: the run killed (SIGKILL) at any moment leaves only the
# complete old or the complete new output at the output path.
#   bash tests/scripts/kill_export.sh /path/to/newskg [KILLS]
#
# The corpus is copied 50 times under distinct names (600 articles, an
# export of a few seconds). OLD is the export of a part of it, NEW of all of
# it (the output is deterministic, so NEW is byte-identical from run to
# run). Each round puts OLD at the output path, starts the full export and
# SIGKILLs it: half the rounds after a random delay over the whole run, half
# right after the temporary output file appears (the write, fsync and
# rename phase), plus a random 0-30 ms. After each kill the output path must
# be byte-identical to OLD or NEW and re-parse with serdi.
#
# Temporary files: a killed run cannot clean up, so its temporary file
# (".graph.ttl.tmp-XXXXXX", a hidden file next to the output, created with
# mkstemp) may remain. They are never at the output path, never named like
# an output, and a later run neither reads nor reuses them; the test counts
# them and checks their names. Removing stale ones is left to the user.
# ctest's sanitizer pass skips this test (scripts/test.sh: -E ...kill...).
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
kills=${2:-24}
command -v serdi >/dev/null || { echo "serdi not installed; skipping"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newskg-kill.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/in" "$tmp/part" "$tmp/out"
for i in $(seq -w 1 50); do
  for f in corpus/*.txt; do
    cp "$f" "$tmp/in/c$i-$(basename "$f")"
  done
done
cp "$tmp"/in/c0[1-5]-*.txt "$tmp/part/"
out=$tmp/out/graph.ttl

"$bin" export "$tmp/part" -o "$tmp/old.ttl" 2>/dev/null
start=$(date +%s%N)
"$bin" export "$tmp/in" -o "$tmp/new.ttl" 2>/dev/null
run_ms=$((($(date +%s%N) - start) / 1000000))
cmp -s "$tmp/old.ttl" "$tmp/new.ttl" && { echo "OLD and NEW must differ"; exit 1; }
serdi -i turtle -o ntriples "$tmp/old.ttl" >/dev/null
serdi -i turtle -o ntriples "$tmp/new.ttl" >/dev/null
echo "$(ls "$tmp/in" | wc -l) articles; a full export takes ${run_ms} ms"

check_output() {
  local round=$1 what
  if cmp -s "$out" "$tmp/old.ttl"; then
    what=old
  elif cmp -s "$out" "$tmp/new.ttl"; then
    what=new
  else
    echo "round $round: the output is neither the old nor the new graph"
    ls -la "$tmp/out"
    cmp "$out" "$tmp/new.ttl" || true
    exit 1
  fi
  if ! serdi -i turtle -o ntriples "$out" >/dev/null 2>"$tmp/serdi.err"; then
    echo "round $round: the output does not parse"
    cat "$tmp/serdi.err"
    exit 1
  fi
  echo "$what"
}

n_old=0 n_new=0 n_writing=0
for round in $(seq 1 "$kills"); do
  cp "$tmp/old.ttl" "$out"
  "$bin" export "$tmp/in" -o "$out" 2>/dev/null &
  pid=$!
  if ((round % 2)); then
    # Anywhere in the run.
    delay=$((RANDOM % (run_ms + run_ms / 5 + 1)))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  else
    # Once the temporary output exists: during the write and the rename.
    for _ in $(seq 1 4000); do
      compgen -G "$tmp/out/.graph.ttl.tmp-*" >/dev/null && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.002
    done
    n_writing=$((n_writing + 1))
    sleep "0.0$(printf '%02d' $((RANDOM % 30)))"
  fi
  kill -KILL $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  case $(check_output "$round") in
    old) n_old=$((n_old + 1)) ;;
    new) n_new=$((n_new + 1)) ;;
    *) exit 1 ;;
  esac
  # Nothing else at the output path's place, temporary files hidden.
  for f in "$tmp"/out/* "$tmp"/out/.[!.]*; do
    [ -e "$f" ] || continue
    case $(basename "$f") in
      graph.ttl | .graph.ttl.tmp-??????) ;;
      *) echo "round $round: unexpected file $(basename "$f")"; exit 1 ;;
    esac
  done
done
left=$(compgen -G "$tmp/out/.graph.ttl.tmp-*" | wc -l || true)
echo "$kills kills ($n_writing while writing): $n_old left the old graph, $n_new the new one;" \
  "$left temporary file(s) left behind"

# A run that is not killed still works next to the leftovers and cleans up
# after itself.
cp "$tmp/old.ttl" "$out"
"$bin" export "$tmp/in" -o "$out" 2>/dev/null
cmp -s "$out" "$tmp/new.ttl" || { echo "a full run next to leftovers gave another graph"; exit 1; }
[ "$(compgen -G "$tmp/out/.graph.ttl.tmp-*" | wc -l || true)" -eq "$left" ] ||
  { echo "a completed run left a temporary file"; exit 1; }
echo "killed runs left only the complete old or new output"
