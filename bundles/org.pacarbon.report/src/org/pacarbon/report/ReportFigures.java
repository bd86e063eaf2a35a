package org.pacarbon.report;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.Figure;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/**
 * The report's maps: one figure per raster layer of the run (of a layer with years, the last year), drawn by the
 * map figure composer on the layer's own CRS over the study region, with the region's outline, the PAs' outlines by
 * class, a legend, a scale bar and a north arrow.
 */
final class ReportFigures {
    static final int VIEW_W = 620, VIEW_H = 430;
    /** Raster pixels per figure point in the report's maps. */
    static final int PRINT = 2;
    private static final Color[] CLASS_COLOURS = {new Color(0xb7, 0x1c, 0x1c), new Color(0x1b, 0x5e, 0x20),
            new Color(0x0d, 0x47, 0xa1), new Color(0x6a, 0x1b, 0x9a), new Color(0xe6, 0x51, 0x00)};

    private ReportFigures() {
    }

    /** The layers the report draws a map of: each raster layer's last year. */
    static List<AssessmentSpec.Layer> mapped(AssessmentSpec spec) {
        Map<String, AssessmentSpec.Layer> last = new LinkedHashMap<>();
        for (AssessmentSpec.Layer l : spec.layers()) {
            if (l.sum() == null && l.path() != null) {
                last.merge(l.key(), l, (a, b) -> b.yearOrZero() >= a.yearOrZero() ? b : a);
            }
        }
        return List.copyOf(last.values());
    }

