package org.pacarbon.map.ui;

import java.awt.Color;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.RasterStyle;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The legend of the visible layers, top layer first: a colour bar with values and unit for continuous rasters, one
 * box per class with its range for classified ones, a swatch for polygons; it scrolls when taller than the view.
 */
public final class LegendView extends MapFollowingView {
    public static final String ID = "org.pacarbon.views.legend";
    private Canvas canvas;
    private org.eclipse.swt.custom.ScrolledComposite scroll;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        scroll = new org.eclipse.swt.custom.ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        canvas = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
        canvas.setData(MapView.WIDGET_ID_KEY, ID + ".canvas");
        canvas.addPaintListener(e -> {
            int h = paint(e.gc);
            if (Math.abs(scroll.getMinHeight() - h) > 1) { // the content's height decides the scroll range
                canvas.getDisplay().asyncExec(() -> {
                    if (!scroll.isDisposed()) {
                        scroll.setMinSize(160, h);
                    }
                });
            }
        });
        scroll.setContent(canvas);
        scroll.setMinSize(160, 100);
        connectToOpenMap();
    }

    @Override
    protected void layersChanged() {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /** Paints the legend; returns the height it takes. */
    private int paint(GC gc) {
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(canvas.getClientArea());
        if (map == null) {
            return 0;
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
            RasterStyle s = l.style();
            double[] b = s == null ? null : s.breaks();
            if (l.raster() != null && s != null && b != null) {
                int lineH = gc.getFontMetrics().getHeight();
                for (int k = b.length - 2; k >= 0; k--) { // highest class on top, as the colour bar
                    int argb = s.argb((float) (0.5 * (b[k] + b[k + 1])));
                    org.eclipse.swt.graphics.Color sc = new org.eclipse.swt.graphics.Color(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
                    gc.setBackground(sc);
                    gc.fillRectangle(12, y + 1, 20, lineH - 2);
                    gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
                    gc.drawRectangle(12, y + 1, 20, lineH - 2);
                    gc.drawText(format(b[k]) + " \u2013 " + format(b[k + 1]) + (k == b.length - 2 ? " " + s.unit() : ""), 38, y, true);
                    y += lineH + 2;
                }
                gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
                y += 10;
            } else if (l.raster() != null && s != null) {
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
                Color f = l.fill();
                if (f != null) {
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
        return y + 8;
    }

    private static String format(double v) {
        return org.pacarbon.map.core.Figure.fmt(v);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

}
