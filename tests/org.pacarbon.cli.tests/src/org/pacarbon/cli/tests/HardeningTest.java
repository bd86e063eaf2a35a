package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real commands: one line naming the file or the spec entry, exit 1 or 2, no input changed.
 * Each case is one of issue #14's findings (they were coerced, crashed or lost data before).
 */
class HardeningTest {
    @TempDir
    Path dir;

    private CliTest.Run assessWith(String from, String to) throws Exception {
        Fixture.write(dir);
        Path spec = dir.resolve("bad.json");
        String text = Fixture.SPEC.replace(from, to);
        assertFalse(text.equals(Fixture.SPEC), "the replacement applies");
        Files.writeString(spec, text);
        return CliTest.run("assess", spec.toString(), "--out", dir.resolve("out").toString());
    }

    private static void assertOneLine(CliTest.Run r, String... words) {
        assertEquals(1, r.code(), r.err());
        String last = r.err().lines().filter(l -> !l.startsWith("  ")).reduce((a, b) -> b).orElse("");
        assertEquals(1, r.err().lines().filter(l -> !l.startsWith("  ")).count(), r.err());
        for (String w : words) {
            assertTrue(last.contains(w), "'" + w + "' in: " + last);
        }
        assertFalse(last.matches(".*(Exception|java\\.|org\\.apache).*"), last);
    }

    @Test
    void specNumbersAreValidatedNotCoerced() throws Exception {
        assertOneLine(assessWith("\"year\": 2000,", "\"year\": 2000.5,"), "bad.json", "year");
        assertOneLine(assessWith("\"year\": 2000,", "\"year\": 1e300,"), "bad.json", "year");
        assertOneLine(assessWith("\"year\": 2000,", "\"year\": 99999999999,"), "bad.json", "year");
        assertOneLine(assessWith("\"year\": 2000,", "\"year\": -5,"), "bad.json", "year");
        assertOneLine(assessWith("\"path\": \"carbon2.tif\",", "\"path\": \"carbon2.tif\", \"nodata\": \"none\","), "bad.json", "nodata");
        assertOneLine(assessWith("\"path\": \"carbon2.tif\",", "\"path\": \"\","), "bad.json", "path");
        assertOneLine(assessWith("{\"key\": \"emis\", \"year\": 2000,", "{\"key\": \"carbon\", \"year\": 2000,"), "bad.json", "two groups");
        assertOneLine(assessWith("{\"value\": \"nature_reserve\", \"key\": \"nature_reserve\"", "{\"value\": \"national_park\", \"key\": \"nature_reserve\""),
                "bad.json", "listed twice");
        assertOneLine(assessWith("\"layers\": [", "\"grid\": {\"crs\": \"EPSG:3035\", \"cellSize\": 1e400}, \"layers\": ["), "bad.json",
                "cellSize");
        assertOneLine(assessWith("\"region\": {\"path\": \"region.geojson\"}", "\"region\": {\"path\": null}"), "bad.json", "region");
    }

    @Test
    void aDamagedProjectedCoordinateIsRefusedNotSweptForever() throws Exception {
        // found by the fuzz long run: one vertex of a .shp turned into 3.2e51; the assessment densified and swept the
        // edge to it and never ended (a hang). It is now said at once, naming the file and the feature.
        Fixture.write(dir);
        Files.writeString(dir.resolve("far.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3035"}},"features":[
                 {"type":"Feature","properties":{"pa_id":"A","category":"national_park","name":"A"},"geometry":{"type":"Polygon",
                  "coordinates":[[[507000,4000000],[507000,4001000],[510000,4001000],[510000,4000000],[3.169905707518395e51,5e-315],[507000,4000000]]]}}]}
                """);
        CliTest.Run r = assessWith("\"path\": \"pas.gpkg\"", "\"path\": \"far.geojson\"");
        assertOneLine(r, "far.geojson", "off the Earth");
    }

    @Test
    void theOutputIsNeverAnInputNorItsFolder() throws Exception {
        Fixture.write(dir);
        byte[] carbon = Files.readAllBytes(dir.resolve("carbon.tif"));
        CliTest.Run r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("folder of the input"), "err: " + r.err() + " out: " + r.out());
        r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", dir.resolve("carbon.tif").toString());
        assertEquals(1, r.code(), r.err());
        assertArrayEquals(carbon, Files.readAllBytes(dir.resolve("carbon.tif")));
    }

    @Test
    void anEmptyTrackerFileIsRefusedNotReplaced() throws Exception {
        Path t = dir.resolve("empty.sqlite");
        Files.write(t, new byte[0]);
        CliTest.Run r = CliTest.run("tracker", "list", "--file", t.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("empty.sqlite") && r.err().contains("empty"), r.err());
        assertEquals(0, Files.size(t));
    }

    @Test
    void ioFailuresAreSaidInWordsWithTheFile() throws Exception {
        Fixture.write(dir);
        Files.writeString(dir.resolve("notafolder"), "x");
        CliTest.Run r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", dir.resolve("notafolder").resolve("out").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("notafolder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
