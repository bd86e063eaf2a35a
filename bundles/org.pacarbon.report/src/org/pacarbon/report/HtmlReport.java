package org.pacarbon.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.svg.SVGGraphics2D;

/** Writes a {@link ReportModel} as one self-contained HTML file: maps and charts as inline SVG, print styles for A4. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(ReportModel m, Path file) throws IOException {
        Files.writeString(file, html(m), StandardCharsets.UTF_8);
    }

    static String html(ReportModel m) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append("zh".equals(m.language()) ? "zh-CN" : "en")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(m.title())).append("</title>\n<style>")
                .append("body{font-family:'DejaVu Sans','Noto Sans CJK SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;"
                        + "margin:2em auto;max-width:60em;color:#222;line-height:1.45}"
                        + "table{border-collapse:collapse;margin:0.4em 0 1.4em;font-size:0.85em}td,th{border:1px solid #bbb;padding:2px 7px}"
                        + "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th{background:#eef3ea}"
                        + "caption{font-weight:bold;text-align:left;padding:0.3em 0}figure{margin:1em 0;page-break-inside:avoid}"
                        + "figure svg{max-width:100%;height:auto}figcaption{font-size:0.9em;color:#444}"
                        + "h2{border-bottom:1px solid #ccd;margin-top:1.6em}@page{size:A4;margin:18mm}"
                        + "@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}")
                .append("</style></head><body>\n");
        int drawing = 0;
        for (ReportModel.Block block : m.blocks()) {
            if (block instanceof ReportModel.Heading h) {
                b.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof ReportModel.Para p) {
                b.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (block instanceof ReportModel.Bullets l) {
                b.append("<ul>");
                l.items().forEach(i -> b.append("<li>").append(esc(i)).append("</li>"));
                b.append("</ul>\n");
            } else if (block instanceof ReportModel.Table t) {
                table(b, t);
            } else if (block instanceof ReportModel.Drawing d) {
                SVGGraphics2D svg = new SVGGraphics2D(d.width(), d.height());
                svg.setDefsKeyPrefix("d" + drawing++ + "_");
                d.paint(svg);
                b.append("<figure>").append(svg.getSVGElement()).append("<figcaption>").append(esc(d.caption()))
                        .append("</figcaption></figure>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder b, ReportModel.Table t) {
        b.append("<table><caption>").append(esc(t.caption())).append("</caption>\n<tr>");
        for (String h : t.header()) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(i < t.firstNumeric() ? "<td>" : "<td class=\"n\">").append(esc(row.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
