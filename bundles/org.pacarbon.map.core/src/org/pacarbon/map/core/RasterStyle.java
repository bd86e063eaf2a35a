package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;

/**
 * How a raster layer is coloured: a ramp stretched from {@code min} to {@code max}, linearly or on a log
 * scale, optionally classified by breaks (each class takes the ramp colour of its middle). Nodata is transparent.
 *
 * @param ramp    the ramp
 * @param min     value at the start of the ramp
 * @param max     value at the end of the ramp
 * @param log     whether the stretch is logarithmic (values at or below 0 take the first colour)
 * @param breaks  class breaks (ascending, n + 1 of them) or {@code null} for a continuous style
 * @param unit    unit shown in the legend
 */
public record RasterStyle(ColorRamp ramp, double min, double max, boolean log, double @Nullable [] breaks, String unit) {

    /** The stretch position in [0, 1] of a value. */
    public double position(double v) {
        double[] breaks = this.breaks;
        if (breaks != null) {
            int n = breaks.length - 1;
            for (int i = 0; i < n; i++) {
                if (v <= breaks[i + 1] || i == n - 1) {
                    return n == 1 ? 0.5 : (double) i / (n - 1);
                }
            }
        }
        if (log) {
            double lo = Math.log10(Math.max(min, Double.MIN_NORMAL)), hi = Math.log10(max);
            return v <= 0 ? 0 : (Math.log10(v) - lo) / (hi - lo);
        }
        return (v - min) / (max - min);
    }

    /**
     * A colour table for drawing many cells: 1024 colours along the ramp for continuous styles (a cell's colour is
     * the nearest of them; exact at both ends), or null for classified styles (which use {@link #argb}).
     */
    public int @Nullable [] lookupTable() {
        if (breaks != null) {
            return null;
        }
        int[] lut = new int[1024];
        for (int i = 0; i < lut.length; i++) {
            Color c = ramp.at(i / 1023.0);
            lut[i] = 0xff000000 | (c.getRed() << 16) | (c.getGreen() << 8) | c.getBlue();
        }
        return lut;
    }

    /** As {@link #argb}, through a table made by {@link #lookupTable} (null: {@link #argb} itself). */
    public int argb(float v, int @Nullable [] lut) {
        if (lut == null) {
            return argb(v);
        }
        if (Float.isNaN(v) || (log && v <= 0)) {
            return 0;
        }
        double p = position(v);
        int i = p <= 0 ? 0 : p >= 1 ? 1023 : (int) (p * 1023 + 0.5);
        return lut[i];
    }

    /** The colour of a value as ARGB; 0 (transparent) for NaN, and on log scales for values at or below 0. */
    public int argb(float v) {
        if (Float.isNaN(v) || (log && v <= 0)) {
            return 0;
        }
        Color c = ramp.at(position(v));
        return 0xff000000 | (c.getRed() << 16) | (c.getGreen() << 8) | c.getBlue();
    }
}
