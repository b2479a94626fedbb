#!/usr/bin/env bash
# Everything scripts/run.sh does, then every test: the unit and script tests
# through ctest, then the same suite under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/run.sh
(cd tests && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }) || echo "test: npm ci failed; store and SHACL tests will skip"
ctest --test-dir build --output-on-failure -j2
# The profile-guided build the benchmark uses: it must build, train and
# export the sample corpus to the same bytes.
scripts/pgo-build.sh build-pgo
# Sanitizer build of the whole suite.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNEWSKG_SANITIZE=ON >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2 -E 'script_(sparql|shacl|kill|bench)'
# The libFuzzer targets (clang, ASan+UBSan) for 60 s each: docs/fuzzing.md.
scripts/fuzz.sh 60
