package org.pacarbon.carbon.core;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Geometries;

/** Turns a region mask raster (valid, non-zero cells) into polygons: runs of cells per row, merged down rows, unioned. */
final class RegionMask {
    private RegionMask() {
    }

    static Geometry polygons(RasterSource mask) throws GisException {
        GridSpec g = mask.grid();
        int w = g.width();
        float[] row = new float[w];
        List<Geometry> boxes = new ArrayList<>();
        // open runs: start column -> (end column, start row); a run continues while the next row has the same run
        java.util.Map<Long, Integer> open = new java.util.HashMap<>();
        for (int r = 0; r <= g.height(); r++) {
            java.util.Map<Long, Integer> next = new java.util.HashMap<>();
            if (r < g.height()) {
                mask.readRows(r, 1, row);
                int c = 0;
                while (c < w) {
                    if (!in(row[c])) {
                        c++;
                        continue;
                    }
                    int s = c;
                    while (c < w && in(row[c])) {
                        c++;
                    }
                    long key = ((long) s << 32) | c;
                    Integer started = open.remove(key);
                    next.put(key, started != null ? started : r);
                }
            }
            for (java.util.Map.Entry<Long, Integer> e : open.entrySet()) {
                int s = (int) (e.getKey() >>> 32), end = (int) (long) e.getKey();
                boxes.add(box(g, s, end, e.getValue(), r));
            }
            open = next;
        }
        return Geometries.union(boxes);
    }

    private static boolean in(float v) {
        return !Float.isNaN(v) && v != 0;
    }

    private static Geometry box(GridSpec g, int c0, int c1, int r0, int r1) {
        return Geometries.box(Math.min(g.x(c0), g.x(c1)), Math.min(g.y(r0), g.y(r1)), Math.max(g.x(c0), g.x(c1)),
                Math.max(g.y(r0), g.y(r1)));
    }
}
