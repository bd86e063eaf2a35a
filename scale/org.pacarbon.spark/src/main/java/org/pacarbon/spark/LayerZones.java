package org.pacarbon.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.zonal.core.CellAreas;

/**
 * What every task of one layer needs, broadcast once per layer to each executor: how to open the raster (and the mask),
 * its grid (checked against what the executor opens), the zones in the raster's CRS as WKB (compact, exact for 2D
 * coordinates; a task decodes only its own), their classes and the cell areas.
 */
record LayerZones(String layer, List<TaskInput> inputs, TaskInput mask, GridSpec grid, byte[] regionWkb, List<byte[]> zonesWkb,
        int[] classOf, int classes, CellAreas.Model areas) implements Serializable {

    static LayerZones of(String layer, List<TaskInput> inputs, TaskInput mask, GridSpec grid, Geometry region, List<Geometry> zones,
            int[] classOf, int classes, CellAreas.Model areas) {
        WKBWriter w = new WKBWriter(2);
        List<byte[]> z = new ArrayList<>(zones.size());
        for (Geometry g : zones) {
            z.add(g == null || g.isEmpty() ? null : w.write(g));
        }
        return new LayerZones(layer, inputs, mask, grid, region == null ? null : w.write(region), z, classOf, classes, areas);
    }

    /** The region's polygons, or {@code null} with a mask region. */
    Geometry region() {
        return regionWkb == null ? null : read(regionWkb);
    }

    /** Zone i, or {@code null} when it has no polygon. */
    Geometry zone(int i) {
        byte[] b = zonesWkb.get(i);
        return b == null ? null : read(b);
    }

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("a zone's WKB did not read back: " + e.getMessage(), e);
        }
    }
}
