package org.pacarbon.zonal.core;

import java.util.Arrays;

import javax.measure.Unit;
import javax.measure.quantity.Length;

import org.apache.sis.measure.Units;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeodeticCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.cs.CoordinateSystem;
import org.opengis.referencing.datum.Ellipsoid;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.eclipse.jdt.annotation.Nullable;

/**
 * True cell areas in square metres: constant on projected grids (cell width x height in metres), and per
 * row on geographic grids, from the area of the ellipsoidal zone between the row's two latitudes.
 */
public final class CellAreas {
    private CellAreas() {
    }

    /** The WGS 84 semi-major axis (m). */
    public static final double WGS84_A = 6378137.0;
    /** The WGS 84 inverse flattening. */
    public static final double WGS84_INVF = 298.257223563;

    /**
     * Area of each row's cells, in m2.
     *
     * @param grid  the grid
     * @param crs   the grid's CRS ((east, north) order)
     */
    public static double[] perRow(GridSpec grid, CoordinateReferenceSystem crs) throws GisException {
        double[] areas = new double[grid.height()];
        if (crs instanceof GeodeticCRS && !(crs instanceof ProjectedCRS)) {
            // WGS 84 is a datum ensemble in recent EPSG versions: getDatum() may be null, so ask SIS.
            Ellipsoid e = org.apache.sis.referencing.datum.DatumOrEnsemble.getEllipsoid(crs).orElse(null);
            if (e == null) {
                throw new GisException(null, "the geographic CRS " + org.pacarbon.gis.core.crs.CrsSupport.label(crs) + " has no ellipsoid", "a geographic CRS with a datum");
            }
            Unit<Length> axisUnit = e.getAxisUnit();
            double a = axisUnit.getConverterTo(Units.METRE).convert(e.getSemiMajorAxis());
            double invF = e.isSphere() ? Double.POSITIVE_INFINITY : e.getInverseFlattening();
            double degFactor = angularToDegrees(crs.getCoordinateSystem());
            for (int r = 0; r < areas.length; r++) {
                double lat1 = grid.y(r) * degFactor;
                double lat2 = grid.y(r + 1) * degFactor;
                areas[r] = ellipsoidalCellArea(lat1, lat2, Math.abs(grid.dx()) * degFactor, a, invF);
            }
        } else {
            double k = metresPerUnit(crs);
            double area = Math.abs(grid.dx() * grid.dy()) * k * k;
            java.util.Arrays.fill(areas, area);
        }
        return areas;
    }

