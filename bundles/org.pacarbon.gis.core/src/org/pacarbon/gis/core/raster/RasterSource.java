package org.pacarbon.gis.core.raster;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One band of a raster, read by blocks of whole rows so that memory is bounded by the block, not by the
 * raster. Values that are nodata in the file (its nodata value, its fill value, or NaN) come back as NaN.
 * Implementations allow concurrent {@link #readRows} calls from several threads.
 */
public interface RasterSource extends Closeable {
    /** @return the file */
    Path file();

    /** @return the grid of the cells */
    GridSpec grid();

    /** @return the CRS of the grid, (east, north) axis order */
    CoordinateReferenceSystem crs();

    /** @return the unit written in the file for the values (e.g. "kg m-2 s-1"), or {@code null} */
    @Nullable String unit();

    /** @return the preferred number of rows per read (the file's tile or strip height, or a multiple) */
    int blockRows();

    /**
     * Reads rows {@code row0 .. row0+rows-1} into {@code dst} (row-major, {@code rows * width} values).
     */
    void readRows(int row0, int rows, float[] dst) throws GisException;

    /**
     * Reads the window of rows {@code row0 .. row0+rows-1} and columns {@code col0 .. col0+cols-1} into {@code dst}
     * (row-major, {@code rows * cols} values). Sources that can read part of a row (tiled files) read only the blocks
     * the window meets; the others read whole rows.
     */
    default void readWindow(int row0, int rows, int col0, int cols, float[] dst) throws GisException {
        int w = grid().width();
        if (col0 == 0 && cols == w) {
            readRows(row0, rows, dst);
            return;
        }
        float[] all = new float[rows * w];
        readRows(row0, rows, all);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, r * w + col0, dst, r * cols, cols);
        }
    }

    @Override
    void close() throws IOException;
}
