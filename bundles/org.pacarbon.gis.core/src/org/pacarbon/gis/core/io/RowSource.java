package org.pacarbon.gis.core.io;

/** Supplies the values of one raster row at a time, so writers never hold a whole raster. */
@FunctionalInterface
public interface RowSource {
    /**
     * Fills {@code row} with the values of raster row {@code y} (0 = first row of the file).
     *
     * @param  y    the row index
     * @param  row  the buffer to fill, of length = raster width
     */
    void fill(int y, float[] row);
}
