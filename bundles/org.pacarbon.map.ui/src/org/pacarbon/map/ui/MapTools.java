package org.pacarbon.map.ui;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.text.Numbers;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.Measure;

/**
 * The map's mouse tools, one active at a time: pan (drag; a click identifies, as before there were tools), zoom in
 * (click, or drag a box), zoom out (click), identify (values of every layer at the point, in the Identify view),
 * measure a length or an area on the ellipsoid (click points, double-click or Enter ends, Esc clears) and select (the
 * features at the point are highlighted). Draws its rubber band and measured path over the map.
 */
final class MapTools {
    /** The tools, in toolbar order. */
    enum Tool {
        PAN("pan16.png"), ZOOM_IN("zoomin16.png"), ZOOM_OUT("zoomout16.png"), IDENTIFY("identify16.png"),
        MEASURE_LENGTH("measure16.png"), MEASURE_AREA("area16.png"), SELECT("select16.png");

        final String icon;

        Tool(String icon) {
            this.icon = icon;
        }
    }

    private final MapView map;
    private Canvas canvas;
    private Tool tool = Tool.PAN;
    private Point down;
    private Point current;
    private final List<Coordinate> path = new ArrayList<>(); // measured points, map coordinates
    private boolean pathDone;
    private volatile String measurement = ""; //$NON-NLS-1$
    private volatile double measured = Double.NaN;

    MapTools(MapView map) {
        this.map = map;
    }

