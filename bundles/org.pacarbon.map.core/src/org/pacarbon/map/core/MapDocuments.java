package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;

/** A map model as a .pamap document and back ({@link MapDocument} is the file format; this is the mapping). */
final class MapDocuments {
    private MapDocuments() {
    }

    static void save(MapModel map, Path file, @Nullable Envelope extent) throws GisException {
        CoordinateReferenceSystem crs = map.crs();
        MapDocument d = new MapDocument();
        Path base = file.toAbsolutePath().getParent();
        d.title = file.getFileName().toString().replaceFirst("\\.pamap$", "");
        if (crs != null) { // an EPSG code when there is one, else the CRS itself as WKT (CF files often have none)
            String text = CrsSupport.toText(crs);
            if (text == null) {
                throw new GisException(file, "cannot record the map's CRS " + CrsSupport.label(crs), "a map in a CRS with an EPSG code or a WKT form");
            }
            d.crs = text;
        }
        d.extent = extent == null ? null : new Envelope(extent);
        for (MapLayer l : map.layers()) {
            String service = l.service();
            if (service != null) {
                d.layers.add(new MapDocument.ServiceEntry(l.name(), service, l.isVisible(), l.opacity()));
                continue;
            }
            Path src = l.source();
            if (src == null) {
                throw new GisException(file, "layer " + l.name() + " has no file to refer to", "layers read from files");
            }
            String rel = base != null && src.isAbsolute() && src.getRoot().equals(base.getRoot())
                    ? base.relativize(src.toAbsolutePath()).toString() : src.toString();
            RasterStyle st = l.style();
            if (l.raster() != null && st != null) {
                d.layers.add(new MapDocument.RasterEntry(l.name(), rel, l.variable(), st.ramp().name(), st.min(), st.max(), st.log(),
                        st.breaks(), st.unit(), l.isVisible(), l.opacity()));
            } else {
                d.layers.add(new MapDocument.VectorEntry(l.name(), rel, null, l.stroke(), l.width(), l.fill(), l.isVisible(), l.opacity()));
            }
        }
        try {
            d.write(file);
        } catch (IOException e) {
            throw new GisException(file, "cannot be written: " + e.getMessage(), "a writable file");
        }
    }

    static @Nullable Envelope open(MapModel map, Path pamap) throws GisException {
        MapDocument d = MapDocument.read(pamap);
        Path base = pamap.toAbsolutePath().getParent();
        for (Object o : d.layers) { // check every file and service before touching the map
            if (o instanceof MapDocument.ServiceEntry sv) {
                if (LayerSources.forUri(sv.uri()) == null) {
                    throw new GisException(pamap, "has a layer of a service no layer source serves: " + sv.uri(), "a basemap: or xyz: layer");
                }
                continue;
            }
            String p = o instanceof MapDocument.RasterEntry r ? r.path() : ((MapDocument.VectorEntry) o).path();
            if (!Files.exists(base.resolve(p))) {
                throw new GisException(base.resolve(p), "does not exist (a layer of " + pamap.getFileName() + ")", "the layer's file");
            }
        }
        map.clear();
        map.setCrs(org.pacarbon.gis.core.crs.CrsSupport.parse(d.crs, pamap)); // the document's CRS, whatever its first layer's
        for (Object o : d.layers) {
            MapLayer l;
            if (o instanceof MapDocument.RasterEntry r) {
                l = map.addRaster(base.resolve(r.path()), r.variable(), r.name(), r.ramp(), r.min(), r.max(), r.unit());
                RasterStyle saved = r.style(); // with its log stretch and class breaks, as saved
                l.setStyle(new RasterStyle(saved.ramp(), saved.min(), saved.max(), saved.log(), saved.breaks(),
                        r.unit().isEmpty() ? fileUnit(l) : r.unit()));
                l.setVisible(r.visible());
                l.setOpacity(r.opacity());
            } else if (o instanceof MapDocument.ServiceEntry sv) {
                for (MapLayer made : LayerSources.add(map, sv.uri())) {
                    made.setVisible(sv.visible());
                    made.setOpacity(sv.opacity());
                }
                continue;
            } else {
                MapDocument.VectorEntry v = (MapDocument.VectorEntry) o;
                l = map.addVector(base.resolve(v.path()), v.name(), v.stroke(), v.width(), v.fill());
                l.setVisible(v.visible());
                l.setOpacity(v.opacity());
            }
        }
        map.changed();
        return d.extent;
    }

    /** The unit a raster layer took from its file (its style's). */
    private static String fileUnit(MapLayer l) {
        RasterStyle s = l.style();
        return s == null ? "" : s.unit();
    }
}
