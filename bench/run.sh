#!/usr/bin/env bash
# Benchmark (not a test): our exact zonal statistics vs QGIS native:zonalstatisticsfb vs a GDAL read of the
# rasters alone, on the same synthetic China-scale inputs, in one run.
#
#   bench/run.sh [300m|1km|150m|small|paper] [--pas N]
#       one size: 16700 x 13300 (300m), 5000 x 4000 (1km), 33400 x 26600 (150m) Float32 tiled DEFLATE GeoTIFF,
#       N polygons (default 500) + the 5 report categories; 'paper' is the paper-scale set (12 rasters: biomass
#       300 m, vSOC 250 m, NPP 500 m x 5 years, CO2 1 km x 5 years; 460 polygons). GDAL and QGIS are run once
#       per raster and their times summed.
#   bench/run.sh pas     the geometry phase with 500, 5 000 and 50 000 polygons over the 1 km raster
#   bench/run.sh start   ./pacarbon help vs java -version (start-up of a headless command)
#
# Installs gdal-bin, qgis and time with apt-get when missing and running as root. Prints a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-300m}"
pas=500
if [ "${2:-}" = "--pas" ]; then pas="${3:?--pas N}"; fi
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
log="$(mktemp -d)"

measure() { # measure NAME COMMAND... -> appends "NAME seconds maxrss_kb" to $log/results
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$log/$name.time" "$@" >"$log/$name.out" 2>"$log/$name.err" || { echo "bench: $name failed:"; cat "$log/$name.err"; exit 1; }
  echo "$name $(cat "$log/$name.time")" >> "$log/results"
}

if [ "$size" = start ]; then
  "$here/pacarbon" help >/dev/null   # builds when needed, warms the page cache
  for i in 1 2 3; do
    measure "java$i" java -version
    measure "help$i" "$here/pacarbon" help
  done
  python3 - "$log" <<'PY'
import sys
res = {}
for line in open(sys.argv[1] + "/results"):
    n, s, m = line.split()
    res[n] = float(s)
j = sorted(res[f"java{i}"] for i in (1, 2, 3))[1]
h = sorted(res[f"help{i}"] for i in (1, 2, 3))[1]
print("### Start-up of a headless command (median of 3)\n")
print("| run | wall s | vs java -version |\n|---|---:|---:|")
print(f"| java -version | {j:.2f} | 1.00x |\n| ./pacarbon help | {h:.2f} | {h/j:.2f}x |")
print(f"\nTarget (issue #12): ./pacarbon help under 1.5 s on an idle machine (now {h:.2f} s)")
PY
  exit 0
fi

if [ "$size" = pas ]; then
  for n in 500 5000 50000; do
    spec="$("$here/pacarbon" bench-data "$data" --size 1km --pas "$n" | tail -n 1)"
    measure "pas$n" env PACARBON_VMARGS=-Xmx2g "$here/pacarbon" assess "$spec" --out "$log/ours$n"
  done
  python3 - "$log" <<'PY'
import json, sys
log = sys.argv[1]
res = {}
for line in open(log + "/results"):
    n, s, m = line.split()
    res[n] = (float(s), int(m))
