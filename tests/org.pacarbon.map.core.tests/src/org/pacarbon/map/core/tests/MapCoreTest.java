package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.Figure;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/** Ramps, class breaks, scale bars and rendered pixels on known data. */
class MapCoreTest {
    @TempDir
    Path dir;

    @Test
    void rampInterpolatesBetweenStops() {
        ColorRamp greys = ColorRamp.preset("greys");
        assertEquals(Color.WHITE, greys.at(0));
        assertEquals(Color.BLACK, greys.at(1));
        assertEquals(new Color(128, 128, 128), greys.at(0.5)); // 255 - 127.5 rounds to 128
        assertEquals(Color.BLACK, greys.at(7)); // clamped
    }

    @Test
    void classBreaksOnKnownData() {
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, Classification.equalInterval(0, 10, 4), 1e-12);
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new double[] {1, 5, 9}, Classification.quantile(v, 2), 1e-12);
        // three obvious natural groups
        double[] groups = {1, 1.1, 1.2, 5, 5.1, 5.2, 9, 9.1, 9.3};
        assertArrayEquals(new double[] {1, 5, 9, 9.3}, Classification.naturalBreaks(groups, 3), 1e-12);
    }

    @Test
    void scaleBarOnProjectedAndGeographicMaps() {
        // 1000 km wide projected map drawn 1000 px wide: a fifth is 200 km -> 200 km bar of 200 px
        MapRenderer.View utm = new MapRenderer.View(new Envelope(0, 1_000_000, 0, 500_000), 1000, 500);
        double[] bar = Figure.scaleBarLength(utm, utm());
        assertEquals(200_000, bar[0], 1e-6);
        assertEquals(200, bar[1], 1e-9);
        // 10 degrees at the equator = 1113.2 km; a fifth is 222.6 km -> 200 km bar
        MapRenderer.View geo = new MapRenderer.View(new Envelope(100, 110, -5, 5), 1000, 1000);
        double[] g = Figure.scaleBarLength(geo, CrsSupport.lonLat());
        assertEquals(200_000, g[0], 1e-6);
        assertEquals(200_000 / 1_113_194.9 * 1000, g[1], 0.01);
        // at 60 degrees north a degree of longitude is about half as long: the bar in pixels doubles
        MapRenderer.View north = new MapRenderer.View(new Envelope(100, 110, 55, 65), 1000, 1000);
        double[] n = Figure.scaleBarLength(north, CrsSupport.lonLat());
        assertEquals(100_000, n[0], 1e-6);
        assertEquals(100_000 / (1_113_194.9 * 0.5 * 1.00168) * 1000, n[1], 1.0);
    }

    private static org.opengis.referencing.crs.CoordinateReferenceSystem utm() {
        try {
            return CrsSupport.parse("EPSG:32650", null);
        } catch (org.pacarbon.gis.core.GisException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapDocumentRoundTrip() throws Exception {
        org.pacarbon.map.core.MapDocument d = new org.pacarbon.map.core.MapDocument();
        d.title = "T";
        d.crs = "EPSG:32650";
        d.extent = new Envelope(1, 3, 2, 4);
        d.legend = "L";
        d.credits = "C";
        d.layers.add(new org.pacarbon.map.core.MapDocument.RasterEntry("r", "data/r.tif", "v", "npp", 0.5, 2, true,
                new double[] {0.5, 1, 2}, "kgC/m2/yr", false));
        d.layers.add(new org.pacarbon.map.core.MapDocument.VectorEntry("p", "pas.gpkg", "pas", new Color(1, 2, 3),
                1.5f, new Color(4, 5, 6, 7), true));
        Path f = dir.resolve("m.pamap");
        d.write(f);
        org.pacarbon.map.core.MapDocument back = org.pacarbon.map.core.MapDocument.read(f);
        assertEquals("T", back.title);
        assertEquals("EPSG:32650", back.crs);
        assertEquals(d.extent, back.extent);
        assertEquals("C", back.credits);
        org.pacarbon.map.core.MapDocument.RasterEntry r = (org.pacarbon.map.core.MapDocument.RasterEntry) back.layers.get(0);
        assertEquals("npp", r.ramp());
        assertTrue(r.log() && !r.visible());
        assertArrayEquals(new double[] {0.5, 1, 2}, r.breaks(), 0);
        org.pacarbon.map.core.MapDocument.VectorEntry v = (org.pacarbon.map.core.MapDocument.VectorEntry) back.layers.get(1);
        assertEquals(new Color(4, 5, 6, 7), v.fill());
        assertEquals(new Color(1, 2, 3), v.stroke());
        assertEquals("pas", v.layer());
        Files.writeString(f, "{\"format\": \"something else\"}");
        org.pacarbon.gis.core.GisException e = org.junit.jupiter.api.Assertions.assertThrows(org.pacarbon.gis.core.GisException.class,
                () -> org.pacarbon.map.core.MapDocument.read(f));
        assertTrue(e.getMessage().contains("m.pamap"), e.getMessage());
    }

    @Test
    void renderedPngHasTheExpectedColoursAtKnownPoints() throws Exception {
        // 2 x 2 raster: 0, 10 / NaN, 5 over x 0..2, y 0..2, drawn 200 x 200 px with the greys ramp 0..10
        GridSpec grid = new GridSpec(2, 2, 0, 2, 1, -1);
        MemoryRaster r = new MemoryRaster(Path.of("mem"), grid, utm(), new float[] {0, 10, Float.NaN, 5}, "u");
        RasterStyle style = new RasterStyle(ColorRamp.preset("greys"), 0, 10, false, null, "u");
        MapRenderer.View view = new MapRenderer.View(new Envelope(0, 2, 0, 2), 200, 200);
        BufferedImage img = MapRenderer.raster(r, style, view);
        assertEquals(0xffffffff, img.getRGB(50, 50)); // value 0 -> white
        assertEquals(0xff000000, img.getRGB(150, 50)); // value 10 -> black
        assertEquals(0, img.getRGB(50, 150) >>> 24); // nodata -> transparent
        Color mid = new Color(img.getRGB(150, 150));
        assertTrue(Math.abs(mid.getRed() - 128) <= 1, mid.toString());
        Figure fig = new Figure("Test", img, view, utm(), style, "value", List.of(new Figure.Overlay(
                new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(0.5, 0.5), new Coordinate(1.5, 0.5),
                        new Coordinate(1.5, 1.5), new Coordinate(0.5, 1.5), new Coordinate(0.5, 0.5)}),
                Color.RED, 2f, null, "zone")), "credits");
        Path png = dir.resolve("fig.png");
        fig.write(png, 1);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(fig.width(), read.getWidth());
        // the map sits at (24, 44): its top-left quarter is white, the top-right black; the zone outline is red
        assertEquals(0xffffff, read.getRGB(24 + 20, 44 + 20) & 0xffffff);
        assertEquals(0x000000, read.getRGB(24 + 180, 44 + 20) & 0xffffff);
        assertEquals(0xff0000, read.getRGB(24 + 100, 44 + 50) & 0xffffff);
        Path svg = dir.resolve("fig.svg");
        fig.write(svg, 1);
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).contains("<svg"));
        Path pdf = dir.resolve("fig.pdf");
        fig.write(pdf, 1);
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-1.4"));
    }
}
