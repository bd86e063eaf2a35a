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
}
