package org.pacarbon.gis.core.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The georeferencing of a GeoTIFF's first image read by the project itself, for files Apache SIS does not open (an
 * internal mask or overviews, Int8 or Float16 samples, ZSTD, ...) or opens without a CRS: ModelPixelScale with
 * ModelTiepoint, or ModelTransformation; the GeoKeys ProjectedCSType and GeographicType by EPSG code, ESRI's
 * Web Mercator auxiliary sphere by its citation, PixelIsPoint; and GDAL's {@code .aux.xml} sidecar (SRS and
 * GeoTransform), which wins where the TIFF has nothing. User-defined projections in GeoKeys are not rebuilt here
 * (SIS does that for the files it reads).
 *
 * @param grid   the grid
 * @param crs    the CRS ((east, north) order), or {@code null} when neither the file nor its sidecar names one
 * @param plain  whether the georeferencing is the plain kind Apache SIS reads the same way: the grid from the TIFF's own
 *               tags (not the sidecar, not PixelIsPoint), the CRS by an EPSG code (ProjectedCSType, or GeographicType in a
 *               geographic model) and no other GeoKey than citations and units or ellipsoid values that agree with that
 *               code (as GDAL writes them) - then the file can be opened without SIS (and without its EPSG database)
 */
public record GeoTiffGeo(GridSpec grid, @Nullable CoordinateReferenceSystem crs, boolean plain) {
    private static final Pattern AUX_SRS = Pattern.compile("(?s)<SRS[^>]*>(.*?)</SRS>");
    private static final Pattern AUX_GT = Pattern.compile("(?s)<GeoTransform>(.*?)</GeoTransform>");

