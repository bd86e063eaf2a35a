package org.pacarbon.carbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.pacarbon.carbon.core.GapTally;
import org.pacarbon.carbon.core.HighValue;
import org.pacarbon.carbon.core.Synergy;
import org.pacarbon.carbon.core.Vsoc;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;

/** The science the gap, synergy and vSOC tools stand on, on small grids worked out by hand. */
public final class ScienceTest {
    private static MemoryRaster raster(int w, int h, float[] values) {
        return new MemoryRaster(Path.of("test.tif"), new GridSpec(w, h, 0, h * 1000.0, 1000, -1000), CrsSupport.lonLat(), values, "");
    }

    @Test
    public void topShareThresholdIsAreaWeighted() throws Exception {
        // 5 x 2 cells, values 1..5 in a row of cells of area 1 and 6..10 in a row of area 3: valid area 20; the top
        // 30 % is 6: cells >= 10 cover 3, >= 9 cover 6 -> threshold 9
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] rowArea = {1, 3};
        assertEquals(9, HighValue.topShareThreshold(raster(5, 2, v), rowArea, 0.3, y -> { }), 0);
        // without the 10 (nodata): valid area 17, 30 % is 5.1: >= 9 covers 3, >= 8 covers 6 -> 8
        v[9] = Float.NaN;
        assertEquals(8, HighValue.topShareThreshold(raster(5, 2, v), rowArea, 0.3, y -> { }), 0);
        // the whole area: the smallest value
        assertEquals(1, HighValue.topShareThreshold(raster(5, 2, v), rowArea, 1, y -> { }), 0);
        assertThrows(CancellationException.class, () -> HighValue.topShareThreshold(raster(5, 2, v), rowArea, 0.3, y -> {
            throw new CancellationException();
        }));
        float[] none = new float[10];
        java.util.Arrays.fill(none, Float.NaN);
        GisException e = assertThrows(GisException.class, () -> HighValue.topShareThreshold(raster(5, 2, none), rowArea, 0.3, y -> { }));
        assertTrue(e.getMessage().contains("test.tif") && e.getMessage().contains("no valid cells"), e.getMessage());
    }

    @Test
    public void synergyClassesAndPatchesOutsidePas() {
        assertEquals(Synergy.BOTH, Synergy.classOf(5, 5, 5, 5)); // at the thresholds is high
        assertEquals(Synergy.CARBON_ONLY, Synergy.classOf(5, 1, 5, 5));
        assertEquals(Synergy.BIO_ONLY, Synergy.classOf(1, 5, 5, 5));
        assertEquals(Synergy.NEITHER, Synergy.classOf(1, 1, 5, 5));
        // 4 x 3 cells of 1 km (x 0..4 km, y 0..3 km), classes by row:
        //   1 1 4 1
        //   1 4 4 1
        //   4 4 1 1   (the last cell is 60 % inside a PA)
        // patches of "both high" at least half outside: A = (r0,c0), (r0,c1), (r1,c0); B = (r0,c3), (r1,c3);
        // C = (r2,c2) alone (its neighbour (r2,c3) is mostly inside); a minimum of 1.5 km2 keeps A (3 km2) and B (2 km2)
        byte[] cls = {1, 1, 4, 1, 1, 4, 4, 1, 4, 4, 1, 1};
        float[] outside = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.4f};
        float[] carbon = new float[12];
        for (int i = 0; i < 12; i++) {
            carbon[i] = 10 * (i / 4) + i % 4; // 10 x row + column
        }
        GridSpec g = new GridSpec(4, 3, 0, 3000, 1000, -1000);
        List<Synergy.Patch> p = Synergy.patches(g, cls, carbon, outside, new double[] {1e6, 1e6, 1e6}, 1.5e6, y -> { });
        assertEquals(2, p.size());
        Synergy.Patch a = p.get(0);
        assertEquals(3, a.cells());
        assertEquals(3e6, a.area(), 1e-6);
        assertEquals((500 + 1500 + 500) / 3.0, a.centreX(), 1e-9); // cell centres
        assertEquals((2500 + 2500 + 1500) / 3.0, a.centreY(), 1e-9);
        assertEquals((0 + 1 + 10) / 3.0, a.meanCarbon(), 1e-9);
        Synergy.Patch b = p.get(1);
        assertEquals(2, b.cells());
        assertEquals(3500, b.centreX(), 1e-9);
        assertEquals(2000, b.centreY(), 1e-9);
        assertEquals((3 + 13) / 2.0, b.meanCarbon(), 1e-9);
        assertEquals(3, Synergy.patches(g, cls, carbon, outside, new double[] {1e6, 1e6, 1e6}, 0, y -> { }).size(), "C counts with no minimum");
    }

    @Test
    public void gapTallyWithPartialCoverage() {
        GapTally t = new GapTally(10, 1);
        assertTrue(t.add(12, 2, 0.25), "high and three quarters outside: a hotspot");
        assertFalse(t.add(10, 1, 1.0), "high but inside");
        assertFalse(t.add(5, 4, 0), "low");
        t.addToRegion(0, 12, 2, 0.25, 0.5);
        t.addToRegion(0, 5, 4, 0, 1);
        assertEquals(7, t.validArea(), 1e-12);
        assertEquals(3, t.highArea(), 1e-12);
        assertEquals(2 * 0.25 + 1, t.highInside(), 1e-12);
        assertEquals(2 * 0.75, t.highOutside(), 1e-12);
        assertEquals(50, t.gapPercent(), 1e-12);
        assertEquals(12 * 2 * 0.75, t.amountOutside(), 1e-12);
        assertEquals(List.of(1.0, 0.75, 9.0), java.util.Arrays.stream(t.region(0)).boxed().toList()); // half of the first cell
        assertTrue(Double.isNaN(new GapTally(1, 0).gapPercent()));
    }

    @Test
    public void vsocIsSocTimesTheLossFractionOfTheClass() throws Exception {
        Path dir = Files.createTempDirectory("vsoc");
        Path table = Files.writeString(dir.resolve("fractions.csv"), "class,fraction\n1,0.1\n2,0.5\n");
        Vsoc v = Vsoc.read(table);
        assertEquals(10, v.of(20, 2), 1e-12);
        assertEquals(2, v.of(20, 1), 1e-12);
        assertTrue(Double.isNaN(v.of(20, 3)), "a class without a fraction");
        assertTrue(Double.isNaN(v.of(Double.NaN, 1)));
        assertNull(v.fraction(3));
        assertEquals("3", Vsoc.code(3.0));
        assertEquals("2.5", Vsoc.code(2.5));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "class,fraction\n1,0.1\n2,1.5\n");
        GisException e = assertThrows(GisException.class, () -> Vsoc.read(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3") && e.getMessage().contains("not between 0 and 1"), e.getMessage());
        Path twice = Files.writeString(dir.resolve("twice.csv"), "class,fraction\n1,0.1\n1,0.2\n");
        assertTrue(assertThrows(GisException.class, () -> Vsoc.read(twice)).getMessage().contains("listed twice"));
    }
}
