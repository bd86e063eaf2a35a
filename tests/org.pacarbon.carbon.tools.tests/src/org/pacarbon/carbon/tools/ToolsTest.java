package org.pacarbon.carbon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.cli.Commands;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolRunner;

/** The carbon tools on small data with answers computed by hand, and their answers to bad input. */
class ToolsTest {
    @TempDir
    Path dir;

    /** A UTM 50N raster with 1 km cells, upper left at (500000, 4010000). */
    private Path tif(String name, int w, int h, float... values) throws Exception {
        Path p = dir.resolve(name);
        GeoTiffWriter.of(w, h).crs(32650, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f)
                .write(p, (r, row) -> {
                    for (int c = 0; c < w; c++) {
                        float v = values[r * w + c];
                        row[c] = Float.isNaN(v) ? -9999f : v;
                    }
                });
        return p;
    }

    private static float[] read(Path p) throws Exception {
        try (RasterSource r = Rasters.open(p)) {
            float[] v = new float[r.grid().width() * r.grid().height()];
            r.readRows(0, r.grid().height(), v);
            return v;
        }
    }

    private ToolResult run(String id, Map<String, String> params) throws ToolException {
        return ToolRunner.run(ToolRegistry.find(id), params, dir, null, Progress.NONE);
    }

    @Test
    void everyCarbonToolIsRegisteredWithHelpAndParameters() throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        List<String> ids = ToolRegistry.tools(problems).stream().map(ToolDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("carbon.assess", "carbon.vsoc", "carbon.gap", "carbon.inventory")), ids.toString());
        assertTrue(problems.isEmpty(), problems.toString());
        for (ToolDescriptor d : ToolRegistry.tools()) {
            assertFalse(d.create().help().isBlank(), d.id());
            assertFalse(d.create().params().isEmpty(), d.id());
            assertEquals("Carbon assessment", ToolRegistry.find("carbon.gap").category());
        }
    }

    @Test
    void theCarbonLayersHaveDefaultStylesOnTheMap() {
        assertTrue(org.pacarbon.map.core.DefaultStyles.problems().isEmpty(), org.pacarbon.map.core.DefaultStyles.problems().toString());
        assertEquals("npp", org.pacarbon.map.core.DefaultStyles.forFile("NPP_2020.tif").ramp());
        org.pacarbon.map.core.DefaultStyles.Rule co2 = org.pacarbon.map.core.DefaultStyles.forFile("edgar_co2_2020.nc");
        assertEquals("emissions", co2.ramp());
        assertTrue(co2.log());
        assertEquals("carbon", org.pacarbon.map.core.DefaultStyles.forFile("biomass_2010.tif").ramp());
        assertEquals(1.0, org.pacarbon.map.core.DefaultStyles.forFile("gap_hotspots.tif").max());
        assertEquals(null, org.pacarbon.map.core.DefaultStyles.forFile("elevation.tif"));
    }

    @Test
    void vsocIsSocTimesTheLossFractionOfItsClass() throws Exception {
        Path soc = tif("soc.tif", 3, 2, 10, 20, 30, 40, 50, Float.NaN);
        Path cls = tif("cls.tif", 3, 2, 1, 2, 1, 2, 3, 1);
        Path fr = dir.resolve("fractions.csv");
        Files.writeString(fr, "class,fraction\n1,0.1\n2,0.5\n3,0\n");
        ToolResult r = run("carbon.vsoc", Map.of("soc", "soc.tif", "classes", "cls.tif", "fractions", "fractions.csv",
                "out", "vsoc.tif"));
        float[] v = read(dir.resolve("vsoc.tif"));
        assertEquals(1f, v[0], 1e-6);
        assertEquals(10f, v[1], 1e-6);
        assertEquals(3f, v[2], 1e-6);
        assertEquals(20f, v[3], 1e-6);
        assertEquals(0f, v[4], 1e-6);
        assertTrue(Float.isNaN(v[5]), "no SOC, no vSOC");
        ToolResult.Table t = r.table("Vulnerable SOC by soil class");
        assertEquals(List.of("1", 2L, 0.1, 20.0, 2.0), t.rows().get(0)); // cells 10 and 30
        assertEquals(List.of("2", 2L, 0.5, 30.0, 15.0), t.rows().get(1));
        assertEquals(1, r.rasters().size());

        // a class the table lacks: named, and no half-made raster left behind
        Files.writeString(fr, "class,fraction\n1,0.1\n2,0.5\n");
        // the output is never one of the inputs: refused before anything is written, the input kept (#14)
        byte[] socBytes = Files.readAllBytes(soc);
        ToolException same = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "soc.tif", "classes", "cls.tif",
                "fractions", "fractions.csv", "out", "soc.tif")));
        assertTrue(same.getMessage().contains("also the input") && same.getMessage().contains("soc.tif"), same.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(socBytes, Files.readAllBytes(soc));
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "soc.tif",
                "classes", "cls.tif", "fractions", "fractions.csv", "out", "vsoc2.tif")));
        assertTrue(e.getMessage().contains("soil classes 3 of") && e.getMessage().contains("(1 cells)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("vsoc2.tif")));

        // mismatched grids
        tif("small.tif", 2, 2, 1, 1, 1, 1);
        Files.writeString(fr, "class,fraction\n1,0.1\n");
        e = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "soc.tif", "classes", "small.tif",
                "fractions", "fractions.csv")));
        assertTrue(e.getMessage().contains("another grid"), e.getMessage());

        // a fraction out of range, a missing column
        Files.writeString(fr, "class,fraction\n1,1.5\n");
        e = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "soc.tif", "classes", "cls.tif",
                "fractions", "fractions.csv")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not between 0 and 1"), e.getMessage());
        Files.writeString(fr, "code,loss\n1,0.1\n");
        e = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "soc.tif", "classes", "cls.tif",
                "fractions", "fractions.csv")));
        assertTrue(e.getMessage().contains("no column 'class'"), e.getMessage());
    }

    @Test
    void gapAnalysisCountsTheHighCellsOutsidePasWithPartialCoverage() throws Exception {
        tif("c.tif", 4, 1, 1, 2, 3, 4);
        // a PA over all of cell 4 (x 503000..504000) and the east half of cell 3 (502500..503000)
        Files.writeString(dir.resolve("pa.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[
                 {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Polygon","coordinates":[[[502500,4009000],
                  [504000,4009000],[504000,4010000],[502500,4010000],[502500,4009000]]]}},
                 {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Polygon","coordinates":[[[503000,4009000],
                  [504000,4009000],[504000,4010000],[503000,4010000],[503000,4009000]]]}}]}
                """); // b overlaps a: the union counts once
        ToolResult r = run("carbon.gap", Map.of("layer", "c.tif", "pas", "pa.geojson", "top-percent", "50", "out", "gap.tif"));
        ToolResult.Table t = r.table("Gap analysis");
        Map<String, Object> m = new java.util.HashMap<>();
        t.rows().forEach(row -> m.put((String) row.get(0), row.get(1)));
        assertEquals(3.0, (double) m.get("threshold"), 1e-9); // cells 3 and 4 are the top 50 % of the area
        assertEquals(4.0, (double) m.get("valid area"), 1e-9);
        assertEquals(2.0, (double) m.get("high-value area"), 1e-9);
        assertEquals(1.5, (double) m.get("high-value area inside PAs"), 1e-9);
        assertEquals(0.5, (double) m.get("high-value area outside PAs (gap)"), 1e-9);
        assertEquals(25.0, (double) m.get("gap share of high-value area"), 1e-9);
        assertEquals(3 * 0.5e6, (double) m.get("value x area in the gap"), 1e-3);
        float[] hot = read(dir.resolve("gap.tif"));
        assertEquals(List.of(Float.NaN, Float.NaN, 1f, Float.NaN), List.of(hot[0], hot[1], hot[2], hot[3])); // cell 3 is half outside

        // the gap per region: West holds cells 1-2, East cells 3-4
        Files.writeString(dir.resolve("regions.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[
                 {"type":"Feature","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[500000,4009000],
                  [502000,4009000],[502000,4010000],[500000,4010000],[500000,4009000]]]}},
                 {"type":"Feature","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[502000,4009000],
                  [504000,4009000],[504000,4010000],[502000,4010000],[502000,4009000]]]}}]}
                """);
        r = run("carbon.gap", Map.of("layer", "c.tif", "pas", "pa.geojson", "top-percent", "50", "out", "gap.tif",
                "regions", "regions.geojson", "region-field", "name"));
        ToolResult.Table byRegion = r.table("Gap by region");
        assertEquals(List.of("West", 0.0, 0.0), byRegion.rows().get(0).subList(0, 3));
        assertEquals("East", byRegion.rows().get(1).get(0));
        assertEquals(2.0, (double) byRegion.rows().get(1).get(1), 1e-9);
        assertEquals(0.5, (double) byRegion.rows().get(1).get(2), 1e-9);
        assertEquals(25.0, (double) byRegion.rows().get(1).get(3), 1e-9);
        assertEquals(1.5e6, (double) byRegion.rows().get(1).get(4), 1e-3);
        ToolException bad = assertThrows(ToolException.class, () -> run("carbon.gap", Map.of("layer", "c.tif",
                "pas", "pa.geojson", "regions", "regions.geojson", "region-field", "province")));
        assertTrue(bad.getMessage().contains("no field 'province'"), bad.getMessage());

        // a threshold instead of a share
        r = run("carbon.gap", Map.of("layer", "c.tif", "pas", "pa.geojson", "threshold", "2", "out", "gap.tif"));
        float[] hot2 = read(dir.resolve("gap.tif"));
        assertEquals(List.of(Float.NaN, 1f, 1f, Float.NaN), List.of(hot2[0], hot2[1], hot2[2], hot2[3]));

        // an empty PA file
        Files.writeString(dir.resolve("none.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.gap", Map.of("layer", "c.tif",
                "pas", "none.geojson")));
        assertTrue(e.getMessage().contains("none.geojson"), e.getMessage());
        e = assertThrows(ToolException.class, () -> run("carbon.gap", Map.of("layer", "c.tif", "pas", "pa.geojson",
                "top-percent", "150")));
        assertTrue(e.getMessage().contains("--top-percent") && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void inventoryMultipliesActivitiesByFactors() throws Exception {
        Files.writeString(dir.resolve("factors.csv"), "activity,unit,kgco2e_per_unit\nvehicle_diesel,km,0.2\n"
                + "electricity,kWh,0.5\nvisitors,person,1.5\n");
        Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\n"
                + "NP1,2019,vehicle_diesel,10000,km\nNP1,2019,electricity,4000,kWh\n"
                + "NP1,2021,vehicle_diesel,20000,km\nNP1,2021,electricity,4000,kWh\nNP1,2021,visitors,1000,person\n"
                + "NR2,2020,electricity,1000,kWh\n");
        ToolResult r = run("carbon.inventory", Map.of("activities", "act.csv", "factors", "factors.csv"));
        ToolResult.Table detail = r.table("Emissions per PA, year and activity");
        assertEquals(List.of("NP1", 2019, "electricity", 4000.0, "kWh", 0.5, 2.0), detail.rows().get(0));
        assertEquals(List.of("NP1", 2019, "vehicle_diesel", 10000.0, "km", 0.2, 2.0), detail.rows().get(1));
        ToolResult.Table totals = r.table("Emissions per PA and year");
        assertEquals(4.0, (double) totals.rows().get(0).get(2), 1e-12); // NP1 2019: 2 + 2 t
        assertEquals(7.5, (double) totals.rows().get(1).get(2), 1e-12); // NP1 2021: 4 + 2 + 1.5 t
        assertEquals(87.5, (double) totals.rows().get(1).get(3), 1e-9); // +87.5 %
        ToolResult.Table trend = r.table("Emission trend per PA");
        assertEquals(100 * (Math.sqrt(7.5 / 4.0) - 1), (double) trend.rows().get(0).get(5), 1e-9); // over 2 years
        assertTrue(Double.isNaN((double) trend.rows().get(1).get(5)), "one year: no growth");

        Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\nNP1,2019,helicopter,3,hours\n");
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.inventory", Map.of("activities", "act.csv",
                "factors", "factors.csv")));
        assertTrue(e.getMessage().contains("act.csv line 2") && e.getMessage().contains("no emission factor for 'helicopter'"),
                e.getMessage());
        Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\n");
        e = assertThrows(ToolException.class, () -> run("carbon.inventory", Map.of("activities", "act.csv",
                "factors", "factors.csv")));
        assertTrue(e.getMessage().contains("no activity rows"), e.getMessage());
    }

    @Test
    void parametersAreCheckedBeforeAnythingRuns() {
        ToolException e = assertThrows(ToolException.class, () -> run("carbon.vsoc", Map.of("soc", "nope.tif")));
        assertTrue(e.getMessage().contains("--soc") && e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(ToolException.class, () -> run("carbon.inventory", Map.of()));
        assertTrue(e.getMessage().contains("missing --activities"), e.getMessage());
        e = assertThrows(ToolException.class, () -> run("carbon.inventory", Map.of("colour", "red")));
        assertTrue(e.getMessage().contains("unknown parameter --colour"), e.getMessage());
        e = assertThrows(ToolException.class, () -> ToolRegistry.find("carbon.nothing"));
        assertTrue(e.getMessage().contains("no tool 'carbon.nothing'"), e.getMessage());
    }

    private record Cli(int code, String out, String err) {
    }

    private Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("pacarbon.cwd", dir.toString());
        try {
            int code = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("pacarbon.cwd");
        }
    }

    @Test
    void theCommandLineListsAndRunsTools() throws Exception {
        Cli c = cli("tools");
        assertEquals(0, c.code(), c.err());
        for (String id : List.of("carbon.assess", "carbon.vsoc", "carbon.gap", "carbon.inventory")) {
            assertTrue(c.out().contains("  " + id + "  "), c.out());
        }
        assertTrue(c.out().contains("--top-percent number [%]  default 10"), c.out());

        Files.writeString(dir.resolve("factors.csv"), "activity,unit,kgco2e_per_unit\nelectricity,kWh,0.5\n");
        Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\nNP1,2020,electricity,2000,kWh\n");
        c = cli("run", "carbon.inventory", "--activities", "act.csv", "--factors", "factors.csv", "--results", "inv");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("| NP1 | 2020 | 1 |"), c.out()); // 2000 kWh x 0.5 kg/kWh = 1 t, as people read it
        assertTrue(Files.readString(dir.resolve("inv/emissions_per_pa_and_year.csv"))
                .startsWith("pa_id,year,emissions [t CO2e],change from the year before [%]\nNP1,2020,1.0,\n"));
        assertTrue(Files.readString(dir.resolve("inv/run.json")).contains("\"tool\" : \"carbon.inventory\""));

        c = cli("run", "carbon.inventory", "--activities", "missing.csv", "--factors", "factors.csv");
        assertEquals(1, c.code());
        assertTrue(c.err().contains("missing.csv does not exist"), c.err());

        // the full assessment of the demo data, as a tool
        org.pacarbon.cli.demo.DemoData.generate(dir.resolve("demo"));
        c = cli("run", "carbon.assess", "--spec", "demo/spec.json", "--out", "assessed");
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.isRegularFile(dir.resolve("assessed/provenance.json")));
        assertTrue(c.out().contains("### Assessment summary"), c.out());
    }
}
