package org.pacarbon.gis.core.crs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A map projection described by method and parameters (as PROJ strings and CF grid mappings give them), turned into
 * an Apache SIS CRS through OGC WKT 1. The one place that knows the WKT 1 names of methods and parameters, so that
 * PROJ strings ({@link ProjString}) and netCDF grid mappings meet the same definitions.
 */
public final class MapProjection {
    /** WGS 84 semi-major axis and inverse flattening. */
    public static final double WGS84_A = 6378137.0, WGS84_INVF = 298.257223563;

    private final String name;
    private final String method;
    private final Map<String, Double> params = new LinkedHashMap<>();
    private double a = WGS84_A;
    private double invF = WGS84_INVF;
    private String ellipsoidName = "WGS 84";
    private String unitName = "metre";
    private double metresPerUnit = 1;

    private MapProjection(String name, String method) {
        this.name = name;
        this.method = method;
    }

    /** A projection by its OGC WKT 1 method name, e.g. {@code Albers_Conic_Equal_Area}. */
    public static MapProjection of(String name, String method) {
        return new MapProjection(name, method);
    }

    /** Adds a parameter by its WKT 1 name ({@code standard_parallel_1}, {@code central_meridian}, ...). */
    public MapProjection param(String wktName, double value) {
        params.put(wktName, value);
        return this;
    }

    /** The ellipsoid: semi-major axis in metres and inverse flattening ({@code 0} or infinite for a sphere). */
    public MapProjection ellipsoid(String label, double semiMajor, double inverseFlattening) {
        this.ellipsoidName = label;
        this.a = semiMajor;
        this.invF = inverseFlattening;
        return this;
    }

    /** The linear unit of the map coordinates (and of false easting and northing). */
    public MapProjection unit(String label, double metres) {
        this.unitName = label;
        this.metresPerUnit = metres;
        return this;
    }

    /** Builds the CRS (axis order as WKT 1 defines it: east, north). */
    public CoordinateReferenceSystem toCrs() throws FactoryException {
        return CRS.fromWKT(toWkt());
    }

    /** The WKT 1 text. */
    public String toWkt() {
        StringBuilder b = new StringBuilder();
        b.append("PROJCS[\"").append(name).append("\",").append(geographicWkt(ellipsoidName, a, invF))
                .append(",PROJECTION[\"").append(method).append("\"]");
        for (Map.Entry<String, Double> e : params.entrySet()) {
            b.append(",PARAMETER[\"").append(e.getKey()).append("\",").append(num(e.getValue())).append(']');
        }
        b.append(",UNIT[\"").append(unitName).append("\",").append(num(metresPerUnit)).append("]]");
        return b.toString();
    }

    /** WKT 1 of a geographic CRS in degrees on the given ellipsoid. */
    public static String geographicWkt(String label, double semiMajor, double inverseFlattening) {
        double f = Double.isFinite(inverseFlattening) ? inverseFlattening : 0;
        boolean wgs = semiMajor == WGS84_A && f == WGS84_INVF;
        String datum = wgs ? "WGS_1984" : "D_" + label.replaceAll("\\W+", "_");
        return "GEOGCS[\"" + (wgs ? "WGS 84" : label) + "\",DATUM[\"" + datum + "\",SPHEROID[\"" + label + "\"," + num(semiMajor) + ","
                + num(f) + "]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
    }

    /** The CRS of a geographic grid on the given ellipsoid (east, north order). */
    public static CoordinateReferenceSystem geographic(String label, double semiMajor, double inverseFlattening) throws FactoryException {
        if (semiMajor == WGS84_A && inverseFlattening == WGS84_INVF) {
            return CrsSupport.lonLat();
        }
        return CrsSupport.eastNorth(CRS.fromWKT(geographicWkt(label, semiMajor, inverseFlattening)));
    }

    /**
     * Metres per linear unit for the unit names of PROJ ({@code +units=}), CF {@code units} attributes and ESRI
     * {@code .prj} files; {@code NaN} when the name is not a length.
     */
    public static double metres(@Nullable String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        String u = unit.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (u) {
            case "m", "metre", "metres", "meter", "meters" -> 1;
            case "km", "kilometre", "kilometres", "kilometer", "kilometers" -> 1000;
            case "ft", "foot", "feet", "international_foot", "foot_international", "ft_intl" -> 0.3048;
            case "us-ft", "us_ft", "ftus", "us_survey_foot", "us_survey_feet", "foot_us", "us-survey-foot", "survey_foot" -> 1200.0 / 3937.0;
            case "cm" -> 0.01;
            case "mi", "mile", "us-mi" -> 1609.344;
            case "yd", "yard" -> 0.9144;
            default -> Double.NaN;
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
