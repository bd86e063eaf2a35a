package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * GeoTIFFs as GDAL writes them that Apache SIS 1.6 does not open (ZSTD, LZW with the floating-point predictor, Float16,
 * 12-bit and signed 8-bit samples, an internal mask, the CRS only in the .aux.xml sidecar, several bands): the files in
 * {@code data/tif} were made from {@code base.tif} by GDAL 3.6 ({@code data/tif/make.sh}). Expected values: base.tif's
 * cells (lossless variants), GDAL's scaling rule for the integer variants, and gdallocationinfo's reading of cell
 * (3, 2) of each variant written here as a constant.
 */
class GeoTiffVariantsTest {
    @TempDir
    Path dir;
    float[] base;

    private Path data(String name) throws Exception {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            try (InputStream in = GeoTiffVariantsTest.class.getResourceAsStream("/data/tif/" + name)) {
                assertTrue(in != null, "test file " + name + " is packaged");
                Files.copy(in, p);
            }
            try (InputStream in = GeoTiffVariantsTest.class.getResourceAsStream("/data/tif/" + name + ".aux.xml")) {
                if (in != null) { // GDAL's sidecar goes with its file
                    Files.copy(in, dir.resolve(name + ".aux.xml"));
                }
            }
        }
        return p;
    }

    private static float[] all(RasterSource s) throws GisException {
        float[] v = new float[s.grid().width() * s.grid().height()];
        s.readRows(0, s.grid().height(), v);
        // a window inside (as the map reads close up): the same cells as the whole rows
        int w = s.grid().width(), h = s.grid().height();
        int r0 = h / 5, rows = Math.max(1, h / 2), c0 = w / 3, cols = Math.max(1, w / 2);
        float[] part = new float[rows * cols];
        s.readWindow(r0, rows, c0, cols, part);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                org.junit.jupiter.api.Assertions.assertEquals(v[(r0 + r) * w + c0 + c], part[r * cols + c], 0f,
                        s.file().getFileName() + " window cell " + r + "," + c);
            }
        }
        return v;
    }

    @BeforeEach
    void readBase() throws Exception {
        try (RasterSource s = RasterFiles.open(data("base.tif"))) {
            base = all(s);
        }
    }

    private static void assertBaseGrid(RasterSource s, String f) {
        GridSpec g = s.grid();
        assertEquals(16, g.width(), f);
        assertEquals(12, g.height(), f);
        assertEquals(88, g.x0(), 1e-9, f);
        assertEquals(44, g.y0(), 1e-9, f);
        assertEquals(0.05, g.dx(), 1e-12, f);
        assertEquals(-0.05, g.dy(), 1e-12, f);
        assertTrue(CrsSupport.isGeographic(s.crs()), f);
    }

    @Test
    void losslessVariantsGiveTheBaseCells() throws Exception {
        assertEquals(0.114044807851315, base[2 * 16 + 3], 1e-7); // gdallocationinfo base.tif 3 2
        for (String f : List.of("zstd.tif", "zstd_tiled_p3.tif", "lzw_p3.tif", "packbits.tif", "masked.tif", "baseline.tif")) {
            try (RasterSource s = RasterFiles.open(data(f))) {
                assertBaseGrid(s, f);
                float[] v = all(s);
                for (int i = 0; i < v.length; i++) {
                    assertEquals(base[i], v[i], 0f, f + " cell " + i);
                }
            }
        }
    }

    @Test
    void float16And12BitAndSignedBytes() throws Exception {
        try (RasterSource s = RasterFiles.open(data("float16.tif"))) {
            assertBaseGrid(s, "float16");
            float[] v = all(s);
            assertEquals(0.114013671875, v[2 * 16 + 3], 0); // gdallocationinfo float16.tif 3 2
            for (int i = 0; i < v.length; i++) {
                assertEquals(base[i], v[i], Float.isNaN(base[i]) ? 0 : Math.abs(base[i]) * 1e-3f + 1e-6f, "cell " + i);
            }
        }
        // gdal_translate -scale 0 20 0 4000: 200 x the value, rounded; 12-bit unsigned
        try (RasterSource s = RasterFiles.open(data("uint12.tif"))) {
            float[] v = all(s);
            assertEquals(23, v[2 * 16 + 3]); // gdallocationinfo uint12.tif 3 2
            for (int i = 0; i < v.length; i++) {
                if (!Float.isNaN(base[i]) && base[i] <= 20) {
                    assertEquals(200 * base[i], v[i], 0.5 + 1e-3, "cell " + i);
                }
            }
        }
        // -scale 0 20 0 200 into bytes marked signed: 10 x the value, rounded, read back as a signed byte
        try (RasterSource s = RasterFiles.open(data("int8.tif"))) {
            float[] v = all(s);
            assertEquals(1, v[2 * 16 + 3]); // gdallocationinfo int8.tif 3 2
            for (int i = 0; i < v.length; i++) {
                assertTrue(v[i] >= -128 && v[i] <= 127, "cell " + i + " = " + v[i]);
                if (!Float.isNaN(base[i]) && base[i] >= 0 && base[i] <= 20) {
                    float unsigned = v[i] < 0 ? v[i] + 256 : v[i];
                    assertEquals(10 * base[i], unsigned, 0.5 + 1e-3, "cell " + i);
                }
            }
        }
    }

    @Test
    void bandsAreChosenAndAMultiBandFileWithoutAChoiceIsRefused() throws Exception {
        for (String f : List.of("three_pixel_zstd.tif", "three_band_zstd.tif")) {
            Path p = data(f);
            GisException e = assertThrows(GisException.class, () -> RasterFiles.open(p).close());
            assertTrue(e.getMessage().contains("3 bands") && e.getMessage().startsWith(p.toString()), e.getMessage());
            for (int b = 1; b <= 3; b++) {
                try (RasterSource s = RasterFiles.open(p, new RasterFiles.Request(null, null, null, b, null, null))) {
                    assertBaseGrid(s, f);
                    float[] v = all(s);
                    float k = b == 2 ? 2 : 1; // band 2 was scaled by 2 (-scale_2 0 20 0 40)
                    for (int i = 0; i < v.length; i++) {
                        assertEquals(k * base[i], v[i], Float.isNaN(base[i]) ? 0 : Math.abs(base[i]) * 1e-6f, f + " band " + b + " cell " + i);
                    }
                }
            }
        }
    }

    @Test
    void jpegGrayAndYCbCrAsGdalDecodesThem() throws Exception {
        // gdallocationinfo at cells (3, 2), (10, 7), (15, 11), (0, 0); JPEG decoders may differ by a step or two
        int[][] cells = {{3, 2}, {10, 7}, {15, 11}, {0, 0}};
        int[] gray = {30, 32, 31, 30};
        try (RasterSource s = RasterFiles.open(data("jpeg_gray.tif"))) {
            assertBaseGrid(s, "jpeg_gray");
            float[] v = all(s);
            for (int k = 0; k < cells.length; k++) {
                assertEquals(gray[k], v[cells[k][1] * 16 + cells[k][0]], 2, "gray cell " + k);
            }
        }
        int[] rgb = {30, 225, 61}; // the same at all four cells (GDAL turns YCbCr into RGB)
        for (int b = 1; b <= 3; b++) {
            try (RasterSource s = RasterFiles.open(data("jpeg_ycbcr.tif"), new RasterFiles.Request(null, null, null, b, null, null))) {
                float[] v = all(s);
                for (int[] c : cells) {
                    assertEquals(rgb[b - 1], v[c[1] * 16 + c[0]], 3, "band " + b);
                }
            }
        }
    }

    @Test
    void aFileCutShortIsNamedAsSuch() throws Exception {
        Path cut = data("cut.tif");
        GisException e = assertThrows(GisException.class, () -> {
            try (RasterSource s = RasterFiles.open(cut)) {
                all(s);
            }
        });
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("cut short"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
