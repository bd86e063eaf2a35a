#!/bin/sh
# Regenerates the GeoTIFF variants from base.tif (16 x 12 cells of the demo biomass, Float32, EPSG:4326, nodata -9999)
# with GDAL's own writer (Debian gdal-bin 3.6). base.tif was cut with:
#   gdal_translate -srcwin 300 200 16 12 demo/data/biomass_2010.tif base.tif
set -e
cd "$(dirname "$0")"
t() { gdal_translate -q "$@"; }
t -co COMPRESS=ZSTD base.tif zstd.tif
t -co COMPRESS=ZSTD -co PREDICTOR=3 -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 base.tif zstd_tiled_p3.tif
t -co COMPRESS=LZW -co PREDICTOR=3 base.tif lzw_p3.tif
t -co COMPRESS=PACKBITS base.tif packbits.tif
t -co NBITS=16 base.tif float16.tif
t -ot UInt16 -scale 0 20 0 4000 -a_nodata none -co NBITS=12 base.tif uint12.tif
t -ot Byte -scale 0 20 0 200 -a_nodata none -co PIXELTYPE=SIGNEDBYTE base.tif int8.tif
t -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 --config GDAL_TIFF_INTERNAL_MASK YES -mask 1 base.tif masked.tif
t -co PROFILE=BASELINE base.tif baseline.tif
t -b 1 -b 1 -b 1 -co COMPRESS=ZSTD -co INTERLEAVE=PIXEL -scale_2 0 20 0 40 -ot Float32 base.tif three_pixel_zstd.tif
t -b 1 -b 1 -b 1 -co COMPRESS=ZSTD -co INTERLEAVE=BAND -scale_2 0 20 0 40 -ot Float32 base.tif three_band_zstd.tif
head -c 700 base.tif > cut.tif
t -ot Byte -scale 0 1 1 255 -a_nodata none -co COMPRESS=JPEG -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 base.tif jpeg_gray.tif
t -ot Byte -a_nodata none -b 1 -b 1 -b 1 -scale_1 0 1 1 255 -scale_2 0 1 255 1 -scale_3 0 0.5 1 255 -co COMPRESS=JPEG -co PHOTOMETRIC=YCBCR base.tif jpeg_ycbcr.tif
