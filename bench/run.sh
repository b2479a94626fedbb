#!/usr/bin/env bash
# The newskg benchmark (issue 7): generates a synthetic corpus, exports it,
# and measures in the same run, on the same data, the two reference floors:
# one ICU pass over the article text and serdi rewriting the same triples.
# Then the diff benchmark: newskg diff against LC_ALL=C sort + comm on two
# 1-million-triple snapshots that differ in 1% of their triples.
#
#   bench/run.sh [--size 100M|1G|...] [--seed S] [--build DIR] [--work DIR]
#                [--no-export] [--no-diff] [--diff-triples N]
#
# Prints a Markdown table. Needs GNU time (/usr/bin/time) and serdi.
set -euo pipefail
cd "$(dirname "$0")/.."
size=100M seed=1 build=build work=${TMPDIR:-/tmp}/newskg-bench do_export=1 do_diff=1
diff_triples=1000000
while (($#)); do
  case $1 in
    --size) size=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-export) do_export=0; shift ;;
    --no-diff) do_diff=0; shift ;;
    --diff-triples) diff_triples=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
newskg=$build/newskg gen=$build/bench/gen_corpus bx=$build/bench/bench_export
for f in "$newskg" "$gen" "$bx"; do
  [ -x "$f" ] || { echo "bench: $f missing; build first (cmake --build $build)" >&2; exit 2; }
