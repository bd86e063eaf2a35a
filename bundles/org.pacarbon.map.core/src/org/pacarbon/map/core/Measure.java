package org.pacarbon.map.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.sis.referencing.GeodeticCalculator;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.locationtech.jts.geom.Coordinate;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;

/**
 * Lengths and areas on the ellipsoid of the map's CRS, for the measure tool: what a user draws on the map (straight
 * segments in the map's CRS) measured as on the ground, whatever the projection. Lengths are geodesic distances
 * between the points (Apache SIS's {@link GeodeticCalculator}); areas come from the ellipsoid's cylindrical equal-area
 * (authalic) projection, where a planar area is the ellipsoidal area, after densifying each drawn segment so that the
 * polygon keeps the shape it has on the map.
 */
public final class Measure {
    /** Segments are cut into steps of at most this fraction of the polygon's size before the area is taken. */
    private static final int STEPS_PER_SEGMENT = 64;

    private Measure() {
    }

    /**
     * The length in metres of the path through {@code points} (map coordinates in {@code crs}), each leg taken as the
     * geodesic between its ends.
     *
     * @throws GisException when the CRS has no ellipsoid or a point lies outside its domain
     */
    public static double length(List<Coordinate> points, CoordinateReferenceSystem crs) throws GisException {
        double[] ll = lonLat(points, crs);
        GeodeticCalculator calc = GeodeticCalculator.create(geographic(crs));
        double sum = 0;
        for (int i = 2; i < ll.length; i += 2) {
            calc.setStartGeographicPoint(ll[i - 1], ll[i - 2]);
            calc.setEndGeographicPoint(ll[i + 1], ll[i]);
            sum += calc.getGeodesicDistance();
        }
        return sum;
    }

    /**
     * The area in square metres of the polygon whose ring is {@code ring} (map coordinates in {@code crs}; closed or
     * not, either orientation), with its edges straight on the map.
     *
     * @throws GisException when the CRS has no ellipsoid or a point lies outside its domain
     */
    public static double area(List<Coordinate> ring, CoordinateReferenceSystem crs) throws GisException {
        if (ring.size() < 3) {
            return 0;
        }
        List<Coordinate> dense = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            Coordinate a = ring.get(i), b = ring.get((i + 1) % ring.size());
            for (int k = 0; k < STEPS_PER_SEGMENT; k++) {
                double t = (double) k / STEPS_PER_SEGMENT;
                dense.add(new Coordinate(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t));
            }
        }
        double[] ll = lonLat(dense, crs);
        Ellipsoid e = DatumOrEnsemble.getEllipsoid(crs).orElseThrow(() -> noEllipsoid(crs));
        double a = e.getSemiMajorAxis();
        double ecc = Math.sqrt(1 - Math.pow(e.getSemiMinorAxis() / a, 2));
        int n = ll.length / 2;
        double[] x = new double[n], y = new double[n];
        double lon = ll[0];
        for (int i = 0; i < n; i++) {
            double l = ll[2 * i];
            if (i > 0) { // unwrap across the antimeridian: each step is the short way round
                double d = l - lon;
                d -= 360 * Math.rint(d / 360);
                l = lon + d;
            }
            lon = l;
            x[i] = a * Math.toRadians(l);
            y[i] = a * q(Math.toRadians(ll[2 * i + 1]), ecc) / 2;
        }
        double twice = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += x[i] * y[j] - x[j] * y[i];
        }
        return Math.abs(twice) / 2;
    }

    /** Snyder's q(phi) of the authalic latitude (his eq. 3-12): y = a q / 2 in the cylindrical equal-area projection. */
    static double q(double phi, double e) {
        double s = Math.sin(phi);
        if (e < 1e-12) {
            return 2 * s;
        }
        double es = e * s;
        return (1 - e * e) * (s / (1 - es * es) - Math.log((1 - es) / (1 + es)) / (2 * e));
    }

    /** The points as longitude, latitude pairs in degrees on the CRS's own datum. */
    private static double[] lonLat(List<Coordinate> points, CoordinateReferenceSystem crs) throws GisException {
        double[] out = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            out[2 * i] = points.get(i).x;
            out[2 * i + 1] = points.get(i).y;
        }
        CoordinateReferenceSystem geo = CrsSupport.eastNorth(geographic(crs));
        CoordinateReferenceSystem map = CrsSupport.eastNorth(crs); // map coordinates are x east, y north
        if (!CrsSupport.same(map, geo)) {
            MathTransform t = CrsSupport.transform(map, geo);
            try {
                t.transform(out, 0, out, 0, points.size());
            } catch (TransformException ex) {
                throw new GisException(null, "a measured point lies outside the domain of " + CrsSupport.label(crs),
                        "points inside the map's projection", ex);
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new GisException(null, "a measured point lies outside the domain of " + CrsSupport.label(crs),
                        "points inside the map's projection");
            }
        }
        return out;
    }

    private static GeographicCRS geographic(CoordinateReferenceSystem crs) throws GisException {
        if (crs instanceof GeographicCRS g) {
            return g;
        }
        if (crs instanceof ProjectedCRS p) {
            return p.getBaseCRS();
        }
        throw noEllipsoid(crs);
    }

    private static GisException noEllipsoid(CoordinateReferenceSystem crs) {
        return new GisException(null, "cannot measure on the ground: the map's CRS " + CrsSupport.label(crs) + " has no ellipsoid",
                "a map in a geographic or projected CRS");
    }
}
