package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A map document ({@code .pamap}, JSON): title, CRS, extent, layers with their sources and styles, legend
 * title and credits. Paths are stored relative to the document. It opens again as it was saved, and it is
 * what {@code ./pacarbon figure} turns into a figure.
 */
public final class MapDocument {
    /** A raster layer entry. */
    public record RasterEntry(String name, String path, @Nullable String variable, String ramp, double min, double max, boolean log,
            double @Nullable [] breaks, String unit, boolean visible, float opacity) {
        public RasterEntry(String name, String path, @Nullable String variable, String ramp, double min, double max, boolean log,
                double @Nullable [] breaks, String unit, boolean visible) {
            this(name, path, variable, ramp, min, max, log, breaks, unit, visible, 1f);
        }

        /** The layer's style as the map draws it. */
        public RasterStyle style() {
            return new RasterStyle(ColorRamp.preset(ramp), min, max, log, breaks, unit);
        }
    }

    /** A vector layer entry. */
    public record VectorEntry(String name, String path, @Nullable String layer, Color stroke, float width, @Nullable Color fill, boolean visible,
            float opacity) {
        public VectorEntry(String name, String path, @Nullable String layer, Color stroke, float width, @Nullable Color fill,
                boolean visible) {
            this(name, path, layer, stroke, width, fill, visible, 1f);
        }
    }

    /** A layer a service makes again from its URI (the basemap, web map tiles), with the service's own style. */
    public record ServiceEntry(String name, String uri, boolean visible, float opacity) {
    }

    public String title = "Map";
    public String crs = "EPSG:4326";
    public @Nullable Envelope extent;
    public String legend = "";
    public String credits = "";
    public final List<Object> layers = new ArrayList<>();

