package org.pacarbon.carbon.core;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * High-value cells of a layer (the method's "top X % of the area"): the threshold whose cells at or above it cover a
 * given share of the layer's valid area, area-weighted (lon/lat cells shrink towards the poles) and exact. The gap
 * analysis and the synergy zoning use it.
 */
public final class HighValue {
    /** Above this many cells the exact threshold is refused (it holds the layer in memory): a threshold must be given. */
    public static final long MAX_CELLS = 250_000_000L;

    private HighValue() {
    }

    /**
     * The largest value t such that the cells at or above t cover at least {@code share} (0..1) of the valid area.
     *
     * @param rowArea area of a cell in each row (m2)
     * @param rowDone told after each row is read (progress); it may throw {@link CancellationException} to stop
     */
    public static double topShareThreshold(RasterSource r, double[] rowArea, double share, IntConsumer rowDone) throws GisException {
        GridSpec g = r.grid();
        long n = (long) g.width() * g.height();
        if (n > MAX_CELLS) {
            throw new GisException(r.file(), "has " + n + " cells, too many for the exact top-share threshold",
                    "a threshold given as a value (--threshold)");
        }
        float[] all = new float[(int) n];
        float[] row = new float[g.width()];
        double total = 0;
        for (int y = 0; y < g.height(); y++) {
            r.readRows(y, 1, row);
            System.arraycopy(row, 0, all, y * g.width(), g.width());
            for (float f : row) {
                if (!Float.isNaN(f)) {
                    total += rowArea[y];
                }
            }
            rowDone.accept(y);
        }
        if (total == 0) {
            throw new GisException(r.file(), "has no valid cells", "a layer with values");
        }
        float[] sorted = all.clone();
        Arrays.sort(sorted); // NaNs sort last
        int valid = 0;
        while (valid < sorted.length && !Float.isNaN(sorted[valid])) {
            valid++;
        }
        double target = share * total;
        int lo = 0; // areaAtLeast(sorted[lo]) >= target always (it is the whole valid area)
        int hi = valid - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (areaAtLeast(all, g.width(), rowArea, sorted[mid]) >= target * (1 - 1e-12)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return sorted[lo];
    }

    private static double areaAtLeast(float[] all, int w, double[] rowArea, float t) {
        double s = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] >= t) {
                s += rowArea[i / w];
            }
        }
        return s;
    }
}