    /** Reads the georeferencing of {@code file} (its first image has {@code width} x {@code height} cells). */
    public static GeoTiffGeo read(Path file, int width, int height) throws GisException {
        Map<Integer, Object> tags;
        try {
            tags = tags(file);
        } catch (IOException | RuntimeException e) {
            throw new GisException(file, "its TIFF directory cannot be read (" + e.getMessage() + ")", "an intact GeoTIFF", e);
        }
        double[] gt = null; // GDAL order: x0, dx, rx, y0, ry, dy (corner of the first cell)
        // a damaged directory may hold any type under any tag: take only what has the type the tag needs
        double[] scale = tags.get(33550) instanceof double[] d ? d : null;
        double[] tie = tags.get(33922) instanceof double[] d ? d : null;
        double[] mt = tags.get(34264) instanceof double[] d ? d : null;
        int[] keys = tags.get(34735) instanceof int[] k ? k : null;
        Map<Integer, Object> geoKeys = geoKeys(keys, tags.get(34736) instanceof double[] d ? d : null,
                tags.get(34737) instanceof String t ? t : null);
        boolean point = Integer.valueOf(2).equals(geoKeys.get(1025));
        if (mt != null && mt.length >= 16) {
            gt = new double[] {mt[3], mt[0], mt[1], mt[7], mt[4], mt[5]};
        } else if (scale != null && tie != null && scale.length >= 2 && tie.length >= 6) {
            gt = new double[] {tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]};
        }
        if (gt != null && point) { // the tie point is the centre of the cell: the corner is half a cell before
            gt[0] -= gt[1] / 2 + gt[2] / 2;
            gt[3] -= gt[4] / 2 + gt[5] / 2;
        }
        CoordinateReferenceSystem crs = crs(file, geoKeys);
        boolean plain = gt != null && !point && crs != null && plain(geoKeys, crs);
        // GDAL's sidecar
        Path aux = file.resolveSibling(file.getFileName() + ".aux.xml");
        if (Files.isRegularFile(aux)) {
            try {
                String xml = Files.readString(aux, StandardCharsets.UTF_8);
                Matcher m = AUX_SRS.matcher(xml);
                if (crs == null && m.find()) {
                    crs = CrsSupport.parse(unescape(m.group(1).trim()), aux);
                }
                Matcher g = AUX_GT.matcher(xml);
                if (gt == null && g.find()) {
                    String[] p = g.group(1).trim().split("[,\\s]+");
                    if (p.length == 6) {
                        gt = new double[6];
                        for (int i = 0; i < 6; i++) {
                            gt[i] = Double.parseDouble(p[i]);
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new GisException(aux, "cannot be read (" + e.getMessage() + ")", "a GDAL .aux.xml sidecar", e);
            }
        }
        if (gt == null) {
            throw new GisException(file, "the raster has no georeferencing (no ModelPixelScale/ModelTiepoint, ModelTransformation"
                    + " or .aux.xml GeoTransform)", "a georeferenced GeoTIFF");
        }
        if (gt[2] != 0 || gt[4] != 0) {
            throw new GisException(file, "the grid is rotated or sheared", "a north-up (or south-up) grid without rotation");
        }
        try {
            return new GeoTiffGeo(new GridSpec(width, height, gt[0], gt[3], gt[1], gt[5]), crs, plain);
        } catch (IllegalArgumentException e) {
            throw new GisException(file, "its georeferencing is not a usable grid: " + e.getMessage(), "a regular grid", e);
        }
    }

    private static @Nullable CoordinateReferenceSystem crs(Path file, Map<Integer, Object> k) throws GisException {
        Object pcs = k.get(3072), gcs = k.get(2048), model = k.get(1024);
        String citation = String.valueOf(k.get(3073)) + " " + k.get(1026) + " " + k.get(2049);
        if (pcs instanceof Integer c && c > 0 && c < 32767) {
            return CrsSupport.parse("EPSG:" + c, file);
        }
        String lc = citation.toLowerCase(Locale.ROOT);
        if (lc.contains("web_mercator_auxiliary_sphere") || lc.contains("pseudo-mercator") || lc.contains("popular visualisation")
                || lc.contains("web mercator")) {
            return CrsSupport.parse("EPSG:3857", file);
        }
        if ((model == null || Integer.valueOf(2).equals(model)) && gcs instanceof Integer c && c > 0 && c < 32767) {
            return CrsSupport.parse("EPSG:" + c, file);
        }
        return null;
    }

    /** Whether the GeoKeys say nothing beyond the EPSG code that gave {@code crs} (see {@link #plain()}). */
    private static boolean plain(Map<Integer, Object> k, CoordinateReferenceSystem crs) {
        Object pcs = k.get(3072), gcs = k.get(2048), model = k.get(1024);
        boolean projected = pcs instanceof Integer c && c > 0 && c < 32767;
        boolean geographic = !projected && Integer.valueOf(2).equals(model) && gcs instanceof Integer c && c > 0 && c < 32767;
        if (!projected && !geographic) {
            return false; // e.g. the Web Mercator citation
        }
        org.opengis.referencing.datum.Ellipsoid ellipsoid = org.apache.sis.referencing.datum.DatumOrEnsemble.getEllipsoid(crs).orElse(null);
        for (Map.Entry<Integer, Object> e : k.entrySet()) {
            int key = e.getKey();
            Object v = e.getValue();
            boolean ok = switch (key) {
                case 1024 -> Integer.valueOf(projected ? 1 : 2).equals(v);      // GTModelType
                case 1025 -> Integer.valueOf(1).equals(v);                      // GTRasterType: PixelIsArea
                case 1026, 2049, 3073 -> true;                                  // citations
                case 3072 -> projected;                                         // ProjectedCSType
                case 2048 -> geographic;                                        // GeographicType
                case 2054 -> geographic && Integer.valueOf(9102).equals(v);     // GeogAngularUnits: degree
                case 3076 -> projected && Integer.valueOf(9001).equals(v)       // ProjLinearUnits: metre
                        && crs.getCoordinateSystem().getAxis(0).getUnit() == org.apache.sis.measure.Units.METRE;
                case 2057 -> ellipsoid != null && v instanceof double[] a && a.length == 1   // semi-major axis
                        && Math.abs(a[0] - ellipsoid.getSemiMajorAxis()) <= 1e-6;
                case 2059 -> ellipsoid != null && v instanceof double[] a && a.length == 1   // inverse flattening
                        && Math.abs(a[0] - ellipsoid.getInverseFlattening()) <= 1e-9 * a[0];
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** GeoKey id to value: an Integer, a double[] or a String. */
    private static Map<Integer, Object> geoKeys(int @Nullable [] dir, double @Nullable [] doubles, @Nullable String ascii) {
        Map<Integer, Object> m = new HashMap<>();
        if (dir == null || dir.length < 4) {
            return m;
        }
        int n = dir[3];
        for (int i = 0; i < n && 4 + 4 * i + 3 < dir.length; i++) {
            int id = dir[4 + 4 * i], loc = dir[5 + 4 * i], count = dir[6 + 4 * i], value = dir[7 + 4 * i];
            if (loc == 0) {
                m.put(id, value);
            } else if (loc == 34736 && doubles != null && value + count <= doubles.length) {
                m.put(id, java.util.Arrays.copyOfRange(doubles, value, value + count));
            } else if (loc == 34737 && ascii != null && value + count <= ascii.length()) {
                m.put(id, ascii.substring(value, value + count).replace("|", " ").trim());
            }
        }
        return m;
    }

    /** The georeferencing tags of the first image directory: doubles, shorts or text by tag number. */
    private static Map<Integer, Object> tags(Path file) throws IOException {
        Map<Integer, Object> out = new HashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = TiffProbe.read(ch, 0, 16);
            ByteOrder order = h.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            h.order(order);
            boolean big = (h.getShort(2) & 0xffff) == 43;
            long ifd = big ? h.getLong(8) : h.getInt(4) & 0xffffffffL;
            ByteBuffer nb = TiffProbe.read(ch, ifd, big ? 8 : 2).order(order);
            long n = big ? nb.getLong(0) : nb.getShort(0) & 0xffff;
            if (n <= 0 || n > 10_000) {
                throw new IOException("the first directory has " + n + " entries");
            }
            int entry = big ? 20 : 12;
            ByteBuffer d = TiffProbe.read(ch, ifd + (big ? 8 : 2), (int) n * entry).order(order);
            for (int i = 0; i < n; i++) {
                int p = i * entry;
                int tag = d.getShort(p) & 0xffff;
                if (tag != 33550 && tag != 33922 && tag != 34264 && tag != 34735 && tag != 34736 && tag != 34737) {
                    continue;
                }
                int type = d.getShort(p + 2) & 0xffff;
                long count = big ? d.getLong(p + 4) : d.getInt(p + 4) & 0xffffffffL;
                int size = switch (type) {
                    case 2, 1, 7 -> 1;
                    case 3 -> 2;
                    case 4 -> 4;
                    case 12 -> 8;
                    default -> 0;
                };
                if (size == 0 || count < 0 || count > 1 << 20) {
                    continue;
                }
                int valuePos = p + (big ? 12 : 8);
                ByteBuffer v;
                if (count * size <= (big ? 8 : 4)) {
                    v = d.slice(valuePos, (int) (count * size)).order(order);
                } else {
                    long off = big ? d.getLong(valuePos) : d.getInt(valuePos) & 0xffffffffL;
                    v = TiffProbe.read(ch, off, (int) (count * size)).order(order);
                }
                if (type == 12) {
                    double[] a = new double[(int) count];
                    for (int k = 0; k < count; k++) {
                        a[k] = v.getDouble(k * 8);
                    }
                    out.put(tag, a);
                } else if (type == 3) {
                    int[] a = new int[(int) count];
                    for (int k = 0; k < count; k++) {
                        a[k] = v.getShort(k * 2) & 0xffff;
                    }
                    out.put(tag, a);
                } else if (type == 2) {
                    byte[] b = new byte[(int) count];
                    v.get(0, b);
                    out.put(tag, new String(b, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }


    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
    }
}
