package org.pacarbon.gis.core.raster;

import java.io.IOException;
import java.nio.file.Path;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A GeoTIFF read entirely by the project (cells by {@link TiffTiles}, grid and CRS by {@link GeoTiffGeo}), for the
 * files Apache SIS does not open: internal masks and overviews beside the image, Int8, Float16 and n-bit samples, ZSTD
 * and PackBits, a CRS only in the {@code .aux.xml} sidecar.
 */
public final class TiffRasterSource implements RasterSource {
    private final Path file;
    private final TiffTiles tiles;
    private final GridSpec grid;
    private final CoordinateReferenceSystem crs;
    private final @Nullable Float extraNodata;
    private final double scale, offset;

    private TiffRasterSource(Path file, TiffTiles tiles, GridSpec grid, CoordinateReferenceSystem crs, @Nullable Float extraNodata, double[] so) {
        this.file = file;
        this.tiles = tiles;
        this.grid = grid;
        this.crs = crs;
        this.extraNodata = extraNodata;
        this.scale = so[0];
        this.offset = so[1];
    }

    /** The outcome of {@link #open}: the source, or why the project's own reader cannot read the file either. */
    public record Attempt(@Nullable TiffRasterSource source, @Nullable String reason) {
    }

    /**
     * Tries to open a GeoTIFF with the project's own reader.
     *
     * @param crsOverride  CRS to use instead of the file's, or {@code null}
     * @param nodata       a further value to treat as nodata, or {@code null}
     * @param band         1-based band, or {@code null} for a file of one band
     */
    public static Attempt open(Path file, @Nullable CoordinateReferenceSystem crsOverride, @Nullable Float nodata,
            @Nullable Integer band) {
        return open(file, crsOverride, nodata, band, false);
    }

    /**
     * Opens a GeoTIFF with the project's own reader when its georeferencing is plain ({@link GeoTiffGeo#plain()}: an
     * EPSG code and nothing Apache SIS would read differently) and the decoder reads its layout; else {@code null}
     * (the caller opens it through SIS). Such files open without SIS's GeoTIFF reader, whose CRS lookups start the EPSG
     * database; grid, CRS, nodata, scale and offset are the ones SIS gives (compared on the test files).
     */
    public static @Nullable TiffRasterSource openPlain(Path file, @Nullable CoordinateReferenceSystem crsOverride, @Nullable Float nodata,
            @Nullable Integer band) {
        return open(file, crsOverride, nodata, band, true).source();
    }

    private static Attempt open(Path file, @Nullable CoordinateReferenceSystem crsOverride, @Nullable Float nodata,
            @Nullable Integer band, boolean plainOnly) {
        TiffTiles tiles;
        try {
            TiffTiles.Opened o = TiffTiles.open(file, band == null ? 0 : band - 1);
            TiffTiles t = o.tiles();
            if (t == null) {
                return new Attempt(null, o.declined());
            }
            tiles = t;
        } catch (IOException e) {
            return new Attempt(null, e.getMessage());
        }
        if (band == null && tiles.bands() > 1) {
            int n = tiles.bands();
            try {
                tiles.close();
            } catch (IOException e) {
                // nothing more to do
            }
            return new Attempt(null, "it has " + n + " bands and none was chosen (\"band\": 1 to " + n + ")");
        }
        try {
            GeoTiffGeo geo = GeoTiffGeo.read(file, tiles.width(), tiles.height());
            if (plainOnly && !geo.plain()) {
                tiles.close();
                return new Attempt(null, "its georeferencing is not a plain EPSG code");
            }
            CoordinateReferenceSystem crs = crsOverride != null ? crsOverride : geo.crs();
            if (crs == null) {
                tiles.close();
                return new Attempt(null, "the raster has no CRS the project can read (a user-defined projection in its GeoKeys);"
                        + " give one with the layer (\"crs\": \"EPSG:...\")");
            }
            return new Attempt(new TiffRasterSource(file, tiles, geo.grid(), crs, nodata,
                    TiffProbe.scaleOffset(file, band == null ? 0 : band - 1)), null);
        } catch (GisException | IOException e) {
            try {
                tiles.close();
            } catch (IOException x) {
                // nothing more to do
            }
            return new Attempt(null, e instanceof GisException g ? g.problem() : e.getMessage());
        }
    }

    /** @return how the cells are read, for logs and provenance */
    public String reader() {
        return "own GeoTIFF decoder and georeferencing (" + tiles.describe() + ")";
    }

    @Override
    public Path file() {
        return file;
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
        return null;
    }

    @Override
    public int blockRows() {
        int ch = tiles.chunkHeight();
        return Math.max(1, Math.min(grid.height(), ch >= 64 ? ch : (64 + ch - 1) / ch * ch));
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        try {
            tiles.readRows(row0, rows, dst);
        } catch (IOException | RuntimeException e) {
            throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + " cannot be read: " + GisException.plain(e),
                    "an intact raster file", e);
        }
        CellValues.apply(dst, rows * grid.width(), scale, offset, extraNodata);
    }

    @Override
    public void readWindow(int row0, int rows, int col0, int cols, float[] dst) throws GisException {
        try {
            tiles.readWindow(row0, rows, col0, cols, dst);
        } catch (IOException | RuntimeException e) {
            throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + ", columns " + col0 + ".." + (col0 + cols - 1)
                    + " cannot be read: " + GisException.plain(e), "an intact raster file", e);
        }
        CellValues.apply(dst, rows * cols, scale, offset, extraNodata);
    }

    @Override
    public void close() throws IOException {
        tiles.close();
    }
}
