#!/usr/bin/env bash
# Benchmark (not a test): our exact zonal statistics vs QGIS native:zonalstatisticsfb vs a GDAL read of the
# raster alone, on the same synthetic China-scale inputs, in one run.
#
#   bench/run.sh [300m|1km|small]      (default 300m: 16700 x 13300 Float32 tiled DEFLATE GeoTIFF, 500 polygons)
#
# Installs gdal-bin, qgis and time with apt-get when missing and running as root. Prints a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-300m}"
data="$here/bench/data"
missing=()
command -v gdalinfo >/dev/null || missing+=(gdal-bin)
command -v qgis_process.bin >/dev/null || missing+=(qgis)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "bench: install ${missing[*]} first" >&2; exit 1
  fi
fi
spec="$("$here/pacarbon" bench-data "$data" --size "$size" | tail -n 1)"
tif="$(python3 -c 'import json,sys,os; s=json.load(open(sys.argv[1])); print(os.path.join(os.path.dirname(sys.argv[1]), s["layers"][0]["path"]))' "$spec")"
cells="$(gdalinfo "$tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1 \2/p' | awk '{print $1*$2}')"
log="$(mktemp -d)"

measure() { # measure NAME COMMAND... -> appends "NAME seconds maxrss_kb" to $log/results
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$log/$name.time" "$@" >"$log/$name.out" 2>"$log/$name.err" || { echo "bench: $name failed:"; cat "$log/$name.err"; exit 1; }
  echo "$name $(cat "$log/$name.time")" >> "$log/results"
}

rm -f "$tif.aux.xml"
measure gdal_read env GDAL_CACHEMAX=64 gdalinfo -stats "$tif"   # a streaming read: 64 MB block cache (see toolchain.md)
rm -f "$tif.aux.xml"
measure pacarbon env PACARBON_VMARGS=-Xmx1g "$here/pacarbon" assess "$spec" --out "$log/ours"
measure qgis env QT_QPA_PLATFORM=offscreen qgis_process.bin run native:zonalstatisticsfb --INPUT="$data/pas.gpkg" \
  --INPUT_RASTER="$tif" --RASTER_BAND=1 --COLUMN_PREFIX=z_ --STATISTICS=0,1,2 --OUTPUT="$log/qgis.gpkg"

python3 - "$log" "$cells" "$size" <<'PY'
import json, sys
log, cells, size = sys.argv[1], int(sys.argv[2]), sys.argv[3]
res = {}
for line in open(log + "/results"):
    n, s, m = line.split()
    res[n] = (float(s), int(m))
prov = json.load(open(log + "/ours/provenance.json"))
t = prov["timingsMs"]
engine = t["layer carbon"] / 1000.0
geometry = t["geometry"] / 1000.0
g, q, o = res["gdal_read"][0], res["qgis"][0], res["pacarbon"][0]
print(f"### Zonal statistics benchmark ({size}: {cells:,} cells, 500 polygons + 5 report categories)\n")
print("| run | wall s | vs GDAL read | vs QGIS | peak RSS MB |")
print("|---|---:|---:|---:|---:|")
rows = [("GDAL read alone (gdalinfo -stats, GDAL_CACHEMAX=64)", g, res["gdal_read"][1]),
        ("QGIS native:zonalstatisticsfb (500 polygons only, centroid rule)", q, res["qgis"][1]),
        ("PA-Carbon assess, whole command (JVM start to report; 500 PAs + 5 categories, exact)", o, res["pacarbon"][1]),
        ("- of which the engine phase (one layer, all zones; provenance.json)", engine, None),
        ("- of which the geometry phase (reading PAs and region; provenance.json)", geometry, None)]
for label, s, m in rows:
    print(f"| {label} | {s:.2f} | {s/g:.2f}x | {s/q:.2f}x | {'' if m is None else f'{m/1024:.0f}'} |")
print(f"\nTargets (issue #12): whole command <= 0.5x QGIS (now {o/q:.2f}x); engine <= 1.0x GDAL read (now {engine/g:.2f}x);"
      f" geometry < 1 s (now {geometry:.2f} s); peak RSS <= 1 GB (now {res['pacarbon'][1]/1024:.0f} MB)")
PY
