package org.example.carbon.tool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolRunner;

/**
 * The institute's tool, found through PA-Carbon's extension point, measures true areas, not cell counts. Expected areas: the ellipsoidal zone between two
 * latitudes on WGS 84 (Snyder 1987, eq. 3-12, written out here), 1 degree of longitude wide.
 */
class AreaAboveToolTest {
    private static final double A = 6378137.0, F = 1 / 298.257223563, E2 = F * (2 - F), E = Math.sqrt(E2);

    private static double zoneKm2(double lat1, double lat2) {
        return A * A * (1 - E2) * Math.toRadians(1) * (q(Math.toRadians(lat2)) - q(Math.toRadians(lat1))) / 1e6;
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        return s / (2 * (1 - E2 * s * s)) + Math.log((1 + E * s) / (1 - E * s)) / (4 * E);
    }

    @TempDir
    Path dir;

    @Test
    void areaAboveIsInSquareKilometresOfTheEllipsoid() throws Exception {
        // 1 x 61 cells of 1 degree from 0 to 61 N; value = the row's southern latitude: 0..60 (row 0 is 60 N)
        GeoTiffWriter.of(1, 61).crs(4326, true).upperLeft(100, 61).cellSize(1, 1).nodata(-9999f)
                .write(dir.resolve("lat.tif"), (r, row) -> row[0] = 60 - r);
        ToolResult res = ToolRunner.run(ToolRegistry.find("example.institute.above"), Map.of("raster", "lat.tif", "value", "50"), dir, null,
                Progress.NONE);
        ToolResult.Table t = res.tables().get(0);
        double valid = ((Number) t.rows().get(0).get(0)).doubleValue();
        double above = ((Number) t.rows().get(0).get(1)).doubleValue();
        assertEquals(zoneKm2(0, 61), valid, 1e-6 * valid);
        assertEquals(zoneKm2(50, 61), above, 1e-6 * above);
        // 11 of 61 cells, but a much smaller share of the area
        assertEquals(11L, ((Number) t.rows().get(0).get(4)).longValue());
        assertEquals(100 * zoneKm2(50, 61) / zoneKm2(0, 61), ((Number) t.rows().get(0).get(2)).doubleValue(), 1e-6);
    }
}
