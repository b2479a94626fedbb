#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, -fsanitize=fuzzer,address,
# undefined, in build-fuzz, and runs each for SECONDS seconds (default 60),
# printing the executions per target. Exit status 1 when a target found a
# crash, a leak, undefined behaviour, a timeout or a broken invariant; the
# input that did it is kept in build-fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (0 seconds: build only)
#
# Longer runs, merging corpora and reproducing a crash: docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_decode fuzz_pipeline fuzz_writer fuzz_snapshot fuzz_breaks)
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }

cxx=$(command -v clang++ || command -v clang++-14 || true)
if [[ -z $cxx ]]; then
  echo "fuzz: clang not found (scripts/setup.sh installs it)" >&2
  exit 1
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DNEWSKG_FUZZ=ON >/dev/null
# Only the fuzz targets (and the library they link), not the CLI or the tests.
cmake --build build-fuzz --target "${targets[@]}"

if ((seconds == 0)); then
  echo "fuzz: built ${targets[*]} in build-fuzz/fuzz (0 s: nothing run)"
  exit 0
fi

# Corpora grow in build-fuzz/corpus/<target> (seeded from fuzz/corpus/<target>),
# so repeated runs continue where the last one stopped; fuzz/corpus stays as
# committed.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
declare -A max_len=([fuzz_decode]=8192 [fuzz_pipeline]=4096 [fuzz_writer]=2048
                    [fuzz_snapshot]=8192 [fuzz_breaks]=512)
status=0
summary=()
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  art=build-fuzz/artifacts/$t/
  mkdir -p "$work" "$art"
  [ -d "fuzz/corpus/$t" ] && cp -n fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  log=build-fuzz/$t.log
  echo "fuzz: $t for ${seconds}s"
  set +e
  "build-fuzz/fuzz/$t" "$work" -max_total_time="$seconds" -max_len="${max_len[$t]:-4096}" \
    -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$art" \
    >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [[ -z $execs ]]; then
    # Killed before printing stats: the last status line has the count.
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  fi
  per_s=$((${execs:-0} / seconds))
  if ((rc != 0)); then
    status=1
    summary+=("$(printf '%-14s %10s execs (%s/s)  FAILED (exit %d), see %s and %s' \
      "$t" "${execs:-?}" "$per_s" "$rc" "$log" "$art")")
    grep -m1 -A25 -E '^==[0-9]+==ERROR|runtime error|^fuzz_[a-z]+: |deadly signal|timeout' "$log" >&2 || tail -30 "$log" >&2
  else
    summary+=("$(printf '%-14s %10s execs (%s/s)  ok' "$t" "${execs:-?}" "$per_s")")
  fi
done
echo "fuzz: executions in ${seconds}s per target"
printf '  %s\n' "${summary[@]}"
exit $status
