#!/bin/sh
# The long run of the fuzz suite (issue #14): every input family, N cases each (default 10000), through the real
# commands of the built product. Prints one line per family with the counts per outcome; failing cases are kept,
# with fuzz-case.txt, in the work folder. The fixed-seed part of it runs in CI (tests/org.pacarbon.cli.tests FuzzTest).
# usage: bench/fuzz.sh [CASES] [SEED] [FAMILIES e.g. geotiff,spec]
# PARALLEL=N (default: the number of cores) runs the families in N processes side by side (each process has its own
# OSGi configuration and EPSG database copy); 10 000 cases of a family take about 15 minutes of one core here.
set -e
cd "$(dirname "$0")/.."
cases="${1:-10000}"; seed="${2:-1}"
fam="${3:-geotiff,netcdf3,netcdf4,shp,dbf,prj,gpkg,geojson,spec,out,tracker}"
par="${PARALLEL:-$(nproc 2>/dev/null || echo 1)}"
work="bench/data/fuzz-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
./pacarbon help >/dev/null   # builds the product when needed, once, before the processes start
# deal the families to the processes in turn
i=0
for f in $(echo "$fam" | tr ',' ' '); do
  g=$((i % par)); eval "group$g=\"\${group$g:+\$group$g,}$f\""; i=$((i + 1))
done
g=0
while [ $g -lt "$par" ]; do
  eval "families=\${group$g:-}"
  if [ -n "$families" ]; then
    PACARBON_VMARGS="${PACARBON_VMARGS:--Xmx2g}" ./pacarbon fuzz --cases "$cases" --seed "$seed" --work "$work/p$g" \
      --family "$families" > "$work/summary-$g.txt" 2>&1 &
  fi
  g=$((g + 1))
done
wait
cat "$work"/summary-*.txt | tee "$work/summary.txt"
