package org.pacarbon.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.io.NetcdfWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.GeoJsonReader;
import org.pacarbon.gis.core.vector.GeoPackageIO;
import org.pacarbon.gis.core.vector.Geometries;

/**
 * The ILLUSTRATIVE demo data set, deterministic (fixed seeds): a real China outline (Natural Earth, public
 * domain: mainland, Hainan, Taiwan), five national parks as made-up polygons near the real parks with their
 * published areas, 300 made-up nature reserves (some overlapping the parks), and made-up layers with
 * plausible patterns: biomass and vulnerable SOC (kgC/m2, GeoTIFF), NPP 2000-2020 (kgC/m2/yr, GeoTIFF),
 * CO2 emissions 2000-2020 as EDGAR-style per-cell totals (t/yr, NetCDF, rows south to north).
 * None of it is real data.
 */
public final class DemoData {
    private static final GeometryFactory GF = new GeometryFactory();
    /** Raster grid of the carbon layers: 0.05 degree over China's bounding box. */
    static final double LON0 = 73, LAT1 = 54, CELL = 0.05;
    static final int W = 1260, H = 740;
    /** EDGAR-like grid: 0.1 degree. */
    static final double ECELL = 0.1;
    static final int EW = 630, EH = 370;
    static final int[] YEARS = {2000, 2005, 2010, 2015, 2020};
    /** Illustrative national totals of CO2 (t/yr) over the whole grid, by year. */
    static final double[] CO2_TOTAL = {3.6e9, 6.0e9, 8.9e9, 10.3e9, 11.8e9};

    private DemoData() {
    }

    /** A national park: name, centre, published area (km2). */
    record Park(String id, String name, double lon, double lat, double areaKm2) {
    }

    static final List<Park> PARKS = List.of(
            new Park("NP1", "Sanjiangyuan (illustrative)", 95.0, 34.6, 190700),
            new Park("NP2", "Giant Panda (illustrative)", 103.3, 31.0, 22000),
            new Park("NP3", "Northeast China Tiger and Leopard (illustrative)", 130.9, 43.4, 14100),
            new Park("NP4", "Hainan Tropical Rainforest (illustrative)", 109.6, 18.95, 4269),
            new Park("NP5", "Wuyishan (illustrative)", 117.65, 27.75, 1280));

