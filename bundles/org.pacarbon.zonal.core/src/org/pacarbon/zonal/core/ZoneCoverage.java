package org.pacarbon.zonal.core;

import java.util.Arrays;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.raster.GridSpec;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Exact coverage fractions of grid cells by one polygonal zone, computed band by band.
 *
 * <p>Method (in the spirit of exactextract): the zone's rings are put in grid coordinates (u = fractional
 * column, v = fractional row), oriented so that shells have positive and holes negative signed area. By
 * Green's theorem the area of the zone inside cell (c, r) is {@code -∮ (clamp(v, r, r+1) - r) du} over the
 * part of the boundary with u in [c, c+1] (the vertical cut lines add nothing, as du = 0 on them). So each
 * boundary edge is walked through the columns it crosses; in the rows it passes through, the integral is
 * computed exactly (the integrand is piecewise linear), and for all rows on the lower-v side of it the
 * integrand is the constant 1, which is added with a running sum down each column: the interior is filled
 * without testing any cell. Cost: the boundary's length in cells plus the window's cells.</p>
 */
public final class ZoneCoverage {
    private final double[] edges; // u1, v1, u2, v2 per edge (edges with du = 0 dropped)
    private final int edgeCount;
    private final int c0;
    private final int c1;
    private final int r0;
    private final int r1;
    private final double[][] rings; // closed rings in grid coordinates (u0, v0, u1, v1, ...), shells positive, holes negative

    private ZoneCoverage(double[] edges, int edgeCount, int c0, int c1, int r0, int r1, double[][] rings) {
        this.rings = rings;
        this.edges = edges;
        this.edgeCount = edgeCount;
        this.c0 = c0;
        this.c1 = c1;
        this.r0 = r0;
        this.r1 = r1;
    }

