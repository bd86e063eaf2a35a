package org.pacarbon.cli.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/**
 * The map benchmark (not a test): first draw and redraws of a big raster with the PA outlines on top, at full
 * extent and zoomed in, through the renderer the Map view and the figures use. Prints a Markdown table.
 */
public final class RenderBench {
    private RenderBench() {
    }

    public static void run(Path raster, Path pas, int width, int height, PrintStream out) throws GisException {
        try (RasterSource src = RasterFiles.open(raster)) {
            FeatureSet set = VectorIO.read(pas, null, null);
            List<Geometry> parts = new ArrayList<>();
            for (Feature f : set.features()) {
                parts.add(f.geometry());
            }
            Geometry outlines = Geometries.transform(Geometries.union(parts), set.crs(), src.crs());
            RasterStyle style = new RasterStyle(ColorRamp.preset("carbon"), 0, 20, false, null, "kgC/m2");
            MapLayer r = MapLayer.raster("carbon", src, style);
            MapLayer v = MapLayer.vector("PAs", outlines, Color.DARK_GRAY, 1f, null);
            Envelope full = new Envelope(src.grid().minX(), src.grid().maxX(), src.grid().minY(), src.grid().maxY());
            out.printf("Raster %s: %d x %d cells; %d PA polygons; view %d x %d px%n%n", raster.getFileName(),
                    src.grid().width(), src.grid().height(), set.features().size(), width, height);
            out.println("| draw | total ms | raster ms | PA outlines ms |");
            out.println("|---|---:|---:|---:|");
            Path cache = java.nio.file.Files.createTempDirectory("pacarbon-bench-cache");
            System.setProperty("pacarbon.cache", cache.toString());
            time(out, "first picture, full extent, no overviews yet: the coarse preview the Map view shows first", r, v, full, width, height, true);
            time(out, "first draw, full extent, no overviews yet (computes and caches them)", r, v, full, width, height);
            org.pacarbon.map.core.Overviews.forgetMemory();
            time(out, "first draw in a new session (overviews from the disk cache)", r, v, full, width, height);
            time(out, "redraw, full extent", r, v, full, width, height);
            time(out, "redraw, full extent (again)", r, v, full, width, height);
            for (double zoom : new double[] {4, 16, 64}) {
                Envelope e = new Envelope(full.centre());
                e.expandBy(full.getWidth() / zoom / 2, full.getHeight() / zoom / 2);
                time(out, "zoom in " + (int) zoom + "x (outlines simplified for the new scale)", r, v, e, width, height);
                time(out, "redraw, zoomed in " + (int) zoom + "x", r, v, e, width, height);
            }
            // a session that has drawn for a while: the drawing code compiled by the JIT (the rows above are the first
            // frames of a fresh process, part of their time the JIT's)
            for (double zoom : new double[] {1, 4}) {
                Envelope e = new Envelope(full.centre());
                e.expandBy(full.getWidth() / zoom / 2, full.getHeight() / zoom / 2);
                long[][] ts = new long[20][];
                for (int i = 0; i < ts.length; i++) {
                    ts[i] = draw(r, v, e, width, height, false);
                }
                java.util.Arrays.sort(ts, java.util.Comparator.comparingLong(t -> t[0] + t[1]));
                long[] m = ts[ts.length / 2];
                out.printf("| redraw, %s, later in the session (median of %d) | %.0f | %.0f | %.0f |%n",
                        zoom == 1 ? "full extent" : "zoomed in " + (int) zoom + "x", ts.length, (m[0] + m[1]) / 1e6, m[0] / 1e6, m[1] / 1e6);
            }
            reprojected(out, src, style, width, height);
        } catch (java.io.IOException e) {
            throw new GisException(raster, "could not be benchmarked: " + e.getMessage(), "a readable raster");
        }
    }

    /** The raster on a geographic map (each pixel's place in the raster found through the transformation). */
    private static void reprojected(PrintStream out, RasterSource src, RasterStyle style, int w, int h) throws GisException {
        org.opengis.referencing.crs.CoordinateReferenceSystem ll = org.pacarbon.gis.core.crs.CrsSupport.lonLat();
        Geometry box = Geometries.transform(Geometries.box(src.grid().minX(), src.grid().minY(), src.grid().maxX(), src.grid().maxY()),
                src.crs(), ll);
        MapRenderer.View view = MapRenderer.View.fitGeographic(box.getEnvelopeInternal(), w, h);
        org.opengis.referencing.operation.MathTransform toRaster = org.pacarbon.gis.core.crs.CrsSupport.transform(ll, src.crs());
        long[] ts = new long[11];
        for (int i = 0; i < ts.length; i++) {
            long t0 = System.nanoTime();
            MapRenderer.reprojected(src, style, view, toRaster);
            ts[i] = System.nanoTime() - t0;
        }
        out.printf("| the raster on a geographic map (%d x %d px), first draw | %.0f | %.0f | |%n", view.width(), view.height(), ts[0] / 1e6, ts[0] / 1e6);
        java.util.Arrays.sort(ts, 1, ts.length);
        out.printf("| the raster on a geographic map, redraw (median of %d) | %.0f | %.0f | |%n", ts.length - 1, ts[ts.length / 2] / 1e6,
                ts[ts.length / 2] / 1e6);
    }

    private static void time(PrintStream out, String what, MapLayer r, MapLayer v, Envelope e, int w, int h)
            throws GisException {
        time(out, what, r, v, e, w, h, false);
    }

    private static void time(PrintStream out, String what, MapLayer r, MapLayer v, Envelope e, int w, int h, boolean preview)
            throws GisException {
        long[] t = draw(r, v, e, w, h, preview);
        out.printf("| %s | %.0f | %.0f | %.0f |%n", what, (t[0] + t[1]) / 1e6, t[0] / 1e6, t[1] / 1e6);
    }

    /** @return the nanoseconds of the raster's drawing and of the outlines' */
    private static long[] draw(MapLayer r, MapLayer v, Envelope e, int w, int h, boolean preview) throws GisException {
        long t0 = System.nanoTime();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        MapRenderer.View view = new MapRenderer.View(e, w, h);
        if (preview) {
            r.paintPreview(g, view);
        } else {
            r.paint(g, view);
        }
        long t1 = System.nanoTime();
        v.paint(g, view);
        g.dispose();
        long t2 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1};
    }
}
