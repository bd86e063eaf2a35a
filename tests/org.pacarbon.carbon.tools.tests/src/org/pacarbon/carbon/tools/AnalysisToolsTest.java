package org.pacarbon.carbon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolRunner;

/** Ranking, trend and synergy zoning on small data whose answers are worked out by hand. */
class AnalysisToolsTest {
    @TempDir
    Path dir;

    private void tif(String name, int w, int h, java.util.function.IntBinaryOperator value) throws Exception {
        GeoTiffWriter.of(w, h).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f)
                .write(dir.resolve(name), (r, row) -> {
                    for (int c = 0; c < w; c++) {
                        row[c] = value.applyAsInt(r, c);
                    }
                });
    }

    private static String box(String id, String cls, double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Feature\",\"properties\":{\"pa_id\":\"" + id + "\",\"name\":\"" + id + "\",\"category\":\"" + cls
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],["
                + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3035\"}},"
                + "\"features\":[" + String.join(",", features) + "]}";
    }

    /**
     * 4 x 4 cells of 1 km; NPP of year Y in column c = k(Y) x (c + 1) with k = 1, 2, 4 in 2000, 2010, 2020.
     * P1 covers columns 0-1 of rows 0-1, P2 columns 2-3 of rows 0-1.
     */
    private void series() throws Exception {
        int[] k = {1, 2, 4};
        int[] years = {2000, 2010, 2020};
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            int f = k[i];
            tif("npp_" + years[i] + ".tif", 4, 4, (r, c) -> f * (c + 1));
            layers.append(i > 0 ? "," : "").append("{\"key\":\"npp\",\"year\":").append(years[i]).append(",\"path\":\"npp_")
                    .append(years[i]).append(".tif\",\"kind\":\"density\",\"unit\":\"kgC/m2/yr\",\"group\":\"uptake\"}");
        }
        Files.writeString(dir.resolve("region.geojson"), collection(box("R", "region", 500000, 4006000, 504000, 4010000)));
        Files.writeString(dir.resolve("pas.geojson"), collection(box("P1", "national_park", 500000, 4008000, 502000, 4010000),
                box("P2", "nature_reserve", 502000, 4008000, 504000, 4010000)));
        Files.writeString(dir.resolve("spec.json"), "{\"title\":\"series\",\"region\":{\"path\":\"region.geojson\"},"
                + "\"protectedAreas\":{\"path\":\"pas.geojson\",\"classField\":\"category\",\"nameField\":\"name\","
                + "\"idField\":\"pa_id\",\"classes\":[{\"value\":\"national_park\",\"key\":\"national_park\",\"label\":\"National parks\"},"
                + "{\"value\":\"nature_reserve\",\"key\":\"nature_reserve\",\"label\":\"Nature reserves\"}]},"
                + "\"layers\":[" + layers + "]}");
    }

    private ToolResult run(String id, Map<String, String> params) throws ToolException {
        return ToolRunner.run(ToolRegistry.find(id), params, dir, null, Progress.NONE);
    }

    @Test
    void ranksPasByDensityAndByChange() throws Exception {
        series();
        ToolResult r = run("carbon.rank", Map.of("spec", "spec.json", "layer", "npp", "measure", "density"));
        ToolResult.Table t = r.tables().get(0);
        assertEquals(List.of("P2", "P1"), t.rows().stream().map(x -> x.get(1)).toList());
        assertEquals(14.0 / 6.0, (double) t.rows().get(0).get(4) / (double) t.rows().get(1).get(4), 1e-9);
        r = run("carbon.rank", Map.of("spec", "spec.json", "layer", "npp", "measure", "change"));
        t = r.tables().get(0);
        assertEquals(300.0, (double) t.rows().get(0).get(5), 1e-6); // x4 from 2000 to 2020
        assertEquals(300.0, (double) t.rows().get(1).get(5), 1e-6);
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.rank", Map.of("spec", "spec.json",
                "layer", "soc")));
        assertTrue(e.getMessage().contains("no layer 'soc'") && e.getMessage().contains("npp"), e.getMessage());
        e = assertThrows(ToolException.class, () -> run("carbon.rank", Map.of("spec", "spec.json", "layer", "npp",
                "year", "2015")));
        assertTrue(e.getMessage().contains("no year 2015"), e.getMessage());
    }

    @Test
    void theTableToolsAssessOneGroupOfTheSpec() throws Exception {
        series();
        ToolResult r = run("carbon.uptake", Map.of("spec", "spec.json", "out", "uptake"));
        ToolResult.Table t = r.table("Assessment summary");
        assertTrue(t.rows().stream().allMatch(x -> x.get(0).equals("uptake")));
        assertEquals(3, t.rows().stream().map(x -> x.get(2)).distinct().count(), "2000, 2010, 2020");
        assertTrue(Files.isRegularFile(dir.resolve("uptake/tables.md")));
        // NPP of the region in 2020 is 4 times that of 2000
        double y2000 = t.rows().stream().filter(x -> x.get(2).equals("2000")).mapToDouble(x -> (double) x.get(4)).max().orElseThrow();
        double y2020 = t.rows().stream().filter(x -> x.get(2).equals("2020")).mapToDouble(x -> (double) x.get(4)).max().orElseThrow();
        assertEquals(4.0, y2020 / y2000, 1e-9);
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.storage", Map.of("spec", "spec.json")));
        assertTrue(e.getMessage().contains("no layers of group storage"), e.getMessage());
    }

    @Test
    void trendHasGrowthSensSlopeAndATrendRaster() throws Exception {
        series();
        ToolResult r = run("carbon.trend", Map.of("spec", "spec.json", "layer", "npp", "out", "trend.tif"));
        ToolResult.Table t = r.tables().get(0);
        List<Object> region = t.rows().stream().filter(x -> x.get(0).toString().toLowerCase().contains("region")).findFirst()
                .orElse(t.rows().get(0));
        double first = (double) region.get(3);
        assertEquals(4 * first, (double) region.get(4), 1e-9 * first);
        assertEquals(100 * (Math.pow(4, 1.0 / 20) - 1), (double) region.get(6), 1e-9);
        assertEquals(0.15, (double) region.get(7) / first, 1e-9); // slopes 0.1, 0.15, 0.2 of the 2000 total per year
        try (RasterSource tr = Rasters.open(dir.resolve("trend.tif"))) {
            float[] v = new float[16];
            tr.readRows(0, 4, v);
            for (int i = 0; i < 16; i++) {
                assertEquals(0.15f * (i % 4 + 1), v[i], 1e-6f);
            }
        }
        Files.writeString(dir.resolve("one.json"), Files.readString(dir.resolve("spec.json"))
                .replaceAll(",\\{\"key\":\"npp\",\"year\":20[12]0[^}]*\\}", ""));
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.trend", Map.of("spec", "one.json", "layer", "npp")));
        assertTrue(e.getMessage().contains("1 year(s)"), e.getMessage());
    }

    @Test
    void synergyClassesAreasAndCandidatePatches() throws Exception {
        // carbon [5 5 1; 5 1 1], biodiversity [5 5 5; 1 1 5], both high at >= 3
        int[][] c = {{5, 5, 1}, {5, 1, 1}};
        int[][] b = {{5, 5, 5}, {1, 1, 5}};
        tif("c.tif", 3, 2, (r, x) -> c[r][x]);
        tif("b.tif", 3, 2, (r, x) -> b[r][x]);
        Files.writeString(dir.resolve("pa.geojson"), collection(box("P", "park", 501000, 4009000, 502000, 4010000)));
        ToolResult r = run("carbon.synergy", Map.of("carbon", "c.tif", "biodiversity", "b.tif", "pas", "pa.geojson",
                "split", "threshold", "carbon-threshold", "3", "bio-threshold", "3", "min-patch", "0.5", "out", "syn.tif"));
        try (RasterSource s = Rasters.open(dir.resolve("syn.tif"))) {
            float[] v = new float[6];
            s.readRows(0, 2, v);
            assertEquals(List.of(1f, 1f, 3f, 2f, 4f, 3f), List.of(v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        ToolResult.Table classes = r.table("Synergy classes");
        assertEquals(1.0, (double) classes.rows().get(0).get(2), 1e-9); // both high: 1 km2 inside (the PA cell)
        assertEquals(1.0, (double) classes.rows().get(0).get(3), 1e-9); // and 1 km2 outside
        assertEquals(50.0, (double) classes.rows().get(0).get(4), 1e-9);
        assertEquals(2.0, (double) classes.rows().get(2).get(3), 1e-9); // biodiversity only: 2 km2 outside
        ToolResult.Table patches = r.table("Candidate synergy patches outside PAs");
        assertEquals(1, patches.rows().size());
        assertEquals(List.of(1, 1L, 1.0, 500500.0, 4009500.0, 5.0), patches.rows().get(0));
        r = run("carbon.synergy", Map.of("carbon", "c.tif", "biodiversity", "b.tif", "pas", "pa.geojson",
                "split", "threshold", "carbon-threshold", "3", "bio-threshold", "3", "min-patch", "2", "out", "syn.tif"));
        assertTrue(r.table("Candidate synergy patches outside PAs").rows().isEmpty(), "1 km2 is below 2 km2");
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.synergy", Map.of("carbon", "c.tif",
                "biodiversity", "b.tif", "pas", "pa.geojson", "split", "threshold")));
        assertTrue(e.getMessage().contains("--carbon-threshold"), e.getMessage());
    }
}
