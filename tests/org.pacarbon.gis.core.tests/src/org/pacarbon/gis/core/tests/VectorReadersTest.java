package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.VectorIO;

/** Shapefile and GeoJSON reading: holes, multipart shapes, attributes with their encoding, CRS from .prj or crs member. */
class VectorReadersTest {
    @TempDir
    Path dir;

    /** Writes a polygon shapefile: each shape is a list of rings (x,y pairs), as given (orientation included). */
    static void writeShapefile(Path base, List<double[][]> shapes, List<String[]> attrs, String prjWkt) throws Exception {
        writeShapefile(base, shapes, attrs, prjWkt, new String[] {"NAME", "CATEGORY", "AREA"}, StandardCharsets.UTF_8, "UTF-8", 0);
    }

    /**
     * As above, with the field names, the encoding of names and values, the .cpg text ({@code null}: no .cpg) and the
     * dBASE language driver byte.
     */
    static void writeShapefile(Path base, List<double[][]> shapes, List<String[]> attrs, String prjWkt, String[] names,
            java.nio.charset.Charset cs, String cpg, int ldid) throws Exception {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        int n = 0;
        for (double[][] rings : shapes) {
            int points = 0;
            for (double[] r : rings) {
                points += r.length / 2;
            }
            int contentBytes = 4 + 32 + 4 + 4 + 4 * rings.length + 16 * points;
            ByteBuffer b = ByteBuffer.allocate(8 + contentBytes);
            b.order(ByteOrder.BIG_ENDIAN).putInt(++n).putInt(contentBytes / 2);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(5);
            b.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // bbox (not used by the reader)
            b.putInt(rings.length).putInt(points);
            int start = 0;
            for (double[] r : rings) {
                b.putInt(start);
                start += r.length / 2;
            }
            for (double[] r : rings) {
                for (double v : r) {
                    b.putDouble(v);
                }
            }
            records.write(b.array());
        }
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + records.size()) / 2);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
        ByteArrayOutputStream shp = new ByteArrayOutputStream();
        shp.write(h.array());
        shp.write(records.toByteArray());
        Files.write(base.resolveSibling(base.getFileName() + ".shp"), shp.toByteArray());
        // dBASE: fields name C(30), category C(20), area N(12,2)
        String[][] fields = {{names[0], "C", "30", "0"}, {names[1], "C", "20", "0"}, {names[2], "N", "12", "2"}};
        int recLen = 1 + 30 + 20 + 12;
        int headerLen = 32 + 32 * fields.length + 1;
        ByteBuffer d = ByteBuffer.allocate(headerLen + recLen * attrs.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        d.put(0, (byte) 3).putInt(4, attrs.size()).putShort(8, (short) headerLen).putShort(10, (short) recLen);
        d.put(29, (byte) ldid);
        for (int f = 0; f < fields.length; f++) {
            byte[] name = fields[f][0].getBytes(cs);
            d.put(32 + 32 * f, name);
            d.put(32 + 32 * f + 11, (byte) fields[f][1].charAt(0));
            d.put(32 + 32 * f + 16, (byte) Integer.parseInt(fields[f][2]));
            d.put(32 + 32 * f + 17, (byte) Integer.parseInt(fields[f][3]));
        }
        d.put(headerLen - 1, (byte) 0x0D);
        for (int r = 0; r < attrs.size(); r++) {
            int at = headerLen + r * recLen;
            d.put(at, (byte) ' ');
            int off = at + 1;
            for (int f = 0; f < fields.length; f++) {
                int len = Integer.parseInt(fields[f][2]);
                byte[] v = new byte[len];
                java.util.Arrays.fill(v, (byte) ' ');
                byte[] text = attrs.get(r)[f].getBytes(cs);
                System.arraycopy(text, 0, v, fields[f][1].equals("N") ? len - text.length : 0, text.length);
                d.put(off, v);
                off += len;
            }
        }
        d.put(headerLen + recLen * attrs.size(), (byte) 0x1A);
        Files.write(base.resolveSibling(base.getFileName() + ".dbf"), d.array());
        if (prjWkt != null) {
            Files.writeString(base.resolveSibling(base.getFileName() + ".prj"), prjWkt);
        }
        if (cpg != null) {
            Files.writeString(base.resolveSibling(base.getFileName() + ".cpg"), cpg);
        }
    }

    @Test
    void gbkFieldNamesAndValuesByCpgOrByLanguageDriverOrByGuess() throws Exception {
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        String[] names = {"名称", "类别", "面积"};
        List<String[]> attrs = List.<String[]>of(new String[] {"三江源", "国家公园", "96.00"});
        List<double[][]> shapes = List.<double[][]>of(new double[][] {{0, 0, 0, 1, 1, 1, 1, 0, 0, 0}});
        String wkt = CrsSupport.parse("EPSG:4326", null).toWKT();
        // 1: a .cpg saying 936; 2: no .cpg, language driver 0x4D (GBK); 3: neither (not UTF-8: read as GBK)
        Object[][] cases = {{"cpg", "936", 0}, {"ldid", null, 0x4D}, {"guess", null, 0}};
        for (Object[] c : cases) {
            Path base = dir.resolve("gbk_" + c[0]);
            writeShapefile(base, shapes, attrs, wkt, names, gbk, (String) c[1], (Integer) c[2]);
            FeatureSet set = VectorIO.read(dir.resolve("gbk_" + c[0] + ".shp"), null, null);
            assertEquals(List.of("名称", "类别", "面积"), set.fields(), (String) c[0]);
            assertEquals("国家公园", set.features().get(0).text("类别").orElseThrow(), (String) c[0]);
        }
        // UTF-8 names and values with a .cpg
        Path base = dir.resolve("utf8");
        writeShapefile(base, shapes, attrs, wkt, names, StandardCharsets.UTF_8, "UTF-8", 0);
        FeatureSet set = VectorIO.read(dir.resolve("utf8.shp"), null, null);
        assertEquals("三江源", set.features().get(0).text("名称").orElseThrow());
    }

    @Test
    void aDbfCutShortIsNamed() throws Exception {
        Path base = dir.resolve("cut");
        writeShapefile(base, List.<double[][]>of(new double[][] {{0, 0, 0, 1, 1, 1, 1, 0, 0, 0}}),
                List.<String[]>of(new String[] {"x", "y", "1"}), CrsSupport.parse("EPSG:4326", null).toWKT());
        Path dbf = dir.resolve("cut.dbf");
        byte[] b = Files.readAllBytes(dbf);
        Files.write(dbf, java.util.Arrays.copyOf(b, 60));
        GisException e = assertThrows(GisException.class, () -> VectorIO.read(dir.resolve("cut.shp"), null, null));
        assertTrue(e.getMessage().contains("cut.dbf") && e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void shapefileWithHoleMultipartAndChineseNames() throws Exception {
        // shape 1: 10 x 10 square (clockwise, as the spec wants shells) with a 2 x 2 hole (counter-clockwise)
        double[] shell = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
        double[] hole = {4, 4, 6, 4, 6, 6, 4, 6, 4, 4};
        // shape 2: two 1 x 1 squares (multipart)
        double[] a = {20, 0, 20, 1, 21, 1, 21, 0, 20, 0};
        double[] b = {30, 0, 30, 1, 31, 1, 31, 0, 30, 0};
        Path base = dir.resolve("pas");
        String wkt = CrsSupport.parse("EPSG:32650", null).toWKT();
        writeShapefile(base, List.of(new double[][] {shell, hole}, new double[][] {a, b}),
                List.of(new String[] {"三江源", "national_park", "96.00"}, new String[] {"Reserve B", "nature_reserve", "2.00"}), wkt);
        FeatureSet set = VectorIO.read(dir.resolve("pas.shp"), null, null);
        assertTrue(CrsSupport.label(set.crs()).contains("32650"), CrsSupport.label(set.crs()));
        assertEquals(List.of("NAME", "CATEGORY", "AREA"), set.fields());
        Feature first = set.features().get(0);
        assertEquals("三江源", first.text("NAME").orElseThrow());
        assertEquals(96.0, ((Number) first.attributes().get("AREA")).doubleValue(), 1e-12);
        assertEquals(96.0, first.geometry().getArea(), 1e-12); // 100 minus the 2 x 2 hole
        Feature second = set.features().get(1);
        assertEquals(2, second.geometry().getNumGeometries());
        assertEquals(2.0, second.geometry().getArea(), 1e-12);
    }

    @Test
    void shapefileWithoutPrjNeedsACrs() throws Exception {
        Path base = dir.resolve("noprj");
        writeShapefile(base, List.<double[][]>of(new double[][] {{0, 0, 0, 1, 1, 1, 1, 0, 0, 0}}),
                List.<String[]>of(new String[] {"x", "y", "1"}), null);
        GisException e = assertThrows(GisException.class, () -> VectorIO.read(dir.resolve("noprj.shp"), null, null));
        assertTrue(e.getMessage().contains("noprj.shp") && e.getMessage().contains(".prj"), e.getMessage());
        FeatureSet set = VectorIO.read(dir.resolve("noprj.shp"), null, CrsSupport.parse("EPSG:4326", null));
        assertEquals(1, set.features().size());
    }

    @Test
    void geoJsonRfc7946AndLegacyCrs() throws Exception {
        Path plain = dir.resolve("a.geojson");
        Files.writeString(plain, """
                {"type":"FeatureCollection","features":[{"type":"Feature","id":"p1","properties":{"name":"A","n":3},
                 "geometry":{"type":"MultiPolygon","coordinates":[[[[100,30],[101,30],[101,31],[100,31],[100,30]]],
                   [[[102,30],[103,30],[103,31],[102,31],[102,30]],[[102.25,30.25],[102.75,30.25],[102.75,30.75],[102.25,30.75],[102.25,30.25]]]]}}]}
                """);
        FeatureSet set = VectorIO.read(plain, null, null);
        assertTrue(CrsSupport.isGeographic(set.crs()));
        assertEquals(2 - 0.25, set.features().get(0).geometry().getArea(), 1e-12);
        assertEquals("p1", set.features().get(0).id());
        assertEquals(3L, set.features().get(0).attributes().get("n"));
        Path legacy = dir.resolve("b.json");
        Files.writeString(legacy, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}}]}
                """);
        assertTrue(CrsSupport.label(VectorIO.read(legacy, null, null).crs()).contains("3857"));
        Path broken = dir.resolve("c.geojson");
        Files.writeString(broken, "{\"type\": \"FeatureCollection\", \"features\": [");
        GisException e = assertThrows(GisException.class, () -> VectorIO.read(broken, null, null));
        assertTrue(e.getMessage().contains("c.geojson"), e.getMessage());
    }
}