    void install(Canvas c) {
        this.canvas = c;
        c.addListener(SWT.MouseDown, this::mouseDown);
        c.addListener(SWT.MouseMove, this::mouseMove);
        c.addListener(SWT.MouseUp, this::mouseUp);
        c.addListener(SWT.MouseDoubleClick, e -> finishPath());
        c.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC) {
                clearPath();
            } else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                finishPath();
            } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                map.copyToClipboard();
            }
        });
    }

    Tool tool() {
        return tool;
    }

    void setTool(Tool t) {
        tool = t;
        clearPath();
        if (canvas != null && !canvas.isDisposed()) {
            int cursor = switch (t) {
                case PAN -> SWT.CURSOR_SIZEALL;
                case ZOOM_IN, ZOOM_OUT, MEASURE_LENGTH, MEASURE_AREA -> SWT.CURSOR_CROSS;
                case IDENTIFY, SELECT -> SWT.CURSOR_HAND;
            };
            Cursor cur = canvas.getDisplay().getSystemCursor(cursor);
            canvas.setCursor(cur);
        }
    }

    /** The last measurement as shown ("Length 12.3 km"), or "" before one. */
    String measurement() {
        return measurement;
    }

    /** The last measurement in metres (length) or square metres (area); NaN before one. */
    double measured() {
        return measured;
    }

    /** The horizontal pan offset while dragging, in pixels (0 when not panning). */
    Point dragOffset() {
        return tool == Tool.PAN && down != null && current != null ? new Point(current.x - down.x, current.y - down.y) : new Point(0, 0);
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        down = new Point(e.x, e.y);
        current = down;
    }

    private void mouseMove(Event e) {
        if (down != null && (tool == Tool.PAN || tool == Tool.ZOOM_IN)) {
            current = new Point(e.x, e.y);
            canvas.redraw();
        } else if (!path.isEmpty() && !pathDone) {
            current = new Point(e.x, e.y);
            canvas.redraw();
        }
    }

    private void mouseUp(Event e) {
        if (down == null || e.button != 1) {
            return;
        }
        Point from = down;
        down = null;
        boolean click = Math.abs(e.x - from.x) + Math.abs(e.y - from.y) < 4;
        MapRenderer.View v = map.view();
        if (v == null) {
            return;
        }
        switch (tool) {
            case PAN -> {
                if (click) {
                    identifyAt(e.x, e.y);
                } else {
                    panBy(e.x - from.x, e.y - from.y);
                }
            }
            case ZOOM_IN -> {
                if (click) {
                    zoomAbout(e.x, e.y, 0.5);
                } else {
                    map.setExtent(new Envelope(v.mapX(from.x), v.mapX(e.x), v.mapY(from.y), v.mapY(e.y)));
                }
            }
            case ZOOM_OUT -> zoomAbout(e.x, e.y, 2);
            case IDENTIFY -> identifyAt(e.x, e.y);
            case SELECT -> selectAt(e.x, e.y);
            case MEASURE_LENGTH, MEASURE_AREA -> {
                if (pathDone) {
                    clearPath();
                }
                path.add(new Coordinate(v.mapX(e.x), v.mapY(e.y)));
                measure();
            }
        }
        current = null;
        canvas.redraw();
    }

    private void finishPath() {
        if (!path.isEmpty()) {
            // a double-click also sent two clicks at the same place: one point
            while (path.size() >= 2 && path.get(path.size() - 1).distance(path.get(path.size() - 2)) == 0) {
                path.remove(path.size() - 1);
            }
            pathDone = true;
            measure();
            canvas.redraw();
        }
    }

    private void clearPath() {
        path.clear();
        pathDone = false;
        current = null;
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /** Measures the path so far on the ellipsoid of the map's CRS and says it in the status line. */
    private void measure() {
        CoordinateReferenceSystem crs = map.crs();
        if (crs == null) {
            return;
        }
        try {
            if (tool == Tool.MEASURE_LENGTH) {
                measured = Measure.length(path, crs);
                measurement = Messages.MeasureLength + " " + Numbers.format(measured >= 10_000 ? measured / 1000 : measured,
                        measured >= 10_000 ? "km" : "m"); //$NON-NLS-1$ //$NON-NLS-2$
            } else {
                measured = Measure.area(path, crs);
                List<Coordinate> ring = new ArrayList<>(path);
                if (!ring.isEmpty()) {
                    ring.add(ring.get(0));
                }
                double perimeter = Measure.length(ring, crs);
                measurement = Messages.MeasureArea + " " + Numbers.areaKm2(measured) + "   " + Messages.MeasurePerimeter + " " //$NON-NLS-1$ //$NON-NLS-2$
                        + Numbers.format(perimeter / 1000, "km"); //$NON-NLS-1$
            }
        } catch (GisException | RuntimeException ex) {
            measured = Double.NaN;
            measurement = ex instanceof GisException g ? g.getMessage() : String.valueOf(ex.getMessage());
        }
        map.status(measurement + (pathDone ? "" : "   (" + Messages.MeasureHint + ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    /** Draws the zoom box or the measured path over the map image. */
    void paintOverlay(GC gc) {
        MapRenderer.View v = map.view();
        if (v == null) {
            return;
        }
        if (tool == Tool.ZOOM_IN && down != null && current != null) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRectangle(Math.min(down.x, current.x), Math.min(down.y, current.y), Math.abs(current.x - down.x),
                    Math.abs(current.y - down.y));
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (!path.isEmpty() && (tool == Tool.MEASURE_LENGTH || tool == Tool.MEASURE_AREA)) {
            List<Integer> pts = new ArrayList<>();
            for (Coordinate c : path) {
                pts.add((int) Math.round(v.px(c.x)));
                pts.add((int) Math.round(v.py(c.y)));
            }
            if (!pathDone && current != null) {
                pts.add(current.x);
                pts.add(current.y);
            }
            int[] xy = pts.stream().mapToInt(Integer::intValue).toArray();
            gc.setLineWidth(2);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
            if (tool == Tool.MEASURE_AREA && xy.length >= 6) {
                gc.setAlpha(60);
                gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
                gc.fillPolygon(xy);
                gc.setAlpha(255);
                gc.drawPolygon(xy);
            } else {
                gc.drawPolyline(xy);
            }
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
            for (int i = 0; i + 1 < xy.length; i += 2) {
                gc.fillOval(xy[i] - 3, xy[i + 1] - 3, 6, 6);
            }
            gc.setLineWidth(1);
        }
    }

    /** Zooms by {@code factor} (below 1: in) keeping the map point under the pixel where it is. */
    void zoomAbout(int x, int y, double factor) {
        MapRenderer.View v = map.view();
        if (v == null) {
            return;
        }
        double mx = v.mapX(x), my = v.mapY(y);
        Envelope f = v.extent();
        map.setExtent(new Envelope(mx - (mx - f.getMinX()) * factor, mx + (f.getMaxX() - mx) * factor, my - (my - f.getMinY()) * factor,
                my + (f.getMaxY() - my) * factor));
    }

    /** Moves the map by a drag of {@code dx, dy} pixels. */
    void panBy(int dx, int dy) {
        MapRenderer.View v = map.view();
        Envelope e = map.extent();
        if (v == null || e == null) {
            return;
        }
        double ux = dx * e.getWidth() / v.width(), uy = dy * e.getHeight() / v.height();
        map.setExtent(new Envelope(e.getMinX() - ux, e.getMaxX() - ux, e.getMinY() + uy, e.getMaxY() + uy));
    }

    /** Identifies at a pixel: the values go to the Identify view and the status line, the feature is highlighted. */
    void identifyAt(int px, int py) {
        MapRenderer.View v = map.view();
        if (v == null) {
            return;
        }
        double x = v.mapX(px), y = v.mapY(py);
        org.eclipse.swt.widgets.Display display = map.canvas().getDisplay();
        // values read from the files and the point in lon/lat (the first transform opens the EPSG database) in a job
        org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create(Messages.ToolIdentify, monitor -> {
            List<String> found = map.identify(x, y);
            org.locationtech.jts.geom.Geometry hit = map.model().featuresAt(x, y);
            String at = MapStatus.point(map, x, y);
            display.asyncExec(() -> {
                if (!map.canvas().isDisposed()) {
                    map.setHighlight(hit);
                    map.status(String.join("; ", found)); //$NON-NLS-1$
                    IdentifyView.show(map.getSite().getPage(), at, found);
                }
            });
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Selects the features at a pixel: highlighted on the map (the attribute table's selection does the same). */
    void selectAt(int px, int py) {
        MapRenderer.View v = map.view();
        if (v != null) {
            map.setHighlight(map.model().featuresAt(v.mapX(px), v.mapY(py)));
        }
    }
}
