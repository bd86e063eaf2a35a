package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.Reports;
import org.pacarbon.gis.core.io.GeoTiffWriter;

/** The assessment on the hand-built fixture: every figure below is worked out by hand in {@link Fixture}'s terms. */
class AssessmentTest {
    @TempDir
    static Path dir;
    static Assessment.Result result;

    @BeforeAll
    static void run() throws Exception {
        Fixture.write(dir);
        result = Assessment.run(AssessmentSpec.read(dir.resolve("spec.json")), null, null);
    }

    static Assessment.Row row(String layer, Integer year, String category) {
        return result.rows().stream().filter(r -> r.layer().equals(layer) && java.util.Objects.equals(r.year(), year)
                && r.category().equals(category)).findFirst().orElseThrow();
    }

    /** The polygons the run measured reach its result (the report's maps draw them, without reading the files again). */
    @Test
    void theRunsPolygonsAreInItsResult() throws Exception {
        Assessment.Polygons p = result.polygons();
        assertEquals(List.of("A national_park 5000000.0", "B nature_reserve 4000000.0", "C nature_reserve 3000000.0"),
                p.pas().stream().map(pa -> pa.id() + " " + pa.classKey() + " " + pa.geometry().getArea()).toList());
        assertEquals(64e6, p.region().getArea(), 1e-6); // the fixture's region: 8 x 8 km
        assertTrue(org.pacarbon.gis.core.crs.CrsSupport.same(p.pasCrs(), org.pacarbon.gis.core.crs.CrsSupport.parse("EPSG:3035", null)),
                "the PAs' CRS, EPSG:3035: " + org.pacarbon.gis.core.crs.CrsSupport.label(p.pasCrs()));
        org.junit.jupiter.api.Assertions.assertNotNull(p.regionCrs());
    }

