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
        Work bw = WORK.get();
        edges(rowA, rowB, bw);
        Arrays.fill(out, 0, w * h, 0);
        Cells x = bw.crossings;
        for (int i = 0; i < x.n; i++) {
            out[x.row[i] * w + x.col[i]] -= x.val[i];
        }
        double[] acc = bw.constants(w);
        bw.bucketStops(h);
        for (int r = 0; r < h; r++) {
            bw.applyStops(r);
            int base = r * w;
            for (int j = 0; j < w; j++) {
                double v = out[base + j] + acc[j];
                out[base + j] = v < 1e-12 ? 0 : v > 1 ? 1 : v;
            }
        }
    }

    /**
     * Coverage of a band as runs per row, for zones much wider than their boundary is long in a band (a region): the
     * same values as {@link #band} (but for values within {@link #SNAP} of 1, which are 1 here), found without
     * visiting every cell. Only the columns where the boundary changes something (cells the edges cross, and the
     * columns where the running constants change) are evaluated; between them the coverage is 0 or 1.
     *
     * @param spans receives, per row of the band, runs of grid columns with one coverage each (0 left out)
     */
    public void bandRuns(int rowA, int rowB, Runs spans) {
        int w = c1 - c0;
        int h = rowB - rowA;
        Work bw = WORK.get();
        edges(rowA, rowB, bw);
        // the event columns: where a constant starts or stops, or an edge crosses a cell of the band
        boolean[] ev = bw.events;
        Arrays.fill(ev, 0, w, false);
        for (int i = 0; i < bw.stops.n; i++) {
            ev[bw.stops.col[i]] = true;
        }
        for (int i = 0; i < bw.crossings.n; i++) {
            ev[bw.crossings.col[i]] = true;
        }
        double[] acc = bw.constants(w);
        int[] evCol = bw.evCol;
        double[] after = bw.after; // the coverage of the columns after each event column, up to the next one
        int ne = 0;
        double run = 0;
        for (int j = 0; j < w; j++) {
            double d = bw.colDiff[j];
            run += d;
            if (ev[j] || d != 0 || bw.startAdd[j] != 0 || bw.colPartial[j] != 0) {
                evCol[ne] = j;
                after[ne] = run;
                ne++;
            }
        }
        // the crossed cells row by row, each row's in column order (a cell's own integrals in edge order)
        int[] firstX = bw.firstCrossing(h);
        long[] xKeys = bw.xKeys;
        bw.bucketStops(h);
        spans.reset(h);
        for (int r = 0; r < h; r++) {
            bw.applyStops(r);
            int x = firstX[r], xEnd = firstX[r + 1];
            for (int k = 0; k < ne; k++) {
                int j = evCol[k];
                double crossed = 0;
                while (x < xEnd && (int) (xKeys[x] >>> 32) == j) {
                    crossed -= bw.crossings.val[(int) xKeys[x]];
                    x++;
                }
                double v = crossed + acc[j];
                spans.add(c0 + j, c0 + j + 1, v < 1e-12 ? 0 : v >= SNAP ? 1 : v);
                int next = k + 1 < ne ? evCol[k + 1] : w;
                if (next > j + 1 && after[k] >= SNAP) { // between event columns: 0 or a whole number (clamped to 1)
                    spans.add(c0 + j + 1, c0 + next, 1);
                }
            }
            spans.endRow();
        }
    }

    /** Coverage at or above this is 1 in {@link #bandRuns} (coverage fractions carry rounding of about 1e-15). */
    public static final double SNAP = 1 - 1e-12;

    /** Runs of columns with one coverage value each, per row of a band ({@link #bandRuns}). */
    public static final class Runs {
        private int rows;
        private int[] first = new int[17];
        private int[] start = new int[64];
        private int[] end = new int[64];
        private double[] value = new double[64];
        private int n;

        void reset(int h) {
            if (first.length < h + 1) {
                first = new int[h + 1];
            }
            rows = 0;
            n = 0;
            first[0] = 0;
        }

        /** Adds columns [a, b) of the current row with coverage v (nothing when v is 0; joins runs of 1). */
        void add(int a, int b, double v) {
            if (v == 0) {
                return;
            }
            if (v == 1 && n > first[rows] && end[n - 1] == a && value[n - 1] == 1) {
                end[n - 1] = b;
                return;
            }
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                end = Arrays.copyOf(end, n * 2);
                value = Arrays.copyOf(value, n * 2);
            }
            start[n] = a;
            end[n] = b;
            value[n] = v;
            n++;
        }

        void endRow() {
            rows++;
            first[rows] = n;
        }

        /** @return the first run of row {@code i} of the band (its runs are {@code first(i) .. first(i+1)-1}) */
        public int first(int i) {
            return first[i];
        }

        /** @return the first column of run q */
        public int start(int q) {
            return start[q];
        }

        /** @return one past the last column of run q */
        public int end(int q) {
            return end[q];
        }

        /** @return the coverage of every cell of run q, in (0, 1] */
        public double value(int q) {
            return value[q];
        }
    }

    /** A growing list of (row of the band, column of the window, value). */
    private static final class Cells {
        int[] row;
        int[] col;
        double[] val;
        int n;

        Cells(int capacity) {
            row = new int[capacity];
            col = new int[capacity];
            val = new double[capacity];
        }

        void add(int r, int c, double v) {
            if (n == row.length) {
                row = Arrays.copyOf(row, n * 2);
                col = Arrays.copyOf(col, n * 2);
                val = Arrays.copyOf(val, n * 2);
            }
            row[n] = r;
            col[n] = c;
            val[n] = v;
            n++;
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /**
     * One band's boundary work (kept per thread): per-column constants, the stops (a constant that ends inside the
     * band), and the integrals of the edges over the cells they cross, in edge order.
     */
    private static final class Work {
        double[] startAdd = new double[0];
        double[] colDiff = new double[1];
        double[] colPartial = new double[0];
        double[] acc = new double[0];
        boolean[] events = new boolean[0];
        int[] evCol = new int[0];
        double[] after = new double[0];
        final Cells stops = new Cells(16);
        int[] firstStop = new int[0];
        int[] order = new int[0];
        final Cells crossings = new Cells(64);
        int[] firstX = new int[0];
        int[] xOrder = new int[0];
        long[] xKeys = new long[0];

        /** Empties the work for a band of w columns. */
        void reset(int w) {
            if (startAdd.length < w) {
                startAdd = new double[w];
                colDiff = new double[w + 1];
                colPartial = new double[w];
                acc = new double[w];
                events = new boolean[w];
                evCol = new int[w];
                after = new double[w];
            } else {
                Arrays.fill(startAdd, 0, w, 0);
                Arrays.fill(colDiff, 0, w + 1, 0);
                Arrays.fill(colPartial, 0, w, 0);
            }
            stops.n = 0;
            crossings.n = 0;
        }

        /** @return each column's constant at the band's first row (stops not yet applied), in {@link #acc} */
        double[] constants(int w) {
            double run = 0;
            for (int j = 0; j < w; j++) {
                run += colDiff[j];
                acc[j] = startAdd[j] + run + colPartial[j];
            }
            return acc;
        }

        /** Buckets the stops by row (counting sort, each row's in the order they came). */
        void bucketStops(int h) {
            if (firstStop.length < h + 1) {
                firstStop = new int[h + 1];
            }
            order = byRow(stops.row, stops.n, h, firstStop, order);
        }

        /**
         * Counting sort of items {@code 0 .. n-1} by their row (0 .. h-1): sets {@code first} (h + 1 offsets) and
         * returns the items row by row, each row's in their own order ({@code into}, or a bigger array).
         */
        private static int[] byRow(int[] row, int n, int h, int[] first, int[] into) {
            Arrays.fill(first, 0, h + 1, 0);
            for (int i = 0; i < n; i++) {
                first[row[i] + 1]++;
            }
            for (int r = 0; r < h; r++) {
                first[r + 1] += first[r];
            }
            int[] out = into.length < n ? new int[Math.max(n, 2 * into.length)] : into;
            int[] fill = Arrays.copyOf(first, h + 1);
            for (int i = 0; i < n; i++) {
                out[fill[row[i]]++] = i;
            }
            return out;
        }

        /** Ends the constants that stop at row r of the band. */
        void applyStops(int r) {
            for (int q = firstStop[r]; q < firstStop[r + 1]; q++) {
                int i = order[q];
                acc[stops.col[i]] -= stops.val[i];
            }
        }

        /**
         * Orders the crossings by row, and in a row by column (a cell's in edge order), as keys {@code column << 32 |
         * index} in {@link #xKeys}.
         *
         * @return the first key of each row (h + 1 entries)
         */
        int[] firstCrossing(int h) {
            if (firstX.length < h + 1) {
                firstX = new int[h + 1];
            }
            xOrder = byRow(crossings.row, crossings.n, h, firstX, xOrder);
            if (xKeys.length < crossings.n) {
                xKeys = new long[Math.max(crossings.n, 2 * xKeys.length)];
            }
            for (int k = 0; k < crossings.n; k++) {
                int i = xOrder[k];
                xKeys[k] = ((long) crossings.col[i] << 32) | i;
            }
            for (int r = 0; r < h; r++) {
                Arrays.sort(xKeys, firstX[r], firstX[r + 1]);
            }
            return firstX;
        }
    }

    /**
     * The boundary's part of a band: for each edge, its integrals over the cells it crosses in the band's rows, and
     * the constants (integrand 1) it adds to the rows above it - from the band's first row (startAdd, per column) to
     * the row where it passes (a stop), or to every row of the band for an edge below it (colDiff, colPartial).
     */
    private void edges(int rowA, int rowB, Work bw) {
        bw.reset(c1 - c0);
        double[] startAdd = bw.startAdd;
        double[] colDiff = bw.colDiff;
        double[] colPartial = bw.colPartial;
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
                        bw.stops.add(kTop - rowA, j, sign * len);
                    }
                }
                int rs = (int) Math.max(rowA, Math.floor(pvmin));
                int re = (int) Math.min(rowB, Math.ceil(pvmax));
                // orient the piece along the edge direction for the signed integral
                double ua = u2 > u1 ? pa : pb, ub = u2 > u1 ? pb : pa;
                double fa = u2 > u1 ? va : vb, fb = u2 > u1 ? vb : va;
                for (int r = rs; r < re; r++) {
                    bw.crossings.add(r - rowA, j, integrate(ua, fa, ub, fb, r, r + 1));
                }
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
        // the integrand is linear between the points where v crosses lo or hi: at most two inside (0, 1), in order
        double t1 = 1, t2 = 1;
        if (va != vb) {
            double tl = (lo - va) / (vb - va);
            double th = (hi - va) / (vb - va);
            boolean inL = tl > 0 && tl < 1, inH = th > 0 && th < 1;
            if (inL && inH) {
                t1 = Math.min(tl, th);
                t2 = Math.max(tl, th);
            } else if (inL) {
                t1 = tl;
            } else if (inH) {
                t1 = th;
            }
        }
        double du = ub - ua;
        double f0 = clamp(va + (vb - va) * 0.0, lo, hi) - lo;
        double f1 = clamp(va + (vb - va) * t1, lo, hi) - lo;
        double sum = 0;
        sum += (t1 - 0.0) * du * (f0 + f1) / 2;
        if (t1 < 1) {
            double f2 = clamp(va + (vb - va) * t2, lo, hi) - lo;
            sum += (t2 - t1) * du * (f1 + f2) / 2;
            if (t2 < 1) {
                double f3 = clamp(va + (vb - va) * 1.0, lo, hi) - lo;
                sum += (1.0 - t2) * du * (f2 + f3) / 2;
            }
        }
        return sum;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
