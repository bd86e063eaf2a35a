package org.pacarbon.zonal.core;

import java.util.Arrays;

/**
 * Exact areas of boolean combinations of a few polygons inside one grid cell, for the cells where two or more
 * boundaries meet (overlapping PAs, a PA on the region's edge).
 *
 * <p>Method: every polygon's rings are clipped to the cell (Sutherland-Hodgman against each side; the clipped ring
 * may run back and forth along the cell's sides, but its winding number about every point inside the cell is the
 * original ring's, which is all that is used). The cell is cut into vertical slabs at every vertex and every
 * crossing of two edges; inside a slab no two edges cross, so sorting the edges that span it by their height at the
 * slab's middle gives trapezoids whose membership (non-zero winding per polygon) is constant. Summing the trapezoids'
 * areas by membership gives the exact area of each combination (up to floating-point rounding). Coordinates are grid
 * coordinates (u = fractional column, v = fractional row), so areas are fractions of the cell.</p>
 */
final class CellSweep {
    /** Edges of the current cell: u1 < u2 (vertical edges dropped); owner = polygon slot; dir = winding step. */
    private double[] eu1 = new double[64], ev1 = new double[64], eu2 = new double[64], ev2 = new double[64];
    private int[] owner = new int[64];
    private int[] dir = new int[64];
    private int edges;
    private double[] xs = new double[128];
    private double[] clipA = new double[256], clipB = new double[256];
    private int[] winding = new int[8];
    private Integer[] order = new Integer[0];
    private double[] vmid = new double[64];

    /** Starts a new cell with {@code slots} polygons. */
    void reset(int slots) {
        edges = 0;
        if (winding.length < slots) {
            winding = new int[slots];
        }
    }

    /**
     * Adds the rings of polygon {@code slot} clipped to the box [u0, u1] x [v0, v1].
     *
     * @param rings rings as from {@link ZoneCoverage#rings()} (or pieces already clipped to a larger box)
     */
    void addClipped(int slot, double[][] rings, double u0, double v0, double u1, double v1) {
        for (double[] ring : rings) {
            double[] r = clip(ring, ring.length / 2, u0, v0, u1, v1);
            int n = clippedLength;
            for (int i = 0; i + 1 < n; i++) {
                addEdge(slot, r[2 * i], r[2 * i + 1], r[2 * i + 2], r[2 * i + 3]);
            }
            if (n > 1) {
                addEdge(slot, r[2 * n - 2], r[2 * n - 1], r[0], r[1]);
            }
        }
    }

    /** Adds the box [u0, u1] x [v0, v1] itself as polygon {@code slot} (a polygon covering the whole cell). */
    void addBox(int slot, double u0, double v0, double u1, double v1) {
        addEdge(slot, u0, v0, u1, v0);
        addEdge(slot, u1, v1, u0, v1);
    }

    private void addEdge(int slot, double ua, double va, double ub, double vb) {
        if (ua == ub) {
            return;
        }
        if (edges == eu1.length) {
            int n = edges * 2;
            eu1 = Arrays.copyOf(eu1, n);
            ev1 = Arrays.copyOf(ev1, n);
            eu2 = Arrays.copyOf(eu2, n);
            ev2 = Arrays.copyOf(ev2, n);
            owner = Arrays.copyOf(owner, n);
            dir = Arrays.copyOf(dir, n);
        }
        if (ua < ub) {
            eu1[edges] = ua; ev1[edges] = va; eu2[edges] = ub; ev2[edges] = vb; dir[edges] = 1;
        } else {
            eu1[edges] = ub; ev1[edges] = vb; eu2[edges] = ua; ev2[edges] = va; dir[edges] = -1;
        }
        owner[edges] = slot;
        edges++;
    }

    /** Receives each piece of area with the winding numbers of the polygons over it. */
    interface Sink {
        void area(double a, int[] winding);
    }

    /** Sweeps the cell's edges between u0 and u1, reporting every trapezoid's area with its windings. */
    void sweep(double u0, double u1, int slots, Sink sink) {
        int nx = 0;
        if (xs.length < 2 * edges + 2) {
            xs = new double[4 * edges + 4];
        }
        xs[nx++] = u0;
        xs[nx++] = u1;
        for (int i = 0; i < edges; i++) {
            nx = addX(nx, eu1[i], u0, u1);
            nx = addX(nx, eu2[i], u0, u1);
        }
        for (int i = 0; i < edges; i++) {
            for (int j = i + 1; j < edges; j++) {
                if (eu2[i] <= eu1[j] || eu2[j] <= eu1[i]) {
                    continue;
                }
                double x = crossing(i, j);
                if (!Double.isNaN(x)) {
                    nx = addX(nx, x, u0, u1);
                }
            }
        }
        Arrays.sort(xs, 0, nx);
        if (order.length < edges) {
            order = new Integer[edges];
            vmid = new double[edges];
        }
        for (int s = 0; s + 1 < nx; s++) {
            double xl = xs[s], xr = xs[s + 1];
            if (!(xr - xl > 0)) {
                continue;
            }
            double xm = 0.5 * (xl + xr);
            int m = 0;
            for (int i = 0; i < edges; i++) {
                if (eu1[i] < xm && eu2[i] > xm) {
                    vmid[i] = at(i, xm);
                    order[m++] = i;
                }
            }
            if (m < 2) {
                continue;
            }
            Arrays.sort(order, 0, m, (a, b) -> Double.compare(vmid[a], vmid[b]));
            Arrays.fill(winding, 0, slots, 0);
            double w = xr - xl;
            for (int k = 0; k + 1 < m; k++) {
                int e = order[k];
                winding[owner[e]] += dir[e];
                int f = order[k + 1];
                double h = 0.5 * ((at(f, xl) - at(e, xl)) + (at(f, xr) - at(e, xr)));
                if (h > 0) {
                    sink.area(w * h, winding);
                }
            }
        }
    }

