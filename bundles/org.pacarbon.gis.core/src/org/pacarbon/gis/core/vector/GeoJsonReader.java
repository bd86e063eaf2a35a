package org.pacarbon.gis.core.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads GeoJSON (RFC 7946: WGS 84 longitude/latitude) and the legacy 2008 form with a {@code crs} member
 * naming another CRS (as some tools still write). FeatureCollection, Feature or a bare geometry.
 */
public final class GeoJsonReader {
    private static final GeometryFactory GF = new GeometryFactory();

    private GeoJsonReader() {
    }

    /** Reads a GeoJSON file; {@code crsOverride} replaces the CRS the file implies. */
    public static FeatureSet read(Path file, @Nullable CoordinateReferenceSystem crsOverride) throws GisException {
        if (!Files.isRegularFile(file)) {
            throw new GisException(file, "file not found", "a GeoJSON file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new GisException(file, "is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() != null ? e.getLocation().getLineNr() : "?") + ")", "a GeoJSON document", e);
        } catch (IOException e) {
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable file", e);
        }
        if (root == null || !root.isObject() || !root.has("type")) {
            throw new GisException(file, "has no GeoJSON 'type' member", "a GeoJSON FeatureCollection, Feature or geometry");
        }
        CoordinateReferenceSystem crs = crsOverride;
        if (crs == null) {
            JsonNode name = root.path("crs").path("properties").path("name");
            if (name.isTextual()) {
                String n = name.asText();
                crs = n.matches("(?i).*CRS:?84$") ? CrsSupport.lonLat() : CrsSupport.parse(n, file);
            } else if (root.has("crs") && !root.get("crs").isNull()) {
                throw new GisException(file, "its legacy 'crs' member names no CRS (" + abbreviate(root.get("crs").toString()) + ")",
                        "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:...\"}}, or no crs member (WGS 84)");
            } else {
                crs = CrsSupport.lonLat();
            }
        }
        List<Feature> features = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        String type = root.get("type").asText();
        try {
            if (type.equals("FeatureCollection")) {
                int i = 0;
                for (JsonNode f : root.path("features")) {
                    i++;
                    Feature feature = feature(f, i, fields);
                    if (feature != null) {
                        features.add(feature);
                    }
                }
            } else if (type.equals("Feature")) {
                Feature feature = feature(root, 1, fields);
                if (feature != null) {
                    features.add(feature);
                }
            } else {
                features.add(new Feature("1", geometry(root), Map.of()));
            }
        } catch (IllegalArgumentException e) {
            throw new GisException(file, e.getMessage(), "valid GeoJSON geometries", e);
        }
        return new FeatureSet(file.toString(), crs, new ArrayList<>(fields), features);
    }

    private static Feature feature(JsonNode f, int index, Set<String> fields) {
        JsonNode g = f.get("geometry");
        boolean none = g == null || g.isNull(); // kept with an empty geometry, so that users are told it was skipped
        Map<String, Object> attrs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.add(e.getKey());
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            attrs.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble()
                    : v.isBoolean() ? (Object) v.asBoolean() : v.isTextual() ? v.asText() : v.toString());
        }
        String id = f.has("id") ? f.get("id").asText() : Integer.toString(index);
        return new Feature(id, g == null || none ? GF.createMultiPolygon() : geometry(g), attrs);
    }

    private static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Point":
                return GF.createPoint(coord(c));
            case "LineString":
                return GF.createLineString(coords(c));
            case "MultiLineString": {
                List<org.locationtech.jts.geom.LineString> ls = new ArrayList<>();
                for (JsonNode l : c) {
                    ls.add(GF.createLineString(coords(l)));
                }
                return GF.createMultiLineString(ls.toArray(new org.locationtech.jts.geom.LineString[0]));
            }
            case "Polygon":
                return polygon(c);
            case "MultiPolygon": {
                List<Polygon> ps = new ArrayList<>();
                for (JsonNode p : c) {
                    ps.add(polygon(p));
                }
                return GF.createMultiPolygon(ps.toArray(new Polygon[0]));
            }
            case "GeometryCollection": {
                List<Geometry> gs = new ArrayList<>();
                for (JsonNode x : g.path("geometries")) {
                    gs.add(geometry(x));
                }
                return GF.buildGeometry(gs);
            }
            default:
                throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon without rings");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0];
            cs = closed;
        }
        if (cs.length < 4) {
            throw new IllegalArgumentException("a polygon ring with fewer than 4 positions");
        }
        return GF.createLinearRing(cs);
    }

    private static Coordinate[] coords(JsonNode c) {
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(c.get(i));
        }
        return out;
    }

    private static Coordinate coord(JsonNode c) {
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("a position that is not [x, y]: " + c);
        }
        return new Coordinate(c.get(0).asDouble(), c.get(1).asDouble());
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
