package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RowTap;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.Overviews;
import org.pacarbon.map.core.RasterStyle;

/** Overviews of big rasters: averages ignoring nodata, the level chosen by scale, the cache, and drawing from them. */
class OverviewsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void cache() {
        System.setProperty("pacarbon.cache", dir.toString());
    }

    @AfterEach
    void noCache() {
        System.clearProperty("pacarbon.cache");
    }

    /** 2400 x 2000 cells of 1 km: value = column / 400 (0..5), nodata in the first 4 x 4 block's first cell. */
    private static MemoryRaster big(String name) throws Exception {
        int w = 2400;
        int h = 2000;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                v[r * w + c] = c / 400;
            }
        }
        v[0] = Float.NaN;
        v[1] = 8; // first block: (NaN + 8 + 14 x 0) / 15 valid
        return new MemoryRaster(Path.of(name), new GridSpec(w, h, 500000, 4010000, 1000, -1000),
                CrsSupport.parse("EPSG:32650", null), v, "u");
    }

    /**
     * The rows an assessment reads through {@link Overviews#tap} (unaligned chunks, some twice) make the overviews:
     * {@link Overviews#of} reads only the 64-row blocks that hold a row nobody read, and the levels are the same means.
     */
    @Test
    void overviewsOfATappedRasterReadOnlyTheRowsNobodyRead() throws Exception {
        MemoryRaster raster = big("tapped");
        int[] fileRows = {0};
        RasterSource file = new RowTap(raster, (row0, rows, data) -> fileRows[0] += rows); // counts the rows read
        RasterSource tapped = Overviews.tap(file);
        float[] buf = new float[37 * 2400];
        for (int r = 3; r < 1003; r += 37) { // an assessment's pass over rows 3..1002
            tapped.readRows(r, Math.min(37, 1003 - r), buf);
        }
        tapped.readRows(500, 37, buf); // read again: counted once
        int byThePass = fileRows[0];
        assertEquals(1000 + 37, byThePass);
        Overviews o = Overviews.of(file);
        assertNotNull(o);
        // unread rows 0..2 and 1003..1999: blocks 0..63 and 960..1999 (64-row blocks, MemoryRaster's) are read
        assertEquals(64 + (2000 - 960), fileRows[0] - byThePass);
        Overviews.Level l4 = o.levels().get(0);
        assertEquals(8f / 15, l4.at(0, 0), 1e-6f); // rows 0..2 read for the overviews, row 3 by the pass
        assertEquals(0f, l4.at(1, 0), 0f);
        assertEquals(2f, l4.at(240, 10), 0f); // rows 40..43: the pass
        assertEquals(2f, l4.at(240, 125), 0f); // rows 500..503: read twice
        assertEquals(5f, l4.at(599, 499), 0f); // rows 1996..1999: the overviews
        assertEquals(4f, l4.at(400, 250), 0f); // rows 1000..1003 (both), columns 1600..1603 -> 1600/400 = 4
    }

    /**
     * A raster wide enough for three levels (4, 16, 64): every cell of every level is the mean of the valid raster cells
     * of its block, computed here straight from the cells; the copy read back from the disk cache is the same.
     */
    @Test
    void everyLevelIsTheMeanOfItsBlockAndTheDiskCopyIsTheSame() throws Exception {
        int w = 16400, h = 260;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                v[r * w + c] = (r + 3 * c) % 97 == 5 ? Float.NaN : ((r * 7 + c * 13) % 101) / 10f;
            }
        }
        MemoryRaster raster = new MemoryRaster(Path.of("wide"), new GridSpec(w, h, 500000, 4010000, 1000, -1000),
                CrsSupport.parse("EPSG:32650", null), v, "u");
        Overviews o = Overviews.of(raster);
        assertNotNull(o);
        assertEquals(List.of(4, 16, 64), o.levels().stream().map(Overviews.Level::factor).toList());
        assertLevelsAreBlockMeans(o, v, w, h);
        Overviews.forgetMemory();
        Overviews again = Overviews.of(raster);
        assertNotNull(again);
        for (int i = 0; i < o.levels().size(); i++) {
            assertTrue(java.util.Arrays.equals(o.levels().get(i).values(), again.levels().get(i).values()), "level " + i + " from the disk cache");
        }
    }

    /** Every level's cell is the mean of the valid cells of its block of the raster ({@code v}, w x h). */
    static void assertLevelsAreBlockMeans(Overviews o, float[] v, int w, int h) {
        for (Overviews.Level l : o.levels()) {
            int f = l.factor();
            assertEquals((w + f - 1) / f, l.width());
            assertEquals((h + f - 1) / f, l.height());
            for (int y = 0; y < l.height(); y++) {
                for (int x = 0; x < l.width(); x++) {
                    double sum = 0;
                    int n = 0;
                    for (int r = y * f; r < Math.min(h, (y + 1) * f); r++) {
                        for (int c = x * f; c < Math.min(w, (x + 1) * f); c++) {
                            float cell = v[r * w + c];
                            if (!Float.isNaN(cell)) {
                                sum += cell;
                                n++;
                            }
                        }
                    }
                    assertEquals(sum / n, l.at(x, y), 1e-5 * Math.max(1, sum / n), "level " + f + " cell " + x + "," + y);
                }
            }
        }
    }

    /**
     * A raster whose 4 x 4 level would pass the cap (set low here; 16 million cells by default: a raster 4 times the
     * 300 m bench's) starts its levels at 8 x 8 cells, made the same way from rows read through a tap.
     */
    @Test
    void aRasterPastTheCapStartsAtEightByEight() throws Exception {
        int w = 16400, h = 260;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                v[r * w + c] = (2 * r + c) % 83 == 7 ? Float.NaN : ((r * 11 + c * 5) % 103) / 10f;
            }
        }
        String key = "pacarbon.overviews.finestCells";
        System.setProperty(key, String.valueOf((long) (w / 4) * (h / 4) - 1));
        try {
            MemoryRaster raster = new MemoryRaster(Path.of("past-the-cap"), new GridSpec(w, h, 500000, 4010000, 1000, -1000),
                    CrsSupport.parse("EPSG:32650", null), v, "u");
            RasterSource tapped = Overviews.tap(raster);
            float[] rows = new float[64 * w];
            for (int r0 = 0; r0 < h; r0 += 64) { // an assessment's pass, block by block
                tapped.readRows(r0, Math.min(64, h - r0), rows);
            }
            Overviews o = Overviews.of(raster);
            assertNotNull(o);
            assertEquals(List.of(8, 32), o.levels().stream().map(Overviews.Level::factor).toList());
            assertLevelsAreBlockMeans(o, v, w, h);
        } finally {
            System.clearProperty(key);
        }
    }

    /**
     * The map's first picture of a big raster: a preview from one block of rows in eight. Its sampled rows of cells are
     * the exact overview's, the others repeat the nearest sampled row; it reads a small part of the file and leaves the
     * overviews to be made (still pending until {@link Overviews#of}).
     */
    @Test
    void aPreviewReadsAnEighthAndAgreesWithTheOverviewsWhereItSampled() throws Exception {
        int w = 16400, h = 1100;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                v[r * w + c] = (r + 3 * c) % 89 == 5 ? Float.NaN : ((r * 7 + c * 13) % 101) / 10f;
            }
        }
        MemoryRaster raster = new MemoryRaster(Path.of("preview"), new GridSpec(w, h, 500000, 4010000, 1000, -1000),
                CrsSupport.parse("EPSG:32650", null), v, "u");
        int[] read = {0};
        RasterSource counted = new RowTap(raster, (row0, rows, data) -> read[0] += rows);
        assertTrue(Overviews.pending(counted));
        Overviews.Level p = Overviews.preview(counted).levels().get(0);
        assertTrue(read[0] <= h / 4, read[0] + " rows read for the preview");
        assertTrue(Overviews.pending(counted), "a preview is not the overviews");
        Overviews exact = Overviews.of(raster);
        assertNotNull(exact);
        assertTrue(!Overviews.pending(counted));
        Overviews.Level e = exact.levels().get(exact.levels().size() - 1);
        assertEquals(64, p.factor());
        assertEquals(e.width(), p.width());
        assertEquals(e.height(), p.height());
        // 64-row blocks (MemoryRaster's): blocks 4 and 12 are sampled, i.e. rows of cells 4 and 12 at factor 64
        int[] nearest = new int[p.height()];
        for (int y = 0; y < p.height(); y++) {
            nearest[y] = y <= 8 ? 4 : 12;
        }
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                assertEquals(e.at(x, nearest[y]), p.at(x, y), 1e-5f * Math.max(1, Math.abs(e.at(x, nearest[y]))), "preview cell " + x + "," + y);
            }
        }
    }

    @Test
    void levelsAverageTheirCellsIgnoringNodata() throws Exception {
        Overviews o = Overviews.of(big("a"));
        assertNotNull(o);
        assertEquals(List.of(4), o.levels().stream().map(Overviews.Level::factor).toList());
        Overviews.Level l4 = o.levels().get(0);
        assertEquals(600, l4.width());
        assertEquals(500, l4.height());
        assertEquals(8f / 15, l4.at(0, 0), 1e-6f);
        assertEquals(0f, l4.at(1, 0), 0f);
        assertEquals(5f, l4.at(599, 499), 0f);
        assertEquals(2f, l4.at(240, 10), 0f); // columns 960..963 -> 960/400 = 2
        assertNull(o.forScale(3.9), "close up: the file itself");
        assertEquals(4, o.forScale(7).factor());
        assertEquals(4, o.forScale(100).factor(), "the coarsest level there is");
        assertNull(Overviews.of(new MemoryRaster(Path.of("small"), new GridSpec(100, 100, 0, 0, 1, -1),
                CrsSupport.parse("EPSG:32650", null), new float[10000], "u")), "small rasters need none");
        try (var files = Files.list(dir.resolve("overviews"))) {
            assertEquals(1, files.count(), "cached on disk");
        }
    }

    @Test
    void aMapAtSmallScaleIsDrawnFromTheOverviews() throws Exception {
        MemoryRaster r = big("b");
        RasterStyle style = new RasterStyle(ColorRamp.preset("greys"), 0, 5, false, null, "u");
        // the whole raster in 300 x 250 pixels: 8 cells per pixel -> level 4
        MapRenderer.View view = new MapRenderer.View(new Envelope(500000, 2900000, 2010000, 4010000), 300, 250);
        BufferedImage img = MapRenderer.raster(r, style, view);
        // the first band of columns (value 0) is white, the last (value 5) black
        assertEquals(Color.WHITE.getRGB(), img.getRGB(10, 100));
        assertEquals(Color.BLACK.getRGB(), img.getRGB(290, 100));
        int mid = img.getRGB(150, 100) & 0xff; // column 1200 -> value 3 -> 3/5 of the way to black
        assertTrue(Math.abs(mid - Math.round(255 * 2 / 5.0)) <= 2, "grey " + mid);
    }
}
