package org.pacarbon.gis.core.raster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.nc.CfGrid;
import org.pacarbon.gis.core.raster.nc.NetcdfSource;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The one way to open a raster file: netCDF (classic and netCDF-4, recognised by their first bytes) through the
 * project's CF reader, everything else (GeoTIFF) through {@link SisRasterSource}, and the GeoTIFFs SIS does not open
 * through the project's own {@link TiffRasterSource}.
 */
public final class RasterFiles {
    private RasterFiles() {
    }

    /**
     * What to read from a file.
     *
     * @param variable  netCDF variable (name or standard_name), {@code null} for the only one
     * @param crs       CRS to use instead of the file's, or {@code null}
     * @param nodata    a further value to treat as nodata, or {@code null}
     * @param band      1-based band of a multi-band GeoTIFF, or step along a netCDF time/band dimension; {@code null}
     * @param time      a date (prefix, e.g. "2010" or "2010-07") along a netCDF time dimension, or {@code null}
     * @param year      the layer's year, used to pick a time step when neither band nor time is given; {@code null}
     */
    public record Request(@Nullable String variable, @Nullable CoordinateReferenceSystem crs, @Nullable Float nodata,
            @Nullable Integer band, @Nullable String time, @Nullable Integer year) {
        /** The file's only band or variable. */
        public static Request of(@Nullable String variable) {
            return new Request(variable, null, null, null, null, null);
        }
    }

    /** Opens a raster that has one band or variable, with the file's own CRS and nodata. */
    public static RasterSource open(Path file) throws GisException {
        return open(file, Request.of(null));
    }

    /** Opens a raster with the file's own variable, CRS and nodata. */
    public static RasterSource open(Path file, @Nullable String variable) throws GisException {
        return open(file, Request.of(variable));
    }

    /** Opens a raster. */
    public static RasterSource open(Path file, Request r) throws GisException {
        if (!Files.isRegularFile(file)) {
            throw new GisException(file, "file not found", "an existing GeoTIFF (.tif) or netCDF (.nc) file");
        }
        if (NetcdfSource.isNetcdf(file)) {
            return NetcdfSource.open(file, r.variable(), r.crs(), r.nodata(), new CfGrid.Selection(r.band(), r.time(), r.year()));
        }
        if (isTiff(file)) {
            String damage = TiffProbe.checkDirectories(file);
            if (damage != null) {
                throw new GisException(file, "cannot be read: " + damage, "an intact GeoTIFF");
            }
            // a plain GeoTIFF (an EPSG code, a layout the own decoder reads) opens without SIS's reader and its EPSG database
            if (r.variable() == null && !Boolean.getBoolean(SisRasterSource.SIS_ONLY)) {
                TiffRasterSource plain = TiffRasterSource.openPlain(file, r.crs(), r.nodata(), r.band());
                if (plain != null) {
                    return plain;
                }
            }
        }
        try {
            return SisRasterSource.open(file, r.variable(), r.crs(), r.nodata(), r.band());
        } catch (GisException sis) {
            if (!isTiff(file)) {
                throw sis;
            }
            // files SIS does not open (masks, Int8, Float16, ZSTD, a CRS only in .aux.xml, ...): the project's own reader
            TiffRasterSource.Attempt own = TiffRasterSource.open(file, r.crs(), r.nodata(), r.band());
            TiffRasterSource ownSource = own.source();
            if (ownSource != null) {
                LOG.info(() -> file + ": read by the project's own GeoTIFF reader (Apache SIS: " + sis.problem() + ")");
                return ownSource;
            }
            String why = own.reason();
            if (why != null && (why.contains("cut short") || why.contains("damaged") || why.contains("beyond the end"))) {
                throw new GisException(file, "cannot be read: " + why, "an intact GeoTIFF", sis);
            }
            throw new GisException(file, sis.problem() + (why != null ? "; the project's own reader: " + why : ""), sis.expected(), sis);
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("org.pacarbon.gis.core.raster");

    /** Whether a file starts like a TIFF (classic or BigTIFF, either byte order). */
    static boolean isTiff(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                    || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The variables of a file: each data variable of a netCDF file, the one raster of a GeoTIFF. */
    public static List<String> variables(Path file) throws GisException {
        if (NetcdfSource.isNetcdf(file)) {
            return NetcdfSource.variables(file);
        }
        return SisRasterSource.variables(file);
    }

    /** @return how a source reads its cells, for logs and provenance */
    public static String reader(RasterSource src) {
        if (src instanceof RowTap t) {
            return reader(t.inner());
        }
        if (src instanceof SisRasterSource s) {
            return s.reader();
        }
        if (src instanceof NetcdfSource n) {
            return n.reader();
        }
        if (src instanceof TiffRasterSource t) {
            return t.reader();
        }
        return src.getClass().getSimpleName();
    }
}
