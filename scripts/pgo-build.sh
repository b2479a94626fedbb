#!/usr/bin/env bash
# A profile-guided build of newskg in DIR (default build-pgo): builds it
# instrumented, trains it by exporting a generated corpus (its own seed, not
# the benchmark's), then rebuilds DIR from the profile and checks that the
# optimised newskg exports the sample corpus to exactly output/graph.ttl.
#
#   scripts/pgo-build.sh [DIR]      (then: bench/run.sh --build DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-pgo}
prof=$(realpath -m "$dir")/pgo-profile
targets=(newskg bench_export gen_corpus)
rm -rf "$prof"
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSKG_PGO=generate \
  -DNEWSKG_PGO_DIR="$prof" >/dev/null
cmake --build "$dir" --target "${targets[@]}"
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
"$dir/bench/gen_corpus" --seed 7 --bytes 6000000 --out "$train/corpus" >/dev/null
"$dir/newskg" export --quiet -o "$train/out.ttl" "$train/corpus"
[ -n "$(find "$prof" -name '*.gcda' -print -quit)" ] || { echo "pgo-build: no profile written" >&2; exit 1; }
cmake -S . -B "$dir" -DNEWSKG_PGO=use >/dev/null
cmake --build "$dir" --target "${targets[@]}"
"$dir/newskg" export --quiet -o "$train/sample.ttl" corpus
cmp "$train/sample.ttl" output/graph.ttl || { echo "pgo-build: the optimised build exports the sample corpus differently" >&2; exit 1; }
echo "pgo-build: $dir/newskg optimised from the profile in $prof"
