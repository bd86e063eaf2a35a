package org.pacarbon.report;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The content of a report, independent of its format: headings, paragraphs, lists, tables and drawings (map figures
 * and charts as Java2D painters). {@link HtmlReport} and {@link PdfReport} render the same model, so the HTML and the
 * PDF always say the same.
 */
public final class ReportModel {
    /** A part of the report. */
    public sealed interface Block permits Heading, Para, Bullets, Table, Drawing {
    }

    /** A heading; level 1 is the title. */
    public record Heading(int level, String text) implements Block {
    }

    /** A paragraph of plain text. */
    public record Para(String text) implements Block {
    }

    /** A list of items. */
    public record Bullets(List<String> items) implements Block {
    }

    /**
     * A table; columns from {@code firstNumeric} on hold numbers (right-aligned).
     *
     * @param caption the table's title
     */
    public record Table(String caption, List<String> header, List<List<String>> rows, int firstNumeric) implements Block {
    }

    /** A vector drawing of {@code width} x {@code height} points (a map figure or a chart) with its caption. */
    public record Drawing(String caption, int width, int height, Consumer<Graphics2D> painter) implements Block {
        /**
         * Paints the drawing: one writer at a time (the HTML and the PDF are written side by side, and what a drawing
         * paints is not safe to paint twice at once - a chart lays its legend out while it draws).
         */
        public void paint(Graphics2D g) {
            synchronized (this) {
                painter.accept(g);
            }
        }
    }

    private final String title;
    private final String language;
    private final List<Block> blocks = new ArrayList<>();

    public ReportModel(String title, String language) {
        this.title = title;
        this.language = language;
    }

    public String title() {
        return title;
    }

    /** "en" or "zh". */
    public String language() {
        return language;
    }

    public List<Block> blocks() {
        return blocks;
    }

    ReportModel add(Block b) {
        blocks.add(b);
        return this;
    }
}
