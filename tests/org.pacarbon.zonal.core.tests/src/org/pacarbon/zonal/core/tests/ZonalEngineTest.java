package org.pacarbon.zonal.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.zonal.core.CellAreas;
import org.pacarbon.zonal.core.ZonalEngine;
import org.pacarbon.zonal.core.ZoneStats;

/** Zonal sums, valid area and nodata on small rasters whose answers are worked out by hand. */
class ZonalEngineTest {

    @Test
    void densityAndAmountSumsWithNodataOnAProjectedGrid() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        // 4 x 4 cells of 1000 m; values = row*4 + col; cell (row 2, col 1) is nodata
        GridSpec grid = new GridSpec(4, 4, 500000, 4004000, 1000, -1000);
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
        }
        v[2 * 4 + 1] = Float.NaN;
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, utm, v, "kgC/m2");
        // zone: x 500500..502500, y 4000500..4001500 -> rows 2 and 3 (y 4001000..4002000 and 4000000..4001000)
        Geometry zone = ZoneCoverageTest.box(500500, 4000500, 502500, 4001500);
        double[] areas = CellAreas.perRow(grid, utm);
        assertEquals(1e6, areas[0], 1e-6);
        ZoneStats s = ZonalEngine.run(raster, List.of(zone), areas, null, null)[0];
        // fractions: row 2: .25 .5 .25 ; row 3: .25 .5 .25 ; values row 2: 8 NaN 10 ; row 3: 12 13 14
        double sumCov = .25 * 8 + .25 * 10 + .25 * 12 + .5 * 13 + .25 * 14;
        assertEquals(sumCov, s.sumTimesCoverage(), 1e-9);
        assertEquals(sumCov * 1e6, s.sumTimesArea(), 1e-3);
        assertEquals(2e6, s.coveredArea(), 1e-6);
        assertEquals(1.5e6, s.validArea(), 1e-6);
        assertEquals(0.5e6, s.nodataArea(), 1e-6);
        assertEquals(8, s.min());
        assertEquals(14, s.max());
        assertEquals(5, s.cells());
        assertEquals(sumCov * 1e6 / 1.5e6, s.areaMean(), 1e-12);
    }

    @Test
    void manyZonesInOnePassEqualOneZoneAtATime() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        GridSpec grid = new GridSpec(300, 200, 0, 200 * 30, 30, -30);
        float[] v = new float[300 * 200];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat() * 10;
        }
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, utm, v, null);
        List<Geometry> zones = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            zones.add(ZoneCoverageTest.randomStar(rnd, 300 + rnd.nextDouble() * 8400, 300 + rnd.nextDouble() * 5400,
                    200 + rnd.nextDouble() * 3000, 5 + rnd.nextInt(50)));
        }
        double[] areas = CellAreas.perRow(grid, utm);
        ZoneStats[] all = ZonalEngine.run(raster, zones, areas, null, null);
        for (int i = 0; i < zones.size(); i++) {
            ZoneStats one = ZonalEngine.run(raster, List.of(zones.get(i)), areas, null, null)[0];
            assertEquals(one.sumTimesArea(), all[i].sumTimesArea(), 1e-6 * Math.abs(one.sumTimesArea()) + 1e-9);
            assertEquals(one.validArea(), all[i].validArea(), 1e-6 * one.validArea() + 1e-9);
            // the covered area equals the polygon's area (inside the grid)
            Geometry inside = zones.get(i).intersection(ZoneCoverageTest.box(0, 0, 9000, 6000));
            assertEquals(inside.getArea(), all[i].coveredArea(), 1e-6 * inside.getArea());
        }
    }

    @Test
    void geographicCellAreasFollowTheEllipsoid() throws Exception {
        // 1 x 1 degree cell at the equator on WGS 84: numerical integral of M(phi) N(phi) cos(phi) dphi dlambda
        double a = CellAreas.WGS84_A;
        double f = 1 / CellAreas.WGS84_INVF;
        double e2 = f * (2 - f);
        for (double[] band : new double[][] {{0, 1}, {45, 46}, {-60, -59.5}, {89, 90}}) {
            int n = 20000;
            double sum = 0;
            double p0 = Math.toRadians(band[0]), p1 = Math.toRadians(band[1]);
            for (int i = 0; i < n; i++) {
                double phi = p0 + (p1 - p0) * (i + 0.5) / n;
                double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
                double m = a * (1 - e2) / Math.pow(w, 1.5);
                double nn = a / Math.sqrt(w);
                sum += m * nn * Math.cos(phi) * (p1 - p0) / n;
            }
            double expected = sum * Math.toRadians(1);
            assertEquals(expected, CellAreas.ellipsoidalCellArea(band[0], band[1], 1, a, CellAreas.WGS84_INVF), 1e-7 * expected,
                    Arrays.toString(band));
        }
        // the well-known figure: a 1 degree cell at the equator is about 12 308 km2
        assertEquals(12308.8, CellAreas.ellipsoidalCellArea(0, 1, 1, a, CellAreas.WGS84_INVF) / 1e6, 0.5);

        GridSpec geo = new GridSpec(360, 180, -180, 90, 1, -1);
        double[] rows = CellAreas.perRow(geo, CrsSupport.lonLat());
        double earth = Arrays.stream(rows).sum() * 360;
        assertEquals(5.10065622e14, earth, 1e7); // WGS 84 ellipsoid surface area
        assertEquals(rows[90], rows[89], 1e-9 * rows[90]); // symmetric about the equator
    }

    @Test
    void cancellationStopsTheRun() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        GridSpec grid = new GridSpec(10, 10, 0, 10, 1, -1);
        MemoryRaster raster = new MemoryRaster(Path.of("mem"), grid, utm, new float[100], null);
        assertThrows(CancellationException.class, () -> ZonalEngine.run(raster, List.of(ZoneCoverageTest.box(0, 0, 5, 5)),
                CellAreas.perRow(grid, utm), null, () -> true));
    }
}
