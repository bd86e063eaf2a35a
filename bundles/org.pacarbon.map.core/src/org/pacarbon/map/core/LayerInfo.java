package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.text.Numbers;
import org.pacarbon.gis.core.vector.Feature;

/**
 * What Layer Properties shows of a layer, as label and value rows: its source, CRS, extent, size and cells, how
 * nodata is read, the unit, a sample of its values (rasters), or its features, fields and geometry types (vectors),
 * and how it is drawn. Reading the value sample touches the file: call it off the UI thread.
 */
public final class LayerInfo {
    private LayerInfo() {
    }

    /** The rows for a layer of a map in {@code mapCrs}. */
    public static List<String[]> describe(MapLayer l, org.opengis.referencing.crs.@Nullable CoordinateReferenceSystem mapCrs)
            throws GisException {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Name", l.name()));
        String service = l.service();
        java.nio.file.Path source = l.source();
        rows.add(row("Source", service != null ? service : source == null ? "(none)" : source.toAbsolutePath().toString()));
        RasterSource r = l.raster();
        XyzTiles tiles = l.tiles();
        if (tiles != null) {
            String problem = tiles.problem();
            rows.add(row("Kind", "web map tiles (XYZ, Web Mercator), drawn in the map's CRS " + CrsSupport.label(mapCrs)));
            rows.add(row("Tiles", tiles.template()));
            rows.add(row("Network", problem == null ? "the tiles of the last drawing came" : problem));
        } else if (r != null) {
            GridSpec g = r.grid();
            String u = CrsSupport.isGeographic(r.crs()) ? "\u00b0" : " m";
            rows.add(row("Kind", "raster" + (l.variable() == null ? "" : ", variable " + l.variable())));
            rows.add(row("CRS", CrsSupport.label(r.crs())));
            rows.add(row("Extent", extent(new Envelope(g.minX(), g.maxX(), g.minY(), g.maxY()))));
            rows.add(row("Size", String.format(Locale.ROOT, "%,d x %,d cells (%,d)", g.width(), g.height(), (long) g.width() * g.height())));
            rows.add(row("Cell size", Numbers.format(Math.abs(g.dx())) + " x " + Numbers.format(Math.abs(g.dy())) + u));
            rows.add(row("Nodata", "cells with the file's nodata or fill value, or NaN, are left out"));
            String unit = r.unit();
            rows.add(row("Unit", unit == null || unit.isEmpty() ? "(none in the file)" : unit));
            double[] q = Classification.sampledQuantiles(r, false);
            rows.add(row("Values", q == null ? "no valid cell in the sample"
                    : "min " + Numbers.format(q[0]) + ", median " + Numbers.format(q[25]) + ", max " + Numbers.format(q[50])
                            + " (a sample of the cells)"));
            RasterStyle s = l.style();
            double[] breaks = s == null ? null : s.breaks();
            if (s != null) {
                rows.add(row("Style", s.ramp().name() + ", " + Numbers.format(s.min()) + " to " + Numbers.format(s.max())
                        + (s.unit().isEmpty() ? "" : " " + s.unit()) + (s.log() ? ", log scale" : "")
                        + (breaks == null ? "" : ", " + (breaks.length - 1) + " classes")));
            }
            if (l.mapToRaster() != null) {
                rows.add(row("Shown", "reprojected to the map's CRS " + CrsSupport.label(mapCrs)));
            }
        } else {
            List<Feature> fs = l.features();
            Set<String> fields = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            fs.forEach(f -> {
                fields.addAll(f.attributes().keySet());
                if (f.geometry() != null) {
                    types.add(f.geometry().getGeometryType());
                }
            });
            rows.add(row("Kind", "vector"));
            rows.add(row("CRS", mapCrs == null ? "(none)" : CrsSupport.label(mapCrs) + " (the map's: features are shown in it)"));
            rows.add(row("Extent", extent(l.extent())));
            rows.add(row("Features", String.format(Locale.ROOT, "%,d", fs.size())));
            rows.add(row("Geometry", types.isEmpty() ? "(none)" : String.join(", ", types)));
            rows.add(row("Fields", fields.isEmpty() ? "(none)" : String.join(", ", fields)));
            java.awt.Color stroke = l.stroke(), fill = l.fill();
            rows.add(row("Style", "outline " + (stroke == null ? "none" : hex(stroke)) + ", " + Numbers.format(l.width()) + " px"
                    + (fill == null ? "" : ", fill " + hex(fill))));
        }
        rows.add(row("Visible", l.isVisible() ? "yes" : "no"));
        rows.add(row("Opacity", Math.round(l.opacity() * 100) + " %"));
        return rows;
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }

    private static String extent(Envelope e) {
        return Numbers.format(e.getMinX()) + ", " + Numbers.format(e.getMinY()) + " to " + Numbers.format(e.getMaxX()) + ", "
                + Numbers.format(e.getMaxY());
    }

    private static String hex(java.awt.Color c) {
        return c == null ? "none" : String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
