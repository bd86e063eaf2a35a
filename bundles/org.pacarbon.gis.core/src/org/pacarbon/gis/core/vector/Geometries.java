package org.pacarbon.gis.core.vector;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Geometry helpers: polygonal parts, repair of invalid polygons, union, reprojection with densification. */
public final class Geometries {
    private static final GeometryFactory GF = new GeometryFactory();

    private Geometries() {
    }

    /** The axis-aligned rectangle x0..x1, y0..y1 as a polygon (counter-clockwise). */
    public static Polygon box(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
                new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** The polygons of a geometry (lines and points dropped) as a valid Polygon or MultiPolygon. */
    public static Geometry polygonal(Geometry g) {
        return repaired(g).polygonal();
    }

    /**
     * The polygonal part of a geometry as by {@link #polygonal}, with the reason the geometry was invalid.
     *
     * @param polygonal     a valid Polygon or MultiPolygon (empty when {@code g} has no polygon)
     * @param invalidReason JTS's description of what made {@code g} invalid; null when it was valid
     */
    public record Repaired(Geometry polygonal, @Nullable String invalidReason) {
    }

    /** {@link #polygonal} that validates the geometry once (the validity check is most of its cost) and says why it was repaired. */
    public static Repaired repaired(Geometry g) {
        if (g == null || g.isEmpty()) {
            return new Repaired(GF.createMultiPolygon(), null);
        }
        org.locationtech.jts.operation.valid.TopologyValidationError error = new org.locationtech.jts.operation.valid.IsValidOp(g).getValidationError();
        if (error == null && (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon)) {
            return new Repaired(g, null);
        }
        return new Repaired(polygonsOfValid(error == null ? g : GeometryFixer.fix(g)), error == null ? null : error.getMessage());
    }

    private static Geometry polygonsOfValid(Geometry fixed) {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < fixed.getNumGeometries(); i++) {
            Geometry part = fixed.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                polys.add(p);
            } else if (part.getNumGeometries() > 1 || part instanceof org.locationtech.jts.geom.GeometryCollection) {
                Geometry inner = polygonal(part);
                for (int k = 0; k < inner.getNumGeometries(); k++) {
                    polys.add((Polygon) inner.getGeometryN(k));
                }
            }
        }
        Geometry out = polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(new Polygon[0]));
        return out.isValid() ? out : GeometryFixer.fix(out);
    }

    /**
     * The polygons of the result of a JTS overlay (OverlayNG results are valid by construction, so the
     * costly validity check of {@link #polygonal} is skipped).
     */
    public static Geometry polygonsOf(Geometry overlayResult) {
        if (overlayResult instanceof Polygon || overlayResult instanceof org.locationtech.jts.geom.MultiPolygon) {
            return overlayResult;
        }
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < overlayResult.getNumGeometries(); i++) {
            if (overlayResult.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polys.add(p);
            }
        }
        return polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    /** Union of polygonal geometries (each repaired first); the result is polygonal and valid. */
    public static Geometry union(List<Geometry> parts) {
        List<Geometry> fixed = new ArrayList<>();
        for (Geometry g : parts) {
            Geometry p = polygonal(g);
            if (!p.isEmpty()) {
                fixed.add(p);
            }
        }
        if (fixed.isEmpty()) {
            return GF.createMultiPolygon();
        }
        // Polygons whose envelopes meet no other's cannot touch them: the union only needs to run on each group of
        // envelope-connected polygons. The cascaded union of all of them at once spent minutes on 20 000 mostly
        // separate PAs (its merges grow with the number of parts); grouped, it is the same polygons in seconds.
        List<List<Geometry>> groups = envelopeGroups(fixed);
        if (groups.size() == 1) {
            return polygonsOf(UnaryUnionOp.union(fixed));
        }
        List<Geometry> out = new ArrayList<>();
        for (List<Geometry> group : groups) {
            Geometry u = group.size() == 1 ? group.get(0) : polygonsOf(UnaryUnionOp.union(group));
            for (int i = 0; i < u.getNumGeometries(); i++) {
                out.add(u.getGeometryN(i));
            }
        }
        return polygonsOf(GF.buildGeometry(out));
    }

    /** The geometries grouped by connected envelopes (two meet when their envelopes intersect, directly or via others). */
    static List<List<Geometry>> envelopeGroups(List<Geometry> gs) {
        int n = gs.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        org.locationtech.jts.index.strtree.STRtree tree = new org.locationtech.jts.index.strtree.STRtree();
        for (int i = 0; i < n; i++) {
            tree.insert(gs.get(i).getEnvelopeInternal(), i);
        }
        for (int i = 0; i < n; i++) {
            for (Object o : tree.query(gs.get(i).getEnvelopeInternal())) {
                int a = root(parent, i), b = root(parent, (Integer) o);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        java.util.Map<Integer, List<Geometry>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(gs.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Reprojects a geometry. Edges are densified first (so that straight edges in one CRS follow the curve
     * they make in the other), then every vertex is transformed, then the result is repaired if needed.
     *
     * @param g     the geometry
     * @param from  its CRS
     * @param to    the target CRS
     */
    public static Geometry transform(Geometry g, CoordinateReferenceSystem from, CoordinateReferenceSystem to) throws GisException {
        if (g.isEmpty() || CrsSupport.same(from, to)) {
            return g;
        }
        MathTransform mt = CrsSupport.transform(from, to);
        org.locationtech.jts.geom.Envelope env = g.getEnvelopeInternal();
        if (CrsSupport.isGeographic(from) && (env.getMinX() < -540 || env.getMaxX() > 540 || env.getMinY() < -90.0001 || env.getMaxY() > 90.0001)) {
            throw new GisException(null, "coordinates up to (" + env.getMaxX() + ", " + env.getMaxY() + ") are not longitudes and latitudes,"
                    + " though the CRS is geographic (" + CrsSupport.label(from) + ")", "the file's true CRS (a .prj, a crs member, or \"crs\" in the spec)");
        }
        double step = CrsSupport.isGeographic(from) ? 0.1 : 10_000;
        // never more than ~2 million vertices from densifying, whatever the geometry's size in its units
        step = Math.max(step, g.getLength() / 2_000_000);
        Geometry dense = Densifier.densify(g, step);
        Geometry copy;
        try {
            copy = transformVertices(dense, mt);
        } catch (TransformException e) {
            throw new GisException(null, "a geometry cannot be reprojected from " + CrsSupport.label(from) + " to "
                    + CrsSupport.label(to) + ": " + e.getMessage(), "geometries inside the area of use of both CRSs", e);
        }
        return polygonal(copy);
    }

    /**
     * A copy of the geometry with every vertex put through {@code mt} (no densifying: the caller decides how fine the
     * vertices must be); the first vertex the transform refuses fails it all.
     */
    public static Geometry transformVertices(Geometry g, MathTransform mt) throws TransformException {
        Geometry copy = g.copy();
        TransformException[] failure = new TransformException[1];
        double[] pt = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            @NonNullByDefault({})
            public void filter(CoordinateSequence seq, int i) {
                pt[0] = seq.getX(i);
                pt[1] = seq.getY(i);
                try {
                    mt.transform(pt, 0, pt, 0, 1);
                } catch (TransformException e) {
                    failure[0] = e;
                }
                seq.setOrdinate(i, 0, pt[0]);
                seq.setOrdinate(i, 1, pt[1]);
            }

            @Override
            public boolean isDone() {
                return failure[0] != null;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        copy.geometryChanged();
        return copy;
    }

    /**
     * Splits lon/lat polygons that cross the antimeridian: a part with vertices within 10 degrees of both 180W and 180E
     * whose longitudes span more than 180 degrees, but less than 180 once its western longitudes are moved by +360 (a PA
     * from 179E to 179W, not a 358-degree band), is cut at 180 degrees and its eastern piece moved back by -360. Other
     * parts are returned unchanged.
     *
     * @return the geometry, or the split geometry; {@code null} when nothing crossed
     */
    public static @Nullable Geometry splitAntimeridian(Geometry g) {
        boolean any = false;
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            org.locationtech.jts.geom.Envelope e = p.getEnvelopeInternal();
            if (e.getWidth() <= 180 || e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinX() > -170 || e.getMaxX() < 170) {
                out.add(p);
                continue;
            }
            Geometry moved = p.copy();
            moved.apply((Coordinate c) -> {
                if (c.x < 0) {
                    c.x += 360;
                }
            });
            moved.geometryChanged();
            if (moved.getEnvelopeInternal().getWidth() >= 180) {
                out.add(p);
                continue;
            }
            any = true;
            moved = moved.isValid() ? moved : GeometryFixer.fix(moved);
            Geometry west = moved.intersection(box(-180, -90, 180, 90));
            Geometry east = shiftX(moved.intersection(box(180, -90, 540, 90)), -360);
            for (Geometry piece : List.of(west, east)) {
                Geometry pp = polygonsOf(piece);
                for (int k = 0; k < pp.getNumGeometries(); k++) {
                    if (!pp.getGeometryN(k).isEmpty()) {
                        out.add((Polygon) pp.getGeometryN(k));
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        return out.size() == 1 ? out.get(0) : GF.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    /** Shifts longitudes by {@code dx} degrees (for grids in 0..360 longitudes). */
    public static Geometry shiftX(Geometry g, double dx) {
        Geometry copy = g.copy();
        copy.apply((Coordinate c) -> c.x += dx);
        copy.geometryChanged();
        return copy;
    }
}
