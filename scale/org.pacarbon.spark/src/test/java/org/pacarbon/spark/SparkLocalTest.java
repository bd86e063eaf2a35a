package org.pacarbon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.cli.demo.BenchData;
import org.pacarbon.cli.demo.DemoData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assessment on Spark {@code local[2]} through the real command ({@code assess --engine spark}) gives the local
 * engine's summary.csv and per_pa.csv to 1e-12 relative: the demo (lon/lat and Albers rasters, NetCDF, sums of
 * layers, years) and the benchmark's overlapping polygons with a polygon region and with a mask region. Tasks are
 * made small so that every layer is cut into many row ranges whose sums the driver adds.
 */
class SparkLocalTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void smallTasks() {
        System.setProperty("spark.pacarbon.taskCells", "30000");
    }

    @Test
    void theDemoGivesTheLocalAnswer() throws Exception {
        Path data = dir.resolve("demo");
        DemoData.generate(data);
        compare(data.resolve("spec.json"), "demo");
    }

    @Test
    void overlappingPolygonsWithPolygonAndMaskRegionsGiveTheLocalAnswer() throws Exception {
        Path data = dir.resolve("bench");
        Path spec = BenchData.generate(data, 1000, 800, 5000, 500);
        compare(spec, "polygons");
        // the same polygons, the region as a mask: the raster's valid cells
        Path mask = data.resolve("spec_mask.json");
        Files.writeString(mask, Files.readString(spec).replaceFirst("\"region\": \\{\"path\": \"[^\"]+\"\\}",
                "\"region\": {\"mask\": \"carbon_5000m.tif\"}"));
        assertTrue(Files.readString(mask).contains("\"mask\""), "the mask spec");
        compare(mask, "mask");
    }

    @Test
    void aCorruptTileIsReportedOnceWithTheFileNamedAsTheLocalCommandReportsIt() throws Exception {
        Path data = dir.resolve("corrupt");
        Path spec = BenchData.generate(data, 1000, 800, 5000, 500);
        Path tif = data.resolve("carbon_5000m.tif");
        byte[] b = Files.readAllBytes(tif);
        for (int i = b.length / 2; i < b.length / 2 + 4000; i++) {
            b[i] = (byte) (i * 7); // a damaged stretch inside the compressed tiles; the header is intact
        }
        Files.write(tif, b);
        StringBuilder local = new StringBuilder(), spark = new StringBuilder();
        assertEquals(1, run(local, "assess", spec.toString(), "--out", data.resolve("out-local").toString()));
        assertEquals(1, run(spark, "assess", spec.toString(), "--out", data.resolve("out-spark").toString(), "--engine", "spark",
                "--master", "local[2]"));
        List<String> localErrors = errors(local), sparkErrors = errors(spark);
        assertEquals(1, localErrors.size(), local.toString());
        assertTrue(localErrors.get(0).contains(tif.toString()) && localErrors.get(0).contains("cannot be read"), localErrors.get(0));
        assertEquals(localErrors, sparkErrors, "the Spark run reports the input error as the local run does");
        assertTrue(Files.notExists(data.resolve("out-spark").resolve("summary.csv")), "no output from a failed run");
    }

    private static List<String> errors(CharSequence err) {
        return err.toString().lines().filter(l -> l.startsWith("pacarbon assess: error:")).toList();
    }

    private static void compare(Path spec, String name) throws Exception {
        Path local = dir.resolve(name + "-local"), spark = dir.resolve(name + "-spark");
        assertEquals(0, run("assess", spec.toString(), "--out", local.toString()), "local run");
        assertEquals(0, run("assess", spec.toString(), "--out", spark.toString(), "--engine", "spark", "--master", "local[2]"), "Spark run");
        int n = Outputs.assertSameNumbers(local.resolve("summary.csv"), spark.resolve("summary.csv"), 1e-12);
        n += Outputs.assertSameNumbers(local.resolve("per_pa.csv"), spark.resolve("per_pa.csv"), 1e-12);
        assertTrue(n > 100, name + ": " + n + " numbers compared");
        JsonNode engine = new ObjectMapper().readTree(spark.resolve("provenance.json").toFile()).get("engine");
        assertEquals("spark", engine.get("name").asText());
        assertEquals("local[2]", engine.get("master").asText());
        int layers = engine.get("layersDistributed").asInt();
        assertTrue(layers >= 1, "layers measured on Spark: " + engine);
        assertTrue(engine.get("tasks").asLong() > 2L * layers, "several tasks per layer: " + engine);
        assertEquals("local", new ObjectMapper().readTree(local.resolve("provenance.json").toFile()).get("engine").get("name").asText());
        for (String f : List.of("tables.md", "report.html")) {
            assertTrue(Files.size(spark.resolve(f)) > 300, f + " written by the Spark run");
        }
    }

    static int run(String... args) {
        StringBuilder err = new StringBuilder();
        int code = run(err, args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }

    /** Runs the driver's command line as ./pacarbon does; its stderr goes to {@code err}. */
    static int run(StringBuilder err, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return SparkMain.run(args);
        } finally {
            System.setErr(old);
            err.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
