package org.pacarbon.gis.core.raster;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;

/**
 * A raster whose rows, as they are read, are also handed to a listener: one decoding of a file serves two uses (an
 * assessment's pass over the cells and the map's overviews of the same file, which its report draws from).
 */
public final class RowTap implements RasterSource {
    /** Told of the rows read (any order, any block size, maybe more than once; possibly from several threads). */
    @FunctionalInterface
    public interface Listener {
        void rows(int row0, int rows, float[] data);
    }

    private final RasterSource inner;
    private final Listener listener;

    public RowTap(RasterSource inner, Listener listener) {
        this.inner = inner;
        this.listener = listener;
    }

    /** @return the raster read */
    public RasterSource inner() {
        return inner;
    }

    @Override
    public Path file() {
        return inner.file();
    }

    @Override
    public GridSpec grid() {
        return inner.grid();
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return inner.crs();
    }

    @Override
    public @Nullable String unit() {
        return inner.unit();
    }

    @Override
    public int blockRows() {
        return inner.blockRows();
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        inner.readRows(row0, rows, dst);
        listener.rows(row0, rows, dst);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
