package org.pacarbon.gis.core.raster.nc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.nc.NcFile.Type;
import org.pacarbon.gis.core.raster.nc.NcFile.Var;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One 2-D slice of a netCDF variable (classic or netCDF-4) as a raster, read a block of rows at a time. The CF rules
 * for values: {@code _FillValue} (or the type's default fill when none is given, except for bytes),
 * {@code missing_value}, {@code valid_min}/{@code valid_max}/{@code valid_range} (compared with the stored values)
 * become NaN; {@code _Unsigned} and unsigned types are read unsigned; then {@code scale_factor} and
 * {@code add_offset} apply.
 */
public final class NetcdfSource implements RasterSource {
    private final Path file;
    private final NcFile nc;
    private final CfGrid cf;
    private final @Nullable String unit;
    private final @Nullable Float extraNodata;
    private final double fill;
    private final double @Nullable [] missing;
    private final double validMin, validMax;
    private final double scale, offset;
    private final boolean unsignedAttr;
    private final Type type;

    private NetcdfSource(Path file, NcFile nc, CfGrid cf, @Nullable Float extraNodata) {
        this.file = file;
        this.nc = nc;
        this.cf = cf;
        this.extraNodata = extraNodata;
        Var v = cf.var();
        this.type = v.type();
        String units = v.text("units");
        this.unit = units != null && !units.isBlank() ? units.trim() : null;
        this.unsignedAttr = "true".equalsIgnoreCase(v.text("_Unsigned"));
        double[] fv = v.numbers("_FillValue");
        if (fv != null) {
            fill = fv[0];
        } else if (type == Type.BYTE || type == Type.UBYTE || unsignedAttr) {
            fill = Double.NaN; // the user guide: no default fill for bytes
        } else {
            fill = type == Type.FLOAT ? (double) (float) type.defaultFill : type.defaultFill;
        }
        this.missing = v.numbers("missing_value");
        double[] vr = v.numbers("valid_range");
        double[] vmin = v.numbers("valid_min"), vmax = v.numbers("valid_max");
        double lo = vr != null && vr.length >= 2 ? vr[0] : vmin != null ? vmin[0] : Double.NEGATIVE_INFINITY;
        double hi = vr != null && vr.length >= 2 ? vr[1] : vmax != null ? vmax[0] : Double.POSITIVE_INFINITY;
        this.validMin = lo;
        this.validMax = hi;
        double[] sf = v.numbers("scale_factor"), ao = v.numbers("add_offset");
        this.scale = sf != null ? sf[0] : 1;
        this.offset = ao != null ? ao[0] : 0;
    }

    /** Whether the file starts like a netCDF file (classic or HDF5). */
    public static boolean isNetcdf(Path file) {
        byte[] head = head(file);
        return Nc3File.accepts(head) || Hdf5File.accepts(head);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Opens the container of a file (classic or netCDF-4), with a message naming the file when it cannot. */
    public static NcFile openFile(Path file) throws GisException {
        byte[] head = head(file);
        try {
            if (Nc3File.accepts(head)) {
                return new Nc3File(file);
            }
            if (Hdf5File.accepts(head)) {
                return new Hdf5File(file);
            }
        } catch (IOException e) {
            throw new GisException(file, "cannot be read as netCDF: " + e.getMessage(), "an intact netCDF file", e);
        }
        throw new GisException(file, "is not a netCDF file", "a netCDF classic or netCDF-4 file");
    }

    /**
     * Opens a slice of a variable.
     *
     * @param variable     name (or standard_name); {@code null} for the file's only data variable
     * @param crsOverride  CRS to use instead of the file's, or {@code null}
     * @param nodata       a further value to treat as nodata, or {@code null}
     * @param sel          the step along time, band or level dimensions
     */
    public static NetcdfSource open(Path file, @Nullable String variable, @Nullable CoordinateReferenceSystem crsOverride,
            @Nullable Float nodata, CfGrid.Selection sel)
            throws GisException {
        NcFile nc = openFile(file);
        try {
            CfGrid cf = CfGrid.resolve(file, nc, variable, crsOverride, sel);
            return new NetcdfSource(file, nc, cf, nodata);
        } catch (GisException e) {
            closeQuietly(nc);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(nc);
            throw new GisException(file, "cannot be read as netCDF: " + e.getMessage(), "an intact netCDF file", e);
        }
    }

    /** The data variables of a netCDF file. */
    public static List<String> variables(Path file) throws GisException {
        try (NcFile nc = openFile(file)) {
            return CfGrid.dataVariables(nc);
        } catch (IOException e) {
            throw new GisException(file, "cannot be read as netCDF: " + e.getMessage(), "an intact netCDF file", e);
        }
    }

    private static void closeQuietly(NcFile nc) {
        try {
            nc.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    /** @return how the file is read, e.g. "netCDF-4/HDF5, variable emi_co2, time 2010-01-01" */
    public String reader() {
        return nc.format() + ", variable " + cf.var().name() + (cf.selected().isEmpty() ? "" : ", " + cf.selected());
    }

    /** @return the resolved CF grid */
    public CfGrid cf() {
        return cf;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public GridSpec grid() {
        return cf.grid();
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return cf.crs();
    }

    @Override
    public @Nullable String unit() {
        return unit;
    }

    @Override
    public int blockRows() {
        return Math.max(1, Math.min(grid().height(), Math.max(16, (1 << 20) / grid().width())));
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        Var v = cf.var();
        int w = grid().width();
        int n = v.dims().size();
        long[] off = new long[n];
        int[] cnt = new int[n];
        for (int d = 0; d < n; d++) {
            off[d] = cf.fixed()[d] < 0 ? 0 : cf.fixed()[d];
            cnt[d] = 1;
        }
        off[cf.yDim()] = row0;
        cnt[cf.yDim()] = rows;
        cnt[cf.xDim()] = w;
        double[] raw;
        try {
            synchronized (nc) {
                raw = nc.read(v, off, cnt);
            }
        } catch (IOException | RuntimeException e) {
            throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + " of '" + v.name() + "' cannot be read: " + e.getMessage(),
                    "an intact netCDF file", e);
        }
        boolean xFirst = cf.xDim() < cf.yDim(); // stored (x, y): transpose
        int roll = cf.roll();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < w; c++) {
                int fc = (c + roll) % w;
                if (cf.xReversed()) {
                    fc = w - 1 - fc;
                }
                double x = xFirst ? raw[fc * rows + r] : raw[r * w + fc];
                dst[r * w + c] = value(x);
            }
        }
    }

    private float value(double x) {
        if (x != x || x == fill) {
            return Float.NaN;
        }
        if (missing != null) {
            for (double m : missing) {
                if (x == m) {
                    return Float.NaN;
                }
            }
        }
        if (unsignedAttr && x < 0) {
            x += type == Type.BYTE ? 256 : type == Type.SHORT ? 65536 : 4294967296.0;
        }
        if (x < validMin || x > validMax) {
            return Float.NaN;
        }
        float f = (float) (x * scale + offset);
        if (extraNodata != null && f == extraNodata) {
            return Float.NaN;
        }
        return f;
    }

    @Override
    public void close() throws IOException {
        nc.close();
    }
}
