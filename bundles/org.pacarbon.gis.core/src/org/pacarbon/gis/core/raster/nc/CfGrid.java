package org.pacarbon.gis.core.raster.nc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.crs.MapProjection;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.nc.NcFile.Var;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The CF conventions over a netCDF file: which variable, which of its dimensions are x and y (in either order),
 * which index of the others (time, band, level), the regular grid the coordinate variables describe, and the CRS
 * of the grid mapping. Read once when a raster is opened; {@link NetcdfSource} reads the cells through it.
 *
 * @param var        the variable
 * @param xDim       index of the x dimension in the variable's dimensions
 * @param yDim       index of the y dimension
 * @param fixed      index chosen along every other dimension (-1 for x and y)
 * @param grid       the grid, columns west to east
 * @param xReversed  whether the file stores x descending (the reader reverses each row)
 * @param roll       the file column that comes first in each row (a 0..360 global grid shown as -180..180), 0 if none
 * @param crs        the CRS, (east, north)
 * @param selected   what was chosen along the other dimensions, for the log ("time 2010-01-01"), or ""
 */
public record CfGrid(Var var, int xDim, int yDim, int[] fixed, GridSpec grid, boolean xReversed, int roll,
        CoordinateReferenceSystem crs, String selected) {

    /** How to choose a slice along dimensions other than x and y. */
    public record Selection(@Nullable Integer band, @Nullable String time, @Nullable Integer year) {
        /** Nothing chosen: only single-step other dimensions are accepted. */
        public static final Selection NONE = new Selection(null, null, null);
    }

    private static final Pattern SINCE = Pattern.compile("(?i)\\s*(\\w+)\\s+since\\s+(\\d{1,4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?)?.*");

    /**
     * Resolves a variable's grid.
     *
     * @param file         the file, for messages
     * @param nc           the open file
     * @param name         variable name (or its standard_name, or long_name); {@code null} when the file has one data variable
     * @param crsOverride  CRS to use instead of the file's, or {@code null}
     * @param sel          the slice along other dimensions
     */
    public static CfGrid resolve(Path file, NcFile nc, @Nullable String name, @Nullable CoordinateReferenceSystem crsOverride,
            Selection sel)
            throws GisException, IOException {
        Var v = pick(file, nc, name);
        int n = v.dims().size();
        if (n < 2) {
            throw new GisException(file, "variable '" + v.name() + "' has " + n + " dimension(s)", "a gridded variable with x and y dimensions");
        }
        if (v.type() == NcFile.Type.CHAR || v.type() == NcFile.Type.OTHER) {
            throw new GisException(file, "variable '" + v.name() + "' is not numeric (" + v.type() + ")", "a numeric variable");
        }
        int xd = -1, yd = -1;
        for (int d = 0; d < n; d++) {
            int a = axis(nc, v.dims().get(d));
            if (a == 'X' && xd < 0) {
                xd = d;
            } else if (a == 'Y' && yd < 0) {
                yd = d;
            }
        }
        if (xd < 0 || yd < 0) { // no recognisable coordinates: the usual (..., y, x) order
            xd = n - 1;
            yd = n - 2;
        }
        // the other dimensions
        int[] fixed = new int[n];
        List<String> chosen = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            fixed[d] = -1;
            if (d != xd && d != yd) {
                others.add(d);
            }
        }
        int multi = 0;
        for (int d : others) {
            if (v.shape()[d] > 1) {
                multi++;
            }
        }
        for (int d : others) {
            String dim = v.dims().get(d);
            long len = v.shape()[d];
            if (len == 0) {
                throw new GisException(file, "variable '" + v.name() + "' has no data along '" + dim + "' (length 0)", "a variable with data");
            }
            if (len == 1) {
                fixed[d] = 0;
                continue;
            }
            if (multi > 1) {
                throw new GisException(file, "variable '" + v.name() + "' has several dimensions besides x and y " + v.dims(),
                        "a variable with at most one dimension besides x and y (time, band or level)");
            }
            List<String> labels = labels(nc, dim, len);
            Integer band = sel.band();
            if (band != null) {
                if (band < 1 || band > len) {
                    throw new GisException(file, "band " + band + " is outside '" + dim + "' (1.." + len + ")", "\"band\" from 1 to " + len);
                }
                fixed[d] = band - 1;
            } else if (sel.time() != null || sel.year() != null) {
                String want = sel.time() != null ? sel.time() : String.valueOf(sel.year());
                int hit = -1;
                for (int i = 0; i < labels.size(); i++) {
                    if (labels.get(i).startsWith(want)) {
                        if (hit >= 0) {
                            hit = -2;
                            break;
                        }
                        hit = i;
                    }
                }
                if (hit < 0) {
                    throw new GisException(file, "variable '" + v.name() + "' has " + len + " steps along '" + dim + "' and "
                            + (hit == -1 ? "none" : "more than one") + " matches " + (sel.time() != null ? "time \"" : "the year \"") + want
                            + "\" (steps: " + abbreviate(labels) + ")", "\"band\": a step number from 1 to " + len + ", or \"time\": one of the steps");
                }
                fixed[d] = hit;
            } else {
                throw new GisException(file, "variable '" + v.name() + "' has " + len + " steps along '" + dim + "' ("
                        + abbreviate(labels) + ") and none was chosen", "\"band\": a step from 1 to " + len
                        + ", \"time\": a date, or the layer's \"year\"");
            }
            chosen.add(dim + " " + labels.get(fixed[d]));
        }
        // coordinates
        int w = Math.toIntExact(v.shape()[xd]), h = Math.toIntExact(v.shape()[yd]);
        double[] xs = coords(nc, v.dims().get(xd), w);
        double[] ys = coords(nc, v.dims().get(yd), h);
        Var gm = gridMapping(nc, v);
        double[] gt = geoTransform(gm);
        double x0, dx, y0, dy;
        double xUnit = 1, yUnit = 1;
        if (xs != null && ys != null) {
            xUnit = linearUnit(file, nc, v.dims().get(xd));
            yUnit = linearUnit(file, nc, v.dims().get(yd));
            dx = step(file, v.dims().get(xd), xs) * xUnit;
            dy = step(file, v.dims().get(yd), ys) * yUnit;
            x0 = xs[0] * xUnit - dx / 2;
            y0 = ys[0] * yUnit - dy / 2;
        } else if (gt != null) {
            x0 = gt[0];
            dx = gt[1];
            y0 = gt[3];
            dy = gt[5];
            if (gt[2] != 0 || gt[4] != 0) {
                throw new GisException(file, "the grid of '" + v.name() + "' is rotated (GeoTransform)", "a north-up grid");
            }
        } else {
            throw new GisException(file, "variable '" + v.name() + "' has no coordinate variables for " + v.dims().get(xd) + " and "
                    + v.dims().get(yd), "1-D coordinate variables (lon/lat or x/y) or a GDAL GeoTransform");
        }
        boolean reversed = dx < 0;
        if (reversed) {
            x0 = x0 + w * dx;
            dx = -dx;
        }
        CoordinateReferenceSystem crs = crsOverride != null ? crsOverride : crs(file, nc, v, gm, xd, xUnit);
        int roll = 0;
        if (CrsSupport.isGeographic(crs) && Math.abs(w * dx - 360) < dx * 1e-3 && x0 > -dx * 0.5 && x0 + w * dx > 180 + dx * 0.5) {
            // a global 0..360 grid: show it as -180..180 so that PAs west of Greenwich meet it
            double k = (180 - x0) / dx; // columns west of 180 degrees
            if (Math.abs(k - Math.rint(k)) < 1e-6 && k > 0 && k < w) {
                roll = (int) Math.rint(k);
                x0 = x0 + roll * dx - 360;
            }
        }
        GridSpec grid;
        try {
            grid = new GridSpec(w, h, x0, y0, dx, dy);
        } catch (IllegalArgumentException e) {
            throw new GisException(file, "variable '" + v.name() + "': " + e.getMessage(), "a regular grid");
        }
        return new CfGrid(v, xd, yd, fixed, grid, reversed, roll, crs, String.join(", ", chosen));
    }

    /** The data variables of a file (names; with more than one dimension, not coordinates, numeric). */
    public static List<String> dataVariables(NcFile nc) {
        List<String> names = new ArrayList<>();
        for (Var v : nc.variables()) {
            if (isData(nc, v)) {
                names.add(v.name());
            }
        }
        return names;
    }

    private static boolean isData(NcFile nc, Var v) {
        if (v.dims().size() < 2 || v.type() == NcFile.Type.CHAR || v.type() == NcFile.Type.OTHER) {
            return false;
        }
        String bounds = null;
        for (Var o : nc.variables()) { // cell bounds (lat_bnds, time_bnds) are not data
            if (v.name().equals(o.text("bounds"))) {
                bounds = v.name();
            }
        }
        return bounds == null;
    }

    private static Var pick(Path file, NcFile nc, @Nullable String name) throws GisException {
        List<String> data = dataVariables(nc);
        if (name == null) {
            if (data.size() == 1) {
                return nc.listed(data.get(0));
            }
            throw new GisException(file, data.isEmpty() ? "holds no gridded variable" : "holds several variables " + described(nc, data)
                    + " and none was chosen", data.isEmpty() ? "a netCDF file with a gridded variable" : "a variable name (\"variable\": \"...\")");
        }
        Var v = nc.variable(name);
        if (v != null) {
            return v;
        }
        for (String key : List.of("standard_name", "long_name")) {
            Var hit = null;
            for (String d : data) {
                Var c = nc.listed(d);
                if (name.equalsIgnoreCase(c.text(key))) {
                    if (hit != null) {
                        throw new GisException(file, "more than one variable has " + key + " '" + name + "': " + hit.name() + ", " + c.name(),
                                "a variable name");
                    }
                    hit = c;
                }
            }
            if (hit != null) {
                return hit;
            }
        }
        for (String d : data) {
            if (d.equalsIgnoreCase(name)) {
                return nc.listed(d);
            }
        }
        throw new GisException(file, "has no variable '" + name + "'", "one of " + described(nc, data));
    }

    private static String described(NcFile nc, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String sn = nc.listed(n).text("standard_name");
            out.add(sn != null && !sn.equals(n) ? n + " (" + sn + ")" : n);
        }
        return out.toString();
    }

    /** 'X', 'Y', or 0: what the coordinate variable of a dimension says it is. */
    private static int axis(NcFile nc, String dim) {
        Var c = nc.variable(dim);
        String lname = dim.toLowerCase(Locale.ROOT);
        if (c != null && c.dims().size() == 1) {
            String axis = c.text("axis");
            if (axis != null) {
                return axis.equalsIgnoreCase("X") ? 'X' : axis.equalsIgnoreCase("Y") ? 'Y' : 0;
            }
            String sn = String.valueOf(c.text("standard_name")).toLowerCase(Locale.ROOT);
            if (sn.equals("longitude") || sn.equals("projection_x_coordinate") || sn.equals("grid_longitude") || sn.equals("projection_x_angular_coordinate")) {
                return 'X';
            }
            if (sn.equals("latitude") || sn.equals("projection_y_coordinate") || sn.equals("grid_latitude") || sn.equals("projection_y_angular_coordinate")) {
                return 'Y';
            }
            String u = String.valueOf(c.text("units")).toLowerCase(Locale.ROOT);
            if (u.startsWith("degrees_east") || u.startsWith("degree_east") || u.equals("degreee") || u.equals("degrees_e")) {
                return 'X';
            }
            if (u.startsWith("degrees_north") || u.startsWith("degree_north") || u.equals("degreesn") || u.equals("degrees_n")) {
                return 'Y';
            }
        }
        if (lname.equals("lon") || lname.equals("longitude") || lname.equals("x") || lname.equals("xc") || lname.equals("rlon")) {
            return 'X';
        }
        if (lname.equals("lat") || lname.equals("latitude") || lname.equals("y") || lname.equals("yc") || lname.equals("rlat")) {
            return 'Y';
        }
        return 0;
    }

    private static double @Nullable [] coords(NcFile nc, String dim, int len) throws IOException {
        Var c = nc.variable(dim);
        if (c == null || c.dims().size() != 1 || c.shape()[0] != len || c.type() == NcFile.Type.CHAR) {
            return null;
        }
        double[] v = nc.read(c, new long[] {0}, new int[] {len});
        double[] sf = c.numbers("scale_factor"), ao = c.numbers("add_offset");
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * (sf != null ? sf[0] : 1) + (ao != null ? ao[0] : 0);
        }
        return v;
    }

    /** Metres per unit of a projection coordinate (1 for degrees and for coordinates without a unit). */
    private static double linearUnit(Path file, NcFile nc, String dim) throws GisException {
        Var c = nc.variable(dim);
        String u = c == null ? null : c.text("units");
        if (u == null || u.isBlank() || u.toLowerCase(Locale.ROOT).startsWith("degree")) {
            return 1;
        }
        double m = MapProjection.metres(u);
        if (Double.isNaN(m)) {
            String l = u.toLowerCase(Locale.ROOT);
            if (l.equals("radian") || l.equals("radians") || l.equals("rad")) {
                throw new GisException(file, "coordinate '" + dim + "' is a scanning angle in radians (geostationary view)",
                        "a grid in metres or degrees; reproject the file (e.g. gdalwarp) first");
            }
            if (l.equals("1") || l.equals("index") || l.equals("count")) {
                return 1;
            }
            throw new GisException(file, "coordinate '" + dim + "' has the unknown unit '" + u + "'", "m, km, ft, US_survey_foot or degrees");
        }
        return m;
    }

    private static double step(Path file, String dim, double[] c) throws GisException {
        if (c.length == 1) {
            throw new GisException(file, "coordinate '" + dim + "' has a single value: the cell size is unknown", "at least two cells along x and y");
        }
        double s = (c[c.length - 1] - c[0]) / (c.length - 1);
        if (!(s != 0) || !Double.isFinite(s)) {
            throw new GisException(file, "coordinate '" + dim + "' is not monotonic", "regularly spaced coordinates");
        }
        for (int i = 0; i < c.length; i++) {
            if (Math.abs(c[0] + i * s - c[i]) > Math.abs(s) * 1e-3) {
                throw new GisException(file, "coordinate '" + dim + "' is not regularly spaced (value " + i + " is " + c[i]
                        + ", a regular grid has " + (c[0] + i * s) + ")", "a regular grid (e.g. regrid Gaussian grids with cdo first)");
            }
        }
        return s;
    }

    private static @Nullable Var gridMapping(NcFile nc, Var v) {
        String gm = v.text("grid_mapping");
        if (gm != null) {
            String key = gm.trim().split("[:\\s]")[0];
            Var m = nc.variable(key);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static double @Nullable [] geoTransform(@Nullable Var gm) {
        String gt = gm == null ? null : gm.text("GeoTransform");
        if (gt == null) {
            return null;
        }
        String[] p = gt.trim().split("\\s+");
        if (p.length != 6) {
            return null;
        }
        double[] d = new double[6];
        for (int i = 0; i < 6; i++) {
            d[i] = Double.parseDouble(p[i]);
        }
        return d;
    }

    private static CoordinateReferenceSystem crs(Path file, NcFile nc, Var v, @Nullable Var gm, int xd, double xUnit) throws GisException {
        int xAxis = axis(nc, v.dims().get(xd));
        Var xc = nc.variable(v.dims().get(xd));
        boolean degrees = xc != null && String.valueOf(xc.text("units")).toLowerCase(Locale.ROOT).startsWith("degree");
        if (gm != null) {
            for (String key : List.of("crs_wkt", "spatial_ref", "esri_pe_string")) {
                String wkt = gm.text(key);
                if (wkt != null && !wkt.isBlank()) {
                    return CrsSupport.parse(wkt, file);
                }
            }
            String proj4 = gm.text("proj4") != null ? gm.text("proj4") : gm.text("proj4text");
            String name = gm.text("grid_mapping_name");
            if (name == null && proj4 != null) {
                return CrsSupport.parse(proj4, file);
            }
            if (name != null) {
                try {
                    return CfProjection.toCrs(file, gm, name, xUnit);
                } catch (FactoryException | RuntimeException e) {
                    throw new GisException(file, "grid mapping '" + gm.name() + "' (" + name + ") cannot be built: " + e.getMessage(),
                            "a CF grid mapping with its parameters", e);
                }
            }
        }
        if (degrees || xAxis == 'X' && xc != null && "longitude".equals(xc.text("standard_name"))) {
            return CrsSupport.lonLat();
        }
        throw new GisException(file, "variable '" + v.name() + "' has no CRS (no grid_mapping and no lon/lat coordinates)",
                "a CF grid_mapping, or a CRS given with the layer (\"crs\": \"EPSG:...\")");
    }

    /** Labels of the steps along a dimension: dates for CF time coordinates, else the coordinate values or 1..n. */
    static List<String> labels(NcFile nc, String dim, long len) throws IOException {
        List<String> out = new ArrayList<>();
        Var c = nc.variable(dim);
        double[] vals = c != null && c.dims().size() == 1 && c.shape()[0] == len && c.type() != NcFile.Type.CHAR
                ? nc.read(c, new long[] {0}, new int[] {(int) len}) : null;
        String units = c == null ? null : c.text("units");
        Matcher m = units == null ? null : SINCE.matcher(units);
        for (int i = 0; i < len; i++) {
            if (c != null && vals != null && m != null && m.matches()) {
                out.add(date(vals[i], m, String.valueOf(c.text("calendar")).toLowerCase(Locale.ROOT)));
            } else if (vals != null) {
                double x = vals[i];
                out.add(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x));
            } else {
                out.add(Integer.toString(i + 1));
            }
        }
        return out;
    }

    private static String date(double value, Matcher m, String calendar) {
        String unit = m.group(1).toLowerCase(Locale.ROOT);
        int y = Integer.parseInt(m.group(2)), mo = Integer.parseInt(m.group(3)), d = Integer.parseInt(m.group(4));
        double seconds = switch (unit) {
            case "seconds", "second", "secs", "sec", "s" -> value;
            case "minutes", "minute", "mins", "min" -> value * 60;
            case "hours", "hour", "hrs", "hr", "h" -> value * 3600;
            case "days", "day", "d" -> value * 86400;
            default -> Double.NaN;
        };
        if (unit.startsWith("year")) {
            return String.format(Locale.ROOT, "%04d", y + (int) Math.floor(value));
        }
        if (unit.startsWith("month")) {
            int months = (int) Math.floor(value) + (mo - 1);
            return String.format(Locale.ROOT, "%04d-%02d", y + Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
        }
        if (Double.isNaN(seconds)) {
            return Double.toString(value);
        }
        long days = (long) Math.floor(seconds / 86400);
        if (calendar.equals("noleap") || calendar.equals("365_day") || calendar.equals("360_day")) {
            int ylen = calendar.equals("360_day") ? 360 : 365;
            int[] ml = calendar.equals("360_day") ? new int[] {30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30}
                    : new int[] {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            long doy = d - 1;
            for (int k = 0; k < mo - 1; k++) {
                doy += ml[k];
            }
            long total = doy + days;
            long yy = y + Math.floorDiv(total, ylen);
            int rem = (int) Math.floorMod(total, ylen);
            int k = 0;
            while (rem >= ml[k]) {
                rem -= ml[k++];
            }
            return String.format(Locale.ROOT, "%04d-%02d-%02d", yy, k + 1, rem + 1);
        }
        LocalDateTime t = LocalDateTime.of(y, mo, d, 0, 0).plusSeconds((long) Math.floor(seconds));
        return t.toLocalDate().toString();
    }

    private static String abbreviate(List<String> labels) {
        return labels.size() <= 8 ? String.join(", ", labels)
                : String.join(", ", labels.subList(0, 4)) + ", ..., " + String.join(", ", labels.subList(labels.size() - 2, labels.size()));
    }
}
