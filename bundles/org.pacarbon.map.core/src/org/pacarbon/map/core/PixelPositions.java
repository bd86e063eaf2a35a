package org.pacarbon.map.core;

import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Where the centre of every pixel of a view falls under a coordinate transformation (a raster's cells or a tile
 * service's metres under a map in another CRS), found the way GDAL's warper does by default: exactly at a lattice of
 * pixels every {@link #STEP}, and interpolated between them where the interpolation is within an eighth of a pixel of the
 * exact positions. Transforming every pixel took 0.35-0.4 s a frame of 1200 x 690 pixels (Apache SIS, UTM to
 * geographic); the lattice and its checks are about 5 000 points.
 */
final class PixelPositions {
    /** Pixels between the lattice's points. */
    static final int STEP = 16;
    /** The largest error allowed, in pixels of the view (and in units of {@code cap}: see {@link #of}). */
    static final double TOLERANCE = 0.125;

    private PixelPositions() {
    }

    /** A mapping of points, in place: {@code n} (x, y) pairs; NaN where a point has no image. */
    interface Mapping {
        void apply(double[] xy, int n);
    }

    /** The mapping of a transformation: points it cannot transform (outside its domain) become NaN. */
    static Mapping of(MathTransform t) {
        return (xy, n) -> {
            try {
                t.transform(xy, 0, xy, 0, n);
            } catch (TransformException e) { // some points fail: one by one
                for (int i = 0; i < n; i++) {
                    try {
                        t.transform(xy, 2 * i, xy, 2 * i, 1);
                    } catch (TransformException ex) {
                        xy[2 * i] = Double.NaN;
                        xy[2 * i + 1] = Double.NaN;
                    }
                }
            }
        };
    }

    /**
     * The image of every pixel centre of the view ({@code (x, y)} pairs, row-major). A block of the lattice is
     * interpolated when its corners, its centre and its sides' middles all have an image and the interpolation misses
     * none of those by more than {@link #TOLERANCE} times the smaller of {@code cap} and the image's size of a pixel
     * there (so a raster's cells, {@code cap} 1, are placed to an eighth of a pixel close up and of a cell far away);
     * its pixels are mapped one by one otherwise (near a projection's edge, across the antimeridian).
     */
    static double[] of(MapRenderer.View view, Mapping m, double cap) {
        int w = view.width(), h = view.height();
        double[] out = new double[2 * w * h];
        int[] xs = lattice(w), ys = lattice(h);
        int nx = xs.length, ny = ys.length;
        if (nx < 2 || ny < 2) {
            exact(view, m, out, 0, w, 0, h);
            return out;
        }
        double[] lat = new double[2 * nx * ny];
        for (int j = 0, k = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++, k += 2) {
                lat[k] = view.mapX(xs[i]);
                lat[k + 1] = view.mapY(ys[j]);
            }
        }
        m.apply(lat, nx * ny);
        // five check points per block: its centre and the middles of its four sides
        int blocks = (nx - 1) * (ny - 1);
        double[] chk = new double[2 * 5 * blocks];
        for (int j = 0, b = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++, b++) {
                int xm = (xs[i] + xs[i + 1]) / 2, ym = (ys[j] + ys[j + 1]) / 2;
                int[] px = {xm, xm, xm, xs[i], xs[i + 1]}, py = {ym, ys[j], ys[j + 1], ym, ym};
                for (int c = 0; c < 5; c++) {
                    chk[2 * (5 * b + c)] = view.mapX(px[c]);
                    chk[2 * (5 * b + c) + 1] = view.mapY(py[c]);
                }
            }
        }
        m.apply(chk, 5 * blocks);
        for (int j = 0, b = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++, b++) {
                int x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
                int xe = i == nx - 2 ? x1 + 1 : x1, ye = j == ny - 2 ? y1 + 1 : y1; // the last blocks take the last pixels
                int c00 = 2 * (j * nx + i), c10 = c00 + 2, c01 = c00 + 2 * nx, c11 = c01 + 2;
                if (interpolable(lat, c00, c10, c01, c11, chk, 5 * b, x0, x1, y0, y1, cap)) {
                    for (int y = y0; y < ye; y++) {
                        double ty = (double) (y - y0) / (y1 - y0);
                        double lx = lat[c00] + (lat[c01] - lat[c00]) * ty, ly = lat[c00 + 1] + (lat[c01 + 1] - lat[c00 + 1]) * ty;
                        double rx = lat[c10] + (lat[c11] - lat[c10]) * ty, ry = lat[c10 + 1] + (lat[c11 + 1] - lat[c10 + 1]) * ty;
                        for (int x = x0, o = 2 * (y * w + x0); x < xe; x++, o += 2) {
                            double tx = (double) (x - x0) / (x1 - x0);
                            out[o] = lx + (rx - lx) * tx;
                            out[o + 1] = ly + (ry - ly) * tx;
                        }
                    }
                } else {
                    exact(view, m, out, x0, xe, y0, ye);
                }
            }
        }
        return out;
    }

    /** Whether the block's corners and check points say it can be interpolated (see {@link #of}). */
    private static boolean interpolable(double[] lat, int c00, int c10, int c01, int c11, double[] chk, int first, int x0,
            int x1, int y0, int y1, double cap) {
        for (int c : new int[] {c00, c10, c01, c11}) {
            if (!Double.isFinite(lat[c]) || !Double.isFinite(lat[c + 1])) {
                return false;
            }
        }
        // the image's size of a pixel along each side of the block, and the error allowed
        double sx = Math.hypot(lat[c10] - lat[c00], lat[c10 + 1] - lat[c00 + 1]) / (x1 - x0);
        double sy = Math.hypot(lat[c01] - lat[c00], lat[c01 + 1] - lat[c00 + 1]) / (y1 - y0);
        double tol = TOLERANCE * Math.min(cap, Math.min(sx, sy));
        int xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
        double[] tx = {xm, xm, xm, x0, x1}, ty = {ym, y0, y1, ym, ym};
        for (int c = 0; c < 5; c++) {
            double u = (tx[c] - x0) / (x1 - x0), v = (ty[c] - y0) / (y1 - y0);
            for (int d = 0; d < 2; d++) {
                double e = chk[2 * (first + c) + d];
                double a = (lat[c00 + d] * (1 - u) + lat[c10 + d] * u) * (1 - v) + (lat[c01 + d] * (1 - u) + lat[c11 + d] * u) * v;
                if (!(Math.abs(a - e) <= tol)) { // also false when the exact point has no image
                    return false;
                }
            }
        }
        return true;
    }

    /** Maps the pixels {@code x0 .. x1-1} x {@code y0 .. y1-1} one by one into {@code out}. */
    private static void exact(MapRenderer.View view, Mapping m, double[] out, int x0, int x1, int y0, int y1) {
        int n = x1 - x0;
        double[] row = new double[2 * n];
        for (int y = y0; y < y1; y++) {
            double my = view.mapY(y);
            for (int x = x0; x < x1; x++) {
                row[2 * (x - x0)] = view.mapX(x);
                row[2 * (x - x0) + 1] = my;
            }
            m.apply(row, n);
            System.arraycopy(row, 0, out, 2 * (y * view.width() + x0), 2 * n);
        }
    }

    /** Pixels 0, STEP, 2 STEP, ... and the last one ({@code n - 1}). */
    private static int[] lattice(int n) {
        int k = (n - 1 + STEP - 1) / STEP + 1;
        int[] p = new int[Math.max(1, k)];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(n - 1, i * STEP);
        }
        return p;
    }
}
