package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.operation.MathTransform;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * The CF reader on files written by the netCDF library itself: {@code data/nc/*.cdl} turned into netCDF-4 (zlib,
 * chunked) and classic files by {@code data/nc/make.sh} (ncgen and nccopy of netcdf-bin 4.9). Expected values are the
 * numbers in the CDL sources (by hand, after the CF rules) and, for projected coordinates, what PROJ answers through
 * {@code gdaltransform} (GDAL 3.6.2, PROJ 9.1.1) for the same point and the equivalent PROJ string.
 */
class NetcdfReadTest {
    @TempDir
    Path dir;

    private Path data(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = NetcdfReadTest.class.getResourceAsStream("/data/nc/" + name)) {
            assertTrue(in != null, "test file " + name + " is packaged");
            Files.copy(in, p);
        }
        return p;
    }

    private static float[] all(RasterSource s) throws GisException {
        float[] v = new float[s.grid().width() * s.grid().height()];
        s.readRows(0, s.grid().height(), v);
        return v;
    }

    private static RasterFiles.Request band(String variable, Integer band, Integer year) {
        return new RasterFiles.Request(variable, null, null, band, null, year);
    }

    @Test
    void lonLatSouthUpTimeStepsFillAndScaleInBothContainers() throws Exception {
        for (String f : List.of("cf_lonlat_nc4.nc", "cf_lonlat_nc3.nc")) {
            Path nc = data(f);
            assertEquals(List.of("emi_co2", "b", "s", "nf"), RasterFiles.variables(nc), f);
            try (RasterSource s = RasterFiles.open(nc, band("emi_co2", 1, null))) {
                GridSpec g = s.grid();
                assertEquals(4, g.width(), f);
                assertEquals(3, g.height(), f);
                assertEquals(100, g.x0(), 1e-9, f);
                assertEquals(1, g.dx(), 1e-9, f);
                assertEquals(10, g.y0(), 1e-9, f); // latitudes ascend: row 0 is the southern row
                assertEquals(1, g.dy(), 1e-9, f);
                assertTrue(CrsSupport.isGeographic(s.crs()), f);
                assertEquals("kg m-2 s-1", s.unit(), f);
                assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, Float.NaN}, all(s), f);
            }
            // the layer's year picks the step: 366 days since 2000-01-01 is 2001-01-01
            try (RasterSource s = RasterFiles.open(nc, band("emi_co2", null, 2001))) {
                float[] v = all(s);
                assertEquals(11, v[0], f);
                assertEquals(22, v[11], f);
            }
            GisException none = assertThrows(GisException.class, () -> RasterFiles.open(nc, band("emi_co2", null, null)));
            assertTrue(none.getMessage().contains(f) && none.getMessage().contains("2000-01-01, 2001-01-01"), none.getMessage());
            GisException which = assertThrows(GisException.class, () -> RasterFiles.open(nc, band(null, null, null)));
            assertTrue(which.getMessage().contains("several variables"), which.getMessage());
            // signed bytes stay signed, and bytes have no default fill value
            try (RasterSource s = RasterFiles.open(nc, band("b", null, null))) {
                float[] v = all(s);
                assertEquals(-127, v[0], f);
                assertEquals(-1, v[1], f);
                assertEquals(127, v[11], f);
            }
            // scale_factor 0.5 and add_offset 10
            try (RasterSource s = RasterFiles.open(nc, band("s", null, null))) {
                float[] v = all(s);
                assertEquals(10.5, v[0], 1e-6, f);
                assertEquals(16, v[11], 1e-6, f);
            }
            // a float without _FillValue: the default fill 9.96921e36 is missing, not data
            try (RasterSource s = RasterFiles.open(nc, band("nf", null, null))) {
                float[] v = all(s);
                assertEquals(11, v[10], f);
                assertTrue(Float.isNaN(v[11]), f + ": default fill read as " + v[11]);
            }
        }
    }

    @Test
    void longitudeFirstAnd0To360GridsComeOutEastNorthFromMinus180() throws Exception {
        for (String f : List.of("cf_lonlat_xy_nc4.nc", "cf_lonlat_xy_nc3.nc")) {
            try (RasterSource s = RasterFiles.open(data(f))) {
                GridSpec g = s.grid();
                assertEquals(4, g.width(), f);
                assertEquals(2, g.height(), f);
                assertEquals(-180, g.x0(), 1e-9, f);
                assertEquals(90, g.dx(), 1e-9, f);
                assertEquals(90, g.y0(), 1e-9, f);
                assertEquals(-90, g.dy(), 1e-9, f);
                // v(lon, lat) = 1..8 with lat fastest; columns 225E and 315E come first as 135W and 45W
                assertArrayEquals(new float[] {5, 7, 1, 3, 6, Float.NaN, 2, 4}, all(s), f);
            }
        }
    }

    @Test
    void lambertConformalInKilometresByStandardName() throws Exception {
        for (String f : List.of("cf_lcc_nc4.nc", "cf_lcc_nc3.nc")) {
            Path nc = data(f);
            try (RasterSource s = RasterFiles.open(nc, "surface_altitude"); RasterSource byName = RasterFiles.open(nc, "orog")) {
                GridSpec g = s.grid();
                assertEquals(-20000, g.x0(), 1e-6, f);
                assertEquals(10000, g.dx(), 1e-6, f);
                assertEquals(4020000, g.y0(), 1e-6, f);
                assertEquals(-10000, g.dy(), 1e-6, f);
                assertEquals(byName.grid(), g);
                assertEquals(12, all(s)[11], f);
                // gdaltransform -s_srs "+proj=lcc +lat_1=25 +lat_2=47 +lon_0=105 +lat_0=0 +datum=WGS84" of (-15000, 4015000)
                assertLonLat(s, g.x(0.5), g.y(0.5), 104.833581738294, 34.5570260999509);
            }
        }
    }

    @Test
    void polarStereographicOnItsOwnEllipsoidUnsignedWithFillAndScale() throws Exception {
        try (RasterSource s = RasterFiles.open(data("cf_polar_nc4.nc"))) {
            assertArrayEquals(new float[] {1, Float.NaN, 400, 0.5f}, all(s), 1e-4f);
            // gdaltransform -s_srs "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +a=6378273 +b=6356889.449" of (-12500, 12500)
            MathTransform t = CrsSupport.transform(s.crs(), org.pacarbon.gis.core.crs.MapProjection.geographic("Hughes", 6378273,
                    6378273 / (6378273 - 6356889.449)));
            double[] p = {-12500, 12500};
            t.transform(p, 0, p, 0, 1);
            assertEquals(180, Math.abs(p[0]), 1e-7);
            assertEquals(89.8368159996151, p[1], 1e-9);
        }
    }

    @Test
    void sinusoidalOnTheModisSphereWithValidRange() throws Exception {
        for (String f : List.of("cf_sinu_nc4.nc", "cf_sinu_nc3.nc")) {
            try (RasterSource s = RasterFiles.open(data(f))) {
                assertArrayEquals(new float[] {0.1f, Float.NaN, Float.NaN, 0.25f, 0, Float.NaN}, all(s), 1e-6f, f);
                assertEquals("kg C m-2 yr-1", s.unit());
                double[] p = {10007000, 4447570};
                MathTransform t = CrsSupport.transform(s.crs(), org.pacarbon.gis.core.crs.MapProjection.geographic("Sphere", 6371007.181,
                        Double.POSITIVE_INFINITY));
                t.transform(p, 0, p, 0, 1);
                // gdaltransform -s_srs "+proj=sinu +lon_0=0 +R=6371007.181" -t_srs "+proj=longlat +R=6371007.181"
                assertEquals(117.476553500715, p[0], 1e-8);
                assertEquals(39.9979128651683, p[1], 1e-8);
            }
        }
    }

    @Test
    void feetInProjStringsAreHonoured() throws Exception {
        var crs = CrsSupport.parse("+proj=tmerc +lat_0=0 +lon_0=-120 +k=0.9996 +x_0=500000.00001016 +y_0=0 +datum=NAD83 +units=us-ft", null);
        double m = ((javax.measure.Unit<?>) crs.getCoordinateSystem().getAxis(0).getUnit()).asType(javax.measure.quantity.Length.class)
                .getConverterTo(org.apache.sis.measure.Units.METRE).convert(1.0);
        assertEquals(1200.0 / 3937.0, m, 1e-15);
        double[] p = {1000, 2000};
        CrsSupport.transform(crs, CrsSupport.parse("+proj=longlat +datum=NAD83", null)).transform(p, 0, p, 0, 1);
        // gdaltransform of (1000, 2000) from that PROJ string to +proj=longlat +datum=NAD83
        assertEquals(-124.486013192246, p[0], 1e-8);
        assertEquals(0.00549824319459968, p[1], 1e-9);
    }

    @Test
    void damagedFilesAreNamedWithTheProblem() throws Exception {
        for (String f : List.of("cf_lonlat_nc3.nc", "cf_lonlat_nc4.nc")) {
            Path good = data(f);
            Path cut = dir.resolve("cut_" + f);
            byte[] b = Files.readAllBytes(good);
            Files.write(cut, java.util.Arrays.copyOf(b, f.contains("nc3") ? b.length - 40 : 600));
            GisException e = assertThrows(GisException.class, () -> {
                try (RasterSource s = RasterFiles.open(cut, band("emi_co2", 1, null))) {
                    all(s);
                }
            });
            assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
            assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    private static void assertLonLat(RasterSource s, double x, double y, double lon, double lat) throws Exception {
        double[] p = {x, y};
        CrsSupport.transform(s.crs(), CrsSupport.lonLat()).transform(p, 0, p, 0, 1);
        assertEquals(lon, p[0], 1e-8);
        assertEquals(lat, p[1], 1e-8);
    }
}