print("### Geometry phase vs number of polygons (1 km raster, 5000 x 4000; provenance.json)\n")
print("| polygons | region read s | PAs read s | PAs checked s | geometry phase s | engine phase s | whole command s | peak RSS MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in (500, 5000, 50000):
    t = json.load(open(f"{log}/ours{n}/provenance.json"))["timingsMs"]
    s, m = res[f"pas{n}"]
    print(f"| {n:,} | {t['geometry: region']/1000:.2f} | {t['geometry: PAs read']/1000:.2f} | {t['geometry: PAs checked']/1000:.2f}"
          f" | {t['geometry']/1000:.2f} | {t['layer carbon']/1000:.2f} | {s:.2f} | {m/1024:.0f} |")
PY
  exit 0
fi

if [ "$size" = paper ]; then
  spec="$("$here/pacarbon" bench-data "$data" --size paper | tail -n 1)"
else
  spec="$("$here/pacarbon" bench-data "$data" --size "$size" --pas "$pas" | tail -n 1)"
fi
# the spec's rasters and polygons, as absolute paths
python3 - "$spec" > "$log/inputs" <<'PY'
import json, sys, os
s = json.load(open(sys.argv[1])); d = os.path.dirname(sys.argv[1])
print(os.path.join(d, s["protectedAreas"]["path"]))
for l in s["layers"]:
    if "path" in l:
        print(os.path.join(d, l["path"]))
PY
pasfile="$(head -n 1 "$log/inputs")"
mapfile -t rasters < <(tail -n +2 "$log/inputs")
cells=0
for tif in "${rasters[@]}"; do
  c="$(gdalinfo "$tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1 \2/p' | awk '{print $1*$2}')"
  cells=$((cells + c))
done

i=0
for tif in "${rasters[@]}"; do
  rm -f "$tif.aux.xml"
  measure "gdal_read$i" env GDAL_CACHEMAX=64 gdalinfo -stats "$tif"   # a streaming read: 64 MB block cache (see toolchain.md)
  rm -f "$tif.aux.xml"
  i=$((i + 1))
done
# the default heap of ./pacarbon (-Xmx2g); an empty overview cache, as on a user's first assessment of these files
# (the report's maps draw from overviews, kept in ~/.pacarbon/cache: a second run of the same files skips making them)
# one untimed run first: the first run of a command after a build records its classes for class data sharing
# (./pacarbon, "cds-*.jsa" in ~/.cache/pacarbon), which later runs - a user's every run but the first - map
PACARBON_VMARGS="-Xmx2g -Dpacarbon.cache=$log/warm-cache" "$here/pacarbon" assess "$spec" --out "$log/warm" >/dev/null 2>&1 || true
measure pacarbon env PACARBON_VMARGS="-Xmx2g -Dpacarbon.cache=$log/cache" "$here/pacarbon" assess "$spec" --out "$log/ours"
i=0
for tif in "${rasters[@]}"; do
  measure "qgis$i" env QT_QPA_PLATFORM=offscreen qgis_process.bin run native:zonalstatisticsfb --INPUT="$pasfile" \
    --INPUT_RASTER="$tif" --RASTER_BAND=1 --COLUMN_PREFIX=z_ --STATISTICS=0,1,2 --OUTPUT="$log/qgis$i.gpkg"
  i=$((i + 1))
done

python3 - "$log" "$cells" "$size" "${#rasters[@]}" "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from pas").fetchone()[0])' "$pasfile")" <<'PY'
import json, sys
log, cells, size, nr, npas = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
res = {}
for line in open(log + "/results"):
    n, s, m = line.split()
    res[n] = (float(s), int(m))
def total(prefix):
    runs = [v for k, v in res.items() if k.startswith(prefix) and k[len(prefix):].isdigit()]
    return sum(s for s, m in runs), max(m for s, m in runs)
prov = json.load(open(log + "/ours/provenance.json"))
t = prov["timingsMs"]
engine = sum(v for k, v in t.items() if k.startswith("layer ")) / 1000.0
geometry = t["geometry"] / 1000.0
(g, gm), (q, qm) = total("gdal_read"), total("qgis")
o, om = res["pacarbon"]
what = f"{nr} rasters, " if nr > 1 else ""
print(f"### Zonal statistics benchmark ({size}: {what}{cells:,} cells, {npas} polygons + 5 report categories)\n")
print("| run | wall s | vs GDAL read | vs QGIS | peak RSS MB |")
print("|---|---:|---:|---:|---:|")
per = " (one run per raster, summed)" if nr > 1 else ""
rows = [(f"GDAL read alone (gdalinfo -stats, GDAL_CACHEMAX=64){per}", g, gm),
        (f"QGIS native:zonalstatisticsfb (polygons only, centroid rule){per}", q, qm),
        ("PA-Carbon assess, whole command (JVM start to report; PAs + 5 categories, exact; default heap)", o, om),
        (f"- of which the engine phase ({'all layers' if nr > 1 else 'one layer'}, all zones; provenance.json)", engine, None),
        ("- of which the geometry phase (reading PAs and region; provenance.json)", geometry, None)]
for label, s, m in rows:
    print(f"| {label} | {s:.2f} | {s/g:.2f}x | {s/q:.2f}x | {'' if m is None else f'{m/1024:.0f}'} |")
print(f"\nTargets (issue #12): whole command <= 0.5x QGIS (now {o/q:.2f}x); engine <= 1.0x GDAL read (now {engine/g:.2f}x);"
      f" geometry < 1 s (now {geometry:.2f} s); peak RSS <= 1 GB (now {om/1024:.0f} MB)"
      + ("; paper scale under 10 s (now %.1f s)" % o if size == "paper" else ""))
PY
