package org.pacarbon.gis.core.raster;

import org.eclipse.jdt.annotation.Nullable;

/** The value rules every GeoTIFF source applies after decoding: GDAL's scale and offset, then a further nodata value. */
final class CellValues {
    private CellValues() {
    }

    /**
     * Applies the rules to {@code dst[0..n)} in place.
     *
     * @param nodata  a value (after scaling) that becomes NaN, or {@code null}
     */
    static void apply(float[] dst, int n, double scale, double offset, @Nullable Float nodata) {
        if (scale != 1 || offset != 0) {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) (dst[i] * scale + offset);
            }
        }
        if (nodata != null) {
            float nd = nodata;
            for (int i = 0; i < n; i++) {
                if (dst[i] == nd) {
                    dst[i] = Float.NaN;
                }
            }
        }
    }
}
