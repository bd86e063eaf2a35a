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
        Figure fig = new Figure("Test", List.of(new Figure.RasterLayer(img, 1f, style, "value"), new Figure.Overlay(
                new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(0.5, 0.5), new Coordinate(1.5, 0.5),
                        new Coordinate(1.5, 1.5), new Coordinate(0.5, 1.5), new Coordinate(0.5, 0.5)}),
                Color.RED, 2f, null, "zone")), view, utm(), "credits");
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
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        // vector: the title, legend and scale bar are text in the PDF (they were pixels of one image before)
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
        try {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            for (String s : List.of("Test", "value", "zone", "credits", "N")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            assertTrue(java.util.regex.Pattern.compile("\\d k?m\\b").matcher(text).find(), "scale bar label in " + text);
            assertEquals(fig.width(), reader.getPageSize(1).getRight(), 0.5, "page size in points");
        } finally {
            reader.close();
        }
    }

    @Test
    void aPrintResolutionRasterFillsTheSameMapArea() throws Exception {
        // the same two-halves raster drawn at the view's size and at twice its pixels: the figures must agree
        Path tif = halves("print.tif", 0f, 10f);
        try (org.pacarbon.gis.core.raster.RasterSource r = org.pacarbon.gis.core.raster.RasterFiles.open(tif)) {
            RasterStyle style = new RasterStyle(ColorRamp.preset("greys"), 0, 10, false, null, "u");
            MapRenderer.View view = MapRenderer.View.fit(new org.locationtech.jts.geom.Envelope(500000, 520000, 4000000, 4010000), 200, 100);
            MapRenderer.View twice = new MapRenderer.View(view.extent(), 400, 200);
            BufferedImage one = new Figure("f", List.of(new Figure.RasterLayer(MapRenderer.raster(r, style, view), 1f, style, "v")),
                    view, utm(), "").image(1);
            BufferedImage two = new Figure("f", List.of(new Figure.RasterLayer(MapRenderer.raster(r, style, twice), 1f, style, "v")),
                    view, utm(), "").image(1);
            assertEquals(one.getWidth(), two.getWidth());
            // (24, 44) is the map's corner: left half white (0), right half black (10) in both
            for (int[] p : new int[][] {{24 + 20, 44 + 50}, {24 + 80, 44 + 50}, {24 + 120, 44 + 50}, {24 + 180, 44 + 50}}) {
                assertEquals(one.getRGB(p[0], p[1]) & 0xffffff, two.getRGB(p[0], p[1]) & 0xffffff, "pixel " + p[0] + "," + p[1]);
            }
            assertEquals(0xffffff, two.getRGB(24 + 20, 44 + 50) & 0xffffff);
            assertEquals(0x000000, two.getRGB(24 + 180, 44 + 50) & 0xffffff);
        }
    }

    /** A 20 x 10 raster of 1 km cells in UTM 50N at 500000, 4000000..: left half {@code left}, right half {@code right}. */
    private Path halves(String name, float left, float right) throws Exception {
        Path tif = dir.resolve(name);
        org.pacarbon.gis.core.io.GeoTiffWriter.of(20, 10).crs(32650, false).upperLeft(500000, 4010000).cellSize(1000, 1000)
                .write(tif, (r, row) -> {
                    for (int c = 0; c < 20; c++) {
                        row[c] = c < 10 ? left : right;
                    }
                });
        return tif;
    }

    @Test
    void figureDrawsLayersInTheirOrderAndLegendsEveryVisibleLayer() throws Exception {
        // a red outline under an opaque raster: the figure (like the screen) must not show the outline through it
        Path tif = halves("r.tif", 0, 10);
        Path outline = dir.resolve("o.geojson");
        Files.writeString(outline, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[505000,4002000],[515000,4002000],[515000,4008000],[505000,4008000],[505000,4002000]]]}}]}
                """);
        org.pacarbon.map.core.MapDocument d = new org.pacarbon.map.core.MapDocument();
        d.crs = "EPSG:32650";
        d.extent = new Envelope(500000, 520000, 4000000, 4010000);
        d.layers.add(new org.pacarbon.map.core.MapDocument.VectorEntry("outline", "o.geojson", null, Color.RED, 3f, null, true));
        d.layers.add(new org.pacarbon.map.core.MapDocument.RasterEntry("upper raster", "r.tif", null, "greys", 0, 10, false, null, "u", true));
        d.layers.add(new org.pacarbon.map.core.MapDocument.VectorEntry("hidden", "o.geojson", null, Color.BLUE, 3f, null, false));
        Figure fig = d.toFigure(dir, 200, 100);
        assertEquals(List.of("upper raster", "outline"), fig.legendEntries()); // top first; the hidden layer has none
        BufferedImage img = fig.image(1);
        // map at (24, 44), 200 x 100 px for 20 x 10 km: the outline's west edge x = 505000 is at px 50; raster value 0 = white
        assertEquals(0xffffff, img.getRGB(24 + 50, 44 + 50) & 0xffffff);
        assertEquals(0x000000, img.getRGB(24 + 150, 44 + 50) & 0xffffff);
        // the same layers the other way round: the outline is drawn, red, above the raster
        java.util.Collections.swap(d.layers, 0, 1);
        Figure fig2 = d.toFigure(dir, 200, 100);
        assertEquals(List.of("outline", "upper raster"), fig2.legendEntries());
        assertEquals(0xff0000, fig2.image(1).getRGB(24 + 50, 44 + 50) & 0xffffff);
    }

    @Test
    void savedDocumentKeepsClassesLogStretchAndOpacity() throws Exception {
        Path tif = halves("e.tif", 0, 100);
        org.pacarbon.map.core.MapDocument d = new org.pacarbon.map.core.MapDocument();
        d.crs = "EPSG:32650";
        d.layers.add(new org.pacarbon.map.core.MapDocument.RasterEntry("edgar", "e.tif", null, "emissions", 0.1, 100, true,
                new double[] {0.1, 1, 10, 100}, "t", true, 0.6f));
        Path f = dir.resolve("m.pamap");
        d.write(f);
        org.pacarbon.map.core.MapDocument back = org.pacarbon.map.core.MapDocument.read(f);
        org.pacarbon.map.core.MapDocument.RasterEntry r = (org.pacarbon.map.core.MapDocument.RasterEntry) back.layers.get(0);
        assertEquals(0.6f, r.opacity(), 1e-6);
        RasterStyle st = r.style();
        assertTrue(st.log());
        assertArrayEquals(new double[] {0.1, 1, 10, 100}, st.breaks(), 0);
        // zeros on a log stretch are not drawn (transparent), as before saving; 100 takes the last class's colour
        assertEquals(0, st.argb(0f) >>> 24);
        assertEquals(new RasterStyle(ColorRamp.preset("emissions"), 0.1, 100, true, new double[] {0.1, 1, 10, 100}, "t").argb(100f),
                st.argb(100f));
        // the figure of the reopened document: the zero half shows the background through, the other half is drawn
        BufferedImage img = back.toFigure(dir, 200, 100).image(1);
        assertEquals(0xe8f0f6, img.getRGB(24 + 50, 44 + 50) & 0xffffff);
        assertTrue((img.getRGB(24 + 150, 44 + 50) & 0xffffff) != 0xe8f0f6);
    }

    @Test
    void legendLabelsOfAContinuousBarNeverOverlap() {
        // a stretch from 0.04 to 0.07: six ticks on a short bar would print on top of each other; labels closer than
        // a text line to the previous one are left out
        RasterStyle style = new RasterStyle(ColorRamp.preset("greys"), 0.04, 0.07, false, null, "kgC/m2");
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        MapRenderer.View view = new MapRenderer.View(new Envelope(0, 1, 0, 1), 60, 60);
        Figure fig = new Figure("t", List.of(new Figure.RasterLayer(img, 1f, style, "a"), new Figure.RasterLayer(img, 1f, style, "b"),
                new Figure.RasterLayer(img, 1f, style, "c")), view, utm(), "");
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(fig.width(), fig.height());
        fig.paint(svg);
        String doc = svg.getSVGDocument();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text[^>]*y='([0-9.]+)'[^>]*>(0\\.0[0-9]*)</text>").matcher(doc);
        List<Double> ys = new java.util.ArrayList<>();
        while (m.find()) {
            ys.add(Double.parseDouble(m.group(1)));
        }
        assertTrue(ys.size() >= 6, "tick labels found: " + ys + " in " + doc.length() + " chars");
        java.util.Collections.sort(ys);
        for (int i = 1; i < ys.size(); i++) {
            assertTrue(ys.get(i) - ys.get(i - 1) >= 11, "labels " + ys);
        }
    }

    @Test
    void anUpperRasterCoversEveryPixelOfItsDataAtEveryScale() throws Exception {
        // a lon/lat raster with a value in every cell (0.05 degree, 400 x 300): drawn alone, at any scale and also
        // reprojected, every pixel inside its extent must be opaque, or a lower layer would show through
        Path tif = dir.resolve("full.tif");
        org.pacarbon.gis.core.io.GeoTiffWriter.of(400, 300).crs(4326, true).upperLeft(115, 53).cellSize(0.05, 0.05).nodata(-9999f)
                .tiled(256).write(tif, (r, row) -> {
                    for (int c = 0; c < 400; c++) {
                        row[c] = (float) (1 + (r * 7 + c * 3) % 11);
                    }
                });
        try (org.pacarbon.gis.core.raster.RasterSource src = org.pacarbon.gis.core.raster.RasterFiles.open(tif, (String) null)) {
            RasterStyle style = new RasterStyle(ColorRamp.preset("npp"), 0, 12, false, null, "");
            org.pacarbon.map.core.MapLayer layer = org.pacarbon.map.core.MapLayer.raster("npp", src, style);
            // inner boxes (away from the raster's edges by more than a pixel) at 1/1, 1/8, 1/64 of its extent
            double[][] boxes = {{115.5, 134.5, 38.5, 52.5}, {124, 126.5, 45, 47}, {125, 125.3, 46, 46.2}};
            for (double[] b : boxes) {
                MapRenderer.View view = new MapRenderer.View(new Envelope(b[0], b[1], b[2], b[3]), 300, 220);
                BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
                java.awt.Graphics2D g = img.createGraphics();
                layer.paint(g, view);
                g.dispose();
                assertEquals(0, transparentPixels(img), "transparent pixels at " + java.util.Arrays.toString(b));
            }
            // the same raster on a Web Mercator map
            layer.reprojectTo(CrsSupport.parse("EPSG:3857", null));
            Envelope e = layer.extent();
            for (double f : new double[] {0.02, 0.3, 0.45}) {
                Envelope in = new Envelope(e.getMinX() + f * e.getWidth(), e.getMaxX() - f * e.getWidth(),
                        e.getMinY() + f * e.getHeight(), e.getMaxY() - f * e.getHeight());
                MapRenderer.View view = MapRenderer.View.fit(in, 300, 220);
                BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
                java.awt.Graphics2D g = img.createGraphics();
                layer.paint(g, view);
                g.dispose();
                assertEquals(0, transparentPixels(img), "transparent pixels (reprojected) at " + in);
            }
        }
    }

    private static int transparentPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) >>> 24 != 0xff) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * A collection of overlapping polygons (PAs of one class, drawn without a union) is filled once where they overlap,
     * whichever way round their rings run, and not inside a hole that no other polygon covers: pixel by pixel against
     * the union computed by hand.
     */
    @Test
    void overlappingPolygonsOfACollectionAreFilledAsTheirUnion() {
        GeometryFactory gf = new GeometryFactory();
        // A: 0..60 x 0..60, its shell and its hole (10..20 x 10..20) both clockwise; B: 40..100 x 40..100,
        // counter-clockwise, overlapping A; C: 0..30 x 70..100, clockwise, and D: 5..15 x 75..85, counter-clockwise,
        // inside C (one way round only, overlaps would be left empty; the even-odd rule empties them all)
        org.locationtech.jts.geom.Polygon a = gf.createPolygon(gf.createLinearRing(ring(0, 0, 0, 60, 60, 60, 60, 0)),
                new org.locationtech.jts.geom.LinearRing[] {gf.createLinearRing(ring(10, 10, 10, 20, 20, 20, 20, 10))});
        org.locationtech.jts.geom.Polygon b = gf.createPolygon(ring(40, 40, 100, 40, 100, 100, 40, 100));
        org.locationtech.jts.geom.Polygon c = gf.createPolygon(ring(0, 70, 0, 100, 30, 100, 30, 70));
        org.locationtech.jts.geom.Polygon d = gf.createPolygon(ring(5, 75, 15, 75, 15, 85, 5, 85));
        org.locationtech.jts.geom.Geometry all = gf.createGeometryCollection(new org.locationtech.jts.geom.Geometry[] {
                a, gf.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {b, c}), d});
        MapRenderer.View view = new MapRenderer.View(new Envelope(0, 100, 0, 100), 100, 100);
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        MapRenderer.outlines(g, all, view, new Color(0, 0, 0, 0), 0.01f, new Color(0, 0, 255, 100));
        g.dispose();
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                double mx = x + 0.5, my = 100 - (y + 0.5); // the pixel's centre on the map
                if (near(mx, my)) {
                    continue; // anti-aliased edge pixels
                }
                boolean inA = mx < 60 && my < 60 && !(mx > 10 && mx < 20 && my > 10 && my < 20);
                boolean inB = mx > 40 && my > 40;
                boolean inC = mx < 30 && my > 70;
                int alpha = img.getRGB(x, y) >>> 24;
                assertEquals(inA || inB || inC ? 100 : 0, alpha, 1, "pixel at map " + mx + ", " + my);
            }
        }
    }

    /**
     * A ring of many vertices far closer than a pixel (1 999: drawn as it is, not simplified), with a hole: the vertices
     * within half a pixel of the last one drawn are left out, and what is filled is still the disc less the hole (pixel
     * centres more than a pixel from either circle, by the circles' equations).
     */
    @Test
    void aRingOfSubPixelVerticesIsFilledAsItsShape() {
        GeometryFactory gf = new GeometryFactory();
        org.locationtech.jts.geom.Polygon disc = gf.createPolygon(gf.createLinearRing(circle(50, 50, 40, 1998)),
                new org.locationtech.jts.geom.LinearRing[] {gf.createLinearRing(circle(50, 50, 15, 600))});
        assertEquals(1999 + 601, disc.getNumPoints());
        MapRenderer.View view = new MapRenderer.View(new Envelope(0, 100, 0, 100), 100, 100);
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        MapRenderer.outlines(g, disc, view, new Color(0, 0, 0, 0), 0.01f, new Color(0, 0, 255, 100));
        g.dispose();
        int checked = 0;
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                double mx = x + 0.5, my = 100 - (y + 0.5);
                double r = Math.hypot(mx - 50, my - 50);
                if (Math.abs(r - 40) < 1.5 || Math.abs(r - 15) < 1.5) {
                    continue; // anti-aliased edge pixels
                }
                checked++;
                assertEquals(r < 40 && r > 15 ? 100 : 0, img.getRGB(x, y) >>> 24, 1, "pixel at map " + mx + ", " + my);
            }
        }
        assertTrue(checked > 8000, checked + " pixels checked");
    }

    /** A closed ring of {@code n} segments round (cx, cy), counter-clockwise. */
    private static Coordinate[] circle(double cx, double cy, double r, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            cs[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        cs[n] = cs[0];
        return cs;
    }

    private static Coordinate[] ring(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        cs[cs.length - 1] = cs[0];
        return cs;
    }

    /** Within a pixel of one of the test's polygon edges (any of the coordinates 0, 5, 10, 15, 20, 30, 40, 60, 70, 75, 85). */
    private static boolean near(double x, double y) {
        for (double e : new double[] {0, 5, 10, 15, 20, 30, 40, 60, 70, 75, 85, 100}) {
            if (Math.abs(x - e) < 1.5 || Math.abs(y - e) < 1.5) {
                return true;
            }
        }
        return false;
    }

    /** Outlines of many polygons are simplified one by one: every part kept, valid, within the tolerance of its original. */
    @Test
    void manyPolygonsAreSimplifiedPartByPartWithinTheTolerance() {
        GeometryFactory gf = new GeometryFactory();
        java.util.Random rnd = new java.util.Random(17);
        List<org.locationtech.jts.geom.Polygon> polys = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double cx = (i % 20) * 100, cy = (i / 20) * 100;
            Coordinate[] cs = new Coordinate[201];
            for (int k = 0; k < 200; k++) {
                double t = 2 * Math.PI * k / 200, r = 30 + 2 * rnd.nextDouble();
                cs[k] = new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t));
            }
            cs[200] = cs[0];
            polys.add(gf.createPolygon(cs));
        }
        org.locationtech.jts.geom.MultiPolygon all = gf.createMultiPolygon(polys.toArray(new org.locationtech.jts.geom.Polygon[0]));
        double tol = 1.5;
        org.locationtech.jts.geom.Geometry s = MapRenderer.simplifyParts(all, tol);
        assertEquals(400, s.getNumGeometries());
        assertTrue(s.getNumPoints() < all.getNumPoints() / 2, "fewer vertices: " + s.getNumPoints());
        for (int i = 0; i < 400; i++) {
            org.locationtech.jts.geom.Geometry p = s.getGeometryN(i);
            assertTrue(p instanceof org.locationtech.jts.geom.Polygon && p.isValid(), "part " + i);
            double d = org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(polys.get(i), p);
            assertTrue(d <= tol * 2, "part " + i + " moved " + d); // about the tolerance (JTS may also drop a ring's end point)
        }
    }
}