    /**
     * The true area of every cell of a grid, and how it was found ({@link #method()}, for provenance): exact per row on
     * geographic grids; on projected grids the nominal area |dx dy| corrected per cell by the projection's areal scale
     * (the Jacobian of the inverse projection times the ellipsoid's area element), which is 1 on equal-area projections
     * (then the nominal area is used as is) and depends on the row only on cylindrical ones. The correction is
     * evaluated on a lattice of at most ~40 000 points and interpolated bilinearly between them (it is smooth: the
     * interpolation error is below 1e-5 of the area for lattice steps under 30 km).
     */
    public static final class Model implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] rows;
        private final double @Nullable [] lattice; // factor at lattice points, row-major, (lh x lw); null when uniform
        private final String method;

        // where each column and row falls between lattice points (x0, x1, tx per column; y0 * lw, y1 * lw, ty per row),
        // found once so that a cell's area is four look-ups and the interpolation (same arithmetic as per cell)
        private final int @Nullable [] colLo, colHi, rowLo, rowHi;
        private final double @Nullable [] colT, rowT;

        private Model(double[] rows, double @Nullable [] lattice, int step, int lw, int lh, String method) {
            this(rows, lattice, step, lw, lh, method, 0);
        }

        private Model(double[] rows, double @Nullable [] lattice, int step, int lw, int lh, String method, int width) {
            this.rows = rows;
            this.lattice = lattice;
            this.method = method;
            if (lattice == null) {
                colLo = colHi = rowLo = rowHi = null;
                colT = rowT = null;
                return;
            }
            int h = rows.length;
            int[] cl = new int[width], ch = new int[width], rl = new int[h], rh = new int[h];
            double[] ct = new double[width], rt = new double[h];
            place(width, step, lw, 1, cl, ch, ct);
            place(h, step, lh, lw, rl, rh, rt);
            colLo = cl;
            colHi = ch;
            colT = ct;
            rowLo = rl;
            rowHi = rh;
            rowT = rt;
        }

        /**
         * Where each of {@code n} columns (or rows) falls between the {@code points} lattice points along its axis: the
         * lower and upper point (times {@code stride}, the lattice's row length for rows) and the weight of the upper.
         */
        private static void place(int n, int step, int points, int stride, int[] lo, int[] hi, double[] t) {
            for (int i = 0; i < n; i++) {
                double f = (i + 0.5) / step - 0.5;
                int p0 = Math.max(0, Math.min(points - 2, (int) Math.floor(f)));
                t[i] = points == 1 ? 0 : f - p0;
                lo[i] = p0 * stride;
                hi[i] = Math.min(points - 1, p0 + 1) * stride;
            }
        }

        /** @return the area (m2) of each row's cells before the per-cell correction */
        public double[] rows() {
            return rows;
        }

        /** @return whether cells of one row differ in area (a non-equal-area projection) */
        public boolean perCell() {
            return lattice != null;
        }

        /** @return how areas were found, e.g. "ellipsoidal per row (geographic grid)" */
        public String method() {
            return method;
        }

        /** Area (m2) of cell (col, row). */
        public double area(int row, int col) {
            return lattice == null ? rows[row] : rows[row] * factor(row, col);
        }

        /**
         * Areas (m2) of the cells {@code c0 .. c1-1} of a row into {@code out[0 .. c1-c0-1]}: the same numbers as
         * {@link #area(int, int)}, a row at a time. The two lattice rows around the row are interpolated to every column
         * once per thread and kept ({@link Pair}): the rows between them (up to a lattice step, ~75 at 300 m) then cost one
         * weighted sum of two numbers per cell.
         */
        public void row(int row, int c0, int c1, double[] out) {
            double[] rowT = this.rowT;
            int[] rowLo = this.rowLo, rowHi = this.rowHi;
            double ra = rows[row];
            if (lattice == null || rowT == null || rowLo == null || rowHi == null) {
                Arrays.fill(out, 0, c1 - c0, ra);
                return;
            }
            Pair p = pair(rowLo[row], rowHi[row]);
            double ty = rowT[row], uy = 1 - ty;
            double[] lo = p.lo, hi = p.hi;
            for (int col = c0; col < c1; col++) {
                out[col - c0] = ra * (lo[col] * uy + hi[col] * ty);
            }
        }

        /**
         * The lattice's rows around some grid rows (offsets {@code r0} and {@code r1} into the lattice, as in
         * {@code rowLo} and {@code rowHi}), interpolated to every column: {@code lo[col]} and {@code hi[col]} with the arithmetic of {@link #factor}.
         */
        private static final class Pair {
            int r0 = -1;
            final double[] lo, hi;

            Pair(int width) {
                lo = new double[width];
                hi = new double[width];
            }
        }

        /** Each thread's last {@link Pair} (not serialized: made again where the model is used). */
        private transient volatile @Nullable ThreadLocal<Pair> pairs;

        private Pair pair(int r0, int r1) {
            ThreadLocal<Pair> t = pairs;
            if (t == null) {
                synchronized (this) {
                    t = pairs;
                    if (t == null) {
                        int width = colT == null ? 0 : colT.length;
                        t = ThreadLocal.withInitial(() -> new Pair(width));
                        pairs = t;
                    }
                }
            }
            Pair p = t.get();
            double[] lattice = this.lattice, colT = this.colT;
            int[] colLo = this.colLo, colHi = this.colHi;
            if (p.r0 != r0 && lattice != null && colT != null && colLo != null && colHi != null) {
                for (int col = 0; col < colT.length; col++) {
                    double tx = colT[col], ux = 1 - tx;
                    p.lo[col] = lattice[r0 + colLo[col]] * ux + lattice[r0 + colHi[col]] * tx;
                    p.hi[col] = lattice[r1 + colLo[col]] * ux + lattice[r1 + colHi[col]] * tx;
                }
                p.r0 = r0;
            }
            return p;
        }

        private double factor(int row, int col) {
            double[] lattice = this.lattice, colT = this.colT, rowT = this.rowT;
            int[] colLo = this.colLo, colHi = this.colHi, rowLo = this.rowLo, rowHi = this.rowHi;
            if (lattice == null || colT == null || rowT == null || colLo == null || colHi == null || rowLo == null || rowHi == null) {
                return 1;
            }
            double tx = colT[col], ux = 1 - tx, ty = rowT[row];
            int x0 = colLo[col], x1 = colHi[col], r0 = rowLo[row], r1 = rowHi[row];
            // along the lattice's two rows first, then between them: the arithmetic of row(..)
            double lo = lattice[r0 + x0] * ux + lattice[r0 + x1] * tx, hi = lattice[r1 + x0] * ux + lattice[r1 + x1] * tx;
            return lo * (1 - ty) + hi * ty;
        }
    }

    /** Difference of two longitudes in degrees, across the antimeridian if shorter. */
    private static double lonDiff(double a, double b) {
        double d = a - b;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }

    /** At most this many points of a grid get their areal scale computed; the others are interpolated. */
    private static final double LATTICE_POINTS = 40_000;

    /** A model with the given area per row and no per-cell correction (for callers that computed rows themselves). */
    public static Model ofRows(double[] rowAreas) {
        return new Model(rowAreas, null, 1, 0, 0, "given per row");
    }

    /** The cell-area model of a grid (see {@link Model}). */
    public static Model of(GridSpec grid, CoordinateReferenceSystem crs) throws GisException {
        double[] rows = perRow(grid, crs);
        if (!(crs instanceof ProjectedCRS p)) {
            return new Model(rows, null, 1, 0, 0,
                    crs instanceof GeodeticCRS ? "ellipsoidal per row (geographic grid)" : "nominal (|dx dy|, CRS without a datum)");
        }
        int w = grid.width(), h = grid.height();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) w * h / LATTICE_POINTS)));
        int lw = (w + step - 1) / step, lh = (h + step - 1) / step;
        lw = Math.max(lw, 1);
        lh = Math.max(lh, 1);
        double[] lat = new double[lw * lh];
        try {
            org.opengis.referencing.crs.GeographicCRS base = p.getBaseCRS();
            Ellipsoid e = org.apache.sis.referencing.datum.DatumOrEnsemble.getEllipsoid(base).orElse(null);
            if (e == null) {
                return new Model(rows, null, 1, 0, 0, "nominal (|dx dy|; the CRS has no ellipsoid)");
            }
            Unit<Length> axisUnit = e.getAxisUnit();
            double a = axisUnit.getConverterTo(Units.METRE).convert(e.getSemiMajorAxis());
            double e2 = e.isSphere() ? 0 : 1 - Math.pow(1 - 1 / e.getInverseFlattening(), 2);
            // the projection's own inverse (no search for coordinate operations in the EPSG database)
            org.opengis.referencing.operation.MathTransform inv = p.getConversionFromBase().getMathTransform().inverse();
            boolean latFirst = base.getCoordinateSystem().getAxis(0).getDirection() == org.opengis.referencing.cs.AxisDirection.NORTH
                    || base.getCoordinateSystem().getAxis(0).getDirection() == org.opengis.referencing.cs.AxisDirection.SOUTH;
            double toDeg = angularToDegrees(base.getCoordinateSystem());
            double k = metresPerUnit(crs);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            boolean rowsOnly = true;
            // the Jacobian by central differences over half a cell, all points transformed in one call:
            // per lattice point, (x+d, y), (x-d, y), (x, y+d), (x, y-d) and the point itself
            int n = lw * lh;
            double dx = Math.abs(grid.dx()) / 2, dy = Math.abs(grid.dy()) / 2;
            double[] pts = new double[n * 10];
            for (int j = 0; j < lh; j++) {
                for (int i = 0; i < lw; i++) {
                    double col = Math.min(w - 0.5, (i + 0.5) * step), row = Math.min(h - 0.5, (j + 0.5) * step);
                    double x = grid.x(col), y = grid.y(row);
                    int o = (j * lw + i) * 10;
                    pts[o] = x + dx;
                    pts[o + 1] = y;
                    pts[o + 2] = x - dx;
                    pts[o + 3] = y;
                    pts[o + 4] = x;
                    pts[o + 5] = y + dy;
                    pts[o + 6] = x;
                    pts[o + 7] = y - dy;
                    pts[o + 8] = x;
                    pts[o + 9] = y;
                }
            }
            inv.transform(pts, 0, pts, 0, n * 5);
            for (int q = 0; q < n * 5; q++) {
                double u = pts[2 * q] * toDeg, v = pts[2 * q + 1] * toDeg;
                pts[2 * q] = latFirst ? v : u;
                pts[2 * q + 1] = latFirst ? u : v;
            }
            for (int j = 0; j < lh; j++) {
                double firstOfRow = Double.NaN;
                for (int i = 0; i < lw; i++) {
                    int o = (j * lw + i) * 10;
                    double dLonDx = lonDiff(pts[o], pts[o + 2]) / (2 * dx), dLatDx = (pts[o + 1] - pts[o + 3]) / (2 * dx);
                    double dLonDy = lonDiff(pts[o + 4], pts[o + 6]) / (2 * dy), dLatDy = (pts[o + 5] - pts[o + 7]) / (2 * dy);
                    double det = Math.abs(dLonDx * dLatDy - dLonDy * dLatDx);
                    double phi = Math.toRadians(pts[o + 9]);
                    double sin = Math.sin(phi), w2 = 1 - e2 * sin * sin;
                    double mn = a * (1 - e2) / Math.pow(w2, 1.5) * a / Math.sqrt(w2);
                    // true area per square map unit: det (deg2 per unit2) x M N cos(phi) (m2 per rad2) x (pi/180)^2 / k^2
                    double f = det * mn * Math.cos(phi) * (Math.PI / 180) * (Math.PI / 180) / (k * k);
                    if (!Double.isFinite(f) || f <= 0) {
                        f = Double.NaN;
                    }
                    lat[j * lw + i] = f;
                    min = Math.min(min, f);
                    max = Math.max(max, f);
                    if (i == 0) {
                        firstOfRow = f;
                    } else if (Math.abs(f - firstOfRow) > 1e-9 * firstOfRow) {
                        rowsOnly = false;
                    }
                }
            }
            if (!(min > 0) || Double.isNaN(max)) {
                return new Model(rows, null, 1, 0, 0, "nominal (|dx dy|; the projection's scale is undefined on part of the grid)");
            }
            if (max - min <= 1e-7 * max && Math.abs(max - 1) < 1e-6) {
                return new Model(rows, null, 1, 0, 0, "nominal (|dx dy|, equal-area projection)");
            }
            return new Model(rows, lat, step, lw, lh, rowsOnly ? "per row from the projection's areal scale (cylindrical)"
                    : "per cell from the projection's areal scale (not an equal-area projection; lattice step " + step + ")", w);
        } catch (org.opengis.referencing.operation.TransformException | RuntimeException ex) {
            throw new GisException(null, "the cell areas of the grid in " + org.pacarbon.gis.core.crs.CrsSupport.label(crs)
                    + " cannot be computed: " + ex.getMessage(), "a projection that can be inverted over the grid", ex);
        }
    }

    /**
     * Area (m2) of a cell between latitudes {@code lat1} and {@code lat2} (degrees, any order) spanning
     * {@code dLonDeg} degrees of longitude, on an ellipsoid ({@code invF} infinite for a sphere): the
     * authalic-latitude formula, exact for the ellipsoid.
     */
    public static double ellipsoidalCellArea(double lat1, double lat2, double dLonDeg, double a, double invF) {
        double lo = Math.max(-90, Math.min(lat1, lat2));
        double hi = Math.min(90, Math.max(lat1, lat2));
        if (hi <= lo) {
            return 0;
        }
        double dLon = Math.toRadians(dLonDeg);
        if (Double.isInfinite(invF)) {
            return a * a * dLon * (Math.sin(Math.toRadians(hi)) - Math.sin(Math.toRadians(lo)));
        }
        double f = 1 / invF;
        double e2 = f * (2 - f);
        double e = Math.sqrt(e2);
        return a * a * (1 - e2) * dLon * (q(Math.toRadians(hi), e, e2) - q(Math.toRadians(lo), e, e2));
    }

    /** Integral of the zone area per radian of longitude, from the equator to latitude phi, divided by a2(1-e2). */
    private static double q(double phi, double e, double e2) {
        double s = Math.sin(phi);
        return s / (2 * (1 - e2 * s * s)) + Math.log((1 + e * s) / (1 - e * s)) / (4 * e);
    }

    private static double angularToDegrees(CoordinateSystem cs) {
        Unit<?> u = cs.getAxis(0).getUnit();
        if (u == null || u.equals(Units.DEGREE)) {
            return 1;
        }
        return u.asType(javax.measure.quantity.Angle.class).getConverterTo(Units.DEGREE).convert(1.0);
    }

    /** Metres per CRS unit along the first axis of a projected (or engineering) CRS. */
    public static double metresPerUnit(CoordinateReferenceSystem crs) throws GisException {
        Unit<?> u = crs.getCoordinateSystem().getAxis(0).getUnit();
        if (u == null) {
            return 1;
        }
        try {
            return u.asType(Length.class).getConverterTo(Units.METRE).convert(1.0);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new GisException(null, "the grid's axis unit '" + u + "' is not a length", "a projected CRS in metres or feet", e);
        }
    }
}
