package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/**
 * A raster drawn on a map in another CRS: every pixel shows the cell its centre falls in, which the test finds by
 * transforming each pixel centre itself (the renderer transforms a lattice of pixels and interpolates between them).
 * Only pixels whose centre lies within a quarter of a pixel (or of a cell, whichever is smaller) of a cell's edge may
 * show the neighbouring cell; the renderer allows itself an eighth.
 */
class ReprojectedRasterTest {
    private static final RasterStyle STYLE = new RasterStyle(ColorRamp.preset("carbon"), 0, 100, false, null, "u");

    /** Cells with values 0..99 that differ from every neighbour's (so a pixel showing the wrong cell shows). */
    private static MemoryRaster raster(GridSpec g, CoordinateReferenceSystem crs) {
        float[] v = new float[g.width() * g.height()];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                v[r * g.width() + c] = (c * 37 + r * 61) % 100;
            }
        }
        return new MemoryRaster(Path.of("cells"), g, crs, v, "u");
    }

    /** A UTM raster of 1 km cells on a geographic map, far out and close up. */
    @Test
    void aUtmRasterOnAGeographicMapShowsTheCellUnderEveryPixel() throws Exception {
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32648", null);
        MemoryRaster r = raster(new GridSpec(900, 700, 200000, 4500000, 1000, -1000), utm);
        MathTransform toRaster = CrsSupport.transform(CrsSupport.lonLat(), utm);
        // the whole raster (about 1.6 cells a pixel), then a close-up (a cell over about 6 pixels)
        int checked = check(r, new MapRenderer.View(new Envelope(99.5, 111.0, 34.3, 41.0), 700, 420), toRaster);
        checked += check(r, new MapRenderer.View(new Envelope(104.0, 104.5, 37.0, 37.3), 700, 420), toRaster);
        assertTrue(checked > 300_000, checked + " pixels checked");
    }

    /**
     * A geographic raster of the whole southern ocean on a polar stereographic map of Antarctica: the pixels' longitudes
     * jump from 180 to -180 along a line from the pole and the map's corners lie far from the pole, so parts of the
     * lattice cannot be interpolated and are transformed pixel by pixel.
     */
    @Test
    void aGeographicRasterAroundThePoleShowsTheCellUnderEveryPixel() throws Exception {
        CoordinateReferenceSystem polar = CrsSupport.parse("EPSG:3031", null);
        MemoryRaster r = raster(new GridSpec(360, 40, -180, -50, 1, -1), CrsSupport.lonLat());
        MathTransform toRaster = CrsSupport.transform(polar, CrsSupport.lonLat());
        int checked = check(r, new MapRenderer.View(new Envelope(-5_000_000, 5_000_000, -5_000_000, 5_000_000), 500, 500), toRaster);
        assertTrue(checked > 100_000, checked + " pixels checked");
    }

    /** Draws the raster and compares every pixel with the cell under its centre; @return the pixels compared */
    private static int check(MemoryRaster r, MapRenderer.View view, MathTransform toRaster) throws Exception {
        BufferedImage img = MapRenderer.reprojected(r, STYLE, view, toRaster);
        GridSpec g = r.grid();
        int w = view.width(), h = view.height();
        double[][] u = new double[h][w], v = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] p = {view.mapX(x), view.mapY(y)};
                try {
                    toRaster.transform(p, 0, p, 0, 1);
                    u[y][x] = g.u(p[0]);
                    v[y][x] = g.v(p[1]);
                } catch (TransformException e) {
                    u[y][x] = v[y][x] = Double.NaN;
                }
            }
        }
        int[] lut = STYLE.lookupTable(); // the colours the renderer draws cells with
        int checked = 0, wrong = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double cu = u[y][x], cv = v[y][x];
                if (!(cu >= 0 && cv >= 0 && cu < g.width() && cv < g.height())) {
                    continue;
                }
                // the size of a pixel in cells here (the smallest step to a neighbouring pixel's centre)
                double step = Double.POSITIVE_INFINITY;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    double s = Math.hypot(u[y + d[1]][x + d[0]] - cu, v[y + d[1]][x + d[0]] - cv);
                    if (s > 0) {
                        step = Math.min(step, s);
                    }
                }
                double margin = 0.25 * Math.min(1, step);
                double du = cu - Math.floor(cu), dv = cv - Math.floor(cv);
                if (du < margin || du > 1 - margin || dv < margin || dv > 1 - margin) {
                    continue; // near a cell's edge: either cell is right
                }
                checked++;
                int expected = STYLE.argb(r.values()[(int) cv * g.width() + (int) cu], lut);
                if (img.getRGB(x, y) != expected) {
                    wrong++;
                }
            }
        }
        assertEquals(0, wrong, wrong + " of " + checked + " pixels show another cell than the one under their centre");
        return checked;
    }
}