    /** The figures, or fewer when a layer cannot be drawn (the reason goes to {@code log}). */
    static List<ReportModel.Drawing> figures(Assessment.Result r, ReportText tx, String version, Consumer<String> log) {
        AssessmentSpec spec = r.spec();
        Outlines outlines = null;
        List<ReportModel.Drawing> out = new ArrayList<>();
        int number = 1;
        for (AssessmentSpec.Layer l : mapped(spec)) {
            try {
                if (outlines == null) {
                    outlines = Outlines.of(r);
                }
                String name = tx.layer(spec, l.key()) + (l.year() == null ? "" : " " + l.year());
                Figure f = figure(r, tx, l, name, outlines, version);
                out.add(new ReportModel.Drawing(tx.t("figure.caption", String.valueOf(number++), name), f.width(), f.height(), f::paint));
            } catch (GisException | IOException | RuntimeException e) {
                log.accept("report: no map of layer '" + l.display() + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** The region's outline and each PA class's polygons (in their files' CRS), as the run measured them, for all the figures. */
    private record Outlines(@Nullable Geometry region, @Nullable CoordinateReferenceSystem regionCrs, Map<String, Geometry> classes,
            CoordinateReferenceSystem pasCrs) {
        static Outlines of(Assessment.Result r) {
            Assessment.Polygons polygons = r.polygons();
            Map<String, List<Geometry>> byClass = new LinkedHashMap<>();
            for (AssessmentSpec.PaClass c : r.spec().protectedAreas().classes()) {
                byClass.put(c.key(), new ArrayList<>());
            }
            Envelope env = new Envelope();
            for (Assessment.Pa pa : polygons.pas()) {
                List<Geometry> of = byClass.get(pa.classKey());
                if (of != null) {
                    of.add(pa.geometry());
                    env.expandToInclude(pa.geometry().getEnvelopeInternal());
                }
            }
            // drawn VIEW_W points across: each polygon is simplified to a quarter of a point (of the PAs' extent: finer
            // than the figure's, which holds the region), a polygon that would vanish keeps its rings, and a class is
            // the collection of its polygons, not their union: the map fills a collection by the non-zero winding rule
            // (MapRenderer.outlines), so overlapping PAs are filled once; the union of 500 polygons was most of the
            // figures' time
            double tolerance = Math.max(env.getWidth(), env.getHeight()) / (4 * VIEW_W);
            Map<String, Geometry> classes = new LinkedHashMap<>();
            byClass.forEach((value, geometries) -> {
                List<Geometry> parts = new ArrayList<>();
                for (Geometry g : geometries) {
                    Geometry s = simplified(g, tolerance);
                    for (int i = 0; i < s.getNumGeometries(); i++) {
                        parts.add(s.getGeometryN(i));
                    }
                }
                if (!parts.isEmpty()) {
                    classes.put(value, parts.get(0).getFactory().buildGeometry(parts));
                }
            });
            return new Outlines(polygons.region(), polygons.regionCrs(), classes, polygons.pasCrs());
        }

        /**
         * Douglas-Peucker without the validity fix (only drawn). A polygon that it would collapse stays on the map: one
         * no bigger than a point across as its bounding box (a dot), a longer one simplified keeping its rings.
         */
        private static Geometry simplified(Geometry g, double tolerance) {
            if (!(tolerance > 0)) {
                return g;
            }
            org.locationtech.jts.simplify.DouglasPeuckerSimplifier dp = new org.locationtech.jts.simplify.DouglasPeuckerSimplifier(g);
            dp.setDistanceTolerance(tolerance);
            dp.setEnsureValid(false);
            Geometry s = dp.getResultGeometry();
            if (!s.isEmpty() && s.getNumGeometries() >= g.getNumGeometries()) {
                return s;
            }
            Envelope e = g.getEnvelopeInternal();
            return Math.max(e.getWidth(), e.getHeight()) <= 4 * tolerance ? g.getFactory().toGeometry(e)
                    : org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(g, tolerance);
        }
    }

    private static Figure figure(Assessment.Result r, ReportText tx, AssessmentSpec.Layer l, String name, Outlines o, String version)
            throws GisException, IOException {
        AssessmentSpec spec = r.spec();
        try (RasterSource src = RasterFiles.open(l.filePath(), Assessment.request(spec, l))) {
            CoordinateReferenceSystem crs = src.crs();
            boolean log = !l.isDensity();
            double[] q = Classification.displayQuantiles(src, log);
            if (q == null) {
                throw new GisException(l.filePath(), "has no valid value to draw", "a raster with data");
            }
            double min = log ? Math.max(q[1], Double.MIN_NORMAL) : q[1], max = Math.max(q[49], min * 1.000001 + 1e-12);
            String ramp = switch (l.group()) {
                case "uptake" -> "npp";
                case "emissions" -> "emissions";
                default -> "carbon";
            };
            String layerUnit = l.unit();
            String unit = layerUnit == null ? "" : layerUnit;
            RasterStyle style = new RasterStyle(ColorRamp.preset(ramp), min, max, log, null, unit);
            List<Figure.Layer> parts = new ArrayList<>();
            Envelope ext = new Envelope();
            Geometry regionGeom = null;
            Geometry oRegion = o.region();
            CoordinateReferenceSystem oRegionCrs = o.regionCrs();
            if (oRegion != null && oRegionCrs != null) {
                regionGeom = Geometries.transform(oRegion, oRegionCrs, crs);
                ext.expandToInclude(regionGeom.getEnvelopeInternal());
            }
            List<Figure.Layer> outlines = new ArrayList<>();
            int i = 0;
            for (AssessmentSpec.PaClass c : spec.protectedAreas().classes()) {
                Color col = CLASS_COLOURS[i++ % CLASS_COLOURS.length];
                Geometry polygons = o.classes().get(c.key());
                if (polygons == null) {
                    continue;
                }
                Geometry g = Geometries.transform(polygons, o.pasCrs(), crs);
                if (regionGeom == null) {
                    ext.expandToInclude(g.getEnvelopeInternal());
                }
                outlines.add(new Figure.Overlay(g, col, 1.0f, new Color(col.getRed(), col.getGreen(), col.getBlue(), 40),
                        tx.category(spec, c.key(), c.label())));
            }
            if (ext.isNull()) {
                GridSpec g = src.grid();
                ext = new Envelope(g.minX(), g.maxX(), g.minY(), g.maxY());
            }
            ext.expandBy(ext.getWidth() * 0.02, ext.getHeight() * 0.02);
            MapRenderer.View view = CrsSupport.isGeographic(crs) ? MapRenderer.View.fitGeographic(ext, VIEW_W, VIEW_H)
                    : MapRenderer.View.fit(ext, VIEW_W, VIEW_H);
            MapLayer raster = MapLayer.raster(name, src, style);
            // the raster at twice the view's pixels: about 180 dpi where the PDF prints the map 15 cm wide
            parts.add(raster.figureLayer(new MapRenderer.View(view.extent(), view.width() * PRINT, view.height() * PRINT)));
            if (regionGeom != null) {
                parts.add(new Figure.Overlay(regionGeom, new Color(0x33, 0x33, 0x33), 0.8f, null, tx.t("category.region")));
            }
            parts.addAll(outlines);
            String credits = tx.t("figure.credits", spec.protectedAreas().path().getFileName().toString(), version);
            return new Figure(name, parts, view, crs, credits);
        }
    }
}
