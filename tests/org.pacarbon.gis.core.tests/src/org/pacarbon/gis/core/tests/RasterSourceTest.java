package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.io.NetcdfWriter;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.SisRasterSource;

/** Grids, axis order, nodata and rows as the engine sees them, for GeoTIFF and NetCDF, lon/lat and projected. */
class RasterSourceTest {
    @TempDir
    Path dir;

    @Test
    void lonLatGeoTiffHasLongitudeFirstAndNodataAsNaN() throws Exception {
        Path tif = dir.resolve("ll.tif");
        GeoTiffWriter.of(6, 4).crs(4326, true).upperLeft(100, 40).cellSize(0.5, 0.25).nodata(-9999f).stripped(1)
                .write(tif, (r, row) -> {
                    for (int c = 0; c < 6; c++) {
                        row[c] = r == 1 && c == 2 ? -9999f : r * 10 + c;
                    }
                });
        try (SisRasterSource s = SisRasterSource.open(tif, null, null, null)) {
            GridSpec g = s.grid();
            assertEquals(6, g.width());
            assertEquals(100, g.x0(), 1e-12);
            assertEquals(40, g.y0(), 1e-12);
            assertEquals(0.5, g.dx(), 1e-12);
            assertEquals(-0.25, g.dy(), 1e-12);
            assertTrue(CrsSupport.isGeographic(s.crs()));
            float[] rows = new float[12];
            s.readRows(1, 2, rows);
            assertEquals(10, rows[0]);
            assertTrue(Float.isNaN(rows[2]));
            assertEquals(25, rows[6 + 5]);
        }
    }

    @Test
    void netcdfSouthUpWithATimeStepAndAChosenVariable() throws Exception {
        Path nc = dir.resolve("edgar.nc");
        double[] lat = {20.05, 20.15, 20.25};
        double[] lon = {110.05, 110.15, 110.25, 110.35};
        new NetcdfWriter().variable("emi_co2").attribute("units", "kg m-2 s-1").fillValue(-1f).timeStep("days since 2000-01-01", 7305)
                .write(nc, lat, lon, (r, row) -> {
                    for (int c = 0; c < 4; c++) {
                        row[c] = r == 2 && c == 3 ? -1f : r * 10 + c;
                    }
                });
        try (SisRasterSource s = SisRasterSource.open(nc, "emi_co2", null, null)) {
            GridSpec g = s.grid();
            assertEquals(4, g.width());
            assertEquals(3, g.height());
            assertEquals(110.0, g.x(0), 1e-9);
            assertEquals(0.1, g.dx(), 1e-9);
            float[] all = new float[12];
            s.readRows(0, 3, all);
            // whichever way SIS orders the rows, the value of a cell must sit at that cell's latitude
            for (int r = 0; r < 3; r++) {
                double centre = g.y(r + 0.5);
                int fileRow = (int) Math.round((centre - 20.05) / 0.1);
                for (int c = 0; c < 3; c++) {
                    assertEquals(fileRow * 10 + c, all[r * 4 + c], 0f, "row " + r + " at lat " + centre);
                }
            }
            int fillRow = (int) Math.round((20.25 - g.y(0.5)) / g.dy());
            assertTrue(Float.isNaN(all[fillRow * 4 + 3]), "fill value is nodata");
        }
        GisException e = assertThrows(GisException.class, () -> SisRasterSource.open(nc, "emi_ch4", null, null));
        assertTrue(e.getMessage().contains("emi_ch4") && e.getMessage().contains("emi_co2"), e.getMessage());
    }

    @Test
    void damagedFilesGiveAMessageNamingThem() throws Exception {
        Path junk = dir.resolve("junk.tif");
        Files.write(junk, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 2, 3});
        GisException e = assertThrows(GisException.class, () -> SisRasterSource.open(junk, null, null, null));
        assertTrue(e.getMessage().contains("junk.tif"), e.getMessage());
        GisException missing = assertThrows(GisException.class, () -> SisRasterSource.open(dir.resolve("none.tif"), null, null, null));
        assertTrue(missing.getMessage().contains("none.tif") && missing.getMessage().contains("not found"), missing.getMessage());
    }
}
