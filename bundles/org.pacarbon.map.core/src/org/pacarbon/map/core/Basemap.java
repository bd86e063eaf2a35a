package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.GeoJsonReader;

/**
 * The basemap that ships with the program and works offline: Natural Earth's countries and coastlines (1:50 million,
 * public domain, from the world-atlas TopoJSON of Natural Earth 4.1, coordinates rounded to 0.001 degree) and a
 * graticule, drawn in any map CRS. On a projected map only the part of the world the projection shows sensibly is
 * drawn: the CRS's area of use when it has one, else the hemisphere around the map (a conic or azimuthal projection
 * of the whole globe folds over itself).
 */
public final class Basemap {
    /** What the basemap offers; {@code uri()} is how a map document names it. */
    public enum Kind {
        COUNTRIES("countries"), COASTLINES("coastlines"), GRATICULE("graticule");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String uri() {
            return "basemap:" + key;
        }

        /** The layer's name in the user's language ({@code basemap.properties}). */
        public String title() {
            try {
                return java.util.ResourceBundle.getBundle("org.pacarbon.map.core.basemap", java.util.Locale.getDefault(),
                        Basemap.class.getClassLoader()).getString(key);
            } catch (java.util.MissingResourceException e) {
                return key;
            }
        }

        /** The kind a {@code basemap:...} URI names, or null. */
        public static @Nullable Kind of(@Nullable String uri) {
            for (Kind k : values()) {
                if (k.uri().equalsIgnoreCase(uri == null ? "" : uri.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    private static final GeometryFactory GF = new GeometryFactory();
    private static final Color LAND = new Color(0xf1, 0xee, 0xe6);
    private static final Color BORDER = new Color(0x9e, 0x9e, 0x9e);
    private static final Color COAST = new Color(0x4f, 0x7f, 0xab);
    private static final Color GRID = new Color(0x78, 0x90, 0x9c, 150);

    private Basemap() {
    }

    /**
     * Adds a part of the basemap to {@code map} in its CRS (lon/lat when the map is empty): countries and coastlines go
     * under the data, the graticule on top. Returns the new layer.
     */
    public static MapLayer add(MapModel map, Kind kind) throws GisException {
        CoordinateReferenceSystem mapCrs = map.crs();
        CoordinateReferenceSystem crs = mapCrs != null ? mapCrs : CrsSupport.lonLat();
        Envelope window = lonLatWindow(crs, map.fullExtent());
        List<Feature> features = switch (kind) {
            case COUNTRIES -> shipped("countries");
            case COASTLINES -> shipped("coastlines");
            case GRATICULE -> graticule(10);
        };
        List<Feature> inMap = inCrs(features, window, crs);
        Geometry all = GF.buildGeometry(parts(inMap));
        MapLayer l = switch (kind) {
            case COUNTRIES -> MapLayer.vector(kind.title(), all, BORDER, 0.6f, LAND);
            case COASTLINES -> MapLayer.vector(kind.title(), all, COAST, 0.8f, null);
            case GRATICULE -> MapLayer.vector(kind.title(), all, GRID, 0.5f, null);
        };
        l.setService(kind.uri());
        l.setUnderlay(kind != Kind.GRATICULE);
        l.setLabelsVisible(false);
        if (kind == Kind.COUNTRIES) {
            l.setFeatures(inMap); // identify and the attribute table name the country
        }
        map.add(l, crs);
        return l;
    }

    /**
     * The lon/lat box of the world drawn on a map in {@code crs}: all of it on lon/lat, Web Mercator's latitudes, the
     * CRS's area of use, or else 90 degrees either side of the map's centre (or of the projection's origin).
     */
    static Envelope lonLatWindow(CoordinateReferenceSystem crs, @Nullable Envelope mapExtent) throws GisException {
        if (CrsSupport.isGeographic(crs)) {
            return new Envelope(-180, 180, -90, 90);
        }
        Integer code = CrsSupport.epsg(crs);
        if (code != null && code == 3857) {
            return new Envelope(-180, 180, -85.05, 85.05);
        }
        GeographicBoundingBox box = org.apache.sis.referencing.CRS.getGeographicBoundingBox(crs);
        if (box != null && box.getEastBoundLongitude() > box.getWestBoundLongitude()) {
            return new Envelope(box.getWestBoundLongitude(), box.getEastBoundLongitude(), Math.max(-85, box.getSouthBoundLatitude()),
                    Math.min(85, box.getNorthBoundLatitude()));
        }
        double[] c = {0, 0};
        MathTransform back = CrsSupport.transform(crs, CrsSupport.lonLat());
        try {
            if (mapExtent != null) {
                c = new double[] {mapExtent.centre().x, mapExtent.centre().y};
            }
            back.transform(c, 0, c, 0, 1);
        } catch (TransformException e) {
            c = new double[] {0, 0};
        }
        double lon = Double.isFinite(c[0]) ? c[0] : 0, lat = Double.isFinite(c[1]) ? c[1] : 0;
        return new Envelope(Math.max(-180, lon - 90), Math.min(180, lon + 90), Math.max(-85, lat - 75), Math.min(85, lat + 75));
    }

    /** The features clipped to a lon/lat window, densified and transformed to {@code crs}; what cannot be drawn there is left out. */
    static List<Feature> inCrs(List<Feature> features, Envelope window, CoordinateReferenceSystem crs) throws GisException {
        boolean lonLat = CrsSupport.isGeographic(crs);
        MathTransform t = lonLat ? null : CrsSupport.transform(CrsSupport.lonLat(), crs);
        Geometry box = GF.toGeometry(window);
        List<Feature> out = new ArrayList<>();
        for (Feature f : features) {
            Geometry g = f.geometry();
            if (!window.intersects(g.getEnvelopeInternal())) {
                continue;
            }
            try {
                if (!window.contains(g.getEnvelopeInternal())) {
                    g = g.intersection(box);
                }
                if (g.isEmpty()) {
                    continue;
                }
                if (t != null) {
                    g = project(Densifier.densify(g, 1.0), t);
                }
            } catch (RuntimeException | TransformException e) {
                continue; // an invalid ring after rounding, or a part the projection cannot take: not drawn
            }
            out.add(new Feature(f.id(), g, f.attributes()));
        }
        return out;
    }

    /** The geometry with every vertex transformed; not finite in the map's CRS (beyond the projection's reach) fails. */
    private static Geometry project(Geometry g, MathTransform t) throws TransformException {
        Geometry copy = org.pacarbon.gis.core.vector.Geometries.transformVertices(g, t);
        if (!Double.isFinite(copy.getEnvelopeInternal().getWidth()) || !Double.isFinite(copy.getEnvelopeInternal().getHeight())) {
            throw new TransformException("not finite in the map's CRS");
        }
        return copy;
    }

    /** Polygons and lines of every feature, one by one (the renderer draws each part). */
    private static List<Geometry> parts(List<Feature> features) {
        List<Geometry> out = new ArrayList<>();
        for (Feature f : features) {
            Geometry g = f.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry p = g.getGeometryN(i);
                if (p instanceof Polygon || p instanceof LineString) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Meridians and parallels every {@code step} degrees as lon/lat lines, each a feature named by its value. */
    static List<Feature> graticule(int step) {
        List<Feature> out = new ArrayList<>();
        for (int lon = -180; lon <= 180; lon += step) {
            out.add(line("meridian " + lon, lon, -85, lon, 85));
        }
        for (int lat = -80; lat <= 80; lat += step) {
            out.add(line("parallel " + lat, -180, lat, 180, lat));
        }
        return out;
    }

    private static Feature line(String name, double x0, double y0, double x1, double y1) {
        LineString l = GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
        return new Feature(name, Densifier.densify(l, 1.0), java.util.Map.of("name", name));
    }

    /** The shipped layers as read (lon/lat), kept while memory allows: a change of the map's CRS draws them again. */
    private static final java.util.Map<String, java.lang.ref.SoftReference<List<Feature>>> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Feature> shipped(String name) throws GisException {
        java.lang.ref.SoftReference<List<Feature>> ref = SHIPPED.get(name);
        List<Feature> features = ref == null ? null : ref.get();
        if (features == null) {
            features = List.copyOf(read(name));
            SHIPPED.put(name, new java.lang.ref.SoftReference<>(features));
        }
        return features;
    }

    /** A shipped GeoJSON layer (gzipped in the bundle) read through the GeoJSON reader. */
    private static List<Feature> read(String name) throws GisException {
        String res = "/basemap/" + name + ".geojson.gz";
        Path tmp = null;
        try (InputStream in = Basemap.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new GisException(null, "the basemap's " + name + " are missing from the program (" + res + ")",
                        "a complete installation");
            }
            tmp = Files.createTempFile("pacarbon-basemap-" + name.toLowerCase(Locale.ROOT), ".geojson");
            try (InputStream gz = new GZIPInputStream(in)) {
                Files.copy(gz, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            FeatureSet set = GeoJsonReader.read(tmp, CrsSupport.lonLat());
            return set.features();
        } catch (IOException e) {
            throw new GisException(null, "the basemap's " + name + " cannot be read: " + e.getMessage(), "a complete installation", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a temporary file
                }
            }
        }
    }
}
