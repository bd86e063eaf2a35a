package org.pacarbon.gis.core.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads ESRI Shapefiles (.shp + .dbf, with .prj for the CRS and .cpg for the text encoding): polygon shapes
 * (types 5, 15, 25), points and lines are read as such. Field names and values are decoded alike: by the .cpg,
 * else by the dBASE language driver byte (e.g. 0x4D: GBK), else attribute text without either is read as UTF-8 when
 * valid, else as GBK (common for Chinese data).
 */
public final class ShapefileReader {
    private static final GeometryFactory GF = new GeometryFactory();

    private ShapefileReader() {
    }

    /** Reads all features; {@code crsOverride} replaces (or supplies a missing) .prj. */
    public static FeatureSet read(Path shp, @Nullable CoordinateReferenceSystem crsOverride) throws GisException {
        if (!Files.isRegularFile(shp)) {
            throw new GisException(shp, "file not found", "a Shapefile (.shp with .dbf and .prj beside it)");
        }
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        Path dbf = sibling(shp, base, ".dbf");
        Path prj = sibling(shp, base, ".prj");
        Path cpg = sibling(shp, base, ".cpg");
        CoordinateReferenceSystem crs = crsOverride;
        if (crs == null) {
            if (prj == null) {
                throw new GisException(shp, "no .prj file beside the shapefile, so its CRS is unknown",
                        "a .prj file, or a CRS given with the layer (\"crs\": \"EPSG:...\")");
            }
            try {
                crs = CrsSupport.parse(Files.readString(prj, StandardCharsets.ISO_8859_1), prj);
            } catch (IOException e) {
                throw new GisException(prj, "cannot be read: " + e.getMessage(), "a WKT CRS", e);
            }
        }
        List<@Nullable Geometry> geoms = readShapes(shp);
        List<String> fields = new ArrayList<>();
        List<Map<String, Object>> rows = dbf != null ? readDbf(dbf, cpg, fields) : new ArrayList<>();
        if (dbf != null && rows.size() != geoms.size()) {
            throw new GisException(dbf, "has " + rows.size() + " records but the .shp has " + geoms.size() + " shapes",
                    "one attribute record per shape");
        }
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < geoms.size(); i++) {
            // a null shape is kept with an empty geometry, so that users are told it was skipped
            Geometry shape = geoms.get(i);
            Geometry g = shape != null ? shape : new org.locationtech.jts.geom.GeometryFactory().createMultiPolygon();
            features.add(new Feature(Integer.toString(i + 1), g, dbf != null ? rows.get(i) : Map.of()));
        }
        return new FeatureSet(shp.toString(), crs, fields, features);
    }

    private static @Nullable Path sibling(Path shp, String base, String ext) {
        Path dir = shp.toAbsolutePath().getParent();
        for (String e : new String[] {ext, ext.toUpperCase()}) {
            Path p = dir.resolve(base + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<@Nullable Geometry> readShapes(Path shp) throws GisException {
        ByteBuffer buf;
        try {
            buf = ByteBuffer.wrap(Files.readAllBytes(shp));
        } catch (IOException e) {
            throw new GisException(shp, "cannot be read: " + e.getMessage(), "a readable file", e);
        }
        if (buf.limit() < 100 || buf.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new GisException(shp, "not a shapefile (bad header)", "an ESRI .shp file (file code 9994)");
        }
        List<@Nullable Geometry> out = new ArrayList<>();
        int pos = 100;
        try {
            while (pos + 8 <= buf.limit()) {
                buf.order(ByteOrder.BIG_ENDIAN);
                int lenWords = buf.getInt(pos + 4);
                int start = pos + 8;
                int end = start + lenWords * 2;
                if (lenWords < 2 || end > buf.limit()) {
                    throw new GisException(shp, "record at byte " + pos + " is truncated", "an intact .shp file");
                }
                buf.order(ByteOrder.LITTLE_ENDIAN);
                int type = buf.getInt(start);
                out.add(shape(shp, buf, start, type, end, out.size() + 1));
                pos = end;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new GisException(shp, "a record is truncated", "an intact .shp file", e);
        }
        return out;
    }

    private static @Nullable Geometry shape(Path shp, ByteBuffer b, int start, int type, int end, int record) throws GisException {
        switch (type) {
            case 0:
                return null;
            case 1: case 11: case 21:
                return GF.createPoint(new Coordinate(b.getDouble(start + 4), b.getDouble(start + 12)));
            case 3: case 13: case 23:
            case 5: case 15: case 25: {
                int numParts = b.getInt(start + 36);
                int numPoints = b.getInt(start + 40);
                int partsAt = start + 44;
                if (numParts < 0 || numPoints < 0 || (long) partsAt + 4L * numParts + 16L * numPoints > end) {
                    throw new GisException(shp, "shape " + record + " is damaged (" + numParts + " parts and " + numPoints
                            + " points do not fit its record)", "an intact .shp file");
                }
                int pointsAt = partsAt + 4 * numParts;
                List<Coordinate[]> parts = new ArrayList<>();
                for (int p = 0; p < numParts; p++) {
                    int from = b.getInt(partsAt + 4 * p);
                    int to = p + 1 < numParts ? b.getInt(partsAt + 4 * (p + 1)) : numPoints;
                    if (from < 0 || to < from || to > numPoints) {
                        throw new GisException(shp, "shape " + record + " is damaged (part " + (p + 1) + " spans points " + from + ".." + to
                                + " of " + numPoints + ")", "an intact .shp file");
                    }
                    Coordinate[] cs = new Coordinate[to - from];
                    for (int i = from; i < to; i++) {
                        double x = b.getDouble(pointsAt + 16 * i), y = b.getDouble(pointsAt + 16 * i + 8);
                        if (!Double.isFinite(x) || !Double.isFinite(y)) {
                            throw new GisException(shp, "shape " + record + " has a coordinate that is not a number (" + x + ", " + y + ")",
                                    "an intact .shp file");
                        }
                        cs[i - from] = new Coordinate(x, y);
                    }
                    parts.add(cs);
                }
                if (type % 10 == 3) {
                    return GF.createMultiLineString(parts.stream().filter(c -> c.length >= 2)
                            .map(GF::createLineString).toArray(org.locationtech.jts.geom.LineString[]::new));
                }
                return polygons(parts);
            }
            default:
                throw new GisException(shp, "shape type " + type + " is not supported", "points, lines or polygons");
        }
    }

    /** Builds polygons from shapefile rings: shells (clockwise by the spec; any ring not inside another) and holes. */
    static Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] cs : rings) {
            if (cs.length < 4) {
                continue;
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
                closed[cs.length] = cs[0];
                cs = closed;
            }
            LinearRing ring = GF.createLinearRing(cs);
            if (Orientation.isCCW(cs)) {
                holes.add(ring);
            } else {
                shells.add(ring);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            prepared.add(PreparedGeometryFactory.prepare(GF.createPolygon(s)));
        }
        for (LinearRing h : holes) {
            int owner = -1;
            for (int i = 0; i < shells.size(); i++) {
                if (prepared.get(i).contains(GF.createPoint(h.getCoordinateN(0)))
                        || prepared.get(i).covers(GF.createPolygon(h))) {
                    owner = i;
                    break;
                }
            }
            if (owner >= 0) {
                holesOf.get(owner).add(h);
            } else { // a counter-clockwise ring inside no shell: a writer that ignored the spec; take it as a shell
                shells.add(h);
                holesOf.add(new ArrayList<>());
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = GF.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }

    private static List<Map<String, Object>> readDbf(Path dbf, @Nullable Path cpg, List<String> fields) throws GisException {
        byte[] all;
        try {
            all = Files.readAllBytes(dbf);
        } catch (IOException e) {
            throw new GisException(dbf, "cannot be read: " + e.getMessage(), "a readable file", e);
        }
        if (all.length < 32) {
            throw new GisException(dbf, "too short for a dBASE header", "a dBASE (.dbf) attribute table");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(4);
        int headerLen = Short.toUnsignedInt(b.getShort(8));
        int recLen = Short.toUnsignedInt(b.getShort(10));
        if (headerLen > all.length || headerLen < 33 || n < 0) {
            throw new GisException(dbf, "is cut short or damaged: its header says " + headerLen + " header bytes and " + n
                    + " records, the file has " + all.length + " bytes", "an intact .dbf file");
        }
        Charset cs = charset(dbf, cpg, all, headerLen);
        List<int[]> layout = new ArrayList<>(); // offset, length, type, decimals
        int off = 1;
        for (int p = 32; p + 32 <= headerLen && all[p] != 0x0D; p += 32) {
            int nameEnd = p;
            while (nameEnd < p + 11 && all[nameEnd] != 0) {
                nameEnd++;
            }
            fields.add(new String(all, p, nameEnd - p, cs).trim()); // names in the table's encoding, as values
            int len = Byte.toUnsignedInt(all[p + 16]);
            layout.add(new int[] {off, len, all[p + 11], all[p + 17]});
            off += len;
        }
        if (off > recLen || recLen == 0) {
            throw new GisException(dbf, "its fields take " + off + " bytes but its records have " + recLen + ": the header is damaged",
                    "an intact .dbf file");
        }
        if ((long) headerLen + (long) n * recLen > all.length) {
            throw new GisException(dbf, "is cut short: " + n + " records of " + recLen + " bytes announced, the file has "
                    + all.length + " bytes", "an intact .dbf file");
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int base = headerLen + r * recLen;
            Map<String, Object> row = new LinkedHashMap<>();
            for (int f = 0; f < layout.size(); f++) {
                int[] l = layout.get(f);
                String raw = new String(all, base + l[0], l[1], cs).trim();
                if (raw.isEmpty() || raw.chars().allMatch(c -> c == '*')) {
                    continue;
                }
                char type = (char) l[2];
                Object v = raw;
                if (type == 'N' || type == 'F') {
                    try {
                        v = l[3] == 0 && raw.matches("-?\\d{1,18}") ? (Object) Long.parseLong(raw) : (Object) Double.parseDouble(raw);
                    } catch (NumberFormatException e) {
                        v = raw;
                    }
                } else if (type == 'L') {
                    v = "YyTt".indexOf(raw.charAt(0)) >= 0;
                }
                row.put(fields.get(f), v);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Charset charset(Path dbf, @Nullable Path cpg, byte[] all, int headerLen) throws GisException {
        if (cpg != null) {
            try {
                String name = Files.readString(cpg, StandardCharsets.ISO_8859_1).trim();
                if (name.matches("\\d+")) {
                    name = "windows-" + name; // e.g. 1252
                }
                return Charset.forName(name.equalsIgnoreCase("UTF8") ? "UTF-8" : name);
            } catch (IOException | RuntimeException e) {
                throw new GisException(cpg, "names an unknown text encoding", "an encoding name such as UTF-8 or GBK", e);
            }
        }
        String byLdid = languageDriver(Byte.toUnsignedInt(all[29]));
        if (byLdid != null && Charset.isSupported(byLdid)) {
            return Charset.forName(byLdid);
        }
        try {
            // field names and records: UTF-8 if they decode as such, else GBK (the common legacy encoding of Chinese data)
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(all, 32, all.length - 32));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GBK");
        }
    }

    /** The encoding a dBASE language driver id (byte 29 of the header) names, or {@code null} when it names none. */
    private static @Nullable String languageDriver(int ldid) {
        switch (ldid) {
            case 0x01:
                return "IBM437";
            case 0x02:
                return "IBM850";
            case 0x03:
                return "windows-1252";
            case 0x26:
                return "IBM866";
            case 0x4C:
                return "windows-31j";
            case 0x4D:
            case 0x7A:
                return "GBK";
            case 0x4E:
                return "x-windows-949";
            case 0x4F:
            case 0x78:
                return "x-windows-950";
            case 0x64:
                return "IBM852";
            case 0x65:
                return "IBM866";
            case 0xC8:
                return "windows-1250";
            case 0xC9:
                return "windows-1251";
            case 0xCA:
                return "windows-1254";
            case 0xCB:
                return "windows-1253";
            default: // 0x57 is "ANSI": the writer's system code page, unknown here
                return null;
        }
    }
}
