package org.pacarbon.carbon.core;

import java.util.Arrays;

/**
 * Trends of a quantity over years, as the trend tool reports them per category, per PA and per cell: Sen's slope
 * (the median of the slopes between every pair of years, robust to outliers) and the compound annual growth rate.
 */
public final class Trends {
    private Trends() {
    }

    /**
     * Sen's slope of the first {@code n} points (x: years, y: values): the median of {@code (y_j - y_i) / (x_j - x_i)}
     * over every pair with different x; NaN with fewer than two such points.
     */
    public static double sen(double[] x, double[] y, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double[] s = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    s[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        Arrays.sort(s, 0, k);
        return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
    }

    /**
     * The compound annual growth rate in percent from {@code first} in {@code year0} to {@code last} in {@code year1}:
     * {@code 100 ((last / first)^(1 / (year1 - year0)) - 1)}; NaN when the years do not increase, the first value is
     * not positive or the last is negative.
     */
    public static double cagrPercent(double first, double last, double year0, double year1) {
        return year1 > year0 && first > 0 && last >= 0 ? 100 * (Math.pow(last / first, 1.0 / (year1 - year0)) - 1) : Double.NaN;
    }
}
