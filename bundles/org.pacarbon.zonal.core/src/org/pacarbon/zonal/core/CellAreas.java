package org.pacarbon.zonal.core;

import javax.measure.Unit;
import javax.measure.quantity.Length;

import org.apache.sis.measure.Units;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeodeticCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.cs.CoordinateSystem;
import org.opengis.referencing.datum.Ellipsoid;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;

/**
 * True cell areas in square metres: constant on projected grids (cell width x height in metres), and per
 * row on geographic grids, from the area of the ellipsoidal zone between the row's two latitudes.
 */
public final class CellAreas {
    private CellAreas() {
    }

    /** The WGS 84 semi-major axis (m). */
    public static final double WGS84_A = 6378137.0;
    /** The WGS 84 inverse flattening. */
    public static final double WGS84_INVF = 298.257223563;

    /**
     * Area of each row's cells, in m2.
     *
     * @param grid  the grid
     * @param crs   the grid's CRS ((east, north) order)
     */
    public static double[] perRow(GridSpec grid, CoordinateReferenceSystem crs) throws GisException {
        double[] areas = new double[grid.height()];
        if (crs instanceof GeodeticCRS && !(crs instanceof ProjectedCRS)) {
            // WGS 84 is a datum ensemble in recent EPSG versions: getDatum() may be null, so ask SIS.
            Ellipsoid e = org.apache.sis.referencing.datum.DatumOrEnsemble.getEllipsoid(crs).orElse(null);
            if (e == null) {
                throw new GisException(null, "the geographic CRS " + org.pacarbon.gis.core.crs.CrsSupport.label(crs) + " has no ellipsoid", "a geographic CRS with a datum");
            }
            @SuppressWarnings("unchecked")
            Unit<Length> axisUnit = (Unit<Length>) e.getAxisUnit();
            double a = axisUnit.getConverterTo(Units.METRE).convert(e.getSemiMajorAxis());
            double invF = e.isSphere() ? Double.POSITIVE_INFINITY : e.getInverseFlattening();
            double degFactor = angularToDegrees(crs.getCoordinateSystem());
            for (int r = 0; r < areas.length; r++) {
                double lat1 = grid.y(r) * degFactor;
                double lat2 = grid.y(r + 1) * degFactor;
                areas[r] = ellipsoidalCellArea(lat1, lat2, Math.abs(grid.dx()) * degFactor, a, invF);
            }
        } else {
            double k = metresPerUnit(crs);
            double area = Math.abs(grid.dx() * grid.dy()) * k * k;
            java.util.Arrays.fill(areas, area);
        }
        return areas;
    }

    /**
     * Area (m2) of a cell between latitudes {@code lat1} and {@code lat2} (degrees, any order) spanning
     * {@code dLonDeg} degrees of longitude, on an ellipsoid ({@code invF} infinite for a sphere): the
     * authalic-latitude formula, exact for the ellipsoid.
     */
    public static double ellipsoidalCellArea(double lat1, double lat2, double dLonDeg, double a, double invF) {
        double lo = Math.max(-90, Math.min(lat1, lat2));
        double hi = Math.min(90, Math.max(lat1, lat2));
        if (hi <= lo) {
            return 0;
        }
        double dLon = Math.toRadians(dLonDeg);
        if (Double.isInfinite(invF)) {
            return a * a * dLon * (Math.sin(Math.toRadians(hi)) - Math.sin(Math.toRadians(lo)));
        }
        double f = 1 / invF;
        double e2 = f * (2 - f);
        double e = Math.sqrt(e2);
        return a * a * (1 - e2) * dLon * (q(Math.toRadians(hi), e, e2) - q(Math.toRadians(lo), e, e2));
    }

    /** Integral of the zone area per radian of longitude, from the equator to latitude phi, divided by a2(1-e2). */
    private static double q(double phi, double e, double e2) {
        double s = Math.sin(phi);
        return s / (2 * (1 - e2 * s * s)) + Math.log((1 + e * s) / (1 - e * s)) / (4 * e);
    }

    private static double angularToDegrees(CoordinateSystem cs) {
        Unit<?> u = cs.getAxis(0).getUnit();
        if (u == null || u.equals(Units.DEGREE)) {
            return 1;
        }
        return u.asType(javax.measure.quantity.Angle.class).getConverterTo(Units.DEGREE).convert(1.0);
    }

    /** Metres per CRS unit along the first axis of a projected (or engineering) CRS. */
    public static double metresPerUnit(CoordinateReferenceSystem crs) throws GisException {
        Unit<?> u = crs.getCoordinateSystem().getAxis(0).getUnit();
        if (u == null) {
            return 1;
        }
        try {
            return u.asType(Length.class).getConverterTo(Units.METRE).convert(1.0);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new GisException(null, "the grid's axis unit '" + u + "' is not a length", "a projected CRS in metres or feet", e);
        }
    }
}
