package org.pacarbon.gis.core.raster;

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
import org.apache.sis.storage.RasterLoadingStrategy;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.UnsupportedStorageException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.apache.sis.coverage.grid.PixelInCell;
import org.opengis.referencing.operation.Matrix;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A raster band whose grid, CRS and units come from Apache SIS (GeoTIFF: tiled or stripped, any compression SIS reads,
 * any CRS; NetCDF: CF grids, one variable). Nodata declared by the file becomes NaN (SIS "converted values"). The
 * cells of a GeoTIFF are decoded by {@link TiffTiles} (in parallel, without SIS's lock) when it reads the file's
 * layout; everything else, and every file it declines (logged with the reason), is read through SIS.
 */
public final class SisRasterSource implements RasterSource {
    static {
        org.pacarbon.gis.core.crs.DerbyLog.intoUserCache(); // SIS may start its EPSG database to read a file's CRS
    }

    private final Path file;
    private final DataStore store;
    private final GridSpec grid;
    private final CoordinateReferenceSystem crs;
    private final @Nullable String unit;
    private final RenderedImage image;
    private final int imageX;
    private final int imageY;
    private final @Nullable Float extraNodata;
    private final int band;
    private double scale = 1, offset = 0;
    private @Nullable TiffTiles tiles;
    /** Why the own decoder declined the file (said when SIS then fails to read it, e.g. "the file is cut short"). */
    private @Nullable String declined;
    /** System property: {@code true} reads every raster through Apache SIS (to compare, or to work around a decoder bug). */
    public static final String SIS_ONLY = "pacarbon.raster.sisOnly";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("org.pacarbon.gis.core.raster");

    private SisRasterSource(Path file, DataStore store, GridSpec grid, CoordinateReferenceSystem crs, @Nullable String unit,
            RenderedImage image, @Nullable Float extraNodata, int band) {
        this.file = file;
        this.store = store;
        this.grid = grid;
        this.crs = crs;
        this.unit = unit;
        this.image = image;
        this.imageX = image.getMinX();
        this.imageY = image.getMinY();
        this.extraNodata = extraNodata;
        this.band = band;
    }

    /**
     * Opens a raster file.
     *
     * @param file         GeoTIFF or NetCDF file
     * @param variable     NetCDF variable (or other named band resource); {@code null} when the file has one
     * @param crsOverride  CRS to use instead of the file's (needed when the file has none), or {@code null}
     * @param nodata       a further value to treat as nodata, or {@code null}
     */
    public static SisRasterSource open(Path file, @Nullable String variable, @Nullable CoordinateReferenceSystem crsOverride,
            @Nullable Float nodata)
            throws GisException {
        return open(file, variable, crsOverride, nodata, null);
    }

    /**
     * Opens one band of a raster file.
     *
     * @param band  1-based band; {@code null} when the file has one band (a file with several is refused, naming them)
     */
    public static SisRasterSource open(Path file, @Nullable String variable, @Nullable CoordinateReferenceSystem crsOverride,
            @Nullable Float nodata, @Nullable Integer band)
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
            throw new GisException(file, "cannot be opened as a raster: " + sisProblem(e), "a readable GeoTIFF or NetCDF raster", e);
        }
        try {
            GridCoverageResource resource = pick(file, store, variable);
            GridGeometry gg = resource.getGridGeometry();
            if (!gg.isDefined(GridGeometry.GRID_TO_CRS)) {
                throw new GisException(file, "the raster has no georeferencing (no transform from cells to coordinates)",
                        "a georeferenced raster");
            }
            CoordinateReferenceSystem fileCrs = gg.isDefined(GridGeometry.CRS) ? gg.getCoordinateReferenceSystem() : null;
            // Grids may have more dimensions than the two horizontal ones (e.g. a CF time axis of length 1):
            // the first two grid dimensions must map to the horizontal CRS, the others must be single slices.
            GridExtent ext = gg.getExtent();
            int dims = ext.getDimension();
            for (int k = 2; k < dims; k++) {
                if (ext.getSize(k) != 1) {
                    throw new GisException(file, "has " + ext.getSize(k) + " steps along its dimension "
                            + ext.getAxisType(k).map(Object::toString).orElse(Integer.toString(k)),
                            "a single 2-D grid (one time step per file)");
                }
            }
            Matrix m = MathTransforms.getMatrix(gg.getGridToCRS(PixelInCell.CELL_CORNER));
            if (m == null) {
                throw new GisException(file, "the grid is not regular (its cells are not an affine grid)", "a regular grid");
            }
            int n = m.getNumCol() - 1;
            double sx = m.getElement(0, 0), rx = m.getElement(0, 1), tx = m.getElement(0, n);
            double ry = m.getElement(1, 0), sy = m.getElement(1, 1), ty = m.getElement(1, n);
            for (int k = 2; k < dims; k++) {
                tx += m.getElement(0, k) * ext.getLow(k);
                ty += m.getElement(1, k) * ext.getLow(k);
            }
            CoordinateReferenceSystem crs = crsOverride;
            if (fileCrs == null) {
                if (crs == null) {
                    throw new GisException(file, "the raster has no CRS", "a raster with a CRS, or a CRS given with the layer (\"crs\": \"EPSG:...\")");
                }
            } else {
                CoordinateReferenceSystem horizontal = org.apache.sis.referencing.CRS.getHorizontalComponent(fileCrs);
                if (horizontal == null) {
                    throw new GisException(file, "its CRS has no horizontal component", "a raster with a map CRS");
                }
                org.opengis.referencing.cs.AxisDirection first = horizontal.getCoordinateSystem().getAxis(0).getDirection();
                if (first == org.opengis.referencing.cs.AxisDirection.NORTH || first == org.opengis.referencing.cs.AxisDirection.SOUTH) {
                    double t0 = sx; sx = ry; ry = t0;   // swap the rows: (lat, lon) -> (lon, lat)
                    t0 = rx; rx = sy; sy = t0;
                    t0 = tx; tx = ty; ty = t0;
                    boolean southFirst = first == org.opengis.referencing.cs.AxisDirection.SOUTH;
                    if (southFirst) {
                        sy = -sy; ry = -ry; ty = -ty;
                    }
                }
                if (crs == null) {
                    crs = CrsSupport.eastNorth(horizontal);
                }
            }
            if (Math.abs(rx) > 1e-9 * Math.abs(sx) || Math.abs(ry) > 1e-9 * Math.abs(sy)) {
                throw new GisException(file, "the grid is rotated or sheared", "a north-up (or south-up) grid without rotation");
            }
            long lo0 = ext.getLow(0), lo1 = ext.getLow(1);
            long w = ext.getSize(0), h = ext.getSize(1);
            if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                throw new GisException(file, "the grid is too large: " + w + " x " + h, "at most 2^31 columns and rows");
            }
            double x0 = tx + sx * lo0;
            double y0 = ty + sy * lo1;
            // Tiles are read when asked for, so memory is bounded by the rows being processed, not by the raster
            // (SIS otherwise preloads a whole raster that seems small enough, e.g. 0.9 GB at 300 m over China).
            resource.setLoadingStrategy(RasterLoadingStrategy.AT_GET_TILE_TIME);
            GridCoverage cov = resource.read(null, 0).forConvertedValues(true);
            RenderedImage img = cov.render(null);
            if (img.getWidth() != w || img.getHeight() != h) {
                throw new GisException(file, "image size " + img.getWidth() + " x " + img.getHeight()
                        + " differs from the grid " + w + " x " + h, "a consistent raster");
            }
            String unit = null;
            List<SampleDimension> bands = cov.getSampleDimensions();
            int b = 0;
            if (bands.size() > 1 && band == null) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < bands.size(); i++) {
                    names.add((i + 1) + " " + bands.get(i).getName().toString());
                }
                throw new GisException(file, "has " + bands.size() + " bands " + names + " and none was chosen",
                        "\"band\": a band number from 1 to " + bands.size());
            }
            if (band != null) {
                if (band < 1 || band > Math.max(1, bands.size())) {
                    throw new GisException(file, "has no band " + band + " (it has " + bands.size() + ")", "\"band\" from 1 to " + bands.size());
                }
                b = band - 1;
            }
            if (!bands.isEmpty()) {
                unit = bands.get(b).getUnits().map(Object::toString).orElse(null);
            }
            GridSpec spec = new GridSpec((int) w, (int) h, x0, y0, sx, sy);
            SisRasterSource src = new SisRasterSource(file, store, spec, crs, unit, img, nodata, b);
            if (isGeoTiff(store)) {
                double[] so = TiffProbe.scaleOffset(file, b);
                src.scale = so[0];
                src.offset = so[1];
                if (!Boolean.getBoolean(SIS_ONLY)) {
                    src.tiles = fastPath(src, file, (int) w, (int) h, img, b);
                }
                TiffTiles fast = src.tiles;
                if (band == null && fast != null && fast.bands() > 1) { // SIS may show one band of such files
                    int nb = fast.bands();
                    try {
                        fast.close();
                    } catch (IOException x) {
                        // read-only
                    }
                    throw new GisException(file, "has " + nb + " bands and none was chosen", "\"band\": a band number from 1 to " + nb);
                }
            }
            return src;
        } catch (GisException e) {
            closeQuietly(store);
            throw e;
        } catch (DataStoreException | RuntimeException e) {
            closeQuietly(store);
            throw new GisException(file, "cannot be read: " + sisProblem(e), "a readable GeoTIFF or NetCDF raster", e);
        }
    }

    private static boolean isGeoTiff(DataStore store) {
        return store.getProvider() != null && "GeoTIFF".equalsIgnoreCase(store.getProvider().getShortName());
    }

    /** The own decoder for a GeoTIFF whose first image is the one SIS gives, or {@code null} (logged). */
    private static @Nullable TiffTiles fastPath(SisRasterSource src, Path file, int w, int h, RenderedImage img, int band) {
        try {
            TiffTiles.Opened o = TiffTiles.open(file, band);
            TiffTiles t = o.tiles();
            if (t == null) {
                LOG.info(() -> file + ": read through Apache SIS (" + o.declined() + ")");
                src.declined = o.declined();
                return null;
            }
            if (t.width() != w || t.height() != h || img.getMinX() != 0 || img.getMinY() != 0) {
                LOG.info(() -> file + ": read through Apache SIS (its first image is not the grid SIS reads)");
                t.close();
                return null;
            }
            return t;
        } catch (IOException e) {
            LOG.info(() -> file + ": read through Apache SIS (" + e.getMessage() + ")");
            return null;
        }
    }

    /** @return how the cells are read: "TiffTiles (layout)" or "Apache SIS" */
    public String reader() {
        return tiles != null ? "own GeoTIFF decoder (" + tiles.describe() + ")" : "Apache SIS";
    }

    private static GridCoverageResource pick(Path file, DataStore store, @Nullable String variable) throws DataStoreException, GisException {
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

    /** The names of the gridded variables of a file (one for a GeoTIFF; each data variable of a NetCDF file). */
    public static List<String> variables(Path file) throws GisException {
        DataStore store;
        try {
            store = DataStores.open(file);
        } catch (DataStoreException | RuntimeException e) {
            throw new GisException(file, "cannot be opened as a raster: " + GisException.plain(e), "a readable GeoTIFF or NetCDF raster", e);
        }
        try {
            List<GridCoverageResource> all = new ArrayList<>();
            collect(store, all);
            List<String> names = new ArrayList<>();
            for (GridCoverageResource r : all) {
                names.add(r.getIdentifier().map(n -> n.tip().toString()).orElse("?"));
            }
            return names;
        } catch (DataStoreException e) {
            throw new GisException(file, "cannot be read: " + GisException.plain(e), "a readable raster", e);
        } finally {
            closeQuietly(store);
        }
    }

    private static String names(List<GridCoverageResource> all) throws DataStoreException {
        List<String> names = new ArrayList<>();
        for (GridCoverageResource r : all) {
            names.add(r.getIdentifier().map(n -> n.tip().toString()).orElse("?"));
        }
        return names.toString();
    }

    private static void collect(@Nullable Resource r, List<GridCoverageResource> out) throws DataStoreException {
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
    public @Nullable String unit() {
        return unit;
    }

    @Override
    public int blockRows() {
        if (tiles != null) {
            int ch = tiles.chunkHeight();
            return Math.max(1, Math.min(grid.height(), ch >= 64 ? ch : (64 + ch - 1) / ch * ch));
        }
        int th = image.getTileHeight();
        return Math.max(1, Math.min(grid.height(), th >= 64 ? th : Math.max(th, 256 / Math.max(1, th) * th)));
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        int w = grid.width();
        if (tiles != null) {
            try {
                tiles.readRows(row0, rows, dst);
            } catch (IOException | RuntimeException e) {
                throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + " cannot be read: " + GisException.plain(e),
                        "an intact raster file", e);
            }
            applyExtraNodata(rows, dst);
            return;
        }
        try {
            // Copy straight from the image's tiles: getData(Rectangle) would go through the generic, slow
            // SampleModel.getPixels/setPixels path cell by cell.
            int th = image.getTileHeight();
            int tx0 = image.getMinTileX(), ty0 = image.getMinTileY();
            int gy0 = image.getTileGridYOffset();
            int yA = imageY + row0, yB = yA + rows;
            int tyA = Math.floorDiv(yA - gy0, th), tyB = Math.floorDiv(yB - 1 - gy0, th);
            float[] buf = null;
            for (int ty = Math.max(tyA, ty0); ty <= tyB; ty++) {
                for (int tx = tx0; tx < tx0 + image.getNumXTiles(); tx++) {
                    Raster tile = image.getTile(tx, ty);
                    int x0 = Math.max(tile.getMinX(), imageX), x1 = Math.min(tile.getMinX() + tile.getWidth(), imageX + w);
                    int y0 = Math.max(tile.getMinY(), yA), y1 = Math.min(tile.getMinY() + tile.getHeight(), yB);
                    if (x0 >= x1 || y0 >= y1) {
                        continue;
                    }
                    java.awt.image.SampleModel sm = tile.getSampleModel();
                    java.awt.image.DataBuffer db = tile.getDataBuffer();
                    if (db instanceof java.awt.image.DataBufferFloat f && sm instanceof java.awt.image.ComponentSampleModel csm
                            && csm.getPixelStride() == 1 && csm.getNumBands() == 1) {
                        float[] data = f.getData(csm.getBankIndices()[band]);
                        int stride = csm.getScanlineStride();
                        int base = db.getOffsets()[csm.getBankIndices()[band]] + csm.getBandOffsets()[band];
                        int tmx = tile.getMinX() - tile.getSampleModelTranslateX();
                        int tmy = tile.getMinY() - tile.getSampleModelTranslateY();
                        for (int y = y0; y < y1; y++) {
                            int src = base + (y - tile.getMinY() + tmy) * stride + (x0 - tile.getMinX() + tmx);
                            System.arraycopy(data, src, dst, (y - yA) * w + (x0 - imageX), x1 - x0);
                        }
                    } else {
                        int n = (x1 - x0) * (y1 - y0);
                        if (buf == null || buf.length < n) {
                            buf = new float[n];
                        }
                        tile.getSamples(x0, y0, x1 - x0, y1 - y0, band, buf);
                        for (int y = y0; y < y1; y++) {
                            System.arraycopy(buf, (y - y0) * (x1 - x0), dst, (y - yA) * w + (x0 - imageX), x1 - x0);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            String d = declined;
            String why = d != null && (d.contains("cut short") || d.contains("damaged")) ? d : GisException.plain(e);
            throw new GisException(file, "rows " + row0 + ".." + (row0 + rows - 1) + " cannot be read: " + why, "an intact raster file", e);
        }
        applyExtraNodata(rows, dst);
    }

    /** What SIS said, in plain words; an internal failure of SIS (a bug it hits on damaged data) is not quoted. */
    static String sisProblem(Throwable e) {
        if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException) || e instanceof NullPointerException) {
            return "its structure is damaged or not supported by Apache SIS";
        }
        return GisException.plain(e);
    }


    private void applyExtraNodata(int rows, float[] dst) {
        CellValues.apply(dst, rows * grid.width(), scale, offset, extraNodata);
    }

    @Override
    public void close() throws IOException {
        if (tiles != null) {
            tiles.close();
        }
        try {
            store.close();
        } catch (DataStoreException e) {
            throw new IOException(e);
        }
    }
}
