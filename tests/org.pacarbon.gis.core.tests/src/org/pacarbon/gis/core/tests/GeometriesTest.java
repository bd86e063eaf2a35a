package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.pacarbon.gis.core.vector.Geometries;

/** Polygons that cross the antimeridian, as PA files store them (179E to 179W). */
class GeometriesTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void aPaFrom179EastTo179WestBecomesTwoSmallPartsNotABand() {
        Geometry pa = GF.createPolygon(new Coordinate[] {new Coordinate(179, 10), new Coordinate(-179, 10), new Coordinate(-179, 11),
                new Coordinate(179, 11), new Coordinate(179, 10)});
        assertEquals(358, pa.getArea(), 1e-12); // as read: a 358-degree band
        Geometry split = Geometries.splitAntimeridian(pa);
        assertEquals(2, split.getNumGeometries());
        assertEquals(2, split.getArea(), 1e-12); // 1 degree each side of 180, 1 degree tall
        assertEquals(-180, split.getEnvelopeInternal().getMinX(), 1e-12);
        assertEquals(180, split.getEnvelopeInternal().getMaxX(), 1e-12);
        // a polygon that does not cross is left alone
        assertNull(Geometries.splitAntimeridian(Geometries.box(100, 10, 120, 20)));
        // nor is a wide polygon that does not reach near 180 degrees on both sides
        assertNull(Geometries.splitAntimeridian(Geometries.box(-100, 10, 100, 20)));
        // one that does is read the narrow way, as PAs are: 170E to 170W
        assertEquals(20 * 10, Geometries.splitAntimeridian(Geometries.box(-170, 10, 170, 20)).getArea(), 1e-9);
    }

    /**
     * The union of many polygons, most apart and some overlapping in chains, is computed group by group: the same
     * polygons as one union of all. By hand: 300 unit squares 3 apart (300 parts, area 300) and 50 chains of 3 unit
     * squares each shifted 0.5 along x (one part of 2 x 1 each: 50 parts, area 100).
     */
    @Test
    void unionOfManyMostlySeparatePolygonsIsTheSameAsOneUnion() {
        GeometryFactory gf = new GeometryFactory();
        java.util.List<Geometry> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            parts.add(square(gf, (i % 20) * 3, (i / 20) * 3));
        }
        for (int c = 0; c < 50; c++) {
            for (int k = 0; k < 3; k++) {
                parts.add(square(gf, 100 + (c % 10) * 5 + 0.5 * k, (c / 10) * 3));
            }
        }
        java.util.Collections.shuffle(parts, new java.util.Random(3));
        Geometry u = Geometries.union(parts);
        assertEquals(350, u.getNumGeometries());
        assertEquals(400.0, u.getArea(), 1e-9);
        assertEquals(true, u.isValid());
        Geometry one = org.locationtech.jts.operation.union.UnaryUnionOp.union(parts);
        assertEquals(0.0, one.symDifference(u).getArea(), 1e-9);
    }

    private static Geometry square(GeometryFactory gf, double x, double y) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 1, y), new Coordinate(x + 1, y + 1),
            new Coordinate(x, y + 1), new Coordinate(x, y)});
    }
}
