package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.Arrays;

/** Class breaks for classified styles: equal interval, quantile and natural breaks (Jenks). */
public final class Classification {
    private Classification() {
    }

    /**
     * The 2 % quantiles of a raster's valid values for a display stretch: from its finest overview (means of 4 x 4
     * cells, up to 100 000 of them evenly spread) when it is big enough to have overviews - which drawing it needs
     * anyway, so the file is read once - else from {@link #sampledQuantiles}; {@code null} when no value is valid.
     */
    public static double @Nullable [] displayQuantiles(org.pacarbon.gis.core.raster.RasterSource src, boolean positiveOnly)
            throws org.pacarbon.gis.core.GisException {
        Overviews o = Overviews.of(src);
        if (o == null) {
            return sampledQuantiles(src, positiveOnly);
        }
        float[] v = o.levels().get(0).values();
        int step = Math.max(1, v.length / 100_000);
        double[] sample = new double[(v.length + step - 1) / step];
        int k = 0;
        for (int i = 0; i < v.length; i += step) {
            float x = v[i];
            if (!Float.isNaN(x) && (!positiveOnly || x > 0)) {
                sample[k++] = x;
            }
        }
        return k == 0 ? null : quantile(Arrays.copyOf(sample, k), 50);
    }

    /**
     * The 2 % quantiles (51 values, 0 % to 100 %) of an even sample of a raster's valid values (40 rows x 100
     * columns, so large rasters are not read whole), or {@code null} when the sample holds no valid value.
     *
     * @param positiveOnly  keep only values above 0 (for log-scaled styles)
     */
    public static double @Nullable [] sampledQuantiles(org.pacarbon.gis.core.raster.RasterSource src, boolean positiveOnly)
            throws org.pacarbon.gis.core.GisException {
        org.pacarbon.gis.core.raster.GridSpec g = src.grid();
        int rows = Math.min(40, g.height()), cols = Math.min(100, g.width());
        double[] sample = new double[rows * cols];
        int k = 0;
        float[] row = new float[g.width()];
        for (int i = 0; i < rows; i++) {
            src.readRows(rows == 1 ? 0 : (int) ((long) i * (g.height() - 1) / (rows - 1)), 1, row);
            for (int j = 0; j < cols; j++) {
                float v = row[cols == 1 ? 0 : (int) ((long) j * (g.width() - 1) / (cols - 1))];
                if (!Float.isNaN(v) && (!positiveOnly || v > 0)) {
                    sample[k++] = v;
                }
            }
        }
        return k == 0 ? null : quantile(Arrays.copyOf(sample, k), 50);
    }

    /** {@code n + 1} breaks from min to max in equal steps. */
    public static double[] equalInterval(double min, double max, int n) {
        double[] b = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            b[i] = min + (max - min) * i / n;
        }
        return b;
    }

    /** {@code n + 1} breaks at the quantiles of the values (NaN ignored). */
    public static double[] quantile(double[] values, int n) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] b = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double pos = (v.length - 1) * (double) i / n;
            int lo = (int) Math.floor(pos);
            int hi = (int) Math.ceil(pos);
            b[i] = v[lo] + (v[hi] - v[lo]) * (pos - lo);
        }
        return b;
    }

    /**
     * {@code n + 1} natural breaks (Jenks-Fisher optimal classification minimising the within-class sum of
     * squared deviations), computed exactly by dynamic programming on the sorted values (NaN ignored).
     */
    public static double[] naturalBreaks(double[] values, int n) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length > 2000) { // the exact algorithm is quadratic: classify an even sample of the sorted values
            double[] sample = new double[2000];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = v[(int) ((long) i * (v.length - 1) / (sample.length - 1))];
            }
            v = sample;
        }
        int m = v.length;
        if (m <= n) {
            return quantile(values, n);
        }
        double[] s1 = new double[m + 1], s2 = new double[m + 1];
        for (int i = 0; i < m; i++) {
            s1[i + 1] = s1[i] + v[i];
            s2[i + 1] = s2[i] + v[i] * v[i];
        }
        double[][] cost = new double[n + 1][m + 1];
        int[][] cut = new int[n + 1][m + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= n; k++) {
            for (int j = k; j <= m; j++) {
                for (int i = k - 1; i < j; i++) { // class k holds values i .. j-1
                    double c = cost[k - 1][i] + ssd(s1, s2, i, j);
                    if (c < cost[k][j]) {
                        cost[k][j] = c;
                        cut[k][j] = i;
                    }
                }
            }
        }
        double[] b = new double[n + 1];
        b[n] = v[m - 1];
        int j = m;
        for (int k = n; k >= 1; k--) {
            int i = cut[k][j];
            b[k - 1] = v[i];
            j = i;
        }
        b[0] = v[0];
        return b;
    }

    private static double ssd(double[] s1, double[] s2, int i, int j) {
        double sum = s1[j] - s1[i], sq = s2[j] - s2[i];
        return sq - sum * sum / (j - i);
    }
}
