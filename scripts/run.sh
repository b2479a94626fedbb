#!/usr/bin/env bash
# Install what is missing, build, and export the sample corpus to output/graph.ttl.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
mkdir -p output
./build/newskg export corpus -o output/graph.ttl
