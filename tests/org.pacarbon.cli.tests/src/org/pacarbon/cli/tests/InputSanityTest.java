package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.SpecException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.NetcdfWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.GeoPackageIO;

/**
 * What the assessment says about doubtful inputs ({@link Fixture}'s data with changed PAs, units and sums): skipped,
 * repaired and outside PAs are named, duplicate ids and swapped coordinates refused, units from the file compared
 * with the spec's.
 */
class InputSanityTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws Exception {
        Fixture.write(dir);
    }

    private static Map<String, Object> attrs(String id, String cat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pa_id", id);
        m.put("name", "PA " + id);
        m.put("category", cat);
        return m;
    }

    private static Path pas(String name, List<Feature> features) throws Exception {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("name", String.class);
        fields.put("category", String.class);
        Path p = dir.resolve(name);
        GeoPackageIO.write(p, "pas", 3035, fields, features);
        return p;
    }

    private static Assessment.Result run(String pasFile, boolean strict) throws Exception {
        Path spec = dir.resolve("spec_" + pasFile + ".json");
        Files.writeString(spec, Fixture.SPEC.replace("pas.gpkg", pasFile));
        return Assessment.run(AssessmentSpec.read(spec), null, null, strict);
    }

    private static List<Feature> base() {
        List<Feature> f = new ArrayList<>();
        f.add(new Feature("1", Fixture.box(501000, 4004000, 503500, 4006000), attrs("A", "national_park")));
        f.add(new Feature("2", Fixture.box(503000, 4004000, 505000, 4006000), attrs("B", "nature_reserve")));
        return f;
    }

    @Test
    void skippedRepairedAndOutsidePasAreNamed() throws Exception {
        List<Feature> f = base();
        f.add(new Feature("3", Fixture.GF.createPolygon(), attrs("EMPTY", "nature_reserve")));
        // a bow-tie: two triangles (vertical side 1 km, apex 0.5 km away: 0.25 km2 each), drawn as one self-crossing ring
        Geometry bowtie = Fixture.GF.createPolygon(new Coordinate[] {new Coordinate(505000, 4001000), new Coordinate(506000, 4002000),
                new Coordinate(506000, 4001000), new Coordinate(505000, 4002000), new Coordinate(505000, 4001000)});
        f.add(new Feature("4", bowtie, attrs("BOWTIE", "nature_reserve")));
        f.add(new Feature("5", Fixture.box(520000, 4020000, 521000, 4021000), attrs("FAR", "nature_reserve")));
        pas("sanity.gpkg", f);
        Assessment.Result r = run("sanity.gpkg", false);
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("no polygon") && w.contains("EMPTY"), w);
        assertTrue(w.contains("repaired") && w.contains("BOWTIE"), w);
        assertTrue(w.contains("FAR"), w);
        // the repaired bow-tie is its two triangles: 0.5 km2 of nature reserve more than B outside A (3 km2)
        Assessment.Row nr = r.rows().stream().filter(x -> x.layer().equals("carbon") && x.category().equals("nature_reserve"))
                .findFirst().orElseThrow();
        assertEquals(3.5, nr.validAreaKm2(), 1e-9);
        assertTrue(r.paRows().stream().noneMatch(p -> p.paId().equals("EMPTY")));
        // --strict refuses the bow-tie, naming it
        GisException e = assertThrows(GisException.class, () -> run("sanity.gpkg", true));
        assertTrue(e.getMessage().contains("BOWTIE") && e.getMessage().contains("sanity.gpkg"), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        List<Feature> f = base();
        f.add(new Feature("3", Fixture.box(507000, 4000000, 508000, 4001000), attrs("B", "nature_reserve")));
        pas("dup.gpkg", f);
        GisException e = assertThrows(GisException.class, () -> run("dup.gpkg", false));
        assertTrue(e.getMessage().contains("not unique") && e.getMessage().contains("B (x2)"), e.getMessage());
    }

    @Test
    void sumsOfTheSameLayerOrOfDifferentQuantitiesAreRefused() throws Exception {
        Path spec = dir.resolve("spec_dupsum.json");
        Files.writeString(spec, Fixture.SPEC.replace("\"sum\": [\"carbon\", \"carbon2\"]", "\"sum\": [\"carbon\", \"carbon\"]"));
        SpecException e = assertThrows(SpecException.class, () -> AssessmentSpec.read(spec));
        assertTrue(e.getMessage().contains("counted twice"), e.getMessage());
        Path spec2 = dir.resolve("spec_co2sum.json");
        Files.writeString(spec2, Fixture.SPEC.replace("\"path\": \"carbon2.tif\", \"kind\": \"density\", \"unit\": \"kgC/m2\"",
                "\"path\": \"carbon2.tif\", \"kind\": \"density\", \"unit\": \"kgCO2/m2\""));
        SpecException e2 = assertThrows(SpecException.class, () -> AssessmentSpec.read(spec2));
        assertTrue(e2.getMessage().contains("not the same quantity"), e2.getMessage());
    }

    @Test
    void theFilesUnitIsComparedWithTheSpecs() throws Exception {
        // an EDGAR-style flux over the fixture's region (gdaltransform -s_srs EPSG:3035 of its corners: 44.39-44.37 W, 45.54-45.64 N)
        Path nc = dir.resolve("flux.nc");
        double[] lat = new double[40];
        double[] lon = new double[40];
        for (int i = 0; i < 40; i++) {
            lat[i] = 45.4 + 0.01 * i + 0.005;
            lon[i] = -44.5 + 0.01 * i + 0.005;
        }
        new NetcdfWriter().variable("emi_co2").attribute("units", "kg m-2 s-1").fillValue(-1f)
                .write(nc, lat, lon, (r, row) -> java.util.Arrays.fill(row, 1e-9f));
        String layer = "{\"key\": \"flux\", \"year\": 2001, \"path\": \"flux.nc\", \"variable\": \"emi_co2\", \"kind\": \"%s\", \"unit\": \"%s\","
                + " \"group\": \"emissions\"},\n";
        String base = Fixture.SPEC.replace("\"layers\": [", "\"layers\": [\n" + "%s");
        Path same = dir.resolve("spec_flux_same.json");
        Files.writeString(same, String.format(base, String.format(layer, "density", "kg m-2 s-1")));
        Assessment.Result a = Assessment.run(AssessmentSpec.read(same), null, null);
        // declared in grams: the values are taken in the file's kilograms, with a warning
        Path grams = dir.resolve("spec_flux_grams.json");
        Files.writeString(grams, String.format(base, String.format(layer, "density", "g m-2 s-1")));
        Assessment.Result b = Assessment.run(AssessmentSpec.read(grams), null, null);
        double ta = a.rows().stream().filter(x -> x.layer().equals("flux") && x.category().equals("region")).findFirst().orElseThrow().total();
        double tb = b.rows().stream().filter(x -> x.layer().equals("flux") && x.category().equals("region")).findFirst().orElseThrow().total();
        assertEquals(ta, tb, 1e-12 * ta);
        // 1e-9 kg m-2 s-1 over ~64 km2 for 365 days: ~2018 t = 2.0e-5 (1e8 t)
        assertEquals(1e-9 * 64e6 * 365 * 86400 / 1e3 / 1e8, ta, 0.01 * ta);
        assertTrue(String.join("\n", b.warnings()).contains("converted from the file's unit"), b.warnings().toString());
        // declared as a per-cell amount: another quantity, refused with both units named
        Path amount = dir.resolve("spec_flux_amount.json");
        Files.writeString(amount, String.format(base, String.format(layer, "amount", "t/yr")));
        GisException e = assertThrows(GisException.class, () -> Assessment.run(AssessmentSpec.read(amount), null, null));
        assertTrue(e.getMessage().contains("flux.nc") && e.getMessage().contains("kg m-2 s-1") && e.getMessage().contains("t/yr"), e.getMessage());
    }

    @Test
    void implausibleValuesAreCountedAndReported() throws Exception {
        // two flipped-looking cells: 1e16 kgC/m2 and -3 kgC/m2 in a storage density, the rest 1 kgC/m2
        org.pacarbon.gis.core.io.GeoTiffWriter.of(10, 10).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f)
                .write(dir.resolve("carbon_bad.tif"), (r, row) -> {
                    java.util.Arrays.fill(row, 1f);
                    if (r == 3) {
                        row[2] = 1e16f;
                        row[5] = -3f;
                    }
                });
        Path spec = dir.resolve("spec_bad_values.json");
        Files.writeString(spec, Fixture.SPEC.replace("\"path\": \"carbon.tif\"", "\"path\": \"carbon_bad.tif\""));
        Assessment.Result r = Assessment.run(AssessmentSpec.read(spec), null, null);
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("carbon_bad.tif") && w.contains("2 cells") && w.contains("E16"), w);
        GisException e = assertThrows(GisException.class, () -> Assessment.run(AssessmentSpec.read(spec), null, null, true));
        assertTrue(e.getMessage().contains("carbon_bad.tif") && e.getMessage().contains("--strict"), e.getMessage());
    }

    @Test
    void anAnnualAmountFileServesAPerYearSpec() throws Exception {
        // EDGAR's annual files say "Tonnes" (the year's amount per cell); the spec says t/yr: the same quantity
        Path nc = dir.resolve("tonnes.nc");
        double[] lat = new double[40];
        double[] lon = new double[40];
        for (int i = 0; i < 40; i++) {
            lat[i] = 45.4 + 0.01 * i + 0.005;
            lon[i] = -44.5 + 0.01 * i + 0.005;
        }
        new NetcdfWriter().variable("emi_co2").attribute("units", "Tonnes").fillValue(-1f)
                .write(nc, lat, lon, (r, row) -> java.util.Arrays.fill(row, 2f));
        Path spec = dir.resolve("spec_tonnes.json");
        Files.writeString(spec, Fixture.SPEC.replace("\"layers\": [", "\"layers\": [\n{\"key\": \"t\", \"year\": 2001, \"path\": \"tonnes.nc\","
                + " \"variable\": \"emi_co2\", \"kind\": \"amount\", \"unit\": \"t/yr\", \"group\": \"emissions\"},"));
        Assessment.Result r = Assessment.run(AssessmentSpec.read(spec), null, null);
        double total = r.rows().stream().filter(x -> x.layer().equals("t") && x.category().equals("region")).findFirst().orElseThrow().total();
        // 2 t per 0.01-degree cell; the region (64 km2) covers about 64 / (1.11 x 0.78) = 74 cells' worth: ~148 t = 1.5e-6 (1e8 t)
        assertTrue(total > 1.2e-6 && total < 1.8e-6, Double.toString(total));
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("tonnes.nc") && w.contains("unit")), r.warnings().toString());
    }
}
