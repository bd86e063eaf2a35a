package org.pacarbon.gis.core.raster;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.UnsupportedStorageException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.apache.sis.coverage.grid.PixelInCell;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.Matrix;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;

/**
 * A raster band read through Apache SIS (GeoTIFF: tiled or stripped, any compression SIS reads, any CRS;
 * NetCDF: CF grids, one variable). Nodata declared by the file becomes NaN (SIS "converted values").
 */
public final class SisRasterSource implements RasterSource {
    private final Path file;
    private final DataStore store;
    private final GridSpec grid;
    private final CoordinateReferenceSystem crs;
    private final String unit;
    private final RenderedImage image;
    private final int imageX;
    private final int imageY;
    private final Float extraNodata;

    private SisRasterSource(Path file, DataStore store, GridSpec grid, CoordinateReferenceSystem crs, String unit,
            RenderedImage image, Float extraNodata) {
        this.file = file;
        this.store = store;
        this.grid = grid;
        this.crs = crs;
        this.unit = unit;
        this.image = image;
        this.imageX = image.getMinX();
        this.imageY = image.getMinY();
        this.extraNodata = extraNodata;
    }

    /**
     * Opens a raster file.
     *
     * @param file         GeoTIFF or NetCDF file
     * @param variable     NetCDF variable (or other named band resource); {@code null} when the file has one
     * @param crsOverride  CRS to use instead of the file's (needed when the file has none), or {@code null}
     * @param nodata       a further value to treat as nodata, or {@code null}
     */
    public static SisRasterSource open(Path file, String variable, CoordinateReferenceSystem crsOverride, Float nodata)
            throws GisException {
        if (!Files.isRegularFile(file)) {
            throw new GisException(file, "file not found", "an existing GeoTIFF (.tif) or NetCDF (.nc) file");
        }
        DataStore store;
        try {
            store = DataStores.open(file);
        } catch (UnsupportedStorageException e) {
            throw new GisException(file, "format not recognized", "a GeoTIFF or NetCDF raster", e);
        } catch (DataStoreException | RuntimeException e) {
            throw new GisException(file, "cannot be opened as a raster: " + e.getMessage(), "a readable GeoTIFF or NetCDF raster", e);
        }
        try {
            GridCoverageResource resource = pick(file, store, variable);
            GridGeometry gg = resource.getGridGeometry();
            if (!gg.isDefined(GridGeometry.GRID_TO_CRS)) {
                throw new GisException(file, "the raster has no georeferencing (no transform from cells to coordinates)",
                        "a georeferenced raster");
            }
            CoordinateReferenceSystem fileCrs = gg.isDefined(GridGeometry.CRS) ? gg.getCoordinateReferenceSystem() : null;
            if (fileCrs == null && crsOverride == null) {
                throw new GisException(file, "the raster has no CRS", "a raster with a CRS, or a CRS given with the layer (\"crs\": \"EPSG:...\")");
            }
            MathTransform toCrs = gg.getGridToCRS(PixelInCell.CELL_CORNER);
            CoordinateReferenceSystem crs;
            if (fileCrs != null) {
                CoordinateReferenceSystem en = CrsSupport.eastNorth(fileCrs);
                toCrs = MathTransforms.concatenate(toCrs, CrsSupport.transform(fileCrs, en));
                crs = en;
            } else {
                crs = crsOverride;
            }
            if (crsOverride != null) {
                crs = crsOverride;
            }
            Matrix m = MathTransforms.getMatrix(toCrs);
            if (m == null || m.getNumRow() != 3 || m.getNumCol() != 3) {
                throw new GisException(file, "the grid is not regular (its cells are not an affine grid)", "a regular grid");
            }
            double sx = m.getElement(0, 0), rx = m.getElement(0, 1), tx = m.getElement(0, 2);
            double ry = m.getElement(1, 0), sy = m.getElement(1, 1), ty = m.getElement(1, 2);
            if (Math.abs(rx) > 1e-9 * Math.abs(sx) || Math.abs(ry) > 1e-9 * Math.abs(sy)) {
                throw new GisException(file, "the grid is rotated or sheared", "a north-up (or south-up) grid without rotation");
            }
            GridExtent ext = gg.getExtent();
            long lo0 = ext.getLow(0), lo1 = ext.getLow(1);
            long w = ext.getSize(0), h = ext.getSize(1);
            if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                throw new GisException(file, "the grid is too large: " + w + " x " + h, "at most 2^31 columns and rows");
            }
            double x0 = tx + sx * lo0;
            double y0 = ty + sy * lo1;
            GridCoverage cov = resource.read(null, 0).forConvertedValues(true);
            RenderedImage img = cov.render(null);
            if (img.getWidth() != w || img.getHeight() != h) {
                throw new GisException(file, "image size " + img.getWidth() + " x " + img.getHeight()
                        + " differs from the grid " + w + " x " + h, "a consistent raster");
            }
            String unit = null;
            List<SampleDimension> bands = cov.getSampleDimensions();
            if (!bands.isEmpty()) {
                unit = bands.get(0).getUnits().map(Object::toString).orElse(null);
            }
            GridSpec spec = new GridSpec((int) w, (int) h, x0, y0, sx, sy);
            return new SisRasterSource(file, store, spec, crs, unit, img, nodata);
        } catch (GisException e) {
            closeQuietly(store);
            throw e;
        } catch (DataStoreException | RuntimeException e) {
            closeQuietly(store);
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable GeoTIFF or NetCDF raster", e);
        }
    }

    private static GridCoverageResource pick(Path file, DataStore store, String variable) throws DataStoreException, GisException {
        List<GridCoverageResource> all = new ArrayList<>();
        collect(store, all);
        if (all.isEmpty()) {
            throw new GisException(file, "contains no raster", "a GeoTIFF or a NetCDF file with a gridded variable");
        }
        if (variable == null) {
            if (all.size() > 1) {
                throw new GisException(file, "holds several variables " + names(all) + " and none was chosen",
                        "a variable name (\"variable\": \"...\")");
            }
            return all.get(0);
        }
        for (GridCoverageResource r : all) {
            String name = r.getIdentifier().map(n -> n.tip().toString()).orElse("");
            if (name.equals(variable) || name.toLowerCase(Locale.ROOT).equals(variable.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new GisException(file, "has no variable '" + variable + "'", "one of " + names(all));
    }

    private static String names(List<GridCoverageResource> all) throws DataStoreException {
        List<String> names = new ArrayList<>();
        for (GridCoverageResource r : all) {
            names.add(r.getIdentifier().map(n -> n.tip().toString()).orElse("?"));
        }
        return names.toString();
    }

    private static void collect(Resource r, List<GridCoverageResource> out) throws DataStoreException {
        if (r instanceof GridCoverageResource g) {
            out.add(g);
        } else if (r instanceof Aggregate a) {
            for (Resource c : a.components()) {
                collect(c, out);
            }
        }
    }

    private static void closeQuietly(DataStore store) {
        try {
            store.close();
        } catch (DataStoreException e) {
            // nothing more to do
        }
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
    public String unit() {
        return unit;
    }

    @Override
    public int blockRows() {
        int th = image.getTileHeight();
        return Math.max(1, Math.min(grid.height(), th >= 64 ? th : Math.max(th, 256 / Math.max(1, th) * th)));
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        int w = grid.width();
        try {
            Raster data = image.getData(new Rectangle(imageX, imageY + row0, w, rows));
            data.getSamples(imageX, imageY + row0, w, rows, 0, dst);
        } catch (RuntimeException e) {
            throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + " cannot be read: " + e.getMessage(),
                    "an intact raster file", e);
        }
        if (extraNodata != null) {
            float nd = extraNodata;
            for (int i = 0; i < rows * w; i++) {
                if (dst[i] == nd) {
                    dst[i] = Float.NaN;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            store.close();
        } catch (DataStoreException e) {
            throw new IOException(e);
        }
    }
}
