#!/usr/bin/env bash
# The export of ../shared/seeds parses with serdi and rapper, and the scorer's
# figures stay at or above the levels reached (issues 2-4). Skipped when
# ../shared is absent.
set -euo pipefail
bin=$1
shared=../shared
if [ ! -d "$shared/seeds" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "../shared/seeds absent: seed score test skipped"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
start=$(date +%s%N)
"$bin" export "$shared/seeds" -o "$tmp/seeds.ttl"
end=$(date +%s%N)
echo "export of the seeds took $(( (end - start) / 1000000 )) ms"
serdi -i turtle "$tmp/seeds.ttl" > /dev/null
rapper -q -i turtle -c "$tmp/seeds.ttl"
python3 "$shared/tools/score.py" "$tmp/seeds.ttl" "$shared/seeds" "$shared/gold/seeds.json" --json "$tmp/score.json" | tee "$tmp/score.txt"
python3 - "$tmp/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
ent = s["entities"]
# Levels this test holds the exporter to (raise them as extraction improves).
want = {"State": 0.9, "Person": 0.9, "Firm": 0.9}
bad = []
for t, lo in want.items():
    f = ent.get(t, {}).get("f1", 0.0)
    if f < lo:
        bad.append(f"{t} F1 {f:.2f} < {lo}")
if s["role_f1"] < 0.8:
    bad.append(f"role F1 {s['role_f1']:.2f} < 0.8")
if s["agreement_f1"] < 0.8:
    bad.append(f"agreement F1 {s['agreement_f1']:.2f} < 0.8")
for k, (right, asked) in s["agreement_attributes"].items():
    if asked and right / asked < 0.9:
        bad.append(f"agreement attribute {k} right in {right}/{asked}")
if s["split_entities"]:
    bad.append(f"entities split over nodes: {s['split_entities']}")
if s["merged_nodes"]:
    bad.append(f"nodes merging entities: {s['merged_nodes']}")
if s["split_agreements"]:
    bad.append(f"agreements split over nodes: {s['split_agreements']}")
if s["bad_offsets"] != 0:
    bad.append(f"bad_offsets={s['bad_offsets']}")
if s["articles_missing"]:
    bad.append(f"articles missing: {s['articles_missing']}")
l = s["wikidata_linked"]
if l[0] != l[1]:
    bad.append(f"wikidata links wrong: {l[0]}/{l[1]}")
if bad:
    print("seed score below the required level: " + "; ".join(bad)); sys.exit(1)
print("seed score at or above the required levels")
PY
