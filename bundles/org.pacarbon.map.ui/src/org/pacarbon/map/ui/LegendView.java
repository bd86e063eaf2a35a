package org.pacarbon.map.ui;

import java.awt.Color;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.RasterStyle;

/** The legend of the visible layers: colour bar with values and unit for rasters, a swatch for polygons. */
public final class LegendView extends ViewPart {
    public static final String ID = "org.pacarbon.views.legend";
    private Canvas canvas;
    private MapView map;
    private final Runnable listener = () -> {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(MapView.WIDGET_ID_KEY, ID + ".canvas");
        canvas.addPaintListener(e -> paint(e.gc));
        if (getSite().getPage().findView(MapView.ID) instanceof MapView m) {
            connect(m);
        }
    }

    /** Shows the legend of a map view. */
    public void connect(MapView mapView) {
        if (map != null) {
            map.removeLayersListener(listener);
        }
        map = mapView;
        map.addLayersListener(listener);
        listener.run();
    }

    private void paint(GC gc) {
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(canvas.getClientArea());
        if (map == null) {
            return;
        }
        int y = 8;
        java.util.List<MapLayer> ls = map.layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            MapLayer l = ls.get(i);
            if (!l.isVisible()) {
                continue;
            }
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(l.name(), 8, y, true);
            y += gc.getFontMetrics().getHeight() + 4;
            if (l.raster() != null) {
                RasterStyle s = l.style();
                int h = 120;
                for (int k = 0; k < h; k++) {
                    Color c = s.ramp().at(1 - (double) k / (h - 1));
                    org.eclipse.swt.graphics.Color sc = new org.eclipse.swt.graphics.Color(c.getRed(), c.getGreen(), c.getBlue());
                    gc.setForeground(sc);
                    gc.drawLine(12, y + k, 32, y + k);
                }
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
                gc.drawRectangle(12, y, 20, h);
                gc.drawText(format(s.max()) + " " + s.unit(), 38, y - 4, true);
                gc.drawText(format(s.log() ? Math.sqrt(s.min() * s.max()) : (s.min() + s.max()) / 2), 38, y + h / 2 - 8, true);
                gc.drawText(format(s.min()), 38, y + h - 12, true);
                y += h + 14;
            } else {
                if (l.fill() != null) {
                    Color f = l.fill();
                    double a = f.getAlpha() / 255.0; // blend with white as the map does over a light background
                    gc.setBackground(new org.eclipse.swt.graphics.Color((int) (255 - a * (255 - f.getRed())),
                            (int) (255 - a * (255 - f.getGreen())), (int) (255 - a * (255 - f.getBlue()))));
                    gc.fillRectangle(12, y, 20, 12);
                }
                Color st = l.stroke() != null ? l.stroke() : Color.DARK_GRAY;
                gc.setForeground(new org.eclipse.swt.graphics.Color(st.getRed(), st.getGreen(), st.getBlue()));
                gc.setLineWidth(2);
                gc.drawRectangle(12, y, 20, 12);
                gc.setLineWidth(1);
                y += 24;
            }
        }
    }

    private static String format(double v) {
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        if (map != null) {
            map.removeLayersListener(listener);
        }
        super.dispose();
    }
}
