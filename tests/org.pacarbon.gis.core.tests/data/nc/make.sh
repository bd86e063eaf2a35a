#!/bin/sh
# Regenerates the netCDF test files from their CDL sources with the netCDF library's own tools
# (Debian netcdf-bin: ncgen, nccopy). netCDF-4 files are zlib-compressed (level 5), shuffled, chunked.
set -e
cd "$(dirname "$0")"
for f in *.cdl; do
  b=${f%.cdl}
  ncgen -k nc4 -o "$b.tmp" "$f"
  nccopy -d 5 -s "$b.tmp" "${b}_nc4.nc"
  rm -f "$b.tmp"
  ncgen -k nc3 -o "${b}_nc3.nc" "$f" 2>/dev/null || echo "$f: not expressible in netCDF classic (unsigned types)"
done
