package org.pacarbon.gis.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.util.ComparisonMode;
import org.apache.sis.util.Utilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * EPSG codes from this machine's cache (WKT written from the EPSG database, read back without it): the same CRS as the
 * database's, the same coordinates through it; a damaged entry is asked of the database again; transforms on one datum
 * (found without the database) equal the database's operation, and a datum shift still comes from the database.
 * The reference throughout is Apache SIS's EPSG database itself ({@code CRS.forCode}, {@code CRS.findOperation}).
 */
class EpsgCacheTest {
    @TempDir
    Path dir;

    /** Lon/lat points inside each CRS's area (China, France, the USA, the world), as (lon, lat) pairs. */
    private static double[] pointsFor(int code) {
        return switch (code) {
            case 2154 -> new double[] {2.35, 48.85, -1.5, 43.4, 7.2, 49.0};
            case 4269 -> new double[] {-100, 40, -75, 45};
            case 3035 -> new double[] {10, 52, -5, 40, 25, 60};
            default -> new double[] {105.3, 36.1, 117.2, 39.9, 110.0, 22.5, 114.1, 45.0};
        };
    }

    @Test
    void aCachedCodeIsTheDatabasesCrsAndGivesTheSameCoordinates() throws Exception {
        CoordinateReferenceSystem lonLat = CrsSupport.lonLat();
        for (int code : new int[] {4326, 32650, 32648, 3857, 4490, 2154, 4269, 3035, 6933}) {
            CoordinateReferenceSystem db = CRS.forCode("EPSG:" + code);
            Path f = dir.resolve("EPSG-" + code + ".wkt");
            EpsgCache.write(f, db);
            assertTrue(Files.isRegularFile(f), code + " written");
            CoordinateReferenceSystem cached = EpsgCache.read(f);
            assertNotNull(cached, code + " read back");
            assertTrue(Utilities.deepEquals(db, cached, ComparisonMode.APPROXIMATE), code + ": same CRS");
            assertEquals(Integer.toString(code), IdentifiedObjects.getIdentifier(cached, Citations.EPSG).getCode());
            // the database's own operations from lon/lat to each: the same coordinates (to the last bit for most codes;
            // where EPSG gives angles in sexagesimal degrees, e.g. Lambert-93, the decimal WKT differs in the 16th digit)
            MathTransform viaDb = CRS.findOperation(lonLat, CrsSupport.eastNorth(db), null).getMathTransform();
            MathTransform viaCache = CRS.findOperation(lonLat, CrsSupport.eastNorth(cached), null).getMathTransform();
            double[] p = pointsFor(code), a = new double[p.length], b = new double[p.length];
            viaDb.transform(p, 0, a, 0, p.length / 2);
            viaCache.transform(p, 0, b, 0, p.length / 2);
            for (int i = 0; i < p.length; i++) {
                assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), code + " coordinate " + i);
            }
        }
    }

    @Test
    void codesAreRecognisedInTheirUsualForms() {
        assertEquals("32650", EpsgCache.code("EPSG:32650"));
        assertEquals("4326", EpsgCache.code(" epsg:4326 "));
        assertEquals("4326", EpsgCache.code("4326"));
        assertEquals("3857", EpsgCache.code("urn:ogc:def:crs:EPSG::3857"));
        assertEquals("3857", EpsgCache.code("urn:ogc:def:crs:EPSG:9.9:3857"));
        assertNull(EpsgCache.code("ESRI:102025"));
        assertNull(EpsgCache.code("GEOGCS[\"WGS 84\"]"));
        assertNull(EpsgCache.code("+proj=longlat"));
    }

    @Test
    void aDamagedEntryIsAskedOfTheDatabaseAndWrittenAgain() throws Exception {
        String before = System.getProperty(EpsgCache.PROPERTY);
        System.setProperty(EpsgCache.PROPERTY, dir.toString());
        try {
            Path f = dir.resolve("EPSG-32751.wkt"); // UTM 51S: no other test asks for it (the process keeps codes it resolved)
            Files.writeString(f, "PROJCRS[\"half a definition\", BASEGEOGCRS[");
            assertNull(EpsgCache.read(f));
            CoordinateReferenceSystem crs = CrsSupport.parse("EPSG:32751", null);
            assertTrue(CrsSupport.same(crs, CrsSupport.eastNorth(CRS.forCode("EPSG:32751"))));
            CoordinateReferenceSystem again = EpsgCache.read(f);
            assertNotNull(again, "rewritten");
            assertTrue(CrsSupport.same(again, CRS.forCode("EPSG:32751")));
            assertEquals("EPSG:32751 (WGS 84 / UTM zone 51S)", CrsSupport.label(crs));
        } finally {
            if (before == null) {
                System.clearProperty(EpsgCache.PROPERTY);
            } else {
                System.setProperty(EpsgCache.PROPERTY, before);
            }
        }
    }

    @Test
    void transformsOnOneDatumEqualTheDatabasesAndADatumShiftComesFromIt() throws Exception {
        CoordinateReferenceSystem lonLat = CrsSupport.lonLat();
        CoordinateReferenceSystem utm = CrsSupport.parse("EPSG:32650", null);
        assertTrue(CrsSupport.sameDatum(utm, lonLat));
        double[] p = {500000, 4000000, 300000, 2500000, 700000, 5000000};
        double[] a = new double[6], b = new double[6];
        CrsSupport.transform(utm, lonLat).transform(p, 0, a, 0, 3);
        CRS.findOperation(utm, lonLat, null).getMathTransform().transform(p, 0, b, 0, 3);
        for (int i = 0; i < 6; i++) {
            assertEquals(b[i], a[i], 0.0, "UTM 50N to lon/lat, coordinate " + i);
        }
        assertEquals(117, a[0], 1e-9); // the central meridian of zone 50
        // Beijing 1954 (Krassowsky) to WGS 84: another datum, so the database's transformation is used
        CoordinateReferenceSystem beijing = CrsSupport.parse("EPSG:4214", null);
        assertFalse(CrsSupport.sameDatum(beijing, lonLat));
        double[] q = {116.4, 39.9}, c = new double[2], d = new double[2];
        CrsSupport.transform(beijing, lonLat).transform(q, 0, c, 0, 1);
        CRS.findOperation(beijing, lonLat, null).getMathTransform().transform(q, 0, d, 0, 1);
        assertEquals(d[0], c[0], 0.0);
        assertEquals(d[1], c[1], 0.0);
    }
}
