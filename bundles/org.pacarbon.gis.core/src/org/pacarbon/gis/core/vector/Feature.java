package org.pacarbon.gis.core.vector;

import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

/**
 * One vector feature: an identifier, a JTS geometry in the coordinates of its {@link FeatureSet}'s CRS
 * (always in (east, north) order: longitude first on geographic CRSs), and its attributes.
 *
 * @param id          the feature identifier (the GeoPackage fid, the shapefile record number, the GeoJSON id)
 * @param geometry    the geometry
 * @param attributes  attribute values by field name (numbers, strings, booleans; absent values are missing keys)
 */
public record Feature(String id, Geometry geometry, Map<String, Object> attributes) {
    /** Checks the parts: a feature without a geometry is read with an empty one, never with none. */
    public Feature {
        java.util.Objects.requireNonNull(geometry, "geometry");
    }

    /** @return the attribute as text, if present */
    public Optional<String> text(String field) {
        Object v = attributes.get(field);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }
}
