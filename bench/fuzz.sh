#!/bin/sh
# The long run of the fuzz suite (issue #14): every input family, N cases each (default 10000), through the real
# commands of the built product. Prints one line per family with the counts per outcome; failing cases are kept,
# with fuzz-case.txt, in the work folder. The fixed-seed part of it runs in CI (tests/org.pacarbon.cli.tests FuzzTest).
# usage: bench/fuzz.sh [CASES] [SEED] [FAMILIES e.g. geotiff,spec]
set -e
cd "$(dirname "$0")/.."
cases="${1:-10000}"; seed="${2:-1}"; fam="${3:-}"
work="bench/data/fuzz-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
PACARBON_VMARGS="${PACARBON_VMARGS:--Xmx2g}" ./pacarbon fuzz --cases "$cases" --seed "$seed" --work "$work" ${fam:+--family "$fam"} \
  | tee "$work/summary.txt"
