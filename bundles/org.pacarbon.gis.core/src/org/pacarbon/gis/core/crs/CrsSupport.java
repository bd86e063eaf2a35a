package org.pacarbon.gis.core.crs;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.metadata.Identifier;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.operation.CoordinateOperationFinder;
import org.apache.sis.referencing.operation.DefaultCoordinateOperationFactory;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.pacarbon.gis.core.GisException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * CRS parsing and transforms on Apache SIS. Every CRS handed out is in (east, north) axis order
 * ({@link AxesConvention#RIGHT_HANDED}): longitude before latitude on geographic CRSs, as files store them.
 */
public final class CrsSupport {
    static {
        DerbyLog.intoUserCache(); // before anything here can start SIS's EPSG database
    }

    private CrsSupport() {
    }

    /** WGS 84 with (longitude, latitude) axes in degrees. */
    public static CoordinateReferenceSystem lonLat() {
        CoordinateReferenceSystem c = lonLat;
        if (c == null) {
            try { // EPSG:4326 from this machine's cache when it is there: SIS's CommonCRS would start the EPSG database
                c = eastNorth(EpsgCache.forCode("4326"));
            } catch (FactoryException | RuntimeException e) {
                c = CommonCRS.WGS84.normalizedGeographic();
            }
            lonLat = c;
        }
        return c;
    }

    private static volatile @Nullable CoordinateReferenceSystem lonLat;

    /**
     * Parses a CRS given as {@code EPSG:code} (or {@code urn:ogc:def:crs:...}), as WKT (1 or 2), or as a
     * PROJ string for the common cases ({@code +proj=longlat}, {@code +proj=utm}, {@code +proj=aea}, {@code +proj=laea}).
     *
     * @param text    the CRS text
     * @param source  the file it came from, for the message (may be {@code null})
     */
    public static CoordinateReferenceSystem parse(String text, @Nullable Path source) throws GisException {
        String t = text.trim();
        String code = EpsgCache.code(t);
        try {
            CoordinateReferenceSystem crs;
            if (t.startsWith("+") || t.contains("+proj=")) {
                crs = ProjString.toCrs(t);
            } else if (code != null) {
                crs = EpsgCache.forCode(code); // once resolved on this machine, without the EPSG database
            } else if (t.matches("(?i)(EPSG|CRS|OGC|urn:ogc:def:crs|http).*") && !t.contains("[")) {
                crs = CRS.forCode(t);
            } else {
                crs = fromWkt(t);
            }
            return eastNorth(crs);
        } catch (FactoryException | RuntimeException e) {
            if (t.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' || c == 0xFFFD)) {
                throw new GisException(source, "is not a CRS definition (binary or garbled text)",
                        "an EPSG code such as EPSG:4326, a WKT definition or a PROJ string", e);
            }
            throw new GisException(source, "unknown or invalid CRS '" + abbreviate(t) + "' (" + GisException.plain(e) + ")",
                    "an EPSG code such as EPSG:4326, a WKT definition or a PROJ string", e);
        }
    }

    private static final java.util.regex.Pattern PROJECTION = java.util.regex.Pattern.compile("(?i)PROJECTION\\[\\s*\"([^\"]+)\"");

    /**
     * WKT through SIS, with the GDAL and ESRI forms of WKT 1 SIS does not take rewritten first: Polar_Stereographic
     * with a latitude of origin that is not a pole (GDAL's way of writing variant B) or with standard_parallel_1, and
     * longitude_of_center where SIS expects central_meridian (Sinusoidal, Mollweide, ...).
     */
    static CoordinateReferenceSystem fromWkt(String wkt) throws FactoryException {
        try {
            return CRS.fromWKT(wkt);
        } catch (FactoryException | RuntimeException first) {
            String w = wkt;
            java.util.regex.Matcher m = PROJECTION.matcher(w);
            String method = m.find() ? m.group(1) : "";
            if (method.equalsIgnoreCase("Polar_Stereographic")) {
                Double lat = param(w, "latitude_of_origin");
                Double sp = param(w, "standard_parallel_1");
                double ts = sp != null ? sp : lat != null ? lat : 90;
                if (Math.abs(Math.abs(ts) - 90) > 1e-9) {
                    w = w.replaceFirst("(?i)PROJECTION\\[\\s*\"Polar_Stereographic\"", "PROJECTION[\"" + (ts > 0 ? "Stereographic_North_Pole" : "Stereographic_South_Pole") + "\"");
                    w = w.replaceAll("(?i),?\\s*PARAMETER\\[\\s*\"latitude_of_origin\"\\s*,[^\\]]*\\]", "");
                    w = w.replaceAll("(?i),?\\s*PARAMETER\\[\\s*\"scale_factor\"\\s*,\\s*1(\\.0*)?\\s*\\]", "");
                    if (sp == null) {
                        w = w.replaceFirst("(?i)(PROJECTION\\[[^\\]]*\\])", "$1,PARAMETER[\"standard_parallel_1\"," + ts + "]");
                    }
                }
            }
            if (first.getMessage() != null && first.getMessage().contains("longitude_of_center")) {
                w = w.replaceAll("(?i)\"longitude_of_center\"", "\"central_meridian\"");
            }
            if (w.equals(wkt)) {
                throw first;
            }
            try {
                return CRS.fromWKT(w);
            } catch (FactoryException | RuntimeException second) {
                throw first;
            }
        }
    }

    private static @Nullable Double param(String wkt, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)PARAMETER\\[\\s*\"" + name + "\"\\s*,\\s*([-+0-9.eE]+)\\s*\\]").matcher(wkt);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** Returns the same CRS with (east, north) axis order. */
    public static CoordinateReferenceSystem eastNorth(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    /**
     * @return whether two CRSs are the same, ignoring names and other metadata (and the last digits of parameters: a CRS
     *         read back from WKT, e.g. from {@link EpsgCache}, describes the WGS 84 datum ensemble's members by name only)
     */
    public static boolean same(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        return org.apache.sis.util.Utilities.equalsIgnoreMetadata(a, b)
                || org.apache.sis.util.Utilities.deepEquals(a, b, org.apache.sis.util.ComparisonMode.APPROXIMATE);
    }

    /** @return whether the CRS is geographic (degrees) */
    public static boolean isGeographic(CoordinateReferenceSystem crs) {
        return crs instanceof GeographicCRS;
    }

    /** Finds the transform between two CRSs (both (east, north)); found once per pair of CRS objects. */
    public static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) throws GisException {
        Pair key = new Pair(from, to);
        MathTransform known = TRANSFORMS.get(key);
        if (known != null) {
            return known;
        }
        MathTransform t = find(from, to);
        if (TRANSFORMS.size() > 256) { // callers ask for a few pairs, per geometry: a bound, not an eviction policy
            TRANSFORMS.clear();
        }
        TRANSFORMS.put(key, t);
        return t;
    }

    /** Two CRS objects, compared by identity (CRSs are immutable; equality would compare them deeply). */
    private record Pair(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Pair p && p.from == from && p.to == to;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(from) + System.identityHashCode(to);
        }
    }

    private static final java.util.Map<Pair, MathTransform> TRANSFORMS = new java.util.concurrent.ConcurrentHashMap<>();

    private static MathTransform find(CoordinateReferenceSystem from, CoordinateReferenceSystem to) throws GisException {
        try {
            // on one datum the operation is the CRSs' own conversions: found without the EPSG database (its start
            // costs seconds; it is asked only where a datum shift is needed)
            CoordinateOperation op = sameDatum(from, to)
                    ? new CoordinateOperationFinder(null, DefaultCoordinateOperationFactory.provider(), null).createOperation(from, to)
                    : CRS.findOperation(from, to, null);
            return op.getMathTransform();
        } catch (FactoryException | RuntimeException e) { // SIS may fail with IllegalArgumentException on odd datums
            throw new GisException(null, "no coordinate operation from " + from.getName() + " to " + to.getName(),
                    "CRSs with a known transformation", e);
        }
    }

    /**
     * @return whether two CRSs are geographic or projected CRSs on the same datum: their geographic (base) CRSs are the
     *         same in (east, north) order (so a datum shift is never skipped: WGS 84, CGCS2000 and ETRS89 differ)
     */
    static boolean sameDatum(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        GeographicCRS ga = geographicOf(a), gb = geographicOf(b);
        return ga != null && gb != null && same(eastNorth(ga), eastNorth(gb));
    }

    private static @Nullable GeographicCRS geographicOf(CoordinateReferenceSystem crs) {
        return crs instanceof GeographicCRS g ? g : crs instanceof ProjectedCRS p ? p.getBaseCRS() : null;
    }

    /** The EPSG code a CRS declares (e.g. one read from a file by code), or null: no database search. */
    private static @Nullable Integer declaredEpsg(CoordinateReferenceSystem crs) {
        Identifier id = org.apache.sis.referencing.IdentifiedObjects.getIdentifier(crs, Citations.EPSG);
        if (id != null) {
            try {
                return Integer.valueOf(id.getCode());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The EPSG code of a CRS, or null when it has none (then it cannot be written into a GeoTIFF by code). */
    public static @Nullable Integer epsg(@Nullable CoordinateReferenceSystem crs) {
        if (crs == null) {
            return null;
        }
        Integer declared = declaredEpsg(crs);
        if (declared != null) {
            return declared;
        }
        try {
            Integer code = org.apache.sis.referencing.IdentifiedObjects.lookupEPSG(crs);
            if (code == null) { // our CRSs are (east, north): EPSG:4326 is (north, east), so compare without axes
                org.apache.sis.referencing.factory.IdentifiedObjectFinder f =
                        org.apache.sis.referencing.IdentifiedObjects.newFinder("EPSG");
                f.setIgnoringAxes(true);
                org.opengis.referencing.IdentifiedObject o = f.findSingleton(crs);
                code = o == null ? null : org.apache.sis.referencing.IdentifiedObjects.lookupEPSG(o);
            }
            return code;
        } catch (FactoryException e) {
            return null;
        }
    }

    /**
     * The CRS as text that {@link #parse} reads back: "EPSG:n" when it has a code, else its WKT (CF NetCDF files
     * often carry a CRS without one); null when it cannot be written.
     */
    public static @Nullable String toText(CoordinateReferenceSystem crs) {
        Integer code = epsg(crs);
        if (code != null) {
            return "EPSG:" + code;
        }
        try {
            return crs.toWKT();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** A short name for messages and panels, such as "EPSG:32650 (WGS 84 / UTM zone 50N)" or the CRS name alone. */
    public static String label(@Nullable CoordinateReferenceSystem crs) {
        if (crs == null) {
            return "no CRS";
        }
        String name = crs.getName().getCode();
        Integer declared = declaredEpsg(crs);
        if (declared != null) {
            return "EPSG:" + declared + " (" + name + ")";
        }
        try {
            Integer code = org.apache.sis.referencing.IdentifiedObjects.lookupEPSG(crs);
            if (code != null) {
                return "EPSG:" + code + " (" + name + ")";
            }
        } catch (FactoryException e) {
            // fall back to the name
        }
        return name;
    }

    private static String abbreviate(String raw) {
        String s = raw.replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77).toLowerCase(Locale.ROOT).replace('\n', ' ') + "..." : s;
    }
}