    private int addX(int nx, double x, double u0, double u1) {
        if (x > u0 && x < u1) {
            if (nx == xs.length) {
                xs = Arrays.copyOf(xs, nx * 2);
            }
            xs[nx++] = x;
        }
        return nx;
    }

    private double at(int i, double x) {
        double t = (x - eu1[i]) / (eu2[i] - eu1[i]);
        return ev1[i] + t * (ev2[i] - ev1[i]);
    }

    /** u of the proper crossing of edges i and j, or NaN. */
    private double crossing(int i, int j) {
        double ax = eu1[i], ay = ev1[i], bx = eu2[i] - ax, by = ev2[i] - ay;
        double cx = eu1[j], cy = ev1[j], dx = eu2[j] - cx, dy = ev2[j] - cy;
        double den = bx * dy - by * dx;
        if (den == 0) {
            return Double.NaN;
        }
        double t = ((cx - ax) * dy - (cy - ay) * dx) / den;
        double s = ((cx - ax) * by - (cy - ay) * bx) / den;
        if (t <= 0 || t >= 1 || s <= 0 || s >= 1) {
            return Double.NaN;
        }
        return ax + t * bx;
    }

    /** Length (in points) of the last {@link #clip} result. */
    private int clippedLength;

    /**
     * Sutherland-Hodgman clip of a closed ring of {@code n} points (the last may repeat the first) to a box; the
     * result is in a scratch array of {@link #clippedLength} points (not closed).
     */
    double[] clip(double[] ring, int n, double u0, double v0, double u1, double v1) {
        double[] in = ring;
        int len = n;
        if (len > 1 && ring[0] == ring[2 * n - 2] && ring[1] == ring[2 * n - 1]) {
            len--;
        }
        for (int side = 0; side < 4 && len > 0; side++) {
            double[] out = in == clipA ? clipB : clipA;
            if (out.length < 4 * len + 4) {
                out = new double[4 * len + 8];
                if (in == clipA) {
                    clipB = out;
                } else {
                    clipA = out;
                }
            }
            int m = 0;
            double pu = in[2 * len - 2], pv = in[2 * len - 1];
            boolean pin = inside(side, pu, pv, u0, v0, u1, v1);
            for (int i = 0; i < len; i++) {
                double cu = in[2 * i], cv = in[2 * i + 1];
                boolean cin = inside(side, cu, cv, u0, v0, u1, v1);
                if (cin != pin) {
                    double lim = side == 0 ? u0 : side == 1 ? u1 : side == 2 ? v0 : v1;
                    double t = side < 2 ? (lim - pu) / (cu - pu) : (lim - pv) / (cv - pv);
                    double iu = side < 2 ? lim : pu + t * (cu - pu);
                    double iv = side < 2 ? pv + t * (cv - pv) : lim;
                    out[2 * m] = iu;
                    out[2 * m + 1] = iv;
                    m++;
                }
                if (cin) {
                    out[2 * m] = cu;
                    out[2 * m + 1] = cv;
                    m++;
                }
                pu = cu;
                pv = cv;
                pin = cin;
            }
            in = out;
            len = m;
        }
        clippedLength = len;
        return in;
    }

    /**
     * Clips every ring to a box, returning closed rings (pieces for later clipping to boxes inside this one);
     * rings that vanish are dropped.
     */
    double[][] clipRings(double[][] rings, double u0, double v0, double u1, double v1) {
        double[][] out = new double[rings.length][];
        int k = 0;
        for (double[] ring : rings) {
            double[] r = clip(ring, ring.length / 2, u0, v0, u1, v1);
            int n = clippedLength;
            if (n < 3) {
                continue;
            }
            double[] closed = Arrays.copyOf(r, 2 * n + 2);
            closed[2 * n] = r[0];
            closed[2 * n + 1] = r[1];
            out[k++] = closed;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static boolean inside(int side, double u, double v, double u0, double v0, double u1, double v1) {
        switch (side) {
            case 0: return u >= u0;
            case 1: return u <= u1;
            case 2: return v >= v0;
            default: return v <= v1;
        }
    }
}
