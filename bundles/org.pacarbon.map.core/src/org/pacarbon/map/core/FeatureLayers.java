package org.pacarbon.map.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;

/**
 * What a vector layer keeps of its features, in the map's CRS: the labels from a name field and the features
 * themselves (for identify and the attribute table).
 */
final class FeatureLayers {
    private FeatureLayers() {
    }

    static Geometry toMap(Geometry g, CoordinateReferenceSystem from, CoordinateReferenceSystem map) throws GisException {
        return map == null || CrsSupport.same(from, map) ? g : Geometries.transform(g, from, map);
    }

    /**
     * Labels of features from their name field (name, NAME, pa_name, ...), at a point inside each, biggest features
     * first (they win where labels would overlap); none when there is no such field.
     */
    static List<MapLayer.Label> labels(FeatureSet set, CoordinateReferenceSystem map) throws GisException {
        String field = set.fields().stream().filter(f -> List.of("name", "pa_name", "name_en", "nom", "label")
                .contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (field == null || set.features().size() > 5000) {
            return List.of();
        }
        List<Feature> fs = new ArrayList<>(set.features());
        fs.sort((a, b) -> Double.compare(b.geometry().getArea(), a.geometry().getArea()));
        List<MapLayer.Label> out = new ArrayList<>();
        for (Feature f : fs) {
            String text = f.text(field).orElse("").replace(" (illustrative)", "");
            if (text.isBlank() || f.geometry().isEmpty()) {
                continue;
            }
            Geometry at = toMap(f.geometry().getInteriorPoint(), set.crs(), map);
            Geometry box = toMap(f.geometry().getEnvelope(), set.crs(), map);
            out.add(new MapLayer.Label(at.getCoordinate().x, at.getCoordinate().y, text, box.getEnvelopeInternal().getWidth()));
        }
        return out;
    }

    /** The features with geometries in the map's CRS (for identify and the attribute table), or none for very big files. */
    static List<Feature> inMapCrs(FeatureSet set, CoordinateReferenceSystem map) throws GisException {
        if (set.features().size() > 20000) {
            return List.of();
        }
        boolean same = map == null || CrsSupport.same(map, set.crs());
        List<Feature> out = new ArrayList<>();
        for (Feature f : set.features()) {
            out.add(same ? f : new Feature(f.id(), Geometries.transform(f.geometry(), set.crs(), map), f.attributes()));
        }
        return out;
    }
}
