package org.pacarbon.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.GeoPackageIO;

/**
 * China-scale synthetic benchmark inputs in UTM 48N metres (EPSG:32648 stands in for a national equal-area
 * grid): Float32 tiled DEFLATE GeoTIFFs, a region polygon covering most of them, irregular polygons (some
 * overlapping; 500 unless asked otherwise) and an assessment spec; or a paper-scale set of 12 rasters.
 */
public final class BenchData {
    private static final GeometryFactory GF = new GeometryFactory();

    private BenchData() {
    }

    /**
     * Writes one raster of {@code width x height} cells of {@code cell} metres, {@code pas} polygons (their radii
     * scaled so that they cover about the same share of the raster whatever their number) and a region; returns the
     * spec path ({@code spec_<cell>m.json}, or {@code spec_<cell>m_<pas>pas.json} when {@code pas != 500}).
     */
    public static Path generate(Path dir, int width, int height, double cell, int pas) throws IOException, GisException {
        Files.createDirectories(dir);
        Path tif = raster(dir, "carbon_" + (int) cell + "m.tif", cell, cell, 0, width, height);
        String pasFile = polygons(dir, pas, width * cell, height * cell);
        // one region per size: its circle follows the raster's extent, and the sizes' extents differ slightly
        String regionFile = "region_" + (int) cell + "m.gpkg";
        region(dir, regionFile, width * cell, height * cell);
        Path spec = dir.resolve("spec_" + (int) cell + "m" + (pas == 500 ? "" : "_" + pas + "pas") + ".json");
        Files.writeString(spec, """
                {"title": "benchmark %dm",
                 "region": {"path": "%s"},
                 "protectedAreas": {"path": "%s", "classField": "category", "idField": "pa_id",
                   "classes": [{"value": "national_park"}, {"value": "nature_reserve"}]},
                 "layers": [{"key": "carbon", "path": "%s", "kind": "density", "unit": "kgC/m2", "group": "storage"}]}
                """.formatted((int) cell, regionFile, pasFile, tif.getFileName()), StandardCharsets.UTF_8);
        return spec;
    }

    /**
     * A paper-scale assessment over one China-sized extent (3400 x 3200 km): biomass at 300 m, vSOC at 250 m, NPP at
     * 500 m for 5 years, CO2 amounts at 1 km for 5 years, 460 polygons, the 2 classes and a region; returns the spec.
     */
    public static Path paper(Path dir) throws IOException, GisException {
        Files.createDirectories(dir);
        double w = 3_400_000, h = 3_200_000;
        int[] years = {2000, 2005, 2010, 2015, 2020};
        StringBuilder layers = new StringBuilder();
        raster(dir, "paper_biomass_300m.tif", 300, 300, 1, (int) Math.round(w / 300), (int) Math.round(h / 300));
        layers.append("""
                  {"key": "biomass", "path": "paper_biomass_300m.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                  {"key": "vsoc", "path": "paper_vsoc_250m.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                  {"key": "ecosystem", "sum": ["biomass", "vsoc"], "group": "storage"}""");
        raster(dir, "paper_vsoc_250m.tif", 250, 250, 2, (int) Math.round(w / 250), (int) Math.round(h / 250));
        for (int y : years) {
            String npp = "paper_npp_" + y + "_500m.tif", co2 = "paper_co2_" + y + "_1km.tif";
            raster(dir, npp, 500, 500, 10 + y % 100, (int) Math.round(w / 500), (int) Math.round(h / 500));
            raster(dir, co2, 1000, 1000, 20 + y % 100, (int) Math.round(w / 1000), (int) Math.round(h / 1000));
            layers.append(",\n  {\"key\": \"npp\", \"year\": %d, \"path\": \"%s\", \"kind\": \"density\", \"unit\": \"kgC/m2/yr\", \"group\": \"uptake\"}"
                    .formatted(y, npp));
            layers.append(",\n  {\"key\": \"co2\", \"year\": %d, \"path\": \"%s\", \"kind\": \"amount\", \"unit\": \"t/yr\", \"group\": \"emissions\"}"
                    .formatted(y, co2));
        }
        String pasFile = polygons(dir, 460, w, h);
        region(dir, "region_paper.gpkg", w, h);
        Path spec = dir.resolve("spec_paper.json");
        Files.writeString(spec, """
                {"title": "benchmark paper scale",
                 "region": {"path": "region_paper.gpkg"},
                 "protectedAreas": {"path": "%s", "classField": "category", "idField": "pa_id",
                   "classes": [{"value": "national_park"}, {"value": "nature_reserve"}]},
                 "layers": [
                %s]}
                """.formatted(pasFile, layers), StandardCharsets.UTF_8);
        return spec;
    }

