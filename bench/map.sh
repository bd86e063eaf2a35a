#!/usr/bin/env bash
# Map benchmark (not a test): first draw and redraws of the 16700 x 13300 benchmark raster with the 500 PA
# outlines on top, at full extent and zoomed in 4x, 16x, 64x, through the renderer of the Map view and figures.
#
#   bench/map.sh [300m|1km]     (default 300m; the data is made by ./pacarbon bench-data, as bench/run.sh does)
#
# Run it twice to see the second session read the overviews from the disk cache (~/.pacarbon/cache/overviews).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-300m}"
data="$here/bench/data"
spec="$("$here/pacarbon" bench-data "$data" --size "$size" | tail -n 1)"
tif="$(python3 -c 'import json,sys,os; s=json.load(open(sys.argv[1])); print(os.path.join(os.path.dirname(sys.argv[1]), s["layers"][0]["path"]))' "$spec")"
PACARBON_VMARGS="${PACARBON_VMARGS:--Xmx2g}" "$here/pacarbon" bench-render "$tif" "$data/pas.gpkg" --size 1200x800
