package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.SisRasterSource;
import org.pacarbon.gis.core.raster.TiffRasterSource;

/**
 * GeoTIFFs whose georeferencing is a plain EPSG code open without Apache SIS's GeoTIFF reader (whose CRS lookups start
 * the EPSG database): their grid, CRS, unit and cells are the ones SIS gives for the same file (SIS reading every cell,
 * {@code pacarbon.raster.sisOnly}); files with anything more in their GeoKeys (PixelIsPoint, a user-defined
 * projection) still go through SIS.
 */
class PlainGeoTiffTest {
    @TempDir
    Path dir;

    private static SisRasterSource sisOnly(Path f) throws Exception {
        System.setProperty(SisRasterSource.SIS_ONLY, "true");
        try {
            return SisRasterSource.open(f, null, null, null);
        } finally {
            System.clearProperty(SisRasterSource.SIS_ONLY);
        }
    }

    private static void assertSameAsSis(Path f, RasterSource own, boolean cells) throws Exception {
        try (SisRasterSource sis = sisOnly(f)) {
            GridSpec a = own.grid(), b = sis.grid();
            assertEquals(b.width(), a.width(), f + " width");
            assertEquals(b.height(), a.height(), f + " height");
            assertEquals(b.x0(), a.x0(), 0.0, f + " x0");
            assertEquals(b.y0(), a.y0(), 0.0, f + " y0");
            assertEquals(b.dx(), a.dx(), 0.0, f + " dx");
            assertEquals(b.dy(), a.dy(), 0.0, f + " dy");
            assertTrue(CrsSupport.same(sis.crs(), own.crs()), f + ": " + CrsSupport.label(own.crs()) + " vs SIS " + CrsSupport.label(sis.crs()));
            assertEquals(CrsSupport.label(sis.crs()), CrsSupport.label(own.crs()), f + " CRS label");
            assertEquals(sis.unit(), own.unit(), f + " unit");
            if (cells) {
                int n = a.width() * a.height();
                float[] x = new float[n], y = new float[n];
                own.readRows(0, a.height(), x);
                sis.readRows(0, a.height(), y);
                for (int i = 0; i < n; i++) {
                    assertTrue(Objects.equals(x[i], y[i]), f + " cell " + i + ": " + x[i] + " vs SIS " + y[i]);
                }
            }
        }
    }

    @Test
    void plainFilesOpenWithoutSisAndReadAsSisReadsThem() throws Exception {
        int w = 70, h = 45;
        List<TiffTilesTest.Layout> layouts = List.of(
                new TiffTilesTest.Layout(3, 4, 8, 1, true, false, ByteOrder.LITTLE_ENDIAN),
                new TiffTilesTest.Layout(3, 4, 5, 1, false, true, ByteOrder.BIG_ENDIAN),
                new TiffTilesTest.Layout(3, 8, 8, 1, true, false, ByteOrder.LITTLE_ENDIAN),
                new TiffTilesTest.Layout(3, 4, 1, 1, false, false, ByteOrder.LITTLE_ENDIAN)); // layouts SIS reads too
        for (TiffTilesTest.Layout l : layouts) {
            double[] values = new double[w * h];
            Random r = new Random(l.toString().hashCode());
            for (int i = 0; i < values.length; i++) {
                values[i] = r.nextInt(10) == 0 ? -99 : r.nextGaussian() * 50;
            }
            Path f = dir.resolve(l.toString().replace(' ', '_') + ".tif");
            Files.write(f, TiffTilesTest.tiff(l, w, h, values, -99));
            try (RasterSource own = RasterFiles.open(f)) {
                assertInstanceOf(TiffRasterSource.class, own, l + ": read without SIS");
                assertEquals("EPSG:32650 (WGS 84 / UTM zone 50N)", CrsSupport.label(own.crs()));
                assertEquals(500000, own.grid().x0(), 0.0);   // the tie point written into the file
                assertEquals(4000000, own.grid().y0(), 0.0);
                assertSameAsSis(f, own, true);
            }
        }
        // GDAL's own file (EPSG:4326 with the angular unit and the ellipsoid in its GeoKeys, as GDAL writes them)
        Path base = copy("base.tif");
        try (RasterSource own = RasterFiles.open(base)) {
            assertInstanceOf(TiffRasterSource.class, own, "base.tif read without SIS");
            assertSameAsSis(base, own, true);
        }
    }

    @Test
    void filesWithMoreThanACodeGoThroughSis() throws Exception {
        int w = 20, h = 10;
        TiffTilesTest.Layout l = new TiffTilesTest.Layout(3, 4, 8, 1, true, false, ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        byte[] tiff = TiffTilesTest.tiff(l, w, h, values, -99);
        // GTRasterType 1025 = 2: PixelIsPoint (the tie point is a cell's centre)
        Path point = dir.resolve("point.tif");
        Files.write(point, patchKey(tiff, 1025, 2));
        try (RasterSource s = RasterFiles.open(point)) {
            assertInstanceOf(SisRasterSource.class, s);
            assertSameAsSis(point, s, false);
        }
    }

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = PlainGeoTiffTest.class.getResourceAsStream("/data/tif/" + name)) {
            assertTrue(in != null, name + " is packaged");
            Files.copy(in, p);
        }
        try (InputStream in = PlainGeoTiffTest.class.getResourceAsStream("/data/tif/" + name + ".aux.xml")) {
            if (in != null) {
                Files.copy(in, dir.resolve(name + ".aux.xml"));
            }
        }
        return p;
    }

    /** The file with the value of one GeoKey (written inline, little-endian) changed. */
    private static byte[] patchKey(byte[] tiff, int key, int value) {
        byte[] out = tiff.clone();
        for (int i = 0; i + 8 <= out.length; i += 2) {
            if ((out[i] & 0xff) == (key & 0xff) && (out[i + 1] & 0xff) == key >> 8 && out[i + 2] == 0 && out[i + 3] == 0
                    && out[i + 4] == 1 && out[i + 5] == 0) {
                out[i + 6] = (byte) value;
                out[i + 7] = (byte) (value >> 8);
                return out;
            }
        }
        throw new AssertionError("GeoKey " + key + " not found");
    }
}
