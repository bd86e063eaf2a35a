package org.pacarbon.map.core;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.Geometries;

/** The layers of a map moved to another CRS ({@link MapModel#setCrs}). */
final class MapReprojection {
    private MapReprojection() {
    }

    /**
     * The layers in {@code target}: rasters drawn reprojected, polygons, their features and labels transformed (new
     * layer objects with the same style). Nothing changes when a layer cannot be transformed (the message names it).
     */
    static List<MapLayer> moved(List<MapLayer> layers, CoordinateReferenceSystem from, CoordinateReferenceSystem target) throws GisException {
        List<MapLayer> moved = new ArrayList<>();
        for (MapLayer l : layers) {
            if (l.raster() != null || l.tiles() != null) {
                moved.add(l);
                continue;
            }
            Basemap.Kind basemap = Basemap.Kind.of(l.service());
            if (basemap != null) { // made again for the new CRS (its window of the world depends on the projection)
                MapLayer b = Basemap.add(new MapModel(target), basemap);
                b.setVisible(l.isVisible());
                b.setOpacity(l.opacity());
                moved.add(b);
                continue;
            }
            Geometry geometry = l.geometry();
            if (geometry == null) {
                continue;
            }
            try {
                Geometry g = Geometries.transform(geometry, from, target);
                MapLayer v = MapLayer.vector(l.name(), g, l.stroke(), l.width(), l.fill());
                v.setSource(l.source());
                v.setVisible(l.isVisible());
                v.setOpacity(l.opacity());
                v.setLabelsVisible(l.labelsVisible());
                List<Feature> fs = new ArrayList<>();
                for (Feature f : l.features()) {
                    fs.add(new Feature(f.id(), Geometries.transform(f.geometry(), from, target), f.attributes()));
                }
                v.setFeatures(fs);
                double scale = l.extent().getWidth() > 0 ? g.getEnvelopeInternal().getWidth() / l.extent().getWidth() : 1;
                List<MapLayer.Label> labels = new ArrayList<>();
                org.opengis.referencing.operation.MathTransform t = CrsSupport.transform(from, target);
                for (MapLayer.Label lb : l.labels()) {
                    double[] c = {lb.x(), lb.y()};
                    try {
                        t.transform(c, 0, c, 0, 1);
                    } catch (org.opengis.referencing.operation.TransformException e) {
                        continue; // a label outside the new CRS's domain is left out
                    }
                    labels.add(new MapLayer.Label(c[0], c[1], lb.text(), lb.size() * scale));
                }
                v.setLabels(labels);
                moved.add(v);
            } catch (GisException e) {
                throw new GisException(l.source(), "layer " + l.name() + " cannot be shown in " + CrsSupport.label(target) + ": " + e.problem(),
                        "a CRS its polygons can be transformed to", e);
            }
        }
        for (MapLayer l : moved) { // rasters last: reprojecting one is cheap to undo if another fails
            if (l.tiles() != null) {
                l.reprojectTo(target);
            } else if (l.raster() != null) {
                try {
                    l.reprojectTo(target);
                } catch (GisException e) {
                    for (MapLayer r : moved) {
                        if (r.raster() != null || r.tiles() != null) {
                            r.reprojectTo(from);
                        }
                    }
                    throw new GisException(l.source(), "layer " + l.name() + " cannot be shown in " + CrsSupport.label(target),
                            "a CRS its raster can be transformed to", e);
                }
            }
        }
        return moved;
    }
}
