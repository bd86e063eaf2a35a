package org.pacarbon.gis.core.crs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Turns the common PROJ strings into WKT 1 so SIS can build the CRS: longlat, utm, aea (Albers equal area),
 * laea (Lambert azimuthal equal area), merc and cea on WGS 84 or a named datum. Others are refused clearly.
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
        String ellps = p.getOrDefault("ellps", p.getOrDefault("datum", "WGS84")).toUpperCase(Locale.ROOT);
        if (!ellps.equals("WGS84") && !ellps.equals("GRS80")) {
            throw new IllegalArgumentException("only WGS84 and GRS80 are supported in PROJ strings, not " + ellps);
        }
        String geog = ellps.equals("WGS84")
                ? "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]"
                : "GEOGCS[\"GRS 80\",DATUM[\"GRS_1980\",SPHEROID[\"GRS 1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
        String proj4 = p.get("proj");
        if (proj4 == null) {
            throw new IllegalArgumentException("no +proj= in '" + proj + "'");
        }
        double x0 = num(p, "x_0", 0), y0 = num(p, "y_0", 0), lon0 = num(p, "lon_0", 0), lat0 = num(p, "lat_0", 0);
        String units = "UNIT[\"metre\",1]";
        String wkt;
        switch (proj4) {
            case "longlat", "latlong" -> {
                return CRS.fromWKT(geog);
            }
            case "utm" -> {
                int zone = (int) num(p, "zone", 0);
                if (zone < 1 || zone > 60) {
                    throw new IllegalArgumentException("UTM zone must be 1-60");
                }
                boolean south = p.containsKey("south");
                wkt = projcs("UTM zone " + zone + (south ? "S" : "N"), geog, "Transverse_Mercator",
                        param("latitude_of_origin", 0) + param("central_meridian", zone * 6 - 183)
                                + param("scale_factor", 0.9996) + param("false_easting", 500000)
                                + param("false_northing", south ? 10000000 : 0), units);
            }
            case "aea" -> wkt = projcs("Albers Equal Area", geog, "Albers_Conic_Equal_Area",
                    param("standard_parallel_1", num(p, "lat_1", 0)) + param("standard_parallel_2", num(p, "lat_2", 0))
                            + param("latitude_of_center", lat0) + param("longitude_of_center", lon0)
                            + param("false_easting", x0) + param("false_northing", y0), units);
            case "laea" -> wkt = projcs("Lambert Azimuthal Equal Area", geog, "Lambert_Azimuthal_Equal_Area",
                    param("latitude_of_center", lat0) + param("longitude_of_center", lon0)
                            + param("false_easting", x0) + param("false_northing", y0), units);
            case "merc" -> wkt = projcs("Mercator", geog, "Mercator_1SP",
                    param("central_meridian", lon0) + param("scale_factor", num(p, "k", num(p, "k_0", 1)))
                            + param("false_easting", x0) + param("false_northing", y0), units);
            case "cea" -> wkt = projcs("Cylindrical Equal Area", geog, "Cylindrical_Equal_Area",
                    param("standard_parallel_1", num(p, "lat_ts", 0)) + param("central_meridian", lon0)
                            + param("false_easting", x0) + param("false_northing", y0), units);
            default -> throw new IllegalArgumentException("PROJ projection '" + proj4 + "' is not supported; give EPSG or WKT");
        }
        return CRS.fromWKT(wkt);
    }

    private static String projcs(String name, String geog, String method, String params, String units) {
        return "PROJCS[\"" + name + "\"," + geog + ",PROJECTION[\"" + method + "\"]," + params + units + "]";
    }

    private static String param(String name, double v) {
        return "PARAMETER[\"" + name + "\"," + v + "],";
    }

    private static double num(Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        return v == null || v.isEmpty() ? dflt : Double.parseDouble(v);
    }
}
