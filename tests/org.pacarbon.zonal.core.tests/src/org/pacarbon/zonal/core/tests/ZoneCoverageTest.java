package org.pacarbon.zonal.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.zonal.core.ZoneCoverage;

/** Exact coverage fractions against answers worked out by hand and against JTS polygon intersection. */
class ZoneCoverageTest {
    private static final GeometryFactory GF = new GeometryFactory();
    /** 4 x 4 unit cells, north-up, x 0..4, y 0..4. */
    private static final GridSpec UNIT = new GridSpec(4, 4, 0, 4, 1, -1);

    static Polygon box(double x0, double y0, double x1, double y1) {
        return org.pacarbon.gis.core.vector.Geometries.box(x0, y0, x1, y1);
    }

    /** Full grid of fractions (4 x 4), row 0 = north. */
    static double[][] fractions(Geometry g, GridSpec grid) {
        double[][] out = new double[grid.height()][grid.width()];
        ZoneCoverage c = ZoneCoverage.of(g, grid);
        if (c == null) {
            return out;
        }
        int w = c.colEnd() - c.colStart();
        double[] buf = new double[(c.rowEnd() - c.rowStart()) * w];
        c.band(c.rowStart(), c.rowEnd(), buf);
        for (int r = c.rowStart(); r < c.rowEnd(); r++) {
            for (int j = 0; j < w; j++) {
                out[r][c.colStart() + j] = buf[(r - c.rowStart()) * w + j];
            }
        }
        return out;
    }

