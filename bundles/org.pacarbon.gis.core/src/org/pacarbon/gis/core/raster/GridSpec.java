package org.pacarbon.gis.core.raster;

/**
 * A regular, axis-aligned grid: cell (col, row) covers x in [x0 + col*dx, x0 + (col+1)*dx] and
 * y in [y0 + row*dy, y0 + (row+1)*dy], where (x0, y0) is the outer corner of cell (0, 0). {@code dy} is
 * negative for the usual north-up rasters and positive for south-up grids (such as EDGAR NetCDF files).
 * Coordinates are (east, north) in the grid's CRS.
 *
 * @param width   number of columns
 * @param height  number of rows
 * @param x0      x of the outer corner of the first cell
 * @param y0      y of the outer corner of the first cell
 * @param dx      cell width (signed)
 * @param dy      cell height (signed; negative when rows go south)
 */
public record GridSpec(int width, int height, double x0, double y0, double dx, double dy) implements java.io.Serializable {
    public GridSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("grid size must be positive: " + width + " x " + height);
        }
        if (!(dx != 0 && dy != 0) || !Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("cell size must be finite and non-zero: " + dx + ", " + dy);
        }
    }

    /** Grid coordinate u (fractional column) of a map x. */
    public double u(double x) {
        return (x - x0) / dx;
    }

    /** Grid coordinate v (fractional row) of a map y. */
    public double v(double y) {
        return (y - y0) / dy;
    }

    /** Map x of a fractional column. */
    public double x(double u) {
        return x0 + u * dx;
    }

    /** Map y of a fractional row. */
    public double y(double v) {
        return y0 + v * dy;
    }

    public double minX() {
        return Math.min(x0, x0 + width * dx);
    }

    public double maxX() {
        return Math.max(x0, x0 + width * dx);
    }

    public double minY() {
        return Math.min(y0, y0 + height * dy);
    }

    public double maxY() {
        return Math.max(y0, y0 + height * dy);
    }

    /** Whether two grids have the same cells (within a small tolerance of a cell). */
    public boolean sameCells(GridSpec o) {
        double tx = Math.abs(dx) * 1e-6;
        double ty = Math.abs(dy) * 1e-6;
        return width == o.width && height == o.height && Math.abs(x0 - o.x0) < tx && Math.abs(y0 - o.y0) < ty
                && Math.abs(dx - o.dx) < tx && Math.abs(dy - o.dy) < ty;
    }
}
