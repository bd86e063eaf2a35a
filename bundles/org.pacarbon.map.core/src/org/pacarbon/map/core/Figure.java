package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.zonal.core.CellAreas;

/**
 * The figure composer: title, the map's visible layers in the order of the layer list (rasters as images, outlines
 * as paths), a legend with an entry for every visible layer (top layer first: colour bar or classes with the unit,
 * outline swatches), a scale bar that is correct on the map's CRS, a north arrow and a credits line. Writes PNG (at
 * a chosen scale), SVG and PDF (both vector: text as text, outlines as paths, rasters as embedded images).
 */
public final class Figure {
    /** A layer of the figure: a raster drawn as an image, or polygon outlines. */
    public sealed interface Layer permits RasterLayer, Overlay, ImageLayer {
        /** The legend's name of the layer; null: no legend entry. */
        @Nullable String legendLabel();
    }

    /**
     * A raster layer drawn into an image of the view's extent, with its style for the legend. The image may have more
     * pixels than the view (a print-resolution figure: its rasters at 2 or 3 times the view's size); it is drawn
     * over the map's area.
     */
    public record RasterLayer(BufferedImage image, float opacity, RasterStyle style, @Nullable String legendLabel) implements Layer {
    }

    /** A picture of the map's area with no legend of values (web map tiles); named in the legend. */
    public record ImageLayer(BufferedImage image, float opacity, @Nullable String legendLabel) implements Layer {
    }

    /** Outlines (and an optional fill) of a geometry in the map's CRS. */
    public record Overlay(org.locationtech.jts.geom.Geometry geometry, Color stroke, float width, @Nullable Color fill,
            @Nullable String legendLabel)
            implements Layer {
    }

    private final String title;
    private final List<Layer> layers;
    private final MapRenderer.View view;
    private final CoordinateReferenceSystem crs;
    private final String credits;

    /**
     * @param layers the visible layers, bottom first (the order of the map's layer list)
     */
    public Figure(String title, List<Layer> layers, MapRenderer.View view, CoordinateReferenceSystem crs, String credits) {
        this.title = title;
        this.layers = List.copyOf(layers);
        this.view = view;
        this.crs = crs;
        this.credits = credits;
    }

    static final int MARGIN = 24, TITLE_H = 44, LEGEND_W = 190, CREDITS_H = 26;

    /** Figure size in points (1 point = 1 pixel at scale 1). */
    public int width() {
        return MARGIN + view.width() + MARGIN + LEGEND_W + MARGIN;
    }

    public int height() {
        return TITLE_H + Math.max(view.height(), legendHeight()) + CREDITS_H + MARGIN;
    }

