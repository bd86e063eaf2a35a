package org.pacarbon.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.io.NetcdfWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.GeoPackageIO;
import org.pacarbon.gis.core.vector.Geometries;

/**
 * The valid base case every fuzz case starts from: a tiny assessment in ETRS89 / LAEA Europe (EPSG:3035) with a
 * GeoTIFF density layer, a netCDF classic and a netCDF-4 flux layer, the PAs as Shapefile and GeoPackage, the region
 * as GeoJSON, the spec, and a research tracker file.
 */
final class FuzzData {
    private FuzzData() {
    }

    /**
     * The files of a base case.
     *
     * @param dir        the folder
     * @param files      file by role: tif, nc3, nc4, shp, dbf, prj, gpkg, geojson, spec, tracker
     * @param mayChange  files a successful command may rewrite (the tracker file when it is opened)
     */
    record Base(Path dir, Map<String, Path> files, List<Path> mayChange) {
        Path file(String role) {
            return files.get(role);
        }

        /** File names an error message may name. */
        List<String> names() {
            List<String> n = new ArrayList<>();
            files.values().forEach(p -> n.add(p.getFileName().toString()));
            n.add(dir.getFileName().toString());
            return n;
        }
    }

    static final String SPEC = """
            {
              "title": "fuzz",
              "region": {"path": "region.geojson"},
              "protectedAreas": {"path": "pas.shp", "classField": "category", "nameField": "name", "idField": "pa_id",
                "classes": [{"value": "national_park", "key": "national_park"}, {"value": "nature_reserve", "key": "nature_reserve"}]},
              "layers": [
                {"key": "carbon", "path": "carbon.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                {"key": "co2", "year": 2001, "path": "emis.nc", "variable": "emi_co2", "kind": "density", "unit": "kg m-2 s-1", "group": "emissions"},
                {"key": "co2b", "year": 2001, "path": "emis4.nc", "variable": "emi_co2", "kind": "density", "unit": "kg m-2 s-1", "group": "emissions"}
              ]
            }
            """;

