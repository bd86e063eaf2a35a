package org.pacarbon.zonal.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.zonal.core.CellAreas;

/**
 * True cell areas on projections that do not keep areas. Expected values come from closed forms written here, not
 * from the code under test: the inverse of the Web Mercator projection (lat = atan(sinh(y/R)), lon = x/R) and the area
 * of an ellipsoidal zone between two latitudes (authalic latitude formula, Snyder 1987 eq. 3-12).
 */
class CellAreasTest {
    private static final double A = 6378137.0, F = 1 / 298.257223563, E2 = F * (2 - F), E = Math.sqrt(E2);

    /** Area (m2) on WGS 84 between two latitudes (degrees) over dLon degrees. */
    private static double zone(double lat1, double lat2, double dLonDeg) {
        return A * A * (1 - E2) * Math.toRadians(dLonDeg) * Math.abs(q(Math.toRadians(lat2)) - q(Math.toRadians(lat1))) / 1;
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        return s / (2 * (1 - E2 * s * s)) + Math.log((1 + E * s) / (1 - E * s)) / (4 * E);
    }

    /** A Web Mercator grid of w x h cells of d metres from (100E, ~20N). */
    private static GridSpec mercator(int w, int h, double d) {
        double x0 = Math.toRadians(100) * A, y0 = 2_273_030.9;
        return new GridSpec(w, h, x0, y0 + h * d, d, -d);
    }

    /** The true area of a cell of row r of a Web Mercator grid (the inverse projection's latitudes, then the zone). */
    private static double mercatorCell(GridSpec g, int r) {
        double latTop = Math.toDegrees(Math.atan(Math.sinh(g.y(r) / A)));
        double latBottom = Math.toDegrees(Math.atan(Math.sinh(g.y(r + 1) / A)));
        return zone(latBottom, latTop, Math.toDegrees(g.dx() / A));
    }

    /** The cell areas of a Web Mercator grid, which differ per cell (a projection that does not keep areas). */
    private static CellAreas.Model mercatorAreas(GridSpec g) throws Exception {
        CellAreas.Model m = CellAreas.of(g, CrsSupport.parse("EPSG:3857", null));
        assertTrue(m.perCell(), m.method());
        return m;
    }

    @Test
    void webMercatorCellsHaveTheirEllipsoidalArea() throws Exception {
        // 200 x 150 cells of 20 km
        double d = 20_000;
        GridSpec g = mercator(200, 150, d);
        CellAreas.Model m = mercatorAreas(g);
        double total = 0;
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                total += m.area(r, c);
            }
            double cell = mercatorCell(g, r); // each row against the closed form of its own cell
            assertEquals(cell, m.area(r, 77), cell * 1e-6, "row " + r);
        }
        double latN = Math.toDegrees(Math.atan(Math.sinh(g.maxY() / A)));
        double latS = Math.toDegrees(Math.atan(Math.sinh(g.minY() / A)));
        double expected = zone(latS, latN, Math.toDegrees(g.width() * d / A));
        assertEquals(expected, total, expected * 1e-6);
        // the nominal area would be ~37 % too large at these latitudes
        assertTrue(g.width() * g.height() * d * d > expected * 1.2);
    }

    /**
     * Grids big enough to be interpolated between lattice points (step 3): whole rows ({@link CellAreas.Model#row},
     * which keeps the lattice rows around the last row per thread) against the closed form on Web Mercator, and on UTM
     * every cell of rows asked in a scrambled order from several threads the same number as {@link CellAreas.Model#area}.
     */
    @Test
    void rowsOfAnInterpolatedGridMatchTheClosedFormAndTheCells() throws Exception {
        double d = 5_000;
        GridSpec g = mercator(700, 500, d);
        CellAreas.Model m = mercatorAreas(g);
        double[] row = new double[g.width()];
        for (int r = 0; r < g.height(); r += 7) {
            m.row(r, 0, g.width(), row);
            double cell = mercatorCell(g, r);
            for (int c = 0; c < g.width(); c += 31) {
                assertEquals(cell, row[c], cell * 1e-6, "row " + r + " col " + c);
            }
        }
        // UTM 48N, 3500 x 2500 km: the areal scale varies along the rows too
        GridSpec u = new GridSpec(700, 500, -1_000_000, 5_000_000, d, -d);
        CellAreas.Model um = CellAreas.of(u, CrsSupport.parse("EPSG:32648", null));
        assertTrue(um.method().contains("lattice step 3"), um.method());
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int r = 0; r < u.height(); r++) {
            rows.add(r);
        }
        java.util.Collections.shuffle(rows, new java.util.Random(5));
        long mismatches = rows.parallelStream().mapToLong(r -> {
            double[] out = new double[u.width() - 13];
            um.row(r, 13, u.width(), out); // a window that does not start at column 0
            long bad = 0;
            for (int c = 13; c < u.width(); c++) {
                if (Double.doubleToLongBits(out[c - 13]) != Double.doubleToLongBits(um.area(r, c))) {
                    bad++;
                }
            }
            return bad;
        }).sum();
        assertEquals(0, mismatches);
    }

    @Test
    void equalAreaProjectionsKeepTheNominalArea() throws Exception {
        CoordinateReferenceSystem albers = CrsSupport.parse("+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84", null);
        GridSpec g = new GridSpec(300, 200, -1_500_000, 5_000_000, 10_000, -10_000);
        CellAreas.Model m = CellAreas.of(g, albers);
        assertFalse(m.perCell(), m.method());
        assertEquals(1e8, m.area(10, 10), 1e-6);
    }

    @Test
    void feetAreConvertedAndConformalScaleApplied() throws Exception {
        // UTM 50N in US survey feet: a 1000 ft cell far from the central meridian
        CoordinateReferenceSystem ft = CrsSupport.parse("+proj=utm +zone=50 +datum=WGS84 +units=us-ft", null);
        CoordinateReferenceSystem m = CrsSupport.parse("+proj=utm +zone=50 +datum=WGS84", null);
        double ftm = 1200.0 / 3937.0;
        GridSpec gf = new GridSpec(10, 10, 100_000 / ftm, 4_000_000 / ftm, 1000, -1000);
        GridSpec gm = new GridSpec(10, 10, 100_000, 4_000_000, 1000 * ftm, -1000 * ftm);
        double af = CellAreas.of(gf, ft).area(5, 5), am = CellAreas.of(gm, m).area(5, 5);
        assertEquals(am, af, am * 1e-9); // the same ground cell, whatever the unit
        // UTM's scale 400 km west of the central meridian is k ~ 0.9996 * (1 + x^2 / 2R^2) > 1: the true area is smaller
        double nominal = (1000 * ftm) * (1000 * ftm);
        assertTrue(am < nominal * 0.9996, am + " vs " + nominal);
        assertTrue(am > nominal * 0.99, am + " vs " + nominal);
    }
}
