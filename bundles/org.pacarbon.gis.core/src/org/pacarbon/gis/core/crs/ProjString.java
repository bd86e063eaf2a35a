package org.pacarbon.gis.core.crs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Turns the common PROJ strings into a CRS through {@link MapProjection}: longlat, utm, aea, laea, lcc (one or two
 * standard parallels), tmerc, merc, cea, stere (polar), sinu and eqc; on the ellipsoids WGS84, GRS80, krass, intl,
 * clrk66, bessel or one given by {@code +a}/{@code +b}/{@code +rf}/{@code +R}; in the unit of {@code +units=}
 * (m, km, ft, us-ft, ...) or {@code +to_meter=}. Others are refused clearly.
 */
final class ProjString {
    private ProjString() {
    }

    static CoordinateReferenceSystem toCrs(String proj) throws FactoryException {
        Map<String, String> p = new HashMap<>();
        for (String token : proj.trim().split("\\s+")) {
            String t = token.startsWith("+") ? token.substring(1) : token;
            int eq = t.indexOf('=');
            if (eq > 0) {
                p.put(t.substring(0, eq).toLowerCase(Locale.ROOT), t.substring(eq + 1));
            } else if (!t.isEmpty()) {
                p.put(t.toLowerCase(Locale.ROOT), "");
            }
        }
        String proj4 = p.get("proj");
        if (proj4 == null) {
            throw new IllegalArgumentException("no +proj= in '" + proj + "'");
        }
        // the ellipsoid
        String ellps = p.getOrDefault("ellps", p.getOrDefault("datum", "WGS84")).toUpperCase(Locale.ROOT);
        double a, invF;
        switch (ellps) {
            case "WGS84" -> { a = MapProjection.WGS84_A; invF = MapProjection.WGS84_INVF; }
            case "GRS80", "NAD83" -> { a = 6378137; invF = 298.257222101; }
            case "KRASS" -> { a = 6378245; invF = 298.3; }
            case "INTL" -> { a = 6378388; invF = 297; }
            case "CLRK66", "NAD27" -> { a = 6378206.4; invF = 294.978698213898; }
            case "BESSEL" -> { a = 6377397.155; invF = 299.1528128; }
            default -> throw new IllegalArgumentException("ellipsoid '" + ellps + "' is not known in PROJ strings here;"
                    + " give +a= and +rf= (or +b=), or an EPSG code or WKT");
        }
        if (p.containsKey("r")) {
            a = num(p, "r", a);
            invF = 0;
        } else if (p.containsKey("a")) {
            a = num(p, "a", a);
            if (p.containsKey("rf")) {
                invF = num(p, "rf", 0);
            } else if (p.containsKey("b")) {
                double b = num(p, "b", a);
                invF = b == a ? 0 : a / (a - b);
            } else {
                invF = 0;
            }
        }
        String ellName = invF == 0 ? "Sphere " + a : ellps;
        // the unit
        String unitName = "metre";
        double metres = 1;
        if (p.containsKey("to_meter")) {
            metres = num(p, "to_meter", 1);
            unitName = "unit of " + metres + " m";
        } else if (p.containsKey("units")) {
            metres = MapProjection.metres(p.get("units"));
            if (Double.isNaN(metres)) {
                throw new IllegalArgumentException("unknown +units=" + p.get("units") + " (expected m, km, ft, us-ft)");
            }
            unitName = p.get("units").equals("m") ? "metre" : p.get("units").startsWith("us") ? "US survey foot"
                    : p.get("units").equals("ft") ? "foot" : p.get("units");
        }
        double x0 = num(p, "x_0", 0), y0 = num(p, "y_0", 0), lon0 = num(p, "lon_0", 0), lat0 = num(p, "lat_0", 0);
        MapProjection m;
        switch (proj4) {
            case "longlat", "latlong", "lonlat", "latlon" -> {
                return MapProjection.geographic(ellName, a, invF == 0 ? Double.POSITIVE_INFINITY : invF);
            }
            case "utm" -> {
                int zone = (int) num(p, "zone", 0);
                if (zone < 1 || zone > 60) {
                    throw new IllegalArgumentException("UTM zone must be 1-60");
                }
                boolean south = p.containsKey("south");
                m = MapProjection.of("UTM zone " + zone + (south ? "S" : "N"), "Transverse_Mercator")
                        .param("latitude_of_origin", 0).param("central_meridian", zone * 6 - 183).param("scale_factor", 0.9996)
                        .param("false_easting", 500000 / metres).param("false_northing", (south ? 10000000 : 0) / metres);
                x0 = y0 = Double.NaN;
            }
            case "aea" -> m = MapProjection.of("Albers Equal Area", "Albers_Conic_Equal_Area")
                    .param("standard_parallel_1", num(p, "lat_1", 0)).param("standard_parallel_2", num(p, "lat_2", num(p, "lat_1", 0)))
                    .param("latitude_of_center", lat0).param("longitude_of_center", lon0);
            case "laea" -> m = MapProjection.of("Lambert Azimuthal Equal Area", "Lambert_Azimuthal_Equal_Area")
                    .param("latitude_of_center", lat0).param("longitude_of_center", lon0);
            case "lcc" -> {
                if (p.containsKey("lat_2") && num(p, "lat_2", 0) != num(p, "lat_1", 0)) {
                    m = MapProjection.of("Lambert Conformal Conic", "Lambert_Conformal_Conic_2SP")
                            .param("standard_parallel_1", num(p, "lat_1", 0)).param("standard_parallel_2", num(p, "lat_2", 0))
                            .param("latitude_of_origin", lat0).param("central_meridian", lon0);
                } else {
                    double lat1 = num(p, "lat_1", lat0);
                    m = MapProjection.of("Lambert Conformal Conic", p.containsKey("lat_1") && lat1 != lat0
                            ? "Lambert_Conformal_Conic_2SP" : "Lambert_Conformal_Conic_1SP");
                    if (p.containsKey("lat_1") && lat1 != lat0) {
                        m.param("standard_parallel_1", lat1).param("standard_parallel_2", lat1)
                                .param("latitude_of_origin", lat0).param("central_meridian", lon0);
                    } else {
                        m.param("latitude_of_origin", lat1).param("central_meridian", lon0).param("scale_factor", num(p, "k_0", num(p, "k", 1)));
                    }
                }
            }
            case "tmerc" -> m = MapProjection.of("Transverse Mercator", "Transverse_Mercator")
                    .param("latitude_of_origin", lat0).param("central_meridian", lon0).param("scale_factor", num(p, "k_0", num(p, "k", 1)));
            case "merc" -> m = p.containsKey("lat_ts")
                    ? MapProjection.of("Mercator", "Mercator_2SP").param("standard_parallel_1", num(p, "lat_ts", 0)).param("central_meridian", lon0)
                    : MapProjection.of("Mercator", "Mercator_1SP").param("central_meridian", lon0).param("scale_factor", num(p, "k", num(p, "k_0", 1)));
            case "cea" -> m = MapProjection.of("Cylindrical Equal Area", "Cylindrical_Equal_Area")
                    .param("standard_parallel_1", num(p, "lat_ts", 0)).param("central_meridian", lon0);
            case "stere" -> {
                if (Math.abs(Math.abs(lat0) - 90) > 1e-9) {
                    throw new IllegalArgumentException("only polar +proj=stere (+lat_0=90 or -90) is supported; give EPSG or WKT");
                }
                m = p.containsKey("lat_ts")
                        ? MapProjection.of("Polar Stereographic", lat0 > 0 ? "Stereographic_North_Pole" : "Stereographic_South_Pole")
                                .param("standard_parallel_1", num(p, "lat_ts", lat0)).param("central_meridian", lon0)
                        : MapProjection.of("Polar Stereographic", "Polar_Stereographic").param("latitude_of_origin", lat0)
                                .param("central_meridian", lon0).param("scale_factor", num(p, "k_0", num(p, "k", 1)));
            }
            case "sinu" -> m = MapProjection.of("Sinusoidal", "Sinusoidal").param("central_meridian", lon0);
            case "eqc" -> m = MapProjection.of("Equidistant Cylindrical", "Equirectangular")
                    .param("standard_parallel_1", num(p, "lat_ts", 0)).param("central_meridian", lon0);
            default -> throw new IllegalArgumentException("PROJ projection '" + proj4 + "' is not supported; give EPSG or WKT");
        }
        if (!Double.isNaN(x0)) {
            // PROJ's +x_0/+y_0 are in metres whatever +units says; WKT 1 false easting is in the CRS unit
            m.param("false_easting", x0 / metres).param("false_northing", y0 / metres);
        }
        return m.ellipsoid(ellName, a, invF == 0 ? Double.POSITIVE_INFINITY : invF).unit(unitName, metres).toCrs();
    }

    private static double num(Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        return v == null || v.isEmpty() ? dflt : Double.parseDouble(v);
    }
}
