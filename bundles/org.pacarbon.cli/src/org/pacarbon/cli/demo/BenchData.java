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
 * grid): a Float32 tiled DEFLATE GeoTIFF of {@code width x height} cells of {@code cell} metres, a region
 * polygon covering most of it, and 500 irregular polygons (some overlapping), plus an assessment spec.
 */
public final class BenchData {
    private static final GeometryFactory GF = new GeometryFactory();

    private BenchData() {
    }

    /** Writes the inputs; returns the spec path. */
    public static Path generate(Path dir, int width, int height, double cell) throws IOException, GisException {
        Files.createDirectories(dir);
        double x0 = 200000, y0 = 200000 + height * cell;
        Path tif = dir.resolve("carbon_" + (int) cell + "m.tif");
        if (!Files.exists(tif)) {
            GeoTiffWriter.of(width, height).crs(32648, false).upperLeft(x0, y0).cellSize(cell, cell).nodata(-9999f).tiled(256)
                    .write(tif, (r, row) -> {
                        for (int c = 0; c < width; c++) {
                            double u = (double) c / width, v = (double) r / height;
                            double d = (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5);
                            row[c] = d > 0.24 ? -9999f : (float) (5 + 4 * Math.sin(u * 37) * Math.cos(v * 23) + 3 * u);
                        }
                    });
        }
        Random rnd = new Random(500);
        double w = width * cell, h = height * cell;
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double cx = x0 + w * (0.1 + 0.8 * rnd.nextDouble());
            double cy = y0 - h * (0.1 + 0.8 * rnd.nextDouble());
            double radius = Math.exp(Math.log(3000) + rnd.nextDouble() * Math.log(120000 / 3000.0)) * Math.min(1, w / 5e6);
            int n = 20 + rnd.nextInt(200);
            Coordinate[] cs = new Coordinate[n + 1];
            for (int k = 0; k < n; k++) {
                double t = 2 * Math.PI * k / n;
                double rr = radius * (0.55 + 0.45 * rnd.nextDouble());
                cs[k] = new Coordinate(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
            }
            cs[n] = cs[0];
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("pa_id", "P" + i);
            a.put("category", i < 20 ? "national_park" : "nature_reserve");
            features.add(new Feature(Integer.toString(i + 1), GF.createPolygon(cs), a));
        }
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("category", String.class);
        GeoPackageIO.write(dir.resolve("pas.gpkg"), "pas", 32648, fields, features);
        Polygon region = circle(x0 + w / 2, y0 - h / 2, Math.min(w, h) * 0.48, 720);
        GeoPackageIO.write(dir.resolve("region.gpkg"), "region", 32648, new LinkedHashMap<>(),
                List.of(new Feature("1", region, Map.of())));
        Path spec = dir.resolve("spec_" + (int) cell + "m.json");
        Files.writeString(spec, """
                {"title": "benchmark %dm",
                 "region": {"path": "region.gpkg"},
                 "protectedAreas": {"path": "pas.gpkg", "classField": "category", "idField": "pa_id",
                   "classes": [{"value": "national_park"}, {"value": "nature_reserve"}]},
                 "layers": [{"key": "carbon", "path": "%s", "kind": "density", "unit": "kgC/m2", "group": "storage"}]}
                """.formatted((int) cell, tif.getFileName()), StandardCharsets.UTF_8);
        return spec;
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
