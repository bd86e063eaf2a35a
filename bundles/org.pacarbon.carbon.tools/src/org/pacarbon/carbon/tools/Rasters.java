package org.pacarbon.carbon.tools;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.toolbox.core.ToolException;

/** Opening rasters for tools, checking that two share a grid, and writing a result on the grid of an input. */
final class Rasters {
    private Rasters() {
    }

    /** Opens FILE or FILE#variable (NetCDF). */
    static RasterSource open(Path p) throws ToolException {
        String s = p.toString();
        int hash = s.lastIndexOf('#');
        try {
            return hash > 0 ? RasterFiles.open(Path.of(s.substring(0, hash)), s.substring(hash + 1))
                    : RasterFiles.open(p);
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
    }

    /** Fails unless {@code b} has the cells and CRS of {@code a}. */
    static void sameGrid(RasterSource a, RasterSource b) throws ToolException {
        GridSpec g = a.grid();
        GridSpec h = b.grid();
        if (!g.sameCells(h)) {
            throw new ToolException(b.file() + " is on another grid than " + a.file() + " (" + h.width() + " x " + h.height()
                    + " cells of " + Math.abs(h.dx()) + " vs " + g.width() + " x " + g.height() + " of " + Math.abs(g.dx())
                    + "); resample one onto the other first");
        }
        if (!CrsSupport.same(a.crs(), b.crs())) {
            throw new ToolException(b.file() + " is in " + CrsSupport.label(b.crs()) + ", " + a.file() + " in "
                    + CrsSupport.label(a.crs()));
        }
    }

    /** Fills one row of the output (north-up order of the input's grid rows). */
    interface Rows {
        void fill(int row, float[] out) throws GisException, ToolException;
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Wrapped(Exception e) {
            super(e);
        }
    }

    /**
     * Writes a Float32 GeoTIFF (NaN = nodata) on the grid and CRS of {@code like}; {@code rows} fills grid row r.
     * South-up grids are written north-up. The file appears only when complete (temporary file, then rename).
     */
    static void writeLike(RasterSource like, Path out, Rows rows) throws ToolException {
        GridSpec g = like.grid();
        Integer epsg = CrsSupport.epsg(like.crs());
        if (epsg == null) {
            throw new ToolException("the CRS of " + like.file() + " (" + CrsSupport.label(like.crs())
                    + ") has no EPSG code, so the result cannot be written as GeoTIFF");
        }
        boolean southUp = g.dy() > 0;
        double top = southUp ? g.y0() + g.height() * g.dy() : g.y0();
        double left = g.dx() > 0 ? g.x0() : g.x0() + g.width() * g.dx();
        if (g.dx() < 0) {
            throw new ToolException(like.file() + " has columns running west: not supported for results");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            GeoTiffWriter.of(g.width(), g.height()).crs(epsg, CrsSupport.isGeographic(like.crs())).upperLeft(left, top)
                    .cellSize(Math.abs(g.dx()), Math.abs(g.dy())).nodata(Float.NaN).write(tmp, (y, row) -> {
                        try {
                            rows.fill(southUp ? g.height() - 1 - y : y, row);
                        } catch (GisException | ToolException e) {
                            throw new Wrapped(e);
                        }
                    });
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (Wrapped w) {
            deleteQuietly(tmp);
            Throwable c = w.getCause();
            throw c instanceof ToolException t ? t : new ToolException(c.getMessage(), c);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ToolException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** The unit a raster's file declares, or "" when none. */
    static String unitOf(RasterSource r) {
        String u = r.unit();
        return u == null ? "" : u;
    }

    static void closeQuietly(@Nullable RasterSource r) {
        if (r != null) {
            try {
                r.close();
            } catch (IOException e) {
                // read-only
            }
        }
    }
}
