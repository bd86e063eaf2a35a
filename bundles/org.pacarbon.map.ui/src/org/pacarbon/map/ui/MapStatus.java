package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.zonal.core.CellAreas;

/** Where the map is and how big it shows things: pointer coordinates, the scale (shown and typed), the fitted extent. */
final class MapStatus {
    private MapStatus() {
    }

    /** An extent widened to a canvas's aspect ratio, so that pixels stay square (on the ground for lon/lat maps). */
    static Envelope fitted(Envelope extent, int w, int h, boolean geographic) {
        double want = (double) Math.max(1, w) / Math.max(1, h);
        if (geographic) {
            want /= Math.cos(Math.toRadians(Math.max(-80, Math.min(80, extent.centre().y))));
        }
        double cx = extent.centre().x, cy = extent.centre().y;
        double ew = extent.getWidth(), eh = extent.getHeight();
        if (ew / eh < want) {
            ew = eh * want;
        } else {
            eh = ew / want;
        }
        return new Envelope(cx - ew / 2, cx + ew / 2, cy - eh / 2, cy + eh / 2);
    }

    /** Whether the map is drawn as lon/lat (its CRS is geographic): pixels are kept square on the ground. */
    static boolean geographic(org.pacarbon.map.core.MapModel model) {
        CoordinateReferenceSystem crs = model.crs();
        return crs != null && CrsSupport.isGeographic(crs);
    }

    /** A map point as text: lon/lat on a geographic map, else x/y with lon/lat beside. */
    static String point(MapView map, double mx, double my) {
        return point(map, mx, my, true);
    }

    /** A map CRS and its transform to lon/lat (found in a job when the mouse moves: the first one opens the EPSG database). */
    private record LonLat(CoordinateReferenceSystem crs, org.opengis.referencing.operation.@Nullable MathTransform toLonLat) {
    }

    private static volatile @Nullable LonLat lonLat;
    private static volatile boolean finding;

    /**
     * As {@link #point(MapView, double, double)}; with {@code wait} false (the UI thread, as the mouse moves) the lon/lat
     * part is left out until a job has found the map CRS's transform.
     */
    static String point(MapView map, double mx, double my, boolean wait) {
        CoordinateReferenceSystem crs = map.crs();
        boolean geographic = crs != null && CrsSupport.isGeographic(crs);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, geographic ? "lon %.4f  lat %.4f" : "x %.1f  y %.1f", mx, my)); //$NON-NLS-1$ //$NON-NLS-2$
        if (crs != null && !geographic) {
            LonLat known = lonLat;
            boolean isKnown = known != null && known.crs() == crs; // a transform, or none to be had
            org.opengis.referencing.operation.MathTransform t = isKnown && known != null ? known.toLonLat() : null;
            if (!isKnown && wait) {
                t = lonLat(crs);
            } else if (!isKnown && !finding) {
                finding = true;
                org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create("lon/lat", m -> { //$NON-NLS-1$
                    lonLat(crs);
                    finding = false;
                });
                job.setSystem(true);
                job.schedule();
            }
            try {
                if (t != null) {
                    double[] p = {mx, my};
                    t.transform(p, 0, p, 0, 1);
                    sb.append(String.format(Locale.ROOT, "   (lon %.4f  lat %.4f)", p[0], p[1])); //$NON-NLS-1$
                }
            } catch (org.opengis.referencing.operation.TransformException e) {
                // outside the projection's domain: map coordinates only
            }
        }
        return sb.toString();
    }

    private static org.opengis.referencing.operation.@Nullable MathTransform lonLat(CoordinateReferenceSystem crs) {
        try {
            org.opengis.referencing.operation.MathTransform t = CrsSupport.transform(CrsSupport.eastNorth(crs), CrsSupport.lonLat());
            lonLat = new LonLat(crs, t);
            return t;
        } catch (GisException e) {
            lonLat = new LonLat(crs, null); // no lon/lat for this CRS: map coordinates only
            return null;
        }
    }

    /** The status line for the pointer at a pixel: coordinates and the scale. */
    static String coordinates(MapView map, int x, int y) {
        MapRenderer.View v = map.view();
        if (v == null) {
            return ""; //$NON-NLS-1$
        }
        double my = v.mapY(y);
        String s = point(map, v.mapX(x), my, false);
        double scale = scale(map, v, my);
        return Double.isNaN(scale) ? s : s + "   1:" + String.format(Locale.ROOT, "%,.0f", scale); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** The scale denominator at latitude (or y) {@code atY}, at the screen's resolution; NaN for a CRS without units. */
    static double scale(MapView map, MapRenderer.View v, double atY) {
        double metresPerUnit = metresPerUnit(map, atY);
        if (Double.isNaN(metresPerUnit)) {
            return Double.NaN;
        }
        double metresPerPixel = v.extent().getWidth() / v.width() * metresPerUnit;
        return metresPerPixel * dpi(map) / 0.0254;
    }

    /** The extent that shows {@code denominator} (1:denominator) about the centre of the view; null when it cannot. */
    static @Nullable Envelope extentAtScale(MapView map, double denominator) {
        MapRenderer.View v = map.view();
        if (v == null || !(denominator > 0)) {
            return null;
        }
        Envelope e = v.extent();
        double metresPerUnit = metresPerUnit(map, e.centre().y);
        if (Double.isNaN(metresPerUnit)) {
            return null;
        }
        double unitsPerPixel = denominator * 0.0254 / dpi(map) / metresPerUnit;
        double w = unitsPerPixel * v.width() / 2, h = unitsPerPixel * v.height() / 2;
        if (geographic(map.model())) {
            h *= Math.cos(Math.toRadians(Math.max(-80, Math.min(80, e.centre().y))));
        }
        return new Envelope(e.centre().x - w, e.centre().x + w, e.centre().y - h, e.centre().y + h);
    }

    /** Parses a typed scale: "1:50000", "50000", "1:50 000", "50,000"; NaN when it is not one. */
    static double parseScale(String text) {
        String t = text.trim().replaceFirst("^1\\s*:\\s*", "").replaceAll("[\\s,'\u00a0]", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        try {
            double d = Double.parseDouble(t);
            return d >= 1 && Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double metresPerUnit(MapView map, double atY) {
        CoordinateReferenceSystem crs = map.crs();
        if (crs == null) {
            return Double.NaN;
        }
        if (CrsSupport.isGeographic(crs)) {
            return 111_320 * Math.cos(Math.toRadians(Math.max(-89, Math.min(89, atY))));
        }
        try {
            return CellAreas.metresPerUnit(crs);
        } catch (RuntimeException | LinkageError | GisException e) {
            return Double.NaN;
        }
    }

    private static double dpi(MapView map) {
        return map.canvas() == null || map.canvas().isDisposed() ? 96 : map.canvas().getDisplay().getDPI().x;
    }
}