    /** Writes the document (atomically: temporary file, then rename). */
    public void write(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("format", "pacarbon-map/1");
        root.put("title", title);
        root.put("crs", crs);
        Envelope e = extent;
        if (e != null) {
            root.putArray("extent").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        }
        root.put("legend", legend);
        root.put("credits", credits);
        ArrayNode ls = root.putArray("layers");
        for (Object o : layers) {
            ObjectNode n = ls.addObject();
            if (o instanceof RasterEntry r) {
                n.put("type", "raster").put("name", r.name()).put("path", r.path()).put("visible", r.visible()).put("opacity", r.opacity());
                if (r.variable() != null) {
                    n.put("variable", r.variable());
                }
                ObjectNode s = n.putObject("style");
                s.put("ramp", r.ramp()).put("min", r.min()).put("max", r.max()).put("log", r.log()).put("unit", r.unit());
                double[] breaks = r.breaks();
                if (breaks != null) {
                    ArrayNode b = s.putArray("breaks");
                    for (double v : breaks) {
                        b.add(v);
                    }
                }
            } else if (o instanceof VectorEntry v) {
                n.put("type", "vector").put("name", v.name()).put("path", v.path()).put("visible", v.visible()).put("opacity", v.opacity());
                if (v.layer() != null) {
                    n.put("layer", v.layer());
                }
                ObjectNode s = n.putObject("style");
                s.put("stroke", hex(v.stroke())).put("width", v.width());
                Color fill = v.fill();
                if (fill != null) {
                    s.put("fill", hex(fill));
                }
            } else if (o instanceof ServiceEntry v) {
                n.put("type", "service").put("name", v.name()).put("uri", v.uri()).put("visible", v.visible()).put("opacity", v.opacity());
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, m.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a document; a damaged or foreign file gives a message naming it. */
    public static MapDocument read(Path file) throws GisException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new GisException(file, "is not a readable map document (" + e.getMessage() + ")", "a .pamap JSON file", e);
        }
        if (root == null || !"pacarbon-map/1".equals(root.path("format").asText())) {
            throw new GisException(file, "is not a PA-Carbon map document (no \"format\": \"pacarbon-map/1\")", "a .pamap file");
        }
        MapDocument d = new MapDocument();
        d.title = root.path("title").asText(d.title);
        d.crs = root.path("crs").asText(d.crs);
        d.legend = root.path("legend").asText("");
        d.credits = root.path("credits").asText("");
        JsonNode e = root.path("extent");
        if (e.isArray() && e.size() == 4) {
            d.extent = new Envelope(e.get(0).asDouble(), e.get(2).asDouble(), e.get(1).asDouble(), e.get(3).asDouble());
        }
        for (JsonNode n : root.path("layers")) {
            JsonNode s = n.path("style");
            String type = n.path("type").asText();
            if (type.equals("raster")) {
                double[] breaks = null;
                if (s.has("breaks")) {
                    breaks = new double[s.get("breaks").size()];
                    for (int i = 0; i < breaks.length; i++) {
                        breaks[i] = s.get("breaks").get(i).asDouble();
                    }
                }
                d.layers.add(new RasterEntry(n.path("name").asText(), n.path("path").asText(), n.has("variable") ? n.get("variable").asText() : null,
                        s.path("ramp").asText("viridis"), s.path("min").asDouble(0), s.path("max").asDouble(1), s.path("log").asBoolean(false),
                        breaks, s.path("unit").asText(""), n.path("visible").asBoolean(true), opacity(n)));
            } else if (type.equals("vector")) {
                d.layers.add(new VectorEntry(n.path("name").asText(), n.path("path").asText(), n.has("layer") ? n.get("layer").asText() : null,
                        color(s.path("stroke").asText("#333333")), (float) s.path("width").asDouble(1),
                        s.has("fill") ? color(s.get("fill").asText()) : null, n.path("visible").asBoolean(true), opacity(n)));
            } else if (type.equals("service") && !n.path("uri").asText().isBlank()) {
                d.layers.add(new ServiceEntry(n.path("name").asText(), n.path("uri").asText(), n.path("visible").asBoolean(true), opacity(n)));
            } else {
                throw new GisException(file, "has a layer of unknown type '" + type + "'", "raster, vector or service (with a uri) layers");
            }
        }
        return d;
    }

    private static float opacity(JsonNode layer) {
        double o = layer.path("opacity").asDouble(1);
        return (float) (Double.isFinite(o) ? Math.max(0, Math.min(1, o)) : 1);
    }

    /**
     * Builds the figure of this document as the map shows it: every visible layer in the document's order (the
     * first is drawn first), rasters in another CRS reprojected to the document's, a legend entry per visible layer;
     * paths are resolved against {@code base} (the document's folder).
     */
    public Figure toFigure(Path base, int maxWidth, int maxHeight) throws GisException {
        CoordinateReferenceSystem mapCrs = CrsSupport.parse(crs, null);
        List<MapLayer> mapLayers = new ArrayList<>();
        List<RasterSource> opened = new ArrayList<>();
        Envelope all = new Envelope();
        try {
            for (Object o : layers) {
                if (o instanceof RasterEntry r && r.visible()) {
                    RasterSource src = RasterFiles.open(base.resolve(r.path()), r.variable());
                    opened.add(src);
                    MapLayer l = MapLayer.raster(r.name(), src, r.style());
                    l.reprojectTo(mapCrs);
                    l.setOpacity(r.opacity());
                    mapLayers.add(l);
                    all.expandToInclude(l.extent());
                } else if (o instanceof VectorEntry v && v.visible()) {
                    FeatureSet set = VectorIO.read(base.resolve(v.path()), v.layer(), null);
                    Geometry g = Geometries.transform(Geometries.union(set.features().stream().map(Feature::geometry).toList()), set.crs(), mapCrs);
                    MapLayer l = MapLayer.vector(v.name(), g, v.stroke(), v.width(), v.fill());
                    l.setOpacity(v.opacity());
                    mapLayers.add(l);
                    all.expandToInclude(g.getEnvelopeInternal());
                } else if (o instanceof ServiceEntry sv && sv.visible()) {
                    MapModel made = new MapModel(mapCrs);
                    for (MapLayer l : LayerSources.add(made, sv.uri())) { // the basemap's world does not widen the figure
                        l.setOpacity(sv.opacity());
                        mapLayers.add(l);
                    }
                }
            }
            Envelope ext = extent != null ? extent : all;
            if (ext.isNull() || ext.getWidth() <= 0 || ext.getHeight() <= 0) {
                throw new GisException(null, "the map document has no visible layer with an extent", "a map with visible layers");
            }
            MapRenderer.View view = CrsSupport.isGeographic(mapCrs) ? MapRenderer.View.fitGeographic(ext, maxWidth, maxHeight)
                    : MapRenderer.View.fit(ext, maxWidth, maxHeight);
            List<Figure.Layer> parts = new ArrayList<>();
            for (MapLayer l : mapLayers) {
                parts.add(l.figureLayer(view));
            }
            for (int i = parts.size() - 1; i >= 0 && !legend.isEmpty(); i--) { // the legend title names the top raster
                if (parts.get(i) instanceof Figure.RasterLayer r) {
                    parts.set(i, new Figure.RasterLayer(r.image(), r.opacity(), r.style(), legend));
                    break;
                }
            }
            return new Figure(title, parts, view, mapCrs, credits);
        } finally {
            for (RasterSource src : opened) {
                try {
                    src.close();
                } catch (IOException e) {
                    // read-only
                }
            }
        }
    }

    static String hex(Color c) {
        return c.getAlpha() == 255 ? String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue())
                : String.format(Locale.ROOT, "#%02x%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha());
    }

    static Color color(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        int r = Integer.parseInt(h.substring(0, 2), 16), g = Integer.parseInt(h.substring(2, 4), 16), b = Integer.parseInt(h.substring(4, 6), 16);
        int a = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
        return new Color(r, g, b, a);
    }
}