    /** Writes the data set into {@code dir} (made in a temporary sibling, then renamed). */
    public static void generate(Path dir) throws IOException, GisException {
        Path abs = dir.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), abs.getFileName() + ".part-");
        Geometry china;
        try (InputStream in = DemoData.class.getResourceAsStream("/data/china.geojson")) {
            if (in == null) {
                throw new IOException("the China outline is missing from the org.pacarbon.cli bundle (data/china.geojson)");
            }
            Files.copy(in, tmp.resolve("china.geojson"));
        }
        FeatureSet outline = GeoJsonReader.read(tmp.resolve("china.geojson"), null);
        china = Geometries.union(List.of(outline.features().get(0).geometry()));
        IndexedPointInAreaLocator inChina = new IndexedPointInAreaLocator(china);
        boolean[] mask = new boolean[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                mask[r * W + c] = inChina.locate(new Coordinate(LON0 + (c + 0.5) * CELL, LAT1 - (r + 0.5) * CELL)) != Location.EXTERIOR;
            }
        }
        writeLayer(tmp.resolve("biomass_2010.tif"), mask, (x, y) -> biomass(x, y));
        writeLayer(tmp.resolve("vsoc.tif"), mask, (x, y) -> vsoc(x, y));
        for (int year : YEARS) {
            writeLayer(tmp.resolve("npp_" + year + ".tif"), mask, (x, y) -> npp(x, y, year));
        }
        for (int i = 0; i < YEARS.length; i++) {
            writeEmissions(tmp.resolve("edgar_co2_" + YEARS[i] + ".nc"), CO2_TOTAL[i], YEARS[i], inChina);
        }
        writePas(tmp.resolve("pas.gpkg"), china, inChina);
        writeToolInputs(tmp, mask);
        Files.writeString(tmp.resolve("spec.json"), spec(), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("README.txt"), """
                ILLUSTRATIVE DEMO DATA - NOT REAL MEASUREMENTS.
                china.geojson: Natural Earth 1:50m (public domain) via npm world-atlas, China with Hainan and Taiwan.
                pas.gpkg: 5 national parks as made-up polygons near the real parks, with their published areas;
                  300 made-up nature reserves, some overlapping the parks.
                biomass_2010.tif, vsoc.tif (kgC/m2), npp_YEAR.tif (kgC/m2/yr): made-up patterns on a 0.05 degree grid.
                edgar_co2_YEAR.nc: made-up per-cell CO2 totals (t/yr) on a 0.1 degree grid, EDGAR-style NetCDF.
                For the toolbox's tools (all made up): soc_stock.tif (kgC/m2), soil_class.tif (1 wetland/peat,
                  2 forest soil, 3 grassland, 4 desert) with soil_loss_fractions.csv, species_richness.tif,
                  pa_activities.csv (activity data of the national parks) with emission_factors.csv.
                Made by ./pacarbon demo (org.pacarbon.cli.demo.DemoData), deterministic.
                """, StandardCharsets.UTF_8);
        if (Files.exists(abs)) {
            deleteTree(abs);
        }
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Inputs of the toolbox's tools (vSOC derivation, synergy zoning, emission inventory), all made up. */
    private static void writeToolInputs(Path dir, boolean[] mask) throws IOException {
        writeLayer(dir.resolve("soc_stock.tif"), mask, (x, y) -> 3 + 4 * vsoc(x, y));
        writeLayer(dir.resolve("soil_class.tif"), mask, (x, y) -> soilClass(x, y));
        writeLayer(dir.resolve("species_richness.tif"), mask, (x, y) -> Math.round(20 + 380 * gauss(x, y, 101, 25, 3.5)
                + 150 * gauss(x, y, 109.5, 19, 1.2) + 120 * gauss(x, y, 129, 43, 2.5) + 60 * moisture(x, y)
                + 25 * texture(x * 2.1, y * 1.7)));
        Files.writeString(dir.resolve("soil_loss_fractions.csv"), """
                class,fraction,note
                1,0.45,wetland and peat soils (ILLUSTRATIVE value)
                2,0.25,forest soils (ILLUSTRATIVE value)
                3,0.15,grassland soils (ILLUSTRATIVE value)
                4,0.05,desert soils (ILLUSTRATIVE value)
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("emission_factors.csv"), """
                activity,unit,kgco2e_per_unit,note
                visitors,person,1.2,ILLUSTRATIVE: on-site energy per visit
                vehicle_diesel,km,0.27,ILLUSTRATIVE
                vehicle_petrol,km,0.19,ILLUSTRATIVE
                electricity,kWh,0.58,ILLUSTRATIVE grid factor
                waste,t,450,ILLUSTRATIVE
                """, StandardCharsets.UTF_8);
        StringBuilder act = new StringBuilder("pa_id,year,activity,amount,unit\n");
        for (int i = 0; i < PARKS.size(); i++) {
            Park p = PARKS.get(i);
            for (int year = 2018; year <= 2020; year++) {
                double g = 1 + 0.08 * (year - 2018) * (i % 2 == 0 ? 1 : -0.5);
                double size = Math.sqrt(p.areaKm2());
                act.append(String.format(java.util.Locale.ROOT, "%s,%d,visitors,%.0f,person%n", p.id(), year, 900 * size * g));
                act.append(String.format(java.util.Locale.ROOT, "%s,%d,vehicle_diesel,%.0f,km%n", p.id(), year, 2500 * size * g));
                act.append(String.format(java.util.Locale.ROOT, "%s,%d,electricity,%.0f,kWh%n", p.id(), year, 4000 * size * g));
                act.append(String.format(java.util.Locale.ROOT, "%s,%d,waste,%.1f,t%n", p.id(), year, 0.6 * size * g));
            }
        }
        Files.writeString(dir.resolve("pa_activities.csv"), act.toString(), StandardCharsets.UTF_8);
    }

    static double soilClass(double x, double y) {
        double m = moisture(x, y);
        if (vsoc(x, y) > 2.2) {
            return 1;
        }
        return m > 0.55 ? 2 : m > 0.2 ? 3 : 4;
    }

    interface Field {
        double at(double lon, double lat);
    }

    private static void writeLayer(Path file, boolean[] mask, Field f) throws IOException {
        GeoTiffWriter.of(W, H).crs(4326, true).upperLeft(LON0, LAT1).cellSize(CELL, CELL).nodata(-9999f).tiled(256)
                .write(file, (r, row) -> {
                    double lat = LAT1 - (r + 0.5) * CELL;
                    for (int c = 0; c < W; c++) {
                        row[c] = mask[r * W + c] ? (float) Math.max(0, f.at(LON0 + (c + 0.5) * CELL, lat)) : -9999f;
                    }
                });
    }

    static double gauss(double x, double y, double cx, double cy, double sd) {
        double dx = (x - cx) * Math.cos(Math.toRadians(cy)), dy = y - cy;
        return Math.exp(-(dx * dx + dy * dy) / (2 * sd * sd));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Deterministic small-scale texture in [-1, 1]. */
    static double texture(double x, double y) {
        return 0.5 * Math.sin(x * 1.7 + Math.cos(y * 2.3)) * Math.cos(y * 1.3 - Math.sin(x * 0.9)) + 0.5 * Math.sin(x * 5.1 + y * 4.7) * Math.sin(y * 6.3);
    }

    static double moisture(double x, double y) {
        double m = sigmoid((x - 101) / 5) * sigmoid((37 - y) / 4) + 0.45 * sigmoid((x - 119) / 3) * sigmoid((y - 40) / 2);
        // the Tibetan plateau is drier; a smooth edge, so that no straight line shows on the maps
        m *= 1 - 0.55 * sigmoid((100 - x) / 1.2) * sigmoid((y - 28) / 1.2) * sigmoid((37.5 - y) / 1.2);
        return Math.min(1, m);
    }

    static double npp(double x, double y, int year) {
        double base = 0.04 + 1.05 * moisture(x, y) * (1 + 0.12 * texture(x, y));
        return base * (1 + 0.011 * (year - 2000));
    }

    static double biomass(double x, double y) {
        double forest = 8 * gauss(x, y, 123.5, 50, 2.5) + 9 * gauss(x, y, 98.5, 28, 2.2) + 6 * gauss(x, y, 103.3, 31, 1.5)
                + 5 * gauss(x, y, 109.5, 19, 1.0) + 5 * gauss(x, y, 117.5, 27, 2.5) + 4 * gauss(x, y, 108.5, 24, 3)
                + 4 * gauss(x, y, 130.5, 43.5, 1.8);
        return Math.min(20, forest * (1 + 0.2 * texture(x * 1.3, y * 1.1)) + 2.0 * npp(x, y, 2010));
    }

    static double vsoc(double x, double y) {
        return 0.3 + 3.2 * gauss(x, y, 126, 48, 3.5) + 2.6 * gauss(x, y, 96, 33.5, 3.5) + 1.2 * moisture(x, y)
                + 0.3 * texture(x * 0.7, y * 0.9);
    }

    /** Cities (lon, lat, weight) that the made-up emissions centre on. */
    static final double[][] CITIES = {
        {116.4, 39.9, 1.0}, {121.5, 31.2, 1.0}, {113.3, 23.1, 0.8}, {114.1, 22.6, 0.6}, {104.1, 30.7, 0.5},
        {106.5, 29.6, 0.6}, {114.3, 30.6, 0.5}, {108.9, 34.3, 0.4}, {123.4, 41.8, 0.5}, {117.2, 39.1, 0.7},
        {118.2, 39.6, 0.6}, {113.6, 34.7, 0.4}, {117.0, 36.7, 0.5}, {118.8, 32.1, 0.5}, {120.2, 30.3, 0.5},
        {126.6, 45.8, 0.3}, {87.6, 43.8, 0.3}, {103.8, 36.1, 0.2}, {102.7, 25.0, 0.2}, {121.5, 25.0, 0.4},
        {114.2, 22.3, 0.4}, {91.1, 29.6, 0.02}, {112.5, 37.9, 0.5}, {111.7, 40.8, 0.4}, {106.3, 38.5, 0.3}};

    private static void writeEmissions(Path file, double total, int year, IndexedPointInAreaLocator inChina) throws IOException {
        double[] lat = new double[EH];
        double[] lon = new double[EW];
        for (int i = 0; i < EH; i++) {
            lat[i] = 17 + (i + 0.5) * ECELL; // south to north, as EDGAR
        }
        for (int i = 0; i < EW; i++) {
            lon[i] = LON0 + (i + 0.5) * ECELL;
        }
        double[] raw = new double[EW * EH];
        double sum = 0;
        for (int r = 0; r < EH; r++) {
            for (int c = 0; c < EW; c++) {
                double x = lon[c], y = lat[r];
                // diffuse emissions on land inside the outline only (made-up data covers China alone)
                // (a small floor keeps the arid west visible on the log-scaled maps)
                double v = inChina.locate(new Coordinate(x, y)) != Location.EXTERIOR ? 0.0006 + 0.002 * moisture(x, y) : 0;
                for (double[] city : CITIES) {
                    // cities in the west grow faster (made up), so growth differs between categories
                    double growth = 1 + (year - 2000) * 0.004 * Math.max(0, 115 - city[0]) / 10;
                    v += growth * city[2] * (gauss(x, y, city[0], city[1], 0.25) + 0.15 * gauss(x, y, city[0], city[1], 1.2));
                }
                if (v < 1e-4) {
                    v = 0;
                }
                raw[r * EW + c] = v;
                sum += v;
            }
        }
        double k = total / sum;
        new NetcdfWriter().variable("emi_co2").attribute("units", "t/yr")
                .attribute("long_name", "ILLUSTRATIVE CO2 emissions per cell, year " + year)
                .global("title", "PA-Carbon demo: illustrative EDGAR-style CO2 grid (not real data)")
                .fillValue(-1f)
                .write(file, lat, lon, (r, row) -> {
                    for (int c = 0; c < EW; c++) {
                        row[c] = (float) (raw[r * EW + c] * k);
                    }
                });
    }

    private static Polygon blob(Random rnd, double lon, double lat, double areaKm2, int n) {
        double kx = 111.32 * Math.cos(Math.toRadians(lat)), ky = 110.57;
        double[] rr = new double[n];
        for (int i = 0; i < n; i++) {
            rr[i] = 0.65 + 0.35 * rnd.nextDouble();
        }
        // area of the star polygon with unit radius factors, then scale to the wanted area
        double a = 0;
        for (int i = 0; i < n; i++) {
            a += 0.5 * rr[i] * rr[(i + 1) % n] * Math.sin(2 * Math.PI / n);
        }
        double scale = Math.sqrt(areaKm2 / a);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            cs[i] = new Coordinate(lon + scale * rr[i] * Math.cos(t) / kx, lat + scale * rr[i] * Math.sin(t) / ky);
        }
        cs[n] = cs[0];
        return GF.createPolygon(cs);
    }

    private static void writePas(Path file, Geometry china, IndexedPointInAreaLocator inChina) throws GisException {
        Random rnd = new Random(20240501);
        List<Feature> features = new ArrayList<>();
        for (Park p : PARKS) {
            features.add(new Feature(p.id(), blob(rnd, p.lon(), p.lat(), p.areaKm2(), 48),
                    attrs(p.id(), p.name(), "national_park", p.areaKm2())));
        }
        int made = 0;
        int overlapping = 0;
        while (made < 300) {
            double lon, lat;
            if (overlapping < 12) { // reserves that overlap the parks (precedence: park first)
                Park p = PARKS.get(overlapping % PARKS.size());
                double d = Math.sqrt(p.areaKm2() / Math.PI) / 111.0 * (0.5 + 0.6 * rnd.nextDouble());
                double t = rnd.nextDouble() * 2 * Math.PI;
                lon = p.lon() + d * Math.cos(t) / Math.cos(Math.toRadians(p.lat()));
                lat = p.lat() + d * Math.sin(t);
                overlapping++;
            } else {
                lon = 74 + rnd.nextDouble() * 61;
                lat = 18 + rnd.nextDouble() * 35;
                if (inChina.locate(new Coordinate(lon, lat)) == Location.EXTERIOR) {
                    continue;
                }
            }
            double area = Math.exp(Math.log(30) + rnd.nextDouble() * Math.log(8000 / 30.0));
            made++;
            String id = String.format("NR%03d", made);
            features.add(new Feature(id, blob(rnd, lon, lat, area, 8 + rnd.nextInt(20)),
                    attrs(id, "Nature reserve " + made + " (illustrative)", "nature_reserve", area)));
        }
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("name", String.class);
        fields.put("category", String.class);
        fields.put("published_area_km2", Double.class);
        GeoPackageIO.write(file, "protected_areas", 4326, fields, features);
    }

    private static Map<String, Object> attrs(String id, String name, String category, double area) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pa_id", id);
        m.put("name", name);
        m.put("category", category);
        m.put("published_area_km2", area);
        return m;
    }

    static String spec() {
        StringBuilder layers = new StringBuilder();
        layers.append("""
                    {"key": "biomass", "label": {"en": "Biomass carbon", "zh": "生物量碳"}, "path": "biomass_2010.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                    {"key": "vsoc", "label": {"en": "Vulnerable SOC", "zh": "易损土壤有机碳"}, "path": "vsoc.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                    {"key": "ecosystem", "label": {"en": "Ecosystem carbon", "zh": "生态系统碳"}, "sum": ["biomass", "vsoc"], "group": "storage"}""");
        for (int y : YEARS) {
            layers.append(",\n    {\"key\": \"npp\", \"year\": ").append(y).append(", \"path\": \"npp_").append(y)
                    .append(".tif\", \"kind\": \"density\", \"unit\": \"kgC/m2/yr\", \"group\": \"uptake\"}");
        }
        for (int y : YEARS) {
            layers.append(",\n    {\"key\": \"co2\", \"year\": ").append(y).append(", \"path\": \"edgar_co2_").append(y)
                    .append(".nc\", \"variable\": \"emi_co2\", \"kind\": \"amount\", \"unit\": \"t/yr\", \"group\": \"emissions\"}");
        }
        return """
                {
                  "title": {"en": "China terrestrial PAs - ILLUSTRATIVE demo data", "zh": "中国陆地自然保护地（示意性演示数据）"},
                  "region": {"path": "china.geojson"},
                  "protectedAreas": {"path": "pas.gpkg", "classField": "category", "nameField": "name", "idField": "pa_id",
                    "classes": [{"value": "national_park", "key": "national_park", "label": {"en": "National parks", "zh": "国家公园"}},
                                {"value": "nature_reserve", "key": "nature_reserve", "label": {"en": "Nature reserves", "zh": "自然保护区"}}]},
                  "layers": [
                """ + layers + "\n  ]\n}\n";
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
