package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.map.core.MapCrs;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;

/** The map's CRS: suggestions and EPSG search, and a map moved from UTM 50N to lon/lat. */
public final class MapCrsTest {
    private static final double A = 6378137, F = 1 / 298.257223563, E2 = F * (2 - F);

    @TempDir
    Path dir;

    /** The latitude whose meridian arc from the equator is {@code m} metres (bisection on a midpoint-rule integral). */
    private static double latitudeOfArc(double m) {
        double lo = 0, hi = 90;
        for (int k = 0; k < 60; k++) {
            double mid = (lo + hi) / 2;
            int n = 20000;
            double h = Math.toRadians(mid) / n, arc = 0;
            for (int i = 0; i < n; i++) {
                double s = Math.sin((i + 0.5) * h);
                arc += A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5) * h;
            }
            if (arc < m) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Test
    public void suggestionsParseAndTheEpsgDatabaseIsSearchable() throws Exception {
        for (MapCrs.Choice c : MapCrs.suggestions()) {
            CrsSupport.parse(c.definition(), null); // every suggestion is a CRS
        }
        assertTrue(MapCrs.suggestions().stream().anyMatch(c -> c.definition().equals("EPSG:4490")), "CGCS2000 suggested");
        assertTrue(MapCrs.suggestions().stream().anyMatch(c -> c.definition().contains("+proj=aea") && c.label().contains("China Albers")));
        List<MapCrs.Choice> found = MapCrs.search("4490", 20);
        assertTrue(found.stream().anyMatch(c -> c.definition().equals("EPSG:4490") && c.label().contains("China Geodetic Coordinate System 2000")), found.toString());
        List<MapCrs.Choice> utm = MapCrs.search("wgs 84 utm zone 50n", 20);
        assertTrue(utm.stream().anyMatch(c -> c.definition().equals("EPSG:32650")), utm.toString());
    }

    @Test
    public void aMapMovesFromUtmToLonLatWithItsRasterAndPolygons() throws Exception {
        // a raster and a polygon in UTM 50N around the zone's central meridian (117E), 4000 km north
        Path tif = dir.resolve("r.tif");
        GeoTiffWriter.of(20, 10).crs(32650, false).upperLeft(490000, 4010000).cellSize(1000, 1000).write(tif, (r, row) -> {
            for (int c = 0; c < 20; c++) {
                row[c] = c < 10 ? 1 : 2;
            }
        });
        MapModel map = new MapModel();
        map.addRaster(tif, null, "r", "carbon", 0, 2, "");
        FeatureSet pas = new FeatureSet("pa", CrsSupport.parse("EPSG:32650", null), List.of("name"),
                List.of(new Feature("1", Geometries.box(495000, 3995000, 505000, 4005000), Map.of("name", "PA"))));
        map.addVector(pas, dir.resolve("pa.geojson"), "pa", Color.RED, 1f, null);
        map.setCrs(CrsSupport.lonLat());
        assertTrue(CrsSupport.isGeographic(map.crs()));
        MapLayer pa = map.layers().get(1);
        Envelope e = pa.extent();
        // on the central meridian a UTM northing is k0 = 0.9996 times the meridian arc: 4 000 000 m is the latitude
        // whose arc is 4 000 000 / 0.9996 m (worked out here by integrating the meridian radius of curvature)
        double lat = latitudeOfArc(4_000_000 / 0.9996);
        assertEquals(117.0, (e.getMinX() + e.getMaxX()) / 2, 1e-6);
        assertEquals(lat, (e.getMinY() + e.getMaxY()) / 2, 2e-3); // the box's middle, not its centroid's latitude
        assertEquals(1, pa.features().size());
        assertTrue(pa.features().get(0).geometry().getEnvelopeInternal().equals(e));
        // the raster is drawn reprojected and identify answers in lon/lat: west of 117E is 1, east is 2
        assertEquals("1", map.identify(116.99, lat).get(1).replace("r: ", ""));
        assertEquals("2", map.identify(117.01, lat).get(1).replace("r: ", ""));
    }
}