    @Test
    void rectangleCoversPartialCellsByTheirOverlap() {
        // x 0.5..2.5, y 0.5..1.5: rows 2 (y 1..2) and 3 (y 0..1), each half covered vertically.
        double[][] f = fractions(box(0.5, 0.5, 2.5, 1.5), UNIT);
        double[][] expected = {
            {0, 0, 0, 0},
            {0, 0, 0, 0},
            {0.25, 0.5, 0.25, 0},
            {0.25, 0.5, 0.25, 0}};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[r][c], f[r][c], 1e-12, "cell r" + r + " c" + c);
            }
        }
    }

    @Test
    void polygonSmallerThanOneCell() {
        // a triangle of area 0.125 inside cell (row 1, col 2)
        Polygon tri = GF.createPolygon(new Coordinate[] {new Coordinate(2.25, 2.25), new Coordinate(2.75, 2.25),
                new Coordinate(2.25, 2.75), new Coordinate(2.25, 2.25)});
        double[][] f = fractions(tri, UNIT);
        assertEquals(0.125, f[1][2], 1e-12);
        assertEquals(0.125, sum(f), 1e-12);
    }

    @Test
    void holeIsNotCovered() {
        Polygon withHole = GF.createPolygon(GF.createLinearRing(box(0, 0, 4, 4).getExteriorRing().getCoordinates()),
                new LinearRing[] {GF.createLinearRing(box(1, 1, 3, 3).getExteriorRing().getCoordinates())});
        double[][] f = fractions(withHole, UNIT);
        assertEquals(0, f[1][1], 1e-12);
        assertEquals(0, f[2][2], 1e-12);
        assertEquals(1, f[0][0], 1e-12);
        assertEquals(12, sum(f), 1e-12);
    }

    @Test
    void multipartSumsItsParts() {
        Geometry two = GF.createMultiPolygon(new Polygon[] {box(0, 3, 1, 4), box(2.5, 0, 4, 0.5)});
        double[][] f = fractions(two, UNIT);
        assertEquals(1, f[0][0], 1e-12);
        assertEquals(0.25, f[3][2], 1e-12);
        assertEquals(0.5, f[3][3], 1e-12);
        assertEquals(1.75, sum(f), 1e-12);
    }

    @Test
    void zoneReachingBeyondTheGridIsClipped() {
        double[][] f = fractions(box(-5, -5, 1.5, 1.5), UNIT);
        assertEquals(1, f[3][0], 1e-12);
        assertEquals(0.5, f[2][0], 1e-12);
        assertEquals(0.25, f[2][1], 1e-12);
        assertEquals(2.25, sum(f), 1e-12);
        assertNull(ZoneCoverage.of(box(10, 10, 11, 11), UNIT));
    }

    @Test
    void ringOrientationDoesNotMatter() {
        Polygon cw = (Polygon) box(0.5, 0.5, 2.5, 1.5).reverse();
        assertEquals(2.0, sum(fractions(cw, UNIT)), 1e-12);
    }

    @Test
    void randomPolygonsMatchJtsIntersectionCellByCell() {
        Random random = new Random(42);
        // non-unit cells, offset origin; one north-up and one south-up grid (as EDGAR NetCDF)
        GridSpec[] grids = {new GridSpec(20, 15, 1000, 2000, 30, -40), new GridSpec(20, 15, 1000, 1400, 30, 40)};
        for (GridSpec grid : grids) {
            for (int trial = 0; trial < 20; trial++) {
                Geometry poly = randomStar(random, 1000 + 300, 1700, 260, 3 + random.nextInt(40));
                if (trial % 3 == 0) {
                    poly = poly.difference(randomStar(random, 1300, 1700, 90, 7));
                }
                double[][] f = fractions(poly, grid);
                assertMatchesJts(poly, grid, f, "trial " + trial);
            }
        }
    }

    @Test
    void bandsGiveTheSameFractionsAsOnePass() {
        Geometry poly = randomStar(new Random(7), 2, 2, 1.9, 30);
        GridSpec grid = new GridSpec(40, 40, 0, 4, 0.1, -0.1);
        ZoneCoverage c = ZoneCoverage.of(poly, grid);
        int w = c.colEnd() - c.colStart();
        int h = c.rowEnd() - c.rowStart();
        double[] whole = new double[w * h];
        c.band(c.rowStart(), c.rowEnd(), whole);
        double[] part = new double[w * 7];
        for (int a = c.rowStart(); a < c.rowEnd(); a += 7) {
            int b = Math.min(c.rowEnd(), a + 7);
            c.band(a, b, part);
            for (int i = 0; i < (b - a) * w; i++) {
                assertEquals(whole[(a - c.rowStart()) * w + i], part[i], 1e-12);
            }
        }
        assertEquals(poly.getArea() / 0.01, sumArray(whole), 1e-9);
    }

    @Test
    void runsOfABandMatchJtsIntersectionCellByCell() {
        Random random = new Random(11);
        // wide grids (long runs of whole cells between the boundaries), north-up and south-up
        GridSpec[] grids = {new GridSpec(90, 24, 0, 2400, 100, -100), new GridSpec(90, 24, 0, 0, 100, 100)};
        for (GridSpec grid : grids) {
            for (int trial = 0; trial < 12; trial++) {
                double cy = 1200;
                Geometry poly = randomStar(random, 4500, cy, 1150, 5 + random.nextInt(60)).union(
                        randomStar(random, 2000 + random.nextInt(5000), cy, 700, 3 + random.nextInt(20)));
                if (trial % 2 == 0) {
                    poly = poly.difference(randomStar(random, 4500, cy, 350, 9)); // a hole
                }
                if (trial % 3 == 0) { // a second part far to the east, on cell edges
                    poly = poly.union(box(8000, 300, 8900, 2100));
                }
                ZoneCoverage c = ZoneCoverage.of(poly, grid);
                double[][] got = new double[grid.height()][grid.width()];
                int bandRows = 1 + trial % 7;
                ZoneCoverage.Runs runs = new ZoneCoverage.Runs();
                for (int a = c.rowStart(); a < c.rowEnd(); a += bandRows) {
                    int b = Math.min(c.rowEnd(), a + bandRows);
                    c.bandRuns(a, b, runs);
                    for (int i = 0; i < b - a; i++) {
                        int last = c.colStart();
                        for (int q = runs.first(i); q < runs.first(i + 1); q++) {
                            assertTrue(runs.start(q) >= last && runs.end(q) > runs.start(q) && runs.end(q) <= c.colEnd(),
                                    "runs in column order, inside the window: trial " + trial);
                            assertTrue(runs.value(q) > 0 && runs.value(q) <= 1, "a run's coverage " + runs.value(q));
                            for (int col = runs.start(q); col < runs.end(q); col++) {
                                got[a + i][col] = runs.value(q);
                            }
                            last = runs.end(q);
                        }
                    }
                }
                assertMatchesJts(poly, grid, got, "trial " + trial + " in runs of " + bandRows + " rows");
            }
        }
    }

    /** Each cell's fraction against the area of JTS's intersection of the polygon and the cell (1e-9). */
    static void assertMatchesJts(Geometry poly, GridSpec grid, double[][] fractions, String what) {
        double cellArea = Math.abs(grid.dx() * grid.dy());
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                double x0 = grid.x(c), x1 = grid.x(c + 1), y0 = grid.y(r), y1 = grid.y(r + 1);
                Polygon cell = box(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
                double expected = poly.intersection(cell).getArea() / cellArea;
                assertEquals(expected, fractions[r][c], 1e-9, what + " cell r" + r + " c" + c + " grid " + grid);
            }
        }
    }

    static Geometry randomStar(Random random, double cx, double cy, double radius, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double rr = radius * (0.3 + 0.7 * random.nextDouble());
            cs[i] = new Coordinate(cx + rr * Math.cos(angle), cy + rr * Math.sin(angle));
        }
        cs[n] = cs[0];
        return GF.createPolygon(cs);
    }

    static double sum(double[][] f) {
        double s = 0;
        for (double[] row : f) {
            s += sumArray(row);
        }
        return s;
    }

    static double sumArray(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
