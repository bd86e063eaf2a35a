package org.pacarbon.gis.core.raster.nc;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;

/**
 * A netCDF-4 file (HDF5 inside: NETCDF4 and NETCDF4_CLASSIC, chunked, zlib-compressed or not), read with the
 * pure-Java HDF5 reader jHDF. Dimensions are the HDF5 dimension scales the netCDF library writes
 * ({@code DIMENSION_LIST} of each variable, {@code _Netcdf4Coordinates} ids as a fallback); variables in the root
 * group are listed (nested groups by path). Hyperslabs are read through jHDF's sliced reads, so only the chunks a
 * block of rows meets are inflated.
 */
public final class Hdf5File implements NcFile {
    private static final String NOT_A_VARIABLE = "This is a netCDF dimension but not a netCDF variable";

    static {
        // jHDF logs through SLF4J 2; without a provider SLF4J prints a warning on stderr: keep it quiet.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final HdfFile hdf;
    private final List<Var> vars = new ArrayList<>();
    private final Map<String, Dataset> datasets = new HashMap<>();
    private final Map<String, Long> dims = new LinkedHashMap<>();
    private final Map<String, Object> globals;

    /** Whether the first bytes are an HDF5 signature (at offset 0; user blocks are not looked for). */
    public static boolean accepts(byte[] head) {
        return head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F'
                && head[4] == '\r' && head[5] == '\n' && head[6] == 0x1A && head[7] == '\n';
    }

    /** Opens the file and reads its variables' metadata. */
    public Hdf5File(Path file) throws IOException {
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new IOException("not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            globals = attributes(hdf);
            Map<Long, String> scaleByAddress = new HashMap<>();
            Map<Integer, String> scaleById = new HashMap<>();
            List<Dataset> all = new ArrayList<>();
            collect(hdf, all);
            // jHDF lists by name; the netCDF library writes objects in definition order, so the address restores it
            all.sort(java.util.Comparator.comparingLong(Dataset::getAddress));
            for (Dataset d : all) {
                Attribute cls = d.getAttribute("CLASS");
                if (cls != null && "DIMENSION_SCALE".equals(String.valueOf(cls.getData()))) {
                    String name = d.getName();
                    scaleByAddress.put(d.getAddress(), name);
                    long len = d.getDimensionsAsLong().length > 0 ? d.getDimensionsAsLong()[0] : 0;
                    dims.put(name, len);
                    Attribute id = d.getAttribute("_Netcdf4Dimid");
                    if (id != null && id.getData() instanceof Number n) {
                        scaleById.put(n.intValue(), name);
                    }
                }
            }
            for (Dataset d : all) {
                Map<String, Object> attrs = attributes(d);
                Object nameAttr = attrs.get("NAME");
                if (nameAttr instanceof String s && s.startsWith(NOT_A_VARIABLE)) {
                    continue;
                }
                long[] shape = d.getDimensionsAsLong();
                List<String> dn = dimensionNames(d, shape, scaleByAddress, scaleById);
                for (String k : List.of("CLASS", "NAME", "REFERENCE_LIST", "DIMENSION_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates",
                        "_nc3_strict", "_NCProperties")) {
                    attrs.remove(k);
                }
                String path = d.getPath().startsWith("/") ? d.getPath().substring(1) : d.getPath();
                vars.add(new Var(path, Collections.unmodifiableList(dn), shape, type(d.getDataType()), Collections.unmodifiableMap(attrs)));
                datasets.put(path, d);
            }
        } catch (RuntimeException e) {
            hdf.close();
            throw new IOException("its HDF5 structure cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void collect(Group g, List<Dataset> out) {
        for (Node n : g) {
            if (n instanceof Dataset d) {
                out.add(d);
            } else if (n instanceof Group sub) {
                collect(sub, out);
            }
        }
    }

    private List<String> dimensionNames(Dataset d, long[] shape, Map<Long, String> byAddress, Map<Integer, String> byId) {
        List<String> names = new ArrayList<>();
        Attribute list = d.getAttribute("DIMENSION_LIST");
        if (list != null) {
            try {
                Object data = list.getData();
                for (int i = 0; i < Array.getLength(data); i++) {
                    Object ref = Array.get(data, i);
                    Object first = ref != null && ref.getClass().isArray() && Array.getLength(ref) > 0 ? Array.get(ref, 0) : ref;
                    String n = first instanceof Number a ? byAddress.get(a.longValue()) : null;
                    if (n == null) { // an unnamed dimension: try the next way
                        names.clear();
                        break;
                    }
                    names.add(n);
                }
            } catch (RuntimeException e) {
                names.clear();
            }
        }
        if (names.size() != shape.length || names.contains(null)) {
            names.clear();
            Attribute ids = d.getAttribute("_Netcdf4Coordinates");
            if (ids != null && ids.getData() != null && ids.getData().getClass().isArray()) {
                Object data = ids.getData();
                for (int i = 0; i < Array.getLength(data); i++) {
                    names.add(byId.get(((Number) Array.get(data, i)).intValue()));
                }
            }
        }
        if (names.size() != shape.length || names.contains(null)) {
            names.clear();
            if (shape.length == 1 && byAddress.containsKey(d.getAddress())) {
                names.add(d.getName());
            } else {
                for (int i = 0; i < shape.length; i++) {
                    names.add(d.getName() + "_dim" + i); // plain HDF5: no names
                }
            }
        }
        return names;
    }

    private static Map<String, Object> attributes(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : n.getAttributes().entrySet()) {
            try {
                Object v = e.getValue().getData();
                if (v instanceof String s) {
                    m.put(e.getKey(), s);
                } else if (v instanceof String[] s && s.length > 0) {
                    m.put(e.getKey(), String.join("", s));
                } else if (v instanceof Number num) {
                    m.put(e.getKey(), new double[] {number(num, e.getValue().getDataType())});
                } else if (v != null && v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()) {
                    double[] d = new double[Array.getLength(v)];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = number((Number) Array.get(v, i), e.getValue().getDataType());
                    }
                    m.put(e.getKey(), d);
                } else if (v instanceof Object[] arr && arr.length > 0 && arr[0] instanceof Number) {
                    double[] d = new double[arr.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = number((Number) arr[i], e.getValue().getDataType());
                    }
                    m.put(e.getKey(), d);
                } else if (v != null) {
                    m.put(e.getKey(), v); // references, compounds: kept as they come
                }
            } catch (RuntimeException ex) {
                // an attribute of a type jHDF cannot decode is skipped (it is not one the CF conventions need)
            }
        }
        return m;
    }

    private static double number(Number n, DataType t) {
        if (t instanceof FixedPoint f && !f.isSigned()) {
            long v = n.longValue();
            int bits = f.getSize() * 8;
            if (v < 0 && bits < 64) {
                return v + (1L << bits);
            }
            if (v < 0) {
                return (v >>> 1) * 2.0 + (v & 1);
            }
        }
        return n.doubleValue();
    }

    private static Type type(DataType t) {
        if (t instanceof FloatingPoint) {
            return t.getSize() == 4 ? Type.FLOAT : t.getSize() == 8 ? Type.DOUBLE : Type.OTHER;
        }
        if (t instanceof FixedPoint f) {
            boolean s = f.isSigned();
            return switch (f.getSize()) {
                case 1 -> s ? Type.BYTE : Type.UBYTE;
                case 2 -> s ? Type.SHORT : Type.USHORT;
                case 4 -> s ? Type.INT : Type.UINT;
                case 8 -> s ? Type.INT64 : Type.UINT64;
                default -> Type.OTHER;
            };
        }
        if (t instanceof StringData) {
            return Type.CHAR;
        }
        return Type.OTHER;
    }

    @Override
    public List<Var> variables() {
        return Collections.unmodifiableList(vars);
    }

    @Override
    public Map<String, Object> globalAttributes() {
        return Collections.unmodifiableMap(globals);
    }

    @Override
    public long dimension(String name) {
        Long n = dims.get(name);
        return n == null ? -1 : n;
    }

    @Override
    public String format() {
        return "netCDF-4/HDF5";
    }

    @Override
    public double[] read(Var v, long[] offset, int[] count) throws IOException {
        Dataset d = datasets.get(v.name());
        long total = 1;
        for (int c : count) {
            total *= c;
        }
        double[] out = new double[Math.toIntExact(total)];
        if (total == 0) {
            return out;
        }
        Object data;
        try {
            data = v.shape().length == 0 ? d.getData() : d.getData(offset, count);
        } catch (RuntimeException e) {
            throw new IOException("variable '" + v.name() + "' cannot be read (" + e.getMessage() + ")", e);
        }
        int[] pos = {0};
        flatten(data, out, pos, d.getDataType());
        if (pos[0] != out.length) {
            throw new IOException("variable '" + v.name() + "': read " + pos[0] + " values, expected " + out.length);
        }
        return out;
    }

    private static void flatten(Object a, double[] out, int[] pos, DataType t) {
        if (a instanceof float[] f) {
            for (float x : f) {
                out[pos[0]++] = x;
            }
        } else if (a instanceof double[] f) {
            System.arraycopy(f, 0, out, pos[0], f.length);
            pos[0] += f.length;
        } else if (a instanceof short[] f) {
            boolean u = t instanceof FixedPoint fp && !fp.isSigned();
            for (short x : f) {
                out[pos[0]++] = u ? x & 0xFFFF : x;
            }
        } else if (a instanceof byte[] f) {
            boolean u = t instanceof FixedPoint fp && !fp.isSigned();
            for (byte x : f) {
                out[pos[0]++] = u ? x & 0xFF : x;
            }
        } else if (a instanceof int[] f) {
            boolean u = t instanceof FixedPoint fp && !fp.isSigned() && fp.getSize() == 4;
            for (int x : f) {
                out[pos[0]++] = u ? x & 0xFFFFFFFFL : x;
            }
        } else if (a instanceof Object[] arr) {
            for (Object o : arr) {
                flatten(o, out, pos, t);
            }
        } else if (a instanceof Number n) {
            out[pos[0]++] = number(n, t);
        } else if (a != null && a.getClass().isArray()) {
            int n = Array.getLength(a);
            for (int i = 0; i < n; i++) {
                out[pos[0]++] = number((Number) Array.get(a, i), t);
            }
        }
    }

    @Override
    public void close() {
        hdf.close();
    }
}
