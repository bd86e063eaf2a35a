package org.pacarbon.map.core.pdf;

import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One-page vector PDFs of Java2D drawings (map figures, charts): text stays text in an embedded font, lines and
 * polygons are paths, images are images.
 */
public final class VectorPdf {
    private VectorPdf() {
    }

    /**
     * Writes a page of {@code width} x {@code height} points holding what {@code painter} draws.
     *
     * @param chinese whether the drawing holds Chinese text (its font must then have Chinese characters)
     */
    public static void write(Path file, int width, int height, boolean chinese, Consumer<Graphics2D> painter) throws IOException {
        PdfFonts fonts = PdfFonts.find(chinese);
        Document doc = new Document(new Rectangle(width, height), 0, 0, 0, 0);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            doc.addCreator("PA-Carbon Workbench");
            doc.open();
            PdfContentByte cb = w.getDirectContent();
            Graphics2D g = cb.createGraphics(width, height, fonts.mapper(chinese));
            try {
                painter.accept(g);
            } finally {
                g.dispose();
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(file + ": cannot write the PDF: " + e.getMessage(), e);
        }
    }

    /** Whether a text holds Chinese (CJK) characters. */
    public static boolean hasChinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