    /** The legend's entries, top layer first, as the layer list shows them. */
    public List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).legendLabel() != null) {
                out.add(layers.get(i).legendLabel());
            }
        }
        return out;
    }

    /** The layers as drawn, bottom first. */
    public List<Layer> layers() {
        return layers;
    }

    /** Draws the whole figure. */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title, MARGIN, 30);
        int mx = MARGIN, my = TITLE_H;
        g.setColor(new Color(0xe8, 0xf0, 0xf6)); // background: sea and outside the data
        g.fillRect(mx, my, view.width(), view.height());
        Graphics2D mg = (Graphics2D) g.create(mx, my, view.width(), view.height());
        for (Layer l : layers) { // bottom first, as on screen
            if (l instanceof RasterLayer r) {
                java.awt.Composite before = mg.getComposite();
                mg.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, r.opacity()));
                mg.drawImage(r.image(), 0, 0, view.width(), view.height(), null); // an image of any resolution fills the map
                mg.setComposite(before);
            } else if (l instanceof ImageLayer im) {
                java.awt.Composite before = mg.getComposite();
                mg.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, im.opacity()));
                mg.drawImage(im.image(), 0, 0, view.width(), view.height(), null);
                mg.setComposite(before);
            } else if (l instanceof Overlay o) {
                MapRenderer.outlines(mg, o.geometry(), view, o.stroke(), o.width(), o.fill());
            }
        }
        mg.dispose();
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(mx, my, view.width(), view.height());
        northArrow(g, mx + view.width() - 40, my + 16);
        scaleBar(g, mx + 16, my + view.height() - 18);
        legend(g, mx + view.width() + MARGIN, my);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        g.drawString(credits, MARGIN, TITLE_H + Math.max(view.height(), legendHeight()) + 18);
    }

    private void northArrow(Graphics2D g, int x, int y) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x + 9, y + 28);
        p.lineTo(x, y + 22);
        p.lineTo(x - 9, y + 28);
        p.closePath();
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.fill(p);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString("N", x - 4, y + 44);
    }

    private void scaleBar(Graphics2D g, int x, int y) {
        double[] bar = scaleBarLength(view, crs);
        int px = (int) Math.round(bar[1]);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(x - 6, y - 20, px + 60, 28);
        g.setColor(Color.BLACK);
        g.fillRect(x, y - 6, px / 2, 6);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y - 6, px, 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("0", x - 3, y - 9);
        String label = bar[0] >= 1000 ? fmt(bar[0] / 1000) + " km" : fmt(bar[0]) + " m";
        g.drawString(label, x + px - 6, y - 9);
    }

    /**
     * The scale bar: {length in metres, length in pixels}, a round length (1, 2 or 5 x 10^k m) of about a
     * fifth of the map's width, measured at the map's centre (along the parallel on geographic maps).
     */
    public static double[] scaleBarLength(MapRenderer.View view, CoordinateReferenceSystem crs) {
        double metresPerUnit;
        if (CrsSupport.isGeographic(crs)) {
            double lat = Math.toRadians(view.extent().centre().y);
            double a = CellAreas.WGS84_A, f = 1 / CellAreas.WGS84_INVF, e2 = f * (2 - f);
            metresPerUnit = Math.PI / 180 * a * Math.cos(lat) / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
        } else {
            try {
                metresPerUnit = CellAreas.metresPerUnit(crs);
            } catch (GisException e) {
                metresPerUnit = 1;
            }
        }
        double mapMetres = view.extent().getWidth() * metresPerUnit;
        double target = mapMetres / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double nice = pow;
        for (double m : new double[] {1, 2, 5}) {
            if (m * pow <= target) {
                nice = m * pow;
            }
        }
        return new double[] {nice, nice / mapMetres * view.width()};
    }

    static final int LEGEND_GAP = 16, LABEL_H = 14, BAR_W = 22, CLASS_H = 16;

    /** Height of a raster's colour bar in the legend: shorter when several rasters share it. */
    private int barHeight() {
        long rasters = layers.stream().filter(l -> l instanceof RasterLayer && l.legendLabel() != null).count();
        return (int) Math.max(80, Math.min(240, (view.height() - 40) / Math.max(1, rasters) - 60));
    }

    private int entryHeight(Layer l) {
        if (l instanceof RasterLayer r) {
            RasterStyle st = r.style();
            double[] breaks = st.breaks();
            int body = breaks != null ? (breaks.length - 1) * CLASS_H : barHeight();
            return 2 * LABEL_H + 8 + body + LEGEND_GAP;
        }
        return 20;
    }

    /** Total height of the legend (it may be taller than the map: the figure grows). */
    int legendHeight() {
        int h = 0;
        for (Layer l : layers) {
            if (l.legendLabel() != null) {
                h += entryHeight(l);
            }
        }
        return h;
    }

    private void legend(Graphics2D g, int x, int y) {
        int ly = y;
        for (int i = layers.size() - 1; i >= 0; i--) { // top layer first, as in the layer list
            Layer l = layers.get(i);
            if (l.legendLabel() == null) {
                continue;
            }
            if (l instanceof RasterLayer r) {
                rasterLegend(g, x, ly, r);
            } else if (l instanceof Overlay o) {
                if (o.fill() != null) {
                    g.setColor(o.fill());
                    g.fillRect(x, ly + 2, BAR_W, 12);
                }
                g.setColor(o.stroke());
                g.setStroke(new BasicStroke(Math.max(1f, Math.min(3f, o.width()))));
                g.drawRect(x, ly + 2, BAR_W, 12);
                g.setColor(new Color(0x22, 0x22, 0x22));
                g.setStroke(new BasicStroke(1f));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString(o.legendLabel(), x + BAR_W + 8, ly + 13);
            } else if (l instanceof ImageLayer im) { // a swatch of the picture's middle, and its name (the tiles' credit)
                BufferedImage img = im.image();
                int sx = Math.max(0, img.getWidth() / 2 - BAR_W / 2), sy = Math.max(0, img.getHeight() / 2 - 6);
                g.drawImage(img, x, ly + 2, x + BAR_W, ly + 14, sx, sy, Math.min(img.getWidth(), sx + BAR_W), Math.min(img.getHeight(), sy + 12), null);
                g.setColor(Color.GRAY);
                g.drawRect(x, ly + 2, BAR_W, 12);
                g.setColor(new Color(0x22, 0x22, 0x22));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString(im.legendLabel(), x + BAR_W + 8, ly + 13);
            }
            ly += entryHeight(l);
        }
    }

    private void rasterLegend(Graphics2D g, int x, int y, RasterLayer r) {
        RasterStyle style = r.style();
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(r.legendLabel(), x, y + 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(style.unit() == null ? "" : style.unit(), x, y + 12 + LABEL_H);
        int top = y + 2 * LABEL_H + 8;
        FontMetrics fm = g.getFontMetrics();
        double[] b = style.breaks();
        if (b != null) { // classes: one box per class, its range beside it
            int n = b.length - 1;
            for (int k = n - 1, row = 0; k >= 0; k--, row++) { // highest class on top, as the colour bar
                int by = top + row * CLASS_H;
                g.setColor(new Color(style.argb((float) (0.5 * (b[k] + b[k + 1]))), true));
                g.fillRect(x, by, BAR_W, CLASS_H - 3);
                g.setColor(Color.GRAY);
                g.drawRect(x, by, BAR_W, CLASS_H - 3);
                g.setColor(new Color(0x22, 0x22, 0x22));
                g.drawString(fmt(b[k]) + " \u2013 " + fmt(b[k + 1]), x + BAR_W + 7, by + fm.getAscent() - 1);
            }
            return;
        }
        int barH = barHeight();
        for (int i = 0; i < barH; i++) {
            double t = 1 - (double) i / (barH - 1);
            g.setColor(style.ramp().at(t));
            g.drawLine(x, top + i, x + BAR_W, top + i);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, top, BAR_W, barH);
        g.setColor(new Color(0x22, 0x22, 0x22));
        int lastY = -1_000_000;
        for (double v : ticks(style)) { // top to bottom; a label closer than a line to the one above is left out
            double t = style.position(v);
            if (t < -1e-9 || t > 1 + 1e-9) {
                continue;
            }
            int ty = top + (int) Math.round((1 - t) * (barH - 1));
            if (ty - lastY < fm.getHeight()) {
                continue;
            }
            lastY = ty;
            g.drawLine(x + BAR_W, ty, x + BAR_W + 4, ty);
            g.drawString(fmt(v), x + BAR_W + 7, ty + fm.getAscent() / 2 - 1);
        }
    }

    /** The values labelled on a continuous colour bar, highest first. */
    static List<Double> ticks(RasterStyle style) {
        List<Double> t = new ArrayList<>();
        if (style.log()) {
            for (double p = Math.floor(Math.log10(style.max())); p >= Math.log10(Math.max(style.min(), Double.MIN_NORMAL)) - 1e-9; p--) {
                t.add(Math.pow(10, p));
            }
        } else {
            for (int i = 5; i >= 0; i--) {
                t.add(style.min() + (style.max() - style.min()) * i / 5);
            }
        }
        return t;
    }

    /** A legend or scale value as a person reads it ({@link org.pacarbon.gis.core.text.Numbers}; the figure is not localised). */
    public static String fmt(double v) {
        return org.pacarbon.gis.core.text.Numbers.format(v, Locale.ROOT);
    }

    /** Writes the figure; the format follows the extension (.png, .svg, .pdf); {@code scale} 2 = 144 dpi PNG. */
    public void write(Path file, double scale) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (name.endsWith(".svg")) {
                org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(width(), height());
                paint(svg);
                Files.writeString(tmp, svg.getSVGDocument(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                ImageIO.write(image(scale), "png", tmp.toFile());
            } else if (name.endsWith(".pdf")) {
                org.pacarbon.map.core.pdf.VectorPdf.write(tmp, width(), height(), hasChinese(), this::paint);
            } else {
                throw new IOException(file + ": unknown figure format (expected .png, .svg or .pdf)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The figure as an RGB image at {@code scale} (1 = 72 dpi). */
    public BufferedImage image(double scale) {
        BufferedImage img = new BufferedImage((int) Math.ceil(width() * scale), (int) Math.ceil(height() * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        paint(g);
        g.dispose();
        return img;
    }

    /** Whether the figure's title, credits or legend hold Chinese text (the PDF then needs a Chinese font). */
    boolean hasChinese() {
        StringBuilder all = new StringBuilder(title).append(credits == null ? "" : credits);
        legendEntries().forEach(all::append);
        return org.pacarbon.map.core.pdf.VectorPdf.hasChinese(all.toString());
    }
}