    /**
     * The documents are written side by side; when one fails, the others are finished before the error reaches the
     * caller and nothing of the run is left in the output folder (no half-written document, no partial folder).
     */
    @Test
    void aFailingDocumentLeavesNoOutputAndTheOthersFinishFirst() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean slowFinished = new java.util.concurrent.atomic.AtomicBoolean();
        Reports.Document slow = new Reports.Document("slow.txt", f -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("interrupted");
            }
            Files.writeString(f, "slow");
            slowFinished.set(true);
        });
        Reports.Document quick = new Reports.Document("quick.txt", f -> Files.writeString(f, "quick"));
        Path ok = dir.resolve("out-ok");
        Reports.write(result, ok, "test", List.of(slow, quick));
        assertEquals("slow", Files.readString(ok.resolve("slow.txt")));
        assertEquals("quick", Files.readString(ok.resolve("quick.txt")));
        assertTrue(Files.isRegularFile(ok.resolve("summary.csv")) && Files.isRegularFile(ok.resolve("provenance.json")));

        slowFinished.set(false);
        Reports.Document failing = new Reports.Document("failing.txt", f -> {
            throw new java.io.IOException("no space left on device");
        });
        Path bad = dir.resolve("out-bad");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Reports.write(result, bad, "test", List.of(failing, slow, quick)));
        assertEquals("no space left on device", e.getMessage());
        assertTrue(slowFinished.get(), "the slow document was finished before the error was thrown");
        try (var files = Files.list(bad)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void categoriesFollowClassPrecedence() {
        assertEquals(List.of("region", "national_park", "nature_reserve", "protected", "unprotected"), result.categories());
        // density 1 kgC/m2 (3 in column 0); kg = value * km2 * 1e6; PgC = kg / 1e12
        assertEquals(79e6 / 1e12, row("carbon", null, "region").total(), 1e-15); // 55 cells x 1 + 8 x 3
        assertEquals(63, row("carbon", null, "region").validAreaKm2(), 1e-9); // 64 km2 minus the nodata cell
        assertEquals(5e6 / 1e12, row("carbon", null, "national_park").total(), 1e-15); // A whole: 5 km2
        assertEquals(3e6 / 1e12, row("carbon", null, "nature_reserve").total(), 1e-15); // B minus A (3 km2); C on nodata
        assertEquals(3, row("carbon", null, "nature_reserve").validAreaKm2(), 1e-9);
        assertEquals(8e6 / 1e12, row("carbon", null, "protected").total(), 1e-15);
        assertEquals(71e6 / 1e12, row("carbon", null, "unprotected").total(), 1e-15);
        assertEquals(55, row("carbon", null, "unprotected").validAreaKm2(), 1e-9);
        assertEquals("PgC", row("carbon", null, "region").totalUnit());
    }

    @Test
    void sharesPerAreaAndRatios() {
        Assessment.Row np = row("carbon", null, "national_park");
        assertEquals(100 * 5.0 / 79, np.sharePct(), 1e-9);
        assertEquals(1.0, np.perArea(), 1e-12); // kgC/m2
        assertEquals("kgC/m2", np.perAreaUnit());
        assertEquals(1.0 / (79.0 / 63), np.ratioToRegion(), 1e-12);
    }

    @Test
    void sumLayerIsValidOnlyWhereAllPartsAre() {
        // carbon2 = 2 everywhere but cell (row 5, col 4), which is inside the region (x 504000..505000, y 4004000..4005000)
        // and inside B's own part (x 503500..505000, y 4004000..4006000)
        Assessment.Row region = row("both", null, "region");
        assertEquals(62, region.validAreaKm2(), 1e-9);
        assertEquals((79e6 - 1e6) + 62 * 2e6, region.total() * 1e12, 1e-3);
        Assessment.Row b = row("both", null, "nature_reserve");
        assertEquals(2, b.validAreaKm2(), 1e-9);
        assertEquals(2 * 3e6, b.total() * 1e12, 1e-3);
    }

    @Test
    void amountsAreSummedByCoverageAndNotByArea() {
        // 4 t per 4 km2 cell: region 16 cells = 64 t/yr; A (5 km2) = 5 t/yr
        Assessment.Row r = row("emis", 2000, "region");
        assertEquals(64e3 / 1e11, r.total(), 1e-18);
        assertEquals("1e8 tCO2/yr", r.totalUnit());
        assertEquals(1.0, r.perArea(), 1e-12); // t/km2
        assertEquals("tCO2/km2/yr", r.perAreaUnit());
        assertEquals(5e3 / 1e11, row("emis", 2000, "national_park").total(), 1e-18);
    }

    @Test
    void singlePasKeepTheirWholePolygon() {
        Map<String, Assessment.PaRow> carbon = new java.util.HashMap<>();
        result.paRows().stream().filter(p -> p.layer().equals("carbon")).forEach(p -> carbon.put(p.paId(), p));
        assertEquals(5e6 / 1e12, carbon.get("A").total(), 1e-15);
        assertEquals(4e6 / 1e12, carbon.get("B").total(), 1e-15); // overlap with A not removed
        assertEquals(2e6 / 1e12, carbon.get("C").total(), 1e-15); // outside the region too; nodata cell excluded
        assertEquals(2, carbon.get("C").validAreaKm2(), 1e-9);
        assertEquals(3, carbon.get("C").areaKm2(), 1e-9);
        assertEquals("Reserve B", carbon.get("B").name());
        assertEquals("nature_reserve", carbon.get("B").paClass());
    }

    @Test
    void regionMaskGivesTheSameAnswerAsTheRegionPolygon() throws Exception {
        GeoTiffWriter.of(10, 10).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f)
                .write(dir.resolve("mask.tif"), (r, row) -> {
                    for (int c = 0; c < 10; c++) {
                        row[c] = r >= 2 && c < 8 ? 1f : 0f;
                    }
                });
        Path spec = dir.resolve("spec_mask.json");
        Files.writeString(spec, Fixture.SPEC.replace("{\"path\": \"region.geojson\"}", "{\"mask\": \"mask.tif\"}"));
        Assessment.Result masked = Assessment.run(AssessmentSpec.read(spec), null, null);
        for (Assessment.Row a : result.rows()) {
            Assessment.Row b = masked.rows().stream().filter(x -> x.layer().equals(a.layer()) && java.util.Objects.equals(x.year(), a.year())
                    && x.category().equals(a.category())).findFirst().orElseThrow();
            assertEquals(a.total(), b.total(), 1e-9 * Math.abs(a.total()) + 1e-20, a.toString());
            assertEquals(a.validAreaKm2(), b.validAreaKm2(), 1e-9, a.toString());
        }
    }

    @Test
    void commonGridAlignedWithTheDataGivesTheNativeAnswers() throws Exception {
        // 1 km grid in the data's CRS: carbon cells map one to one; each 2 km emission cell (4 t) is split into
        // four 1 km cells of 1 t, so every total is kept
        Path spec = dir.resolve("spec_grid.json");
        Files.writeString(spec, Fixture.SPEC.replace("\"layers\": [", "\"grid\": {\"crs\": \"EPSG:3035\", \"cellSize\": 1000},\n  \"layers\": ["));
        Assessment.Result gridded = Assessment.run(AssessmentSpec.read(spec), null, null);
        for (Assessment.Row a : result.rows()) {
            Assessment.Row b = gridded.rows().stream().filter(x -> x.layer().equals(a.layer()) && java.util.Objects.equals(x.year(), a.year())
                    && x.category().equals(a.category())).findFirst().orElseThrow();
            assertEquals(a.total(), b.total(), 1e-6 * Math.abs(a.total()) + 1e-20, a.toString());
            assertEquals(a.validAreaKm2(), b.validAreaKm2(), 1e-6, a.toString());
        }
    }

    @Test
    void coarseCommonGridKeepsTheEmissionTotal() throws Exception {
        // 4 km cells aligned with the 2 km emission grid: the region (8 x 8 km) is exactly 2 x 2 cells
        Path spec = dir.resolve("spec_grid4.json");
        Files.writeString(spec, Fixture.SPEC.replace("\"layers\": [", "\"grid\": {\"crs\": \"EPSG:3035\", \"cellSize\": 4000},\n  \"layers\": ["));
        Assessment.Result gridded = Assessment.run(AssessmentSpec.read(spec), null, null);
        Assessment.Row r = gridded.rows().stream().filter(x -> x.layer().equals("emis") && x.category().equals("region")).findFirst().orElseThrow();
        assertEquals(64e3 / 1e11, r.total(), 1e-9 * 64e3 / 1e11);
        assertEquals(64, r.validAreaKm2(), 1e-6);
    }

    @Test
    void tablesShowGrowthAndComputedUnits() {
        String md = org.pacarbon.report.AssessmentReport.markdown(result, "en");
        assertTrue(md.contains("## Table 1. Carbon storage (PgC)"), md);
        assertTrue(md.contains("## Table 3. Anthropogenic CO2 emissions by year (1e8 tCO2/yr)"), md);
        assertTrue(md.contains("| emis | total growth 2000-2020 (%) | 0 |"), md); // the same raster both years
    }
}
