package org.pacarbon.map.core;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.zonal.core.CellAreas;

/**
 * The figure composer: title, the map image with outlines, a legend (colour bar with the unit), a scale bar
 * that is correct on the map's CRS, a north arrow and a credits line. Writes PNG (at a chosen scale), SVG
 * (vector frame, the map as an embedded image) and PDF (the PNG as one page).
 */
public final class Figure {
    /** Something drawn on the map after the raster: outlines of a geometry. */
    public record Overlay(org.locationtech.jts.geom.Geometry geometry, Color stroke, float width, Color fill, String legendLabel) {
    }

    private final String title;
    private final BufferedImage map;
    private final MapRenderer.View view;
    private final CoordinateReferenceSystem crs;
    private final RasterStyle style;
    private final String legendTitle;
    private final List<Overlay> overlays;
    private final String credits;

    public Figure(String title, BufferedImage map, MapRenderer.View view, CoordinateReferenceSystem crs, RasterStyle style,
            String legendTitle, List<Overlay> overlays, String credits) {
        this.title = title;
        this.map = map;
        this.view = view;
        this.crs = crs;
        this.style = style;
        this.legendTitle = legendTitle;
        this.overlays = overlays;
        this.credits = credits;
    }

    static final int MARGIN = 24, TITLE_H = 44, LEGEND_W = 190, CREDITS_H = 26;

    /** Figure size in points (1 point = 1 pixel at scale 1). */
    public int width() {
        return MARGIN + view.width() + MARGIN + LEGEND_W + MARGIN;
    }

    public int height() {
        return TITLE_H + view.height() + CREDITS_H + MARGIN;
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
        g.drawImage(map, mx, my, null);
        Graphics2D mg = (Graphics2D) g.create(mx, my, view.width(), view.height());
        for (Overlay o : overlays) {
            MapRenderer.outlines(mg, o.geometry(), view, o.stroke(), o.width(), o.fill());
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
        g.drawString(credits, MARGIN, my + view.height() + 18);
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

    private void legend(Graphics2D g, int x, int y) {
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(legendTitle, x, y + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(style.unit(), x, y + 30);
        int barTop = y + 42, barH = Math.min(260, view.height() - 140), barW = 22;
        for (int i = 0; i < barH; i++) {
            double t = 1 - (double) i / (barH - 1);
            g.setColor(style.ramp().at(style.breaks() != null ? Math.floor(t * (style.breaks().length - 1) - 1e-9)
                    / Math.max(1, style.breaks().length - 2) : t));
            g.drawLine(x, barTop + i, x + barW, barTop + i);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, barTop, barW, barH);
        g.setColor(new Color(0x22, 0x22, 0x22));
        FontMetrics fm = g.getFontMetrics();
        for (double v : ticks()) {
            double t = style.position(v);
            if (t < -1e-9 || t > 1 + 1e-9) {
                continue;
            }
            int ty = barTop + (int) Math.round((1 - t) * (barH - 1));
            g.drawLine(x + barW, ty, x + barW + 4, ty);
            g.drawString(fmt(v), x + barW + 7, ty + fm.getAscent() / 2 - 1);
        }
        int ly = barTop + barH + 28;
        for (Overlay o : overlays) {
            if (o.legendLabel() == null) {
                continue;
            }
            if (o.fill() != null) {
                g.setColor(o.fill());
                g.fillRect(x, ly - 10, 22, 12);
            }
            g.setColor(o.stroke());
            g.setStroke(new BasicStroke(Math.max(1f, o.width())));
            g.drawRect(x, ly - 10, 22, 12);
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.setStroke(new BasicStroke(1f));
            g.drawString(o.legendLabel(), x + 30, ly);
            ly += 20;
        }
    }

    private List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (style.breaks() != null) {
            for (double b : style.breaks()) {
                t.add(b);
            }
        } else if (style.log()) {
            for (double p = Math.floor(Math.log10(Math.max(style.min(), Double.MIN_NORMAL))); p <= Math.log10(style.max()) + 1e-9; p++) {
                t.add(Math.pow(10, p));
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                t.add(style.min() + (style.max() - style.min()) * i / 5);
            }
        }
        return t;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) >= 0.01 && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.2g", v);
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
            } else if (name.endsWith(".png") || name.endsWith(".pdf")) {
                BufferedImage img = image(scale);
                if (name.endsWith(".png")) {
                    ImageIO.write(img, "png", tmp.toFile());
                } else {
                    writePdf(img, tmp, width(), height());
                }
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

    /** A one-page PDF holding the image (Flate-compressed RGB), page size in points. */
    static void writePdf(BufferedImage img, Path file, int wPt, int hPt) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    z.write(rgb >> 16 & 0xff);
                    z.write(rgb >> 8 & 0xff);
                    z.write(rgb & 0xff);
                }
            }
        }
        byte[] data = raw.toByteArray();
        String content = "q " + wPt + " 0 0 " + hPt + " 0 0 cm /Im0 Do Q\n";
        List<byte[]> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>".getBytes(StandardCharsets.US_ASCII));
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".getBytes(StandardCharsets.US_ASCII));
        objects.add(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + wPt + " " + hPt
                + "] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>").getBytes(StandardCharsets.US_ASCII));
        objects.add(("<< /Length " + content.length() + " >>\nstream\n" + content + "endstream").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream img5 = new ByteArrayOutputStream();
        img5.write(("<< /Type /XObject /Subtype /Image /Width " + img.getWidth() + " /Height " + img.getHeight()
                + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length " + data.length + " >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        img5.write(data);
        img5.write("\nendstream".getBytes(StandardCharsets.US_ASCII));
        objects.add(img5.toByteArray());
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            pdf.write("%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1));
            long[] offsets = new long[objects.size()];
            for (int i = 0; i < objects.size(); i++) {
                offsets[i] = pdf.size();
                pdf.write(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
                pdf.write(objects.get(i));
                pdf.write("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            }
            long xref = pdf.size();
            StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
            for (long o : offsets) {
                x.append(String.format(Locale.ROOT, "%010d 00000 n \n", o));
            }
            x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            pdf.write(x.toString().getBytes(StandardCharsets.US_ASCII));
            pdf.writeTo(out);
        }
    }
}
