package org.pacarbon.gis.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes a NetCDF classic file (CDF-2, 64-bit offsets) holding one Float32 variable on a regular
 * latitude/longitude grid, the way EDGAR publishes its gridded emissions: dimensions {@code lat} and
 * {@code lon}, coordinate variables in degrees (cell centres), CF attributes, {@code _FillValue}.
 *
 * <p>Rows are written in the order of the {@code lat} array (EDGAR: south to north). The file is written
 * to a temporary sibling and renamed when complete.</p>
 */
public final class NetcdfWriter {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;
    private static final int NC_CHAR = 2;
    private static final int NC_FLOAT = 5;
    private static final int NC_DOUBLE = 6;

    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, String> varText = new LinkedHashMap<>();
    private String variable = "data";
    private float fill = Float.NaN;
    private @Nullable String timeUnits;
    /** Further data variables on the same grid: name -> (units, rows). */
    private final Map<String, Object[]> extra = new LinkedHashMap<>();
    private double timeValue;

    /** Creates a writer with CF-1.6 conventions. */
    public NetcdfWriter() {
        globals.put("Conventions", "CF-1.6");
    }

    /** Names the data variable. */
    public NetcdfWriter variable(String name) {
        this.variable = name;
        return this;
    }

    /** Adds a text attribute of the data variable, e.g. {@code units}, {@code long_name}. */
    public NetcdfWriter attribute(String name, String value) {
        varText.put(name, value);
        return this;
    }

    /** Adds a global text attribute. */
    public NetcdfWriter global(String name, String value) {
        globals.put(name, value);
        return this;
    }

    /**
     * Adds a time dimension of length 1 (as many CF files have even for a single year), with the given
     * CF time units (e.g. "days since 2000-01-01") and value.
     */
    public NetcdfWriter timeStep(String units, double value) {
        this.timeUnits = units;
        this.timeValue = value;
        return this;
    }

    /** Adds a further data variable on the same grid (files such as EDGAR sector files hold several). */
    public NetcdfWriter extraVariable(String name, String units, RowSource rows) {
        extra.put(name, new Object[] {units, rows});
        return this;
    }

    /** Sets the fill (nodata) value. */
    public NetcdfWriter fillValue(float value) {
        this.fill = value;
        return this;
    }

    /**
     * Writes the file.
     *
     * @param  file  the destination
     * @param  lat   latitudes of the row centres, in file row order (degrees north)
     * @param  lon   longitudes of the column centres (degrees east)
     * @param  rows  the data, row {@code i} at latitude {@code lat[i]}
     */
    public void write(Path file, double[] lat, double[] lon, RowSource rows) throws IOException {
        byte[] header = header(lat.length, lon.length, 0);
        long begin = header.length;
        header = header(lat.length, lon.length, begin);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(os, 1 << 16))) {
            out.write(header);
            if (timeUnits != null) {
                out.writeDouble(timeValue);
            }
            for (double v : lat) {
                out.writeDouble(v);
            }
            for (double v : lon) {
                out.writeDouble(v);
            }
            float[] row = new float[lon.length];
            for (int i = 0; i < lat.length; i++) {
                rows.fill(i, row);
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
            pad(out, (long) lat.length * lon.length * 4);
            for (Object[] x : extra.values()) {
                RowSource more = (RowSource) x[1];
                for (int i = 0; i < lat.length; i++) {
                    more.fill(i, row);
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
                pad(out, (long) lat.length * lon.length * 4);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] header(int nlat, int nlon, long begin) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'C', 'D', 'F', 2});
        out.writeInt(0); // numrecs
        boolean t = timeUnits != null;
        int d = t ? 1 : 0;
        out.writeInt(NC_DIMENSION);
        out.writeInt(2 + d);
        if (t) {
            name(out, "time");
            out.writeInt(1);
        }
        name(out, "lat");
        out.writeInt(nlat);
        name(out, "lon");
        out.writeInt(nlon);
        attributes(out, globals, null);
        out.writeInt(NC_VARIABLE);
        out.writeInt(3 + d + extra.size());
        long timeSize = t ? 8 : 0;
        long latSize = 8L * nlat;
        long lonSize = 8L * nlon;
        long dataSize = 4L * nlat * nlon;
        if (t) {
            coordinate(out, "time", 0, "time", timeUnits, "T", timeSize, begin);
        }
        coordinate(out, "lat", d, "latitude", "degrees_north", "Y", latSize, begin + timeSize);
        coordinate(out, "lon", d + 1, "longitude", "degrees_east", "X", lonSize, begin + timeSize + latSize);
        name(out, variable);
        out.writeInt(2 + d);
        if (t) {
            out.writeInt(0);
        }
        out.writeInt(d);
        out.writeInt(d + 1);
        attributes(out, varText, fill);
        out.writeInt(NC_FLOAT);
        out.writeInt((int) Math.min(Integer.MAX_VALUE, padded(dataSize)));
        out.writeLong(begin + timeSize + latSize + lonSize);
        long next = begin + timeSize + latSize + lonSize + padded(dataSize);
        for (Map.Entry<String, Object[]> e : extra.entrySet()) {
            name(out, e.getKey());
            out.writeInt(2 + d);
            if (t) {
                out.writeInt(0);
            }
            out.writeInt(d);
            out.writeInt(d + 1);
            Map<String, String> atts = new LinkedHashMap<>();
            atts.put("units", (String) e.getValue()[0]);
            attributes(out, atts, fill);
            out.writeInt(NC_FLOAT);
            out.writeInt((int) Math.min(Integer.MAX_VALUE, padded(dataSize)));
            out.writeLong(next);
            next += padded(dataSize);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void coordinate(DataOutputStream out, String name, int dim, String standard, @Nullable String units, String axis,
            long size, long begin) throws IOException {
        name(out, name);
        out.writeInt(1);
        out.writeInt(dim);
        Map<String, String> atts = new LinkedHashMap<>();
        atts.put("standard_name", standard);
        atts.put("long_name", standard);
        if (units != null) {
            atts.put("units", units);
        }
        atts.put("axis", axis);
        attributes(out, atts, null);
        out.writeInt(NC_DOUBLE);
        out.writeInt((int) size);
        out.writeLong(begin);
    }

    private static void attributes(DataOutputStream out, Map<String, String> text, @Nullable Float fillValue) throws IOException {
        int n = text.size() + (fillValue != null ? 1 : 0);
        if (n == 0) {
            out.writeInt(0);
            out.writeInt(0);
            return;
        }
        out.writeInt(NC_ATTRIBUTE);
        out.writeInt(n);
        for (Map.Entry<String, String> e : text.entrySet()) {
            name(out, e.getKey());
            byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
            out.writeInt(NC_CHAR);
            out.writeInt(v.length);
            out.write(v);
            pad(out, v.length);
        }
        if (fillValue != null) {
            name(out, "_FillValue");
            out.writeInt(NC_FLOAT);
            out.writeInt(1);
            out.writeFloat(fillValue);
        }
    }

    private static void name(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        pad(out, b.length);
    }

    private static long padded(long n) {
        return (n + 3) & ~3L;
    }

    private static void pad(DataOutputStream out, long n) throws IOException {
        for (long i = n; i < padded(n); i++) {
            out.write(0);
        }
    }
}
