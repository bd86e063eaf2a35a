package org.pacarbon.cli.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.GeoPackageIO;

/**
 * A small hand-built data set in ETRS89 / LAEA Europe (EPSG:3035, metres, equal-area: a cell's true area is its nominal
 * area, so the hand-worked answers below are exact) whose answers are worked out by hand:
 * <ul>
 * <li>carbon.tif: 10 x 10 cells of 1 km from (500000, 4010000); 1 kgC/m2, column 0 = 3, cell (row 9, col 7) nodata.</li>
 * <li>carbon2.tif: same grid, 2 kgC/m2, cell (row 5, col 4) nodata.</li>
 * <li>emis.tif: 5 x 5 cells of 2 km, 4 t/yr per cell (an amount).</li>
 * <li>region.geojson (legacy crs member EPSG:3035): x 500000..508000, y 4000000..4008000 (64 km2).</li>
 * <li>pas.gpkg: A park x 501000..503500, y 4004000..4006000 (5 km2); B reserve x 503000..505000 same y (4 km2,
 *   1 km2 of it under A); C reserve x 507000..510000, y 4000000..4001000 (3 km2, 1 km2 in the region, on the nodata cell).</li>
 * </ul>
 */
final class Fixture {
    static final GeometryFactory GF = new GeometryFactory();

    static Polygon box(double x0, double y0, double x1, double y1) {
        return org.pacarbon.gis.core.vector.Geometries.box(x0, y0, x1, y1);
    }

    static void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        GeoTiffWriter.of(10, 10).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f).tiled(16)
                .write(dir.resolve("carbon.tif"), (r, row) -> {
                    for (int c = 0; c < 10; c++) {
                        row[c] = r == 9 && c == 7 ? -9999f : c == 0 ? 3f : 1f;
                    }
                });
        GeoTiffWriter.of(10, 10).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f).stripped(3)
                .deflate(false).write(dir.resolve("carbon2.tif"), (r, row) -> {
                    for (int c = 0; c < 10; c++) {
                        row[c] = r == 5 && c == 4 ? -9999f : 2f;
                    }
                });
        GeoTiffWriter.of(5, 5).crs(3035, false).upperLeft(500000, 4010000).cellSize(2000, 2000).nodata(-1f)
                .write(dir.resolve("emis.tif"), (r, row) -> java.util.Arrays.fill(row, 4f));
        Files.writeString(dir.resolve("region.geojson"), """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3035"}},
                 "features": [{"type": "Feature", "properties": {"name": "test region"},
                   "geometry": {"type": "Polygon", "coordinates": [[[500000, 4000000], [508000, 4000000], [508000, 4008000],
                     [500000, 4008000], [500000, 4000000]]]}}]}
                """);
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("name", String.class);
        fields.put("category", String.class);
        GeoPackageIO.write(dir.resolve("pas.gpkg"), "pas", 3035, fields, List.of(
                new Feature("1", box(501000, 4004000, 503500, 4006000), attrs("A", "Park A", "national_park")),
                new Feature("2", box(503000, 4004000, 505000, 4006000), attrs("B", "Reserve B", "nature_reserve")),
                new Feature("3", box(507000, 4000000, 510000, 4001000), attrs("C", "Reserve C", "nature_reserve"))));
        Files.writeString(dir.resolve("spec.json"), SPEC);
    }

    static final String SPEC = """
            {
              "title": "Hand-built test",
              "region": {"path": "region.geojson"},
              "protectedAreas": {"path": "pas.gpkg", "classField": "category", "nameField": "name", "idField": "pa_id",
                "classes": [{"value": "national_park", "key": "national_park", "label": "National parks"},
                            {"value": "nature_reserve", "key": "nature_reserve", "label": "Nature reserves"}]},
              "layers": [
                {"key": "carbon", "path": "carbon.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                {"key": "carbon2", "path": "carbon2.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                {"key": "both", "sum": ["carbon", "carbon2"], "group": "storage"},
                {"key": "emis", "year": 2000, "path": "emis.tif", "kind": "amount", "unit": "t/yr", "group": "emissions"},
                {"key": "emis", "year": 2020, "path": "emis.tif", "kind": "amount", "unit": "t/yr", "group": "emissions"}
              ]
            }
            """;

    private static Map<String, Object> attrs(String id, String name, String cat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pa_id", id);
        m.put("name", name);
        m.put("category", cat);
        return m;
    }

    /** Reads a CSV written by the reports (no quoted commas in these fixtures) into maps by header. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        return lines.subList(1, lines.size()).stream().map(l -> {
            String[] v = l.split(",", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], v[i]);
            }
            return m;
        }).toList();
    }
}
