package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.map.core.Measure;

/**
 * The measure tool's lengths and areas on the WGS 84 ellipsoid, against published figures and against an
 * independent numerical integration of the ellipsoid's area element.
 */
public final class MeasureTest {
    private static final double A = 6378137, F = 1 / 298.257223563, E2 = F * (2 - F);

    /** The area of the WGS 84 cell [lat1, lat2] x [0, dLon] (degrees) by Simpson's rule over M(phi) N(phi) cos(phi). */
    private static double cellByIntegration(double lat1, double lat2, double dLon) {
        int n = 2000;
        double h = Math.toRadians(lat2 - lat1), sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = Math.toRadians(lat1) + h * i / n;
            double s = Math.sin(phi);
            double f = A * A * (1 - E2) * Math.cos(phi) / Math.pow(1 - E2 * s * s, 2);
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / n / 3 * Math.toRadians(dLon);
    }

    private static List<Coordinate> box(double x1, double y1, double x2, double y2) {
        return List.of(new Coordinate(x1, y1), new Coordinate(x2, y1), new Coordinate(x2, y2), new Coordinate(x1, y2));
    }

    @Test
    public void lengthsAreGeodesicsOnWgs84() throws GisException {
        CoordinateReferenceSystem lonLat = CrsSupport.lonLat();
        // one degree of latitude from the equator: 110 574.4 m (the published figure); from 44.5 to 45.5 degrees:
        // 111 131.8 m (the meridian radius of curvature integrated by hand, midpoint rule); one degree of longitude on
        // the equator: a * pi / 180 = 111 319.49 m
        assertEquals(110_574.4, Measure.length(List.of(new Coordinate(0, 0), new Coordinate(0, 1)), lonLat), 1.0);
        assertEquals(111_131.8, Measure.length(List.of(new Coordinate(20, 44.5), new Coordinate(20, 45.5)), lonLat), 1.0);
        assertEquals(111_319.49, Measure.length(List.of(new Coordinate(0, 0), new Coordinate(1, 0)), lonLat), 0.05);
        // a path adds its legs
        assertEquals(2 * 111_319.49, Measure.length(List.of(new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(2, 0)), lonLat), 0.1);
    }

    @Test
    public void areasAreEllipsoidalWhateverTheProjection() throws GisException {
        CoordinateReferenceSystem lonLat = CrsSupport.lonLat();
        double equator = cellByIntegration(0, 1, 1), mid = cellByIntegration(45, 46, 1);
        assertEquals(equator, Measure.area(box(0, 0, 1, 1), lonLat), equator * 1e-9);
        assertEquals(mid, Measure.area(box(10, 45, 11, 46), lonLat), mid * 1e-9);
        // across the antimeridian on a map centred on the Pacific (x beyond 180), in the other orientation
        List<Coordinate> across = List.of(new Coordinate(179.5, 0), new Coordinate(179.5, 1), new Coordinate(180.5, 1), new Coordinate(180.5, 0));
        assertEquals(equator, Measure.area(across, lonLat), equator * 1e-9);
        // the same cell drawn on Web Mercator (x = a lon, y = a ln tan(pi/4 + lat/2)): meridians and parallels are
        // straight there, so the drawn rectangle is the cell
        CoordinateReferenceSystem mercator = CrsSupport.parse("EPSG:3857", null);
        double y1 = A * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(45) / 2)), y2 = A * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(46) / 2));
        assertEquals(mid, Measure.area(box(A * Math.toRadians(10), y1, A * Math.toRadians(11), y2), mercator), mid * 1e-6);
        assertEquals(0, Measure.area(List.of(new Coordinate(0, 0), new Coordinate(1, 1)), lonLat));
    }

    @Test
    public void aCrsWithoutEllipsoidIsRefusedWithAReason() {
        CoordinateReferenceSystem local = org.apache.sis.referencing.CommonCRS.Engineering.GRID.crs();
        GisException e = assertThrows(GisException.class, () -> Measure.length(List.of(new Coordinate(0, 0), new Coordinate(1, 0)), local));
        assertEquals(true, e.getMessage().contains("has no ellipsoid"), e.getMessage());
    }
}
