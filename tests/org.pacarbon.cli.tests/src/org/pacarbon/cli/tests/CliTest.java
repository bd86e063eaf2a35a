package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.pacarbon.carbon.core.QuantityUnit;
import org.pacarbon.cli.Commands;

/** `pacarbon assess` end to end on the hand-built fixture, and its answers to bad input. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void assessWritesTheFilesWithExactlyTheColumnsAndValues() throws Exception {
        Fixture.write(dir);
        Path out = dir.resolve("out");
        Run r = run("assess", dir.resolve("spec.json").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.csv", "per_pa.csv", "tables.md", "report.html", "provenance.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing; the log:\n" + r.err());
        }
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("group,layer,year,category,total,total_unit,share_pct,per_area,per_area_unit,ratio_to_region,valid_area_km2", lines.get(0));
        List<Map<String, String>> rows = Fixture.csv(out.resolve("summary.csv"));
        assertEquals(5 * 5, rows.size()); // 5 layers (incl. 2 years of emis) x 5 categories
        Map<String, String> park = rows.stream().filter(m -> m.get("layer").equals("carbon") && m.get("category").equals("national_park"))
                .findFirst().orElseThrow();
        assertEquals(5e-6, Double.parseDouble(park.get("total")), 1e-18);
        assertEquals("PgC", park.get("total_unit"));
        assertEquals("", park.get("year"));
        assertEquals(100 * 5.0 / 79, Double.parseDouble(park.get("share_pct")), 1e-9);
        assertEquals("storage", park.get("group"));
        Map<String, String> emis = rows.stream().filter(m -> m.get("layer").equals("emis") && m.get("year").equals("2020")
                && m.get("category").equals("region")).findFirst().orElseThrow();
        assertEquals(64e3 / 1e11, Double.parseDouble(emis.get("total")), 1e-18);
        assertEquals("pa_id,name,class,layer,year,total,total_unit,per_area,per_area_unit,valid_area_km2,area_km2",
                Files.readAllLines(out.resolve("per_pa.csv")).get(0));
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"sha256\""), prov);
        assertTrue(prov.contains("carbon.tif"), prov);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<table>"));
        assertTrue(Files.isRegularFile(out.resolve("report.pdf")));
        assertFalse(listHidden(out), "no temporary folder left");
    }

    private static boolean listHidden(Path out) throws Exception {
        try (var s = Files.list(out)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".partial"));
        }
    }

    /** Runs a spec variant that must fail; returns stderr, after checking the exit code and that no output appeared. */
    private String fails(String spec) throws Exception {
        Fixture.write(dir);
        Path s = dir.resolve("bad.json");
        Files.writeString(s, spec);
        Path out = dir.resolve("out-bad");
        Run r = run("assess", s.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertFalse(Files.exists(out.resolve("summary.csv")), "no summary.csv after a failure");
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("pacarbon")).count(), r.err());
        return r.err();
    }

    @Test
    void labelsAreTextsOrTextsByLanguage() throws Exception {
        String e = fails(Fixture.SPEC.replace("\"label\": \"National parks\"", "\"label\": [1, 2]"));
        assertTrue(e.contains("bad.json") && e.contains("\"label\" must be a text or {\"en\""), e);
        e = fails(Fixture.SPEC.replace("\"label\": \"National parks\"", "\"label\": {\"zh\": \"\"}"));
        assertTrue(e.contains("\"label\" in language 'zh' must be a non-empty text"), e);
    }

    @Test
    void missingFileIsNamed() throws Exception {
        String e = fails(Fixture.SPEC.replace("carbon2.tif", "nothere.tif"));
        assertTrue(e.contains("nothere.tif") && e.contains("not found"), e);
    }

    @Test
    void corruptGeoTiffIsNamed() throws Exception {
        Fixture.write(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("carbon.tif"));
        Files.write(dir.resolve("broken.tif"), java.util.Arrays.copyOf(bytes, 200));
        String e = fails(Fixture.SPEC.replace("carbon2.tif", "broken.tif"));
        assertTrue(e.contains("broken.tif"), e);
    }

    @Test
    void rasterWithoutCrsIsNamed() throws Exception {
        Fixture.write(dir);
        // a plain TIFF without GeoKeys: take our GeoTIFF writer's output and write a copy with no georeferencing tags
        org.pacarbon.gis.core.io.GeoTiffWriter.of(4, 4).crs(0, false).upperLeft(0, 0).cellSize(1, 1)
                .write(dir.resolve("nocrs.tif"), (r, row) -> java.util.Arrays.fill(row, 1f));
        String e = fails(Fixture.SPEC.replace("carbon2.tif", "nocrs.tif"));
        assertTrue(e.contains("nocrs.tif"), e);
        assertTrue(e.toLowerCase().contains("crs") || e.toLowerCase().contains("georeferenc"), e);
    }

    @Test
    void missingClassFieldListsTheFields() throws Exception {
        String e = fails(Fixture.SPEC.replace("\"classField\": \"category\"", "\"classField\": \"iucn_cat\""));
        assertTrue(e.contains("iucn_cat") && e.contains("pas.gpkg") && e.contains("category"), e);
    }

    @Test
    void unknownUnitIsAnError() throws Exception {
        String e = fails(Fixture.SPEC.replace("\"unit\": \"kgC/m2\", \"group\": \"storage\"},\n    {\"key\": \"carbon2\"",
                "\"unit\": \"bushels/acre\", \"group\": \"storage\"},\n    {\"key\": \"carbon2\""));
        assertTrue(e.contains("unknown unit 'bushels/acre'"), e);
    }

    @Test
    void typoInAKeySuggestsTheRightOne() throws Exception {
        String e = fails(Fixture.SPEC.replace("\"protectedAreas\"", "\"protectedArea\""));
        assertTrue(e.contains("unknown key 'protectedArea'") && e.contains("did you mean 'protectedAreas'"), e);
    }

    @Test
    void layerWithoutOverlapIsAnError() throws Exception {
        Fixture.write(dir);
        org.pacarbon.gis.core.io.GeoTiffWriter.of(4, 4).crs(32650, false).upperLeft(900000, 3000000).cellSize(1000, 1000)
                .write(dir.resolve("far.tif"), (r, row) -> java.util.Arrays.fill(row, 1f));
        String e = fails(Fixture.SPEC.replace("carbon2.tif", "far.tif"));
        assertTrue(e.contains("far.tif") && e.contains("does not overlap the region"), e);
    }

    @Test
    void figureDrawsAMapDocument() throws Exception {
        Fixture.write(dir);
        Files.writeString(dir.resolve("map.pamap"), """
                {"format": "pacarbon-map/1", "title": "Fixture", "crs": "EPSG:3035",
                 "layers": [{"type": "raster", "name": "carbon", "path": "carbon.tif",
                             "style": {"ramp": "greys", "min": 0, "max": 3, "unit": "kgC/m2"}},
                            {"type": "vector", "name": "PAs", "path": "pas.gpkg", "style": {"stroke": "#ff0000", "width": 2}}]}
                """);
        for (String ext : List.of("png", "svg", "pdf")) {
            Path out = dir.resolve("fig." + ext);
            Run r = run("figure", dir.resolve("map.pamap").toString(), "--out", out.toString(), "--dpi", "72");
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(out) > 1000, ext);
        }
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("fig.png").toFile());
        assertTrue(png.getWidth() > 900 && png.getHeight() > 500, png.getWidth() + " x " + png.getHeight());
        Run bad = run("figure", dir.resolve("carbon.tif").toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("carbon.tif"), bad.err());
    }

    @Test
    void usageErrorsAndHelp() {
        assertEquals(2, run("assess").code());
        assertEquals(2, run("frobnicate").code());
        Run help = run("assess", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("usage: ./pacarbon assess"));
        assertEquals(0, run("demo", "--help").code());
        assertEquals(0, run("help").code());
    }

    @Test
    void unitsAreParsedNotGuessed() {
        QuantityUnit flux = QuantityUnit.parse("kg m-2 s-1");
        assertTrue(flux.isDensity() && flux.perSecond());
        assertEquals(365 * 86400.0, flux.toKgFactor(2019), 1e-6);
        assertEquals(366 * 86400.0, flux.toKgFactor(2020), 1e-6);
        assertEquals(0.1, QuantityUnit.parse("MgC/ha").toKgFactor(0), 1e-15); // 1000 kg / 10000 m2
        assertEquals(1e-3, QuantityUnit.parse("gC/m2/yr").toKgFactor(0), 1e-18);
        assertEquals(1e-3, QuantityUnit.parse("tCO2/km2/yr").toKgFactor(0), 1e-18);
        assertEquals("CO2", QuantityUnit.parse("tCO2/yr").element());
        assertEquals(1e-3, QuantityUnit.parse("gC m-2 yr-1").toKgFactor(0), 1e-18); // CF style, element attached
        assertEquals("C", QuantityUnit.parse("kg C m-2").element());
        assertTrue(QuantityUnit.parse("kg C m-2").isDensity() && !QuantityUnit.parse("kg C m-2").isRate());
        assertFalse(QuantityUnit.parse("t/yr").isDensity());
        for (String bad : List.of("kgC/acre", "furlongs", "kg/m3", "")) {
            try {
                QuantityUnit.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // ok
            }
        }
    }
}
