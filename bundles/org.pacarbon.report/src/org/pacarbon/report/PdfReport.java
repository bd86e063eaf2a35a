package org.pacarbon.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.pacarbon.map.core.pdf.PdfFonts;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Writes a {@link ReportModel} as an A4 PDF (OpenPDF): text in embedded TrueType fonts (Chinese included), tables as
 * tables, maps and charts as vector drawings (their rasters as images), page numbers in the footer.
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final Color HEAD_BG = new Color(0xee, 0xf3, 0xea);

    private PdfReport() {
    }

    /**
     * @throws IOException when the file cannot be written or no font for the report's language is found
     */
    public static void write(ReportModel m, Path file) throws IOException {
        boolean zh = "zh".equals(m.language());
        PdfFonts fonts = PdfFonts.find(zh);
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            w.setPageEvent(new Footer(fonts.forText(m.title()), m.title()));
            w.setStrictImageSequence(true); // a drawing that does not fit moves to the next page with its caption, not after it
            doc.addTitle(m.title());
            doc.addCreator("PA-Carbon Workbench");
            doc.open();
            float width = doc.right() - doc.left();
            for (ReportModel.Block block : m.blocks()) {
                if (block instanceof ReportModel.Heading h) {
                    if (h.level() > 1 && w.getVerticalPosition(true) - doc.bottom() < 140) {
                        doc.newPage(); // a heading never stays alone at the foot of a page
                    }
                    Paragraph p = new Paragraph(phrase(fonts, h.text(), h.level() == 1 ? 17 : 13, Font.BOLD));
                    p.setSpacingBefore(h.level() == 1 ? 0 : 12);
                    p.setSpacingAfter(6);
                    doc.add(p);
                } else if (block instanceof ReportModel.Para para) {
                    Paragraph p = new Paragraph(phrase(fonts, para.text(), 9.5f, Font.NORMAL));
                    p.setSpacingAfter(5);
                    doc.add(p);
                } else if (block instanceof ReportModel.Bullets l) {
                    for (String item : l.items()) {
                        Paragraph p = new Paragraph(phrase(fonts, "\u2022 " + item, 9f, Font.NORMAL));
                        p.setIndentationLeft(10);
                        p.setFirstLineIndent(-8);
                        doc.add(p);
                    }
                } else if (block instanceof ReportModel.Table t) {
                    table(doc, fonts, t);
                } else if (block instanceof ReportModel.Drawing d) {
                    PdfContentByte cb = w.getDirectContent();
                    PdfTemplate tp = cb.createTemplate(d.width(), d.height());
                    Graphics2D g = tp.createGraphics(d.width(), d.height(), fonts.mapper(zh));
                    try {
                        d.paint(g);
                    } finally {
                        g.dispose();
                    }
                    Image img = Image.getInstance(tp);
                    img.scaleToFit(width, 560);
                    img.setAlignment(Element.ALIGN_CENTER);
                    doc.add(img);
                    Paragraph c = new Paragraph(phrase(fonts, d.caption(), 9f, Font.ITALIC));
                    c.setAlignment(Element.ALIGN_CENTER);
                    c.setSpacingAfter(10);
                    doc.add(c);
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(file + ": cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private static void table(Document doc, PdfFonts fonts, ReportModel.Table t) {
        int n = t.header().size();
        PdfPTable table = new PdfPTable(n);
        table.setWidthPercentage(100);
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            int longest = Math.min(12, width(t.header().get(i)));
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, width(row.get(i)));
            }
            widths[i] = Math.max(4, Math.min(i < t.firstNumeric() ? 30 : 16, longest));
        }
        table.setWidths(widths);
        // the caption is the table's first heading row: it never stays behind at the foot of a page and comes back on
        // every page the table runs over
        table.setHeaderRows(2);
        table.setSpacingBefore(6);
        table.setSpacingAfter(8);
        table.setKeepTogether(t.rows().size() <= 25);
        PdfPCell caption = new PdfPCell(phrase(fonts, t.caption(), 10f, Font.BOLD));
        caption.setColspan(n);
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingBottom(5);
        caption.setPaddingLeft(0);
        table.addCell(caption);
        float size = n > 7 ? 6.8f : 7.8f;
        for (String h : t.header()) {
            PdfPCell c = new PdfPCell(phrase(fonts, h, size, Font.BOLD));
            c.setBackgroundColor(HEAD_BG);
            c.setPadding(2.5f);
            table.addCell(c);
        }
        for (List<String> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell c = new PdfPCell(phrase(fonts, row.get(i), size, Font.NORMAL));
                c.setPadding(2.5f);
                c.setHorizontalAlignment(i < t.firstNumeric() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                c.setBorderColor(new Color(0xbb, 0xbb, 0xbb));
                table.addCell(c);
            }
        }
        doc.add(table);
    }

    private static final java.util.Map<String, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A font of a size and style, made once per run. (OpenPDF's FontSelector is not used: each one registers a font
     * from OpenPDF's jar again, which took most of the report's time.)
     */
    private static Font font(BaseFont base, float size, int style) {
        return FONTS.computeIfAbsent(System.identityHashCode(base) + "|" + size + "|" + style, k -> new Font(base, size, style));
    }

    /** The width of a text in Latin letters (a Chinese character counts twice). */
    private static int width(String s) {
        return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 0xff00 ? 2 : 1).sum();
    }

    /** A text in the embedded fonts: Latin letters in the Latin font, Chinese in the Chinese one. */
    private static Phrase phrase(PdfFonts fonts, String text, float size, int style) {
        Font latin = font(fonts.latin(), size, style);
        Phrase p = new Phrase();
        p.setFont(latin); // also the font of the line ends: no unembedded standard font
        BaseFont other = fonts.needsOther(text) ? fonts.cjk() : null;
        if (other == null || other == fonts.latin()) {
            p.add(new Chunk(text, latin));
        } else { // runs of characters the Latin font has, and runs it lacks (in the Chinese font)
            Font cjk = font(other, size, style);
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                if (i == text.length() || fonts.inLatin(text.charAt(i)) != fonts.inLatin(text.charAt(start))) {
                    p.add(new Chunk(text.substring(start, i), fonts.inLatin(text.charAt(start)) ? latin : cjk));
                    start = i;
                }
            }
        }
        p.setLeading(size * 1.4f);
        return p;
    }

    /** The page footer: title and page number. */
    private static final class Footer extends PdfPageEventHelper {
        private final BaseFont font;
        private final String title;

        Footer(BaseFont font, String title) {
            this.font = font;
            this.title = title;
        }

        @Override
        @NonNullByDefault({})
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            PdfContentByte cb = writer.getDirectContent();
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(title, new Font(font, 7.5f, Font.NORMAL, Color.GRAY)),
                    MARGIN, 28, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    new Phrase(String.valueOf(writer.getPageNumber()), new Font(font, 7.5f, Font.NORMAL, Color.GRAY)),
                    page.getWidth() - MARGIN, 28, 0);
        }
    }
}