    /**
     * Prepares a zone.
     *
     * @param zone  a polygonal geometry (Polygon or MultiPolygon; other parts are ignored) in the grid's CRS,
     *              valid (non-overlapping parts)
     * @param grid  the grid
     * @return the coverage, or {@code null} if the zone does not touch the grid
     */
    public static @Nullable ZoneCoverage of(Geometry zone, GridSpec grid) {
        double[] e = new double[64];
        int n = 0;
        double umin = Double.POSITIVE_INFINITY, umax = Double.NEGATIVE_INFINITY;
        double vmin = Double.POSITIVE_INFINITY, vmax = Double.NEGATIVE_INFINITY;
        java.util.List<double[]> rings = new java.util.ArrayList<>();
        for (int p = 0; p < zone.getNumGeometries(); p++) {
            Geometry part = zone.getGeometryN(p);
            if (!(part instanceof Polygon poly) || poly.isEmpty()) {
                continue;
            }
            for (int k = -1; k < poly.getNumInteriorRing(); k++) {
                LineString ring = k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k);
                Coordinate[] cs = ring.getCoordinates();
                int m = cs.length;
                double[] us = new double[m];
                double[] vs = new double[m];
                double twiceArea = 0;
                for (int i = 0; i < m; i++) {
                    us[i] = grid.u(cs[i].x);
                    vs[i] = grid.v(cs[i].y);
                }
                for (int i = 0; i + 1 < m; i++) {
                    twiceArea += us[i] * vs[i + 1] - us[i + 1] * vs[i];
                }
                boolean wantPositive = k < 0;
                boolean reverse = (twiceArea > 0) != wantPositive;
                double[] gridRing = new double[2 * m];
                for (int i = 0; i < m; i++) {
                    int a = reverse ? m - 1 - i : i;
                    gridRing[2 * i] = us[a];
                    gridRing[2 * i + 1] = vs[a];
                }
                rings.add(gridRing);
                for (int i = 0; i + 1 < m; i++) {
                    int a = reverse ? m - 1 - i : i;
                    int b = reverse ? m - 2 - i : i + 1;
                    if (us[a] == us[b]) {
                        continue;
                    }
                    if (n * 4 + 4 > e.length) {
                        e = Arrays.copyOf(e, e.length * 2);
                    }
                    e[n * 4] = us[a];
                    e[n * 4 + 1] = vs[a];
                    e[n * 4 + 2] = us[b];
                    e[n * 4 + 3] = vs[b];
                    n++;
                }
                for (int i = 0; i < m; i++) {
                    umin = Math.min(umin, us[i]);
                    umax = Math.max(umax, us[i]);
                    vmin = Math.min(vmin, vs[i]);
                    vmax = Math.max(vmax, vs[i]);
                }
            }
        }
        if (n == 0) {
            return null;
        }
        int c0 = (int) Math.max(0, Math.floor(umin));
        int c1 = (int) Math.min(grid.width(), Math.ceil(umax));
        int r0 = (int) Math.max(0, Math.floor(vmin));
        int r1 = (int) Math.min(grid.height(), Math.ceil(vmax));
        if (c0 >= c1 || r0 >= r1) {
            return null;
        }
        return new ZoneCoverage(e, n, c0, c1, r0, r1, rings.toArray(new double[0][]));
    }

    /**
     * @return the zone's closed rings in grid coordinates, each {@code (u0, v0, u1, v1, ...)}, shells with positive and
     *         holes with negative signed area (u right, v down): the winding number is non-zero exactly inside the zone
     */
    double[][] rings() {
        return rings;
    }

    /** @return first column of the window */
    public int colStart() {
        return c0;
    }

    /** @return one past the last column of the window */
    public int colEnd() {
        return c1;
    }

    /** @return first row of the window */
    public int rowStart() {
        return r0;
    }

    /** @return one past the last row of the window */
    public int rowEnd() {
        return r1;
    }

    /**
     * Computes the coverage fractions of rows {@code rowA .. rowB-1} (within the window's rows) and the
     * window's columns into {@code out} (row-major, {@code (rowB-rowA) * (colEnd-colStart)} values in [0, 1]).
     */
    public void band(int rowA, int rowB, double[] out) {
        int w = c1 - c0;
        int h = rowB - rowA;
        Arrays.fill(out, 0, w * h, 0);
        // Constant contributions (integrand 1) go to rows rowA .. kTop-1 of a column: they start at rowA
        // (startAdd, dense over columns) and stop at kTop (a short list of (row, column, value), one per piece).
        double[] startAdd = new double[w];
        double[] colDiff = new double[w + 1];
        double[] colPartial = new double[w];
        int[] stopRow = new int[16];
        int[] stopCol = new int[16];
        double[] stopVal = new double[16];
        int stops = 0;
        for (int k = 0; k < edgeCount; k++) {
            double u1 = edges[4 * k], v1 = edges[4 * k + 1], u2 = edges[4 * k + 2], v2 = edges[4 * k + 3];
            double evmin = Math.min(v1, v2);
            double evmax = Math.max(v1, v2);
            if (evmax <= rowA) {
                continue; // integrand 0 in every row of the band
            }
            double lo = Math.max(Math.min(u1, u2), c0);
            double hi = Math.min(Math.max(u1, u2), c1);
            if (lo >= hi) {
                continue; // outside the window's columns
            }
            double sign = u2 > u1 ? -1 : 1; // contribution = -du over the piece
            if (evmin >= rowB) {
                // below the band (larger v): integrand 1 in every row of the band
                addRange(colDiff, colPartial, lo - c0, hi - c0, sign);
                continue;
            }
            double slope = (v2 - v1) / (u2 - u1);
            int cFirst = (int) Math.floor(lo);
            int cLast = (int) Math.ceil(hi) - 1;
            for (int c = cFirst; c <= cLast; c++) {
                double pa = Math.max(lo, c);
                double pb = Math.min(hi, c + 1);
                if (pb <= pa) {
                    continue;
                }
                double va = v1 + (pa - u1) * slope;
                double vb = v1 + (pb - u1) * slope;
                double pvmin = Math.min(va, vb);
                double pvmax = Math.max(va, vb);
                double len = pb - pa; // |du| of the piece
                int j = c - c0;
                // rows r with r + 1 <= pvmin: integrand 1
                int kTop = (int) Math.min(rowB, Math.floor(pvmin));
                if (kTop > rowA) {
                    startAdd[j] += sign * len;
                    if (kTop < rowB) {
                        if (stops == stopRow.length) {
                            stopRow = Arrays.copyOf(stopRow, stops * 2);
                            stopCol = Arrays.copyOf(stopCol, stops * 2);
                            stopVal = Arrays.copyOf(stopVal, stops * 2);
                        }
                        stopRow[stops] = kTop - rowA;
                        stopCol[stops] = j;
                        stopVal[stops] = sign * len;
                        stops++;
                    }
                }
                int rs = (int) Math.max(rowA, Math.floor(pvmin));
                int re = (int) Math.min(rowB, Math.ceil(pvmax));
                // orient the piece along the edge direction for the signed integral
                double ua = u2 > u1 ? pa : pb, ub = u2 > u1 ? pb : pa;
                double fa = u2 > u1 ? va : vb, fb = u2 > u1 ? vb : va;
                for (int r = rs; r < re; r++) {
                    out[(r - rowA) * w + j] -= integrate(ua, fa, ub, fb, r, r + 1);
                }
            }
        }
        // bucket the stops by row (counting sort), then one row-major pass adds the running constants
        int[] firstStop = new int[h + 1];
        for (int i = 0; i < stops; i++) {
            firstStop[stopRow[i] + 1]++;
        }
        for (int r = 0; r < h; r++) {
            firstStop[r + 1] += firstStop[r];
        }
        int[] order = new int[stops];
        int[] fill = Arrays.copyOf(firstStop, h + 1);
        for (int i = 0; i < stops; i++) {
            order[fill[stopRow[i]]++] = i;
        }
        double[] acc = new double[w];
        double run = 0;
        for (int j = 0; j < w; j++) {
            run += colDiff[j];
            acc[j] = startAdd[j] + run + colPartial[j];
        }
        for (int r = 0; r < h; r++) {
            for (int q = firstStop[r]; q < firstStop[r + 1]; q++) {
                int i = order[q];
                acc[stopCol[i]] -= stopVal[i];
            }
            int base = r * w;
            for (int j = 0; j < w; j++) {
                double v = out[base + j] + acc[j];
                out[base + j] = v < 1e-12 ? 0 : v > 1 ? 1 : v;
            }
        }
    }

    /** Adds {@code sign} times the length of [lo, hi] inside each column (local column coordinates). */
    private static void addRange(double[] colDiff, double[] colPartial, double lo, double hi, double sign) {
        int first = (int) Math.floor(lo);
        int last = (int) Math.ceil(hi) - 1;
        if (first == last) {
            colPartial[first] += sign * (hi - lo);
            return;
        }
        colPartial[first] += sign * (first + 1 - lo);
        colPartial[last] += sign * (hi - last);
        if (last - 1 >= first + 1) {
            colDiff[first + 1] += sign;
            colDiff[last] -= sign;
        }
    }

    /** ∫ from ua to ub of (clamp(v, lo, hi) - lo) du, v linear from va to vb. Signed by the direction of u. */
    static double integrate(double ua, double va, double ub, double vb, double lo, double hi) {
        double[] ts = new double[4];
        int n = 0;
        ts[n++] = 0;
        if (va != vb) {
            double tl = (lo - va) / (vb - va);
            double th = (hi - va) / (vb - va);
            if (tl > 0 && tl < 1) {
                ts[n++] = tl;
            }
            if (th > 0 && th < 1) {
                ts[n++] = th;
            }
        }
        ts[n++] = 1;
        Arrays.sort(ts, 0, n);
        double sum = 0;
        double du = ub - ua;
        for (int i = 0; i + 1 < n; i++) {
            double fa = clamp(va + (vb - va) * ts[i], lo, hi) - lo;
            double fb = clamp(va + (vb - va) * ts[i + 1], lo, hi) - lo;
            sum += (ts[i + 1] - ts[i]) * du * (fa + fb) / 2;
        }
        return sum;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