    private static final double X0 = 200000, Y0 = 200000;

    /** A Float32 tiled DEFLATE raster whose top-left corner is (X0, Y0 + extent); kept when already there. */
    private static Path raster(Path dir, String name, double cellX, double cellY, int variant, int width, int height)
            throws IOException, GisException {
        Path tif = dir.resolve(name);
        if (Files.exists(tif)) {
            return tif;
        }
        double top = Y0 + height * cellY;
        double phase = variant * 0.37;
        GeoTiffWriter.of(width, height).crs(32648, false).upperLeft(X0, top).cellSize(cellX, cellY).nodata(-9999f).tiled(256)
                .write(tif, (r, row) -> {
                    for (int c = 0; c < width; c++) {
                        double u = (double) c / width, v = (double) r / height;
                        double d = (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5);
                        row[c] = d > 0.24 ? -9999f : (float) (5 + 4 * Math.sin(u * 37 + phase) * Math.cos(v * 23) + 3 * u);
                    }
                });
        return tif;
    }

    /** {@code n} irregular polygons (20 national parks, the rest reserves), some overlapping; returns the file name. */
    private static String polygons(Path dir, int n, double w, double h) throws IOException, GisException {
        String name = n == 500 ? "pas.gpkg" : "pas_" + n + ".gpkg";
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return name;
        }
        double x0 = X0, y0 = Y0 + h;
        Random rnd = new Random(500);
        double shrink = Math.sqrt(500.0 / n);
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = x0 + w * (0.1 + 0.8 * rnd.nextDouble());
            double cy = y0 - h * (0.1 + 0.8 * rnd.nextDouble());
            double radius = Math.exp(Math.log(3000) + rnd.nextDouble() * Math.log(120000 / 3000.0)) * Math.min(1, w / 5e6) * shrink;
            int k = 20 + rnd.nextInt(200);
            Coordinate[] cs = new Coordinate[k + 1];
            for (int j = 0; j < k; j++) {
                double t = 2 * Math.PI * j / k;
                double rr = radius * (0.55 + 0.45 * rnd.nextDouble());
                cs[j] = new Coordinate(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
            }
            cs[k] = cs[0];
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("pa_id", "P" + i);
            a.put("category", i < Math.max(1, n / 25) ? "national_park" : "nature_reserve");
            features.add(new Feature(Integer.toString(i + 1), GF.createPolygon(cs), a));
        }
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("category", String.class);
        Files.deleteIfExists(file);
        GeoPackageIO.write(file, "pas", 32648, fields, features);
        return name;
    }

    private static void region(Path dir, String name, double w, double h) throws IOException, GisException {
        Polygon region = circle(X0 + w / 2, Y0 + h / 2, Math.min(w, h) * 0.48, 720);
        Files.deleteIfExists(dir.resolve(name));
        GeoPackageIO.write(dir.resolve(name), "region", 32648, new LinkedHashMap<>(),
                List.of(new Feature("1", region, Map.of())));
    }

    private static Polygon circle(double cx, double cy, double r, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            double t = 2 * Math.PI * k / n;
            cs[k] = new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t));
        }
        cs[n] = cs[0];
        return GF.createPolygon(cs);
    }
}
