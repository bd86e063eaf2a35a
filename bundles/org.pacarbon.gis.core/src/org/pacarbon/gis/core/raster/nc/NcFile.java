package org.pacarbon.gis.core.raster.nc;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The netCDF data model as far as gridded layers need it, over both containers: netCDF classic (CDF-1, CDF-2,
 * CDF-5, read by {@link Nc3File}) and netCDF-4 / HDF5 (read by {@link Hdf5File}). Values come back raw (packed, with
 * fill values as stored); the CF conventions on top are {@link CfGrid}'s job.
 */
public interface NcFile extends Closeable {

    /**
     * A variable: its dimensions (names, outermost first), their lengths, its type and its attributes.
     *
     * @param name   the variable name
     * @param dims   dimension names, outermost first
     * @param shape  dimension lengths
     * @param type   the stored type
     * @param attrs  attributes: a {@code String}, or a {@code double[]} for numbers
     */
    record Var(String name, List<String> dims, long[] shape, Type type, Map<String, Object> attrs) {
        /** @return a text attribute, or {@code null} */
        public @Nullable String text(String key) {
            Object v = attrs.get(key);
            return v instanceof String s ? s : null;
        }

        /** @return a numeric attribute, or {@code null} */
        public double @Nullable [] numbers(String key) {
            Object v = attrs.get(key);
            return v instanceof double[] d && d.length > 0 ? d : null;
        }
    }

    /** Stored types, with the default fill value of the netCDF user guide. */
    enum Type {
        BYTE(-127), UBYTE(255), CHAR(0), SHORT(-32767), USHORT(65535), INT(-2147483647), UINT(4294967295L),
        INT64(-9223372036854775806L), UINT64(Double.NaN), FLOAT(9.9692099683868690e+36), DOUBLE(9.9692099683868690e+36),
        OTHER(Double.NaN);

        /** The netCDF default fill value of the type. */
        public final double defaultFill;

        Type(double defaultFill) {
            this.defaultFill = defaultFill;
        }

        /** @return whether the type holds integers */
        public boolean integral() {
            return this != FLOAT && this != DOUBLE && this != OTHER;
        }
    }

    /** @return the data variables and coordinate variables, in file order */
    List<Var> variables();

    /** @return the global attributes */
    Map<String, Object> globalAttributes();

    /** @return the length of a named dimension, or -1 */
    long dimension(String name);

    /**
     * Reads a hyperslab of a variable, row-major (last dimension fastest), as doubles (integers exact up to 2^53).
     *
     * @param v       the variable
     * @param offset  start index per dimension
     * @param count   number of indices per dimension
     */
    double[] read(Var v, long[] offset, int[] count) throws IOException;

    /** @return a short description of the container, e.g. "netCDF-4/HDF5" */
    String format();

    /** @return the variable of that name, or {@code null} */
    default @Nullable Var variable(String name) {
        for (Var v : variables()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** @return the variable of a name taken from {@link #variables()} (one that exists) */
    default Var listed(String name) {
        Var v = variable(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable " + name);
        }
        return v;
    }
}
