package org.pacarbon.zonal.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.zonal.core.CategoryEngine;
import org.pacarbon.zonal.core.CellAreas;
import org.pacarbon.zonal.core.ZonalEngine;
import org.pacarbon.zonal.core.ZoneStats;

/**
 * The per-cell categories (class precedence, protected, unprotected, region clip) against the same categories made
 * the slow, independent way: JTS overlays of the whole polygons, each measured as one zone, and their JTS areas.
 */
class CategoryEngineTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void twoOverlappingSquaresByHand() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        GridSpec grid = new GridSpec(4, 4, 0, 4, 1, -1);
        float[] v = new float[16];
        java.util.Arrays.fill(v, 2f);
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, utm, v, null);
        // class 0: [0.5, 2.5]^2 (area 4); class 1: [1.5, 3.5]^2 (area 4, of which 1 under class 0);
        // region: x 0..4, y 0..3.25 (area 13): clips 0.25 x 2 off the top of class 1, none of class 0
        Geometry a = ZoneCoverageTest.box(0.5, 0.5, 2.5, 2.5);
        Geometry b = ZoneCoverageTest.box(1.5, 1.5, 3.5, 3.5);
        Geometry region = ZoneCoverageTest.box(0, 0, 4, 3.25);
        CategoryEngine.Result r = CategoryEngine.run(raster, new CategoryEngine.PolygonRegion(region), List.of(a, b),
                new int[] {0, 1}, 2, CellAreas.perRow(grid, utm), null, null);
        assertEquals(4, r.classes()[0].coveredArea(), 1e-12);
        assertEquals(4 - 1 - 0.5, r.classes()[1].coveredArea(), 1e-12);
        assertEquals(13 - 4 - 2.5, r.outside().coveredArea(), 1e-12);
        assertEquals(13, r.region().coveredArea(), 1e-12);
        assertEquals(2 * 13, r.region().sumTimesArea(), 1e-12);
        // single zones keep their whole polygons, region or not
        assertEquals(4, r.zones()[1].coveredArea(), 1e-12);
    }

    /**
     * The same inputs give the same statistics to the last bit however many threads measure the bands and whichever
     * finishes first: 60 overlapping stars over 400 rows (25 bands of 16 rows per block), a polygon region, measured in
     * pools of 1, 2 and 4 threads, three times each.
     */
    @Test
    void theSameInputsGiveTheSameBitsOnAnyNumberOfThreads() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        GridSpec grid = new GridSpec(300, 400, 500000, 4400000, 1000, -1000);
        Random rnd = new Random(11);
        float[] v = new float[300 * 400];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(50) == 0 ? Float.NaN : (float) (rnd.nextDouble() * 1e3);
        }
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, utm, v, null);
        List<Geometry> zones = new ArrayList<>();
        int[] classOf = new int[60];
        for (int i = 0; i < 60; i++) {
            zones.add(ZoneCoverageTest.randomStar(rnd, 500000 + rnd.nextDouble() * 300000, 4000000 + rnd.nextDouble() * 400000,
                    20000 + rnd.nextDouble() * 90000, 7 + rnd.nextInt(20)));
            classOf[i] = i % 3 - 1; // classes 0 and 1, and zones in no class
        }
        CategoryEngine.Region region = new CategoryEngine.PolygonRegion(
                ZoneCoverageTest.randomStar(rnd, 650000, 4200000, 170000, 40));
        double[] areas = CellAreas.perRow(grid, utm);
        List<double[]> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4, 1, 2, 4, 1, 2, 4}) {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                CategoryEngine.Result r = pool.submit(() -> CategoryEngine.run(raster, region, zones, classOf, 2, areas, null, null)).get();
                List<ZoneStats> all = new ArrayList<>(List.of(r.zones()));
                all.addAll(List.of(r.classes()));
                all.add(r.outside());
                double[] bits = new double[6 * all.size()];
                for (int i = 0; i < all.size(); i++) {
                    ZoneStats z = all.get(i);
                    double[] one = {z.coveredArea(), z.validArea(), z.sumTimesArea(), z.sumTimesCoverage(), z.min(), z.max()};
                    System.arraycopy(one, 0, bits, 6 * i, 6);
                }
                runs.add(bits);
            } finally {
                pool.shutdown();
            }
        }
        assertTrue(runs.get(0)[6 * 60] > 0, "class 0 covers cells");
        for (int k = 1; k < runs.size(); k++) {
            for (int i = 0; i < runs.get(0).length; i++) {
                assertEquals(Double.doubleToRawLongBits(runs.get(0)[i]), Double.doubleToRawLongBits(runs.get(k)[i]),
                        "run " + k + ", number " + i + ": " + runs.get(0)[i] + " against " + runs.get(k)[i]);
            }
        }
    }

    @Test
    void randomOverlappingZonesAgreeWithJtsOverlays() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        for (int seed = 1; seed <= 40; seed++) {
            Random rnd = new Random(seed);
            GridSpec grid = new GridSpec(48, 36, 1000, 1000 + 36 * 10, 10, -10);
            check(seed, rnd, grid, utm, false);
        }
    }

    @Test
    void randomZonesOnALonLatGridAndWithAMaskRegion() throws Exception {
        for (int seed = 100; seed < 110; seed++) {
            Random rnd = new Random(seed);
            // 0.25 degree cells from 100E, 40N southwards: cell areas change from row to row
            GridSpec grid = new GridSpec(48, 36, 100, 40, 0.25, -0.25);
            check(seed, rnd, grid, CrsSupport.lonLat(), seed % 2 == 0);
        }
    }

    private static void check(int seed, Random rnd, GridSpec grid, CoordinateReferenceSystem crs, boolean maskRegion) throws Exception {
        double cell = Math.abs(grid.dx());
        double gx0 = grid.minX(), gy0 = grid.minY(), gw = grid.width() * cell, gh = grid.height() * cell;
        float[] values = new float[grid.width() * grid.height()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat() * 10;
        }
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, crs, values, null);
        // zones: stars, grid-aligned boxes (edges on cell lines), stars with holes, multipart, pairs sharing an edge,
        // exact duplicates in another class
        List<Geometry> zones = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        int k = 3;
        int n = 6 + rnd.nextInt(8);
        while (zones.size() < n) {
            double cx = gx0 + gw * (0.1 + 0.8 * rnd.nextDouble()), cy = gy0 + gh * (0.1 + 0.8 * rnd.nextDouble());
            double rad = cell * (1 + rnd.nextDouble() * 12);
            int kind = rnd.nextInt(6);
            int cls = rnd.nextInt(k);
            switch (kind) {
                case 0 -> add(zones, classes, ZoneCoverageTest.randomStar(rnd, cx, cy, rad, 5 + rnd.nextInt(40)), cls);
                case 1 -> {
                    double x0 = snap(cx - rad, cell, gx0), y0 = snap(cy - rad, cell, gy0);
                    add(zones, classes, ZoneCoverageTest.box(x0, y0, x0 + cell * (1 + rnd.nextInt(8)), y0 + cell * (1 + rnd.nextInt(8))), cls);
                }
                case 2 -> {
                    Geometry star = ZoneCoverageTest.randomStar(rnd, cx, cy, rad * 1.5, 8 + rnd.nextInt(30));
                    Geometry hole = ZoneCoverageTest.box(cx - rad / 4, cy - rad / 4, cx + rad / 4, cy + rad / 3);
                    add(zones, classes, OverlayNGRobust.overlay(star, hole, OverlayNG.DIFFERENCE), cls);
                }
                case 3 -> {
                    Geometry p1 = ZoneCoverageTest.randomStar(rnd, cx, cy, rad / 2, 6);
                    Geometry p2 = ZoneCoverageTest.randomStar(rnd, cx + rad * 1.2, cy, rad / 2.5, 7);
                    if (!p1.intersects(p2)) {
                        add(zones, classes, GF.createMultiPolygon(new Polygon[] {(Polygon) p1, (Polygon) p2}), cls);
                    }
                }
                case 4 -> {
                    double xm = cx + rnd.nextDouble() * rad / 2;
                    add(zones, classes, ZoneCoverageTest.box(cx - rad, cy - rad / 2, xm, cy + rad / 2), cls);
                    add(zones, classes, ZoneCoverageTest.box(xm, cy - rad / 2, cx + rad, cy + rad / 3), (cls + 1) % k);
                }
                default -> {
                    if (!zones.isEmpty()) {
                        add(zones, classes, zones.get(rnd.nextInt(zones.size())).copy(), (cls + 1) % k);
                    }
                }
            }
        }
        // a PA in no class (counted as a single zone only)
        add(zones, classes, ZoneCoverageTest.randomStar(rnd, gx0 + gw / 2, gy0 + gh / 2, cell * 6, 9), -1);
        // the region: a star bigger than most zones (crossing some of them), or a mask of random cells
        Geometry region;
        CategoryEngine.Region engineRegion;
        if (maskRegion) {
            float[] m = new float[values.length];
            List<Geometry> boxes = new ArrayList<>();
            for (int r = 0; r < grid.height(); r++) {
                for (int c = 0; c < grid.width(); c++) {
                    boolean in = (r / 6 + c / 5 + rnd.nextInt(3)) % 3 != 0;
                    m[r * grid.width() + c] = in ? 1 : rnd.nextBoolean() ? 0 : Float.NaN;
                    if (in) {
                        boxes.add(ZoneCoverageTest.box(grid.x(c), grid.y(r + 1), grid.x(c + 1), grid.y(r)));
                    }
                }
            }
            region = polygonsOf(OverlayNGRobust.union(boxes));
            engineRegion = new CategoryEngine.MaskRegion(new MemoryRaster(Path.of("mask"), grid, crs, m, null));
        } else {
            region = ZoneCoverageTest.randomStar(rnd, gx0 + gw / 2, gy0 + gh / 2, Math.min(gw, gh) * 0.55, 12 + rnd.nextInt(60));
            engineRegion = new CategoryEngine.PolygonRegion(region);
        }
        int[] classOf = classes.stream().mapToInt(Integer::intValue).toArray();
        double[] areas = CellAreas.perRow(grid, crs);
        CategoryEngine.Result got = CategoryEngine.run(raster, engineRegion, zones, classOf, k, areas, null, null);

        // the categories by whole-polygon overlays (the method the engine replaces)
        Geometry taken = GF.createMultiPolygon();
        List<Geometry> expected = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Geometry> members = new ArrayList<>();
            for (int i = 0; i < zones.size(); i++) {
                if (classOf[i] == c) {
                    members.add(zones.get(i));
                }
            }
            Geometry u = members.isEmpty() ? GF.createMultiPolygon() : polygonsOf(OverlayNGRobust.union(members));
            Geometry in = polygonsOf(OverlayNGRobust.overlay(u, region, OverlayNG.INTERSECTION));
            expected.add(polygonsOf(OverlayNGRobust.overlay(in, taken, OverlayNG.DIFFERENCE)));
            taken = polygonsOf(OverlayNGRobust.overlay(taken, in, OverlayNG.UNION));
        }
        expected.add(polygonsOf(OverlayNGRobust.overlay(region, taken, OverlayNG.DIFFERENCE)));
        List<Geometry> measured = new ArrayList<>();
        for (Geometry g : expected) {
            measured.add(polygonsOf(g));
        }
        ZoneStats[] want = ZonalEngine.run(raster, measured, areas, null, null);
        double scale = ZonalEngine.run(raster, List.of(region), areas, null, null)[0].sumTimesArea();
        double areaScale = ZonalEngine.run(raster, List.of(region), areas, null, null)[0].coveredArea();
        Geometry gridBox = ZoneCoverageTest.box(grid.minX(), grid.minY(), grid.maxX(), grid.maxY());
        for (int c = 0; c <= k; c++) {
            ZoneStats g = c < k ? got.classes()[c] : got.outside();
            String what = "seed " + seed + ", category " + c;
            assertEquals(want[c].coveredArea(), g.coveredArea(), 1e-9 * areaScale, what + " covered area");
            assertEquals(want[c].validArea(), g.validArea(), 1e-9 * areaScale, what + " valid area");
            assertEquals(want[c].sumTimesArea(), g.sumTimesArea(), 1e-9 * Math.abs(scale), what + " sum");
            assertEquals(want[c].count(), g.count(), 1e-9 * (grid.width() * grid.height()), what + " count");
            if (want[c].cells() > 0) {
                assertEquals(want[c].min(), g.min(), 0, what + " min");
                assertEquals(want[c].max(), g.max(), 0, what + " max");
            }
            if (crs == CrsSupport.lonLat()) {
                continue;
            }
            // and against JTS's own area of the overlay (projected grid: a cell is dx * dy)
            double jtsArea = OverlayNGRobust.overlay(expected.get(c), gridBox, OverlayNG.INTERSECTION).getArea();
            assertEquals(jtsArea, g.coveredArea(), 1e-9 * areaScale, what + " JTS area");
        }
        // single zones are the single-zone engine's answers
        ZoneStats[] single = ZonalEngine.run(raster, zones, areas, null, null);
        for (int i = 0; i < zones.size(); i++) {
            assertEquals(single[i].sumTimesArea(), got.zones()[i].sumTimesArea(), 1e-12 * Math.abs(scale));
            assertEquals(single[i].coveredArea(), got.zones()[i].coveredArea(), 1e-12 * areaScale);
        }
        assertTrue(got.region().coveredArea() > 0, "seed " + seed);
    }

    private static void add(List<Geometry> zones, List<Integer> classes, Geometry g, int cls) {
        zones.add(g);
        classes.add(cls);
    }

    private static double snap(double x, double cell, double origin) {
        return origin + Math.floor((x - origin) / cell) * cell;
    }

    private static Geometry polygonsOf(Geometry g) {
        return org.pacarbon.gis.core.vector.Geometries.polygonsOf(g);
    }
}
