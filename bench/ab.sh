#!/usr/bin/env bash
# Side-by-side timing (not a test): `assess` of an earlier commit against the working tree, alternating runs on the
# same bench inputs, each with an empty overview cache (a first run). On a shared, noisy machine alternating runs
# compare better than two separate benchmarks.
#
#   bench/ab.sh REF [300m|1km] [ROUNDS]     e.g. bench/ab.sh HEAD~1 300m 2
#
# Builds REF in a git worktree under ${TMPDIR:-/tmp} (./pacarbon build), uses bench/data (run bench/run.sh SIZE once
# first), prints wall s, user CPU s and peak RSS of each run with provenance.json's timings.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="${1:?usage: bench/ab.sh REF [300m|1km] [ROUNDS]}"
size="${2:-300m}"; rounds="${3:-2}"
case "$size" in 1km) s=1000m ;; *) s="$size" ;; esac
spec="$here/bench/data/spec_$s.json"
[ -f "$spec" ] || { echo "bench: no $spec; run bench/run.sh $size first" >&2; exit 1; }
wt="${TMPDIR:-/tmp}/pacarbon-ab-$(git -C "$here" rev-parse --short "$ref")"
if [ ! -d "$wt" ]; then
  git -C "$here" worktree add -f "$wt" "$ref" >/dev/null
  (cd "$wt" && ./pacarbon build >/dev/null)
fi
"$here/pacarbon" help >/dev/null   # builds the working tree only when it changed
out="$(mktemp -d)"
for i in $(seq 1 "$rounds"); do
  for v in "$ref" working; do
    root="$here"; [ "$v" = working ] || root="$wt"
    rm -rf "$out/cache" "$out/o"
    /usr/bin/time -f "%e %U %M" -o "$out/t" env PACARBON_VMARGS="-Xmx2g -Dpacarbon.cache=$out/cache" \
      "$root/pacarbon" assess "$spec" --out "$out/o" >/dev/null 2>&1
    read -r wall user rss < "$out/t"
    python3 - "$v" "$wall" "$user" "$rss" "$out/o/provenance.json" <<'PY'
import json, sys
v, wall, user, rss, prov = sys.argv[1:]
t = json.load(open(prov))["timingsMs"]
engine = sum(x for k, x in t.items() if k.startswith("layer ")) / 1000
print(f"{v:>12}: wall {float(wall):6.2f} s  user {float(user):6.2f} s  RSS {int(rss)/1024:5.0f} MB  assessment {t['total']/1000:6.2f} s"
      f" (engine {engine:.2f}, geometry {t['geometry']/1000:.2f})  after it {float(wall) - t['total']/1000:5.2f} s")
PY
  done
done