    /** Writes a base case; the tracker file only when {@code tracker} (it takes the longest to make). */
    static Base write(Path dir, boolean tracker) throws IOException {
        Map<String, Path> f = new LinkedHashMap<>();
        f.put("tif", dir.resolve("carbon.tif"));
        GeoTiffWriter.of(10, 10).crs(3035, false).upperLeft(500000, 4010000).cellSize(1000, 1000).nodata(-9999f).tiled(16)
                .write(f.get("tif"), (r, row) -> {
                    for (int c = 0; c < 10; c++) {
                        row[c] = r == 9 && c == 7 ? -9999f : 1 + (r + c) % 4;
                    }
                });
        double[] lat = new double[40];
        double[] lon = new double[40];
        for (int i = 0; i < 40; i++) {
            lat[i] = 45.4 + 0.01 * i + 0.005;
            lon[i] = -44.5 + 0.01 * i + 0.005;
        }
        f.put("nc3", dir.resolve("emis.nc"));
        new NetcdfWriter().variable("emi_co2").attribute("units", "kg m-2 s-1").fillValue(-1f)
                .write(f.get("nc3"), lat, lon, (r, row) -> java.util.Arrays.fill(row, 1e-9f * (1 + r % 3)));
        f.put("nc4", dir.resolve("emis4.nc"));
        try (InputStream in = FuzzData.class.getResourceAsStream("/data/fuzz/emis4.nc")) {
            if (in == null) {
                throw new IOException("data/fuzz/emis4.nc is missing from the org.pacarbon.cli bundle");
            }
            Files.copy(in, f.get("nc4"));
        }
        f.put("geojson", dir.resolve("region.geojson"));
        Files.writeString(f.get("geojson"), """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3035"}},
                 "features": [{"type": "Feature", "properties": {"name": "region"},
                   "geometry": {"type": "Polygon", "coordinates": [[[500000, 4000000], [508000, 4000000], [508000, 4008000],
                     [500000, 4008000], [500000, 4000000]]]}}]}
                """);
        double[][] boxes = {{501000, 4004000, 503500, 4006000}, {503000, 4004000, 505000, 4006000}, {507000, 4000000, 510000, 4001000}};
        String[][] attrs = {{"A", "Park A", "national_park"}, {"B", "Reserve B", "nature_reserve"}, {"C", "Reserve C", "nature_reserve"}};
        writeShapefile(dir.resolve("pas"), boxes, attrs);
        f.put("shp", dir.resolve("pas.shp"));
        f.put("dbf", dir.resolve("pas.dbf"));
        f.put("prj", dir.resolve("pas.prj"));
        f.put("shx", dir.resolve("pas.shx"));
        f.put("gpkg", dir.resolve("pas.gpkg"));
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("pa_id", String.class);
        fields.put("name", String.class);
        fields.put("category", String.class);
        List<Feature> feats = new ArrayList<>();
        for (int i = 0; i < boxes.length; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("pa_id", attrs[i][0]);
            a.put("name", attrs[i][1]);
            a.put("category", attrs[i][2]);
            feats.add(new Feature(Integer.toString(i + 1), Geometries.box(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3]), a));
        }
        try {
            GeoPackageIO.write(f.get("gpkg"), "pas", 3035, fields, feats);
        } catch (org.pacarbon.gis.core.GisException e) {
            throw new IOException(e.getMessage(), e);
        }
        f.put("spec", dir.resolve("spec.json"));
        Files.writeString(f.get("spec"), SPEC);
        f.put("tracker", dir.resolve("tracker.sqlite"));
        if (tracker) {
            try (var t = org.pacarbon.tracker.core.TrackerStore.open(f.get("tracker"))) {
                // the built-in framework: 3 key issues, 14 questions
            } catch (org.pacarbon.tracker.core.TrackerException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new Base(dir, f, List.of(f.get("tracker")));
    }

    /** A polygon Shapefile (.shp, .shx, .dbf with pa_id, name, category; .prj of EPSG:3035) of axis-aligned boxes. */
    static void writeShapefile(Path base, double[][] boxes, String[][] attrs) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        ByteBuffer shx = ByteBuffer.allocate(100 + 8 * boxes.length);
        int offset = 50; // in 16-bit words
        for (int n = 0; n < boxes.length; n++) {
            double[] b = boxes[n];
            double[] ring = {b[0], b[1], b[0], b[3], b[2], b[3], b[2], b[1], b[0], b[1]}; // clockwise shell
            int content = 4 + 32 + 4 + 4 + 4 + 16 * 5;
            ByteBuffer r = ByteBuffer.allocate(8 + content);
            r.order(ByteOrder.BIG_ENDIAN).putInt(n + 1).putInt(content / 2);
            r.order(ByteOrder.LITTLE_ENDIAN).putInt(5).putDouble(b[0]).putDouble(b[1]).putDouble(b[2]).putDouble(b[3]);
            r.putInt(1).putInt(5).putInt(0);
            for (double v : ring) {
                r.putDouble(v);
            }
            records.write(r.array());
            shx.order(ByteOrder.BIG_ENDIAN).putInt(100 + 8 * n, offset).putInt(104 + 8 * n, content / 2);
            offset += 4 + content / 2;
        }
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + records.size()) / 2);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
        ByteArrayOutputStream shp = new ByteArrayOutputStream();
        shp.write(h.array());
        shp.write(records.toByteArray());
        Files.write(base.resolveSibling(base.getFileName() + ".shp"), shp.toByteArray());
        ByteBuffer hx = ByteBuffer.wrap(shx.array());
        hx.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, shx.capacity() / 2);
        hx.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
        Files.write(base.resolveSibling(base.getFileName() + ".shx"), shx.array());
        String[][] fields = {{"pa_id", "C", "10"}, {"name", "C", "30"}, {"category", "C", "20"}};
        int recLen = 1 + 10 + 30 + 20;
        int headerLen = 32 + 32 * fields.length + 1;
        ByteBuffer d = ByteBuffer.allocate(headerLen + recLen * attrs.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        d.put(0, (byte) 3).putInt(4, attrs.length).putShort(8, (short) headerLen).putShort(10, (short) recLen);
        for (int i = 0; i < fields.length; i++) {
            d.put(32 + 32 * i, fields[i][0].getBytes(StandardCharsets.US_ASCII));
            d.put(32 + 32 * i + 11, (byte) 'C');
            d.put(32 + 32 * i + 16, (byte) Integer.parseInt(fields[i][2]));
        }
        d.put(headerLen - 1, (byte) 0x0D);
        for (int r = 0; r < attrs.length; r++) {
            int at = headerLen + r * recLen;
            d.put(at, (byte) ' ');
            int off = at + 1;
            for (int i = 0; i < fields.length; i++) {
                int len = Integer.parseInt(fields[i][2]);
                byte[] v = new byte[len];
                java.util.Arrays.fill(v, (byte) ' ');
                byte[] t = attrs[r][i].getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(t, 0, v, 0, t.length);
                d.put(off, v);
                off += len;
            }
        }
        d.put(headerLen + recLen * attrs.length, (byte) 0x1A);
        Files.write(base.resolveSibling(base.getFileName() + ".dbf"), d.array());
        Files.writeString(base.resolveSibling(base.getFileName() + ".prj"), "PROJCS[\"ETRS89_LAEA_Europe\",GEOGCS[\"GCS_ETRS_1989\","
                + "DATUM[\"D_ETRS_1989\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],PARAMETER[\"False_Easting\",4321000.0],"
                + "PARAMETER[\"False_Northing\",3210000.0],PARAMETER[\"Central_Meridian\",10.0],PARAMETER[\"Latitude_Of_Origin\",52.0],"
                + "UNIT[\"Meter\",1.0]]");
    }
}