done
command -v serdi >/dev/null || { echo "bench: serdi missing (apt-get install serdi)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

# key=value lines -> shell variables with a prefix.
load() { local prefix=$1 file=$2; while IFS='=' read -r k v; do [ -n "$k" ] && printf -v "${prefix}_$k" '%s' "$v"; done < "$file"; }
# GNU time -v: wall seconds and peak RSS (kB) of a command.
timed() {
  local out=$1; shift
  /usr/bin/time -v -o "$out.time" "$@"
}
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$1.time"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1.time"; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
mb() { calc "$1 / 1048576" 0; }

cores=$(nproc)
echo "newskg benchmark: $(date -u +%Y-%m-%d), $cores cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -m), corpus $size seed $seed"
echo

if ((do_export)); then
  corpus=$work/corpus-$size-$seed
  if [ ! -e "$corpus/.complete" ]; then
    rm -rf "$corpus"
    "$gen" --seed "$seed" --bytes "$size" --out "$corpus" >&2
    touch "$corpus/.complete"
  fi

  # 1. The ICU floor, one core.
  "$bx" icu "$corpus" > "$work/icu.kv"
  load icu "$work/icu.kv"
  icu_mbps=$(calc "$icu_icu_bytes / 1e6 / $icu_icu_cpu_seconds" 1)

  # 2. newskg export end to end (the CLI, all cores), Turtle, with its stage figures.
  set +e
  timed "$work/export" "$newskg" export --quiet --stats -o "$work/out.ttl" "$corpus" 2> "$work/export.err"
  st=$?
  set -e
  ((st <= 1)) || { cat "$work/export.err" >&2; exit 2; }
  sed -n 's/^stats: //p' "$work/export.err" | tr ' ' '\n' > "$work/stats.kv"
  load p "$work/stats.kv"
  articles=$p_articles triples=$p_triples
  e2e_wall=$(wall_of "$work/export") e2e_rss=$(rss_of "$work/export")

  # 3. serdi rewriting the same triples from N-Triples to Turtle.
  serdi -i turtle -o ntriples "$work/out.ttl" > "$work/out.nt"
  ntcount=$(wc -l < "$work/out.nt")
  [ "$ntcount" = "$triples" ] || echo "bench: warning: the Turtle has $ntcount triples, newskg counted $triples" >&2
  timed "$work/serdi" serdi -b -i ntriples -o turtle "$work/out.nt" > "$work/serdi.ttl"
  serdi_wall=$(wall_of "$work/serdi")
  rm -f "$work/out.nt" "$work/serdi.ttl"

  text_mb=$(calc "$p_input_bytes / 1e6" 1)
  extract_core=$(calc "$p_input_bytes / 1e6 / $p_analyse_cpu_seconds" 2)
  # Writing, on one core: sorting the records into runs, merging them, Serd.
  write_s=$(calc "$p_sort_cpu_seconds + $p_merge_runs_seconds + $p_write_seconds" 3)
  write_tps=$(calc "$triples / $write_s" 0)
  serdi_tps=$(calc "$triples / $serdi_wall" 0)
  echo "| export of $text_mb MB ($articles articles, $triples triples) | figure |"
  echo "|---|---|"
  echo "| end to end (\`newskg export\`, $cores threads): wall | $(calc "$e2e_wall" 1) s |"
  echo "| end to end: MB/s of article text | $(calc "$p_input_bytes / 1e6 / $e2e_wall" 2) |"
  echo "| end to end: articles/s | $(calc "$articles / $e2e_wall" 0) |"
  echo "| end to end: triples/s | $(calc "$triples / $e2e_wall" 0) |"
  echo "| end to end: peak RSS | $(mb $((e2e_rss * 1024))) MB |"
  echo "| end to end: peak temporary files | $(mb "$p_temp_bytes") MB |"
  echo "| per-article analysis: MB/s per core (CPU time) | $extract_core |"
  echo "| ICU pass (UTF-16, NFKC_Casefold, word + sentence breaks): MB/s, one core | $icu_mbps |"
  echo "| **ratio analysis / ICU pass, per core** (target ≥ 0.5) | **$(calc "$extract_core / $icu_mbps" 3)** |"
  # 4. Analysis and the ICU pass alone, in memory, in turn, three times: the
  # VM's speed drifts within a run (the ICU pass above and the export run
  # at different moments), so each pair is measured back to back and the
  # median pair's ratio is reported. Once on one core, once on all cores at
  # once, as the export runs (CPU time summed over the threads: per core).
  pairs() {
    local threads=$1 rep ratios=()
    for rep in 1 2 3; do
      "$bx" analyse "$corpus" --threads "$threads" > "$work/one.kv"
      load one "$work/one.kv"
      "$bx" icu "$corpus" --threads "$threads" > "$work/icu1.kv"
      load icu1 "$work/icu1.kv"
      ratios+=("$(calc "$icu1_icu_cpu_seconds / $one_analyse_cpu_seconds" 3) $(calc "$one_analyse_bytes / 1e6 / $one_analyse_cpu_seconds" 2) $(calc "$icu1_icu_bytes / 1e6 / $icu1_icu_cpu_seconds" 1)")
    done
    read -r pair_ratio pair_mbps pair_icu <<< "$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p)"
    pair_list=$(printf '%s ' "${ratios[@]}" | awk '{for (i = 1; i <= NF; i += 3) printf "%s%s", (i > 1 ? ", " : ""), $i}')
  }
  pairs 1
  echo "| one core, analysis and ICU pass in turn (median of 3 pairs): analysis MB/s · ICU pass MB/s | $pair_mbps · $pair_icu |"
  echo "| **ratio analysis / ICU pass, one core, back to back** (target ≥ 0.5) | **$pair_ratio** (pairs: $pair_list) |"
  pairs "$cores"
  echo "| $cores cores at once, analysis and ICU pass in turn (median of 3 pairs): analysis MB/s per core · ICU pass MB/s per core | $pair_mbps · $pair_icu |"
  echo "| **ratio analysis / ICU pass, per core, both on $cores cores, back to back** (target ≥ 0.5) | **$pair_ratio** (pairs: $pair_list) |"
  echo "| stage: analyse articles (CPU, all threads) | ${p_analyse_cpu_seconds} s |"
  echo "| stage: resolve entities | ${p_resolve_seconds} s |"
  echo "| stage: merge agreements | ${p_merge_agreements_seconds} s |"
  echo "| stage: build, check and sort triples ($p_records records, $p_runs runs): wall / CPU | ${p_build_seconds} s / ${p_build_cpu_seconds} s |"
  echo "| stage: merge runs / write Turtle | ${p_merge_runs_seconds} s / ${p_write_seconds} s |"
  echo "| Turtle writing (sort ${p_sort_cpu_seconds} s + merge + Serd), one core: triples/s | $write_tps |"
  echo "| \`serdi -b -i ntriples -o turtle\`, same triples: triples/s | $serdi_tps |"
  echo "| **ratio Turtle writing / serdi** (target ≥ 0.8) | **$(calc "$write_tps / $serdi_tps" 3)** |"
  echo
fi

if ((do_diff)); then
  d=$work/diff
  mkdir -p "$d"
  "$bx" snapshots "$diff_triples" "$d/old.nt" "$d/new.nt" > "$d/snap.kv"
  load s "$d/snap.kv"
  set +e
  timed "$d/newskg" "$newskg" diff "$d/old.nt" "$d/new.nt" > "$d/newskg.out"
  st=$?
  set -e
  ((st == 1)) || { echo "bench: newskg diff exited $st (want 1: different)" >&2; exit 2; }
  timed "$d/sortcomm" bash -c 'export LC_ALL=C; sort "$1" > "$1.sorted" && sort "$2" > "$2.sorted" && comm -3 "$1.sorted" "$2.sorted" > "$3"' _ \
    "$d/old.nt" "$d/new.nt" "$d/comm.out"
  nd=$(wall_of "$d/newskg") sc=$(wall_of "$d/sortcomm")
  changed_lines=$(grep -c '^[-+] ' "$d/newskg.out" || true)
  echo "| diff of two $s_snapshot_triples-triple N-Triples snapshots ($s_changed_triples changed) | time | peak RSS |"
  echo "|---|---|---|"
  echo "| \`newskg diff OLD NEW\` ($changed_lines changed lines) | $(calc "$nd" 2) s | $(mb $(($(rss_of "$d/newskg") * 1024))) MB |"
  echo "| \`LC_ALL=C sort\` both + \`comm -3\` ($(wc -l < "$d/comm.out") lines) | $(calc "$sc" 2) s | $(mb $(($(rss_of "$d/sortcomm") * 1024))) MB |"
  echo "| **ratio newskg diff / sort+comm time** | **$(calc "$nd / $sc" 2)** | |"
fi
