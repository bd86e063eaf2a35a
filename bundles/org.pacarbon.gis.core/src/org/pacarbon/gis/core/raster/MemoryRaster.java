package org.pacarbon.gis.core.raster;

import java.nio.file.Path;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.eclipse.jdt.annotation.Nullable;

/** A raster held in memory (derived layers, tests): row-major Float32 values, NaN = nodata. */
public final class MemoryRaster implements RasterSource {
    private final Path name;
    private final GridSpec grid;
    private final CoordinateReferenceSystem crs;
    private final float[] values;
    private final @Nullable String unit;

    /**
     * @param name    a name for messages (not read)
     * @param grid    the grid
     * @param crs     its CRS
     * @param values  row-major values, {@code width * height} of them; NaN is nodata
     * @param unit    the unit of the values, or {@code null}
     */
    public MemoryRaster(Path name, GridSpec grid, CoordinateReferenceSystem crs, float[] values, @Nullable String unit) {
        if (values.length != (long) grid.width() * grid.height()) {
            throw new IllegalArgumentException("expected " + grid.width() * (long) grid.height() + " values, got " + values.length);
        }
        this.name = name;
        this.grid = grid;
        this.crs = crs;
        this.values = values;
        this.unit = unit;
    }

    /** @return the values (not copied) */
    public float[] values() {
        return values;
    }

    @Override
    public Path file() {
        return name;
    }

    @Override
    public GridSpec grid() {
        return grid;
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return crs;
    }

    @Override
    public @Nullable String unit() {
        return unit;
    }

    @Override
    public int blockRows() {
        return 64;
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) {
        System.arraycopy(values, row0 * grid.width(), dst, 0, rows * grid.width());
    }

    @Override
    public void close() {
        // nothing to release
    }
}
