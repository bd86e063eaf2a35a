package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The report for people (report.html, report.pdf, tables.md) in English and Chinese: every value of Tables 1-3 equals
 * summary.csv at the precision shown, the paper's Chinese terms are used, the PDF embeds its fonts, has selectable
 * text (maps included) and the same table values as the HTML.
 */
class ReportTest {
    @TempDir
    Path dir;

    /** The expected names of the columns, per language: the spec's labels and the paper's terms, written by hand. */
    private static final Map<String, String> EN = Map.of("Region", "region", "National parks", "national_park",
            "Nature reserves", "nature_reserve", "All PAs", "protected", "Outside PAs", "unprotected");
    private static final Map<String, String> ZH = Map.of("研究区", "region", "国家公园", "national_park", "自然保护区", "nature_reserve",
            "自然保护地", "protected", "非保护地", "unprotected");
    /** The measure rows: the start of the row's label and the summary.csv column it shows. */
    private static final List<String[]> MEASURES_EN = List.of(new String[] {"total (", "total"}, new String[] {"share (%)", "share_pct"},
            new String[] {"per area (", "per_area"}, new String[] {"ratio to region", "ratio_to_region"},
            new String[] {"valid area (km2)", "valid_area_km2"});
    private static final List<String[]> MEASURES_ZH = List.of(new String[] {"总量（", "total"}, new String[] {"占比（%）", "share_pct"},
            new String[] {"单位面积（", "per_area"}, new String[] {"与研究区之比", "ratio_to_region"},
            new String[] {"有效面积（km2）", "valid_area_km2"});

    @Test
    void englishReportShowsSummaryCsvValuesInHtmlAndPdf() throws Exception {
        Path out = assess("en");
        String html = Files.readString(out.resolve("report.html"));
        int checked = checkPaperTables(html, out, EN, MEASURES_EN, new String[] {"Table 1. Carbon storage", "Table 3. Anthropogenic CO2 emissions by year"});
        assertEquals(5 * 5 * 5, checked, "5 layer-years (carbon, carbon2, both, emis 2000 and 2020) x 5 measures x 5 categories");
        String pdfText = pdfText(out.resolve("report.pdf"));
        for (String s : List.of("Table 1. Carbon storage", "Methods", "Provenance", "Region", "Outside PAs")) {
            assertTrue(pdfText.contains(s), s);
        }
        assertSameCellsInPdf(html, pdfText);
        assertTrue(html.contains("<svg"), "maps and charts drawn as SVG");
        assertTrue(html.contains("Growth") && html.contains("the 3 PAs with the largest total"), "growth chart and top list");
    }

    @Test
    void chineseReportUsesThePapersTermsAndEmbedsAChineseFont() throws Exception {
        Path out = assess("zh");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        int checked = checkPaperTables(html, out, ZH, MEASURES_ZH, new String[] {"表1 碳储量", "表3 各年份人为CO2排放"});
        assertEquals(125, checked);
        String pdfText = pdfText(out.resolve("report.pdf"));
        String flat = pdfText.replaceAll("\\s+", ""); // the text extractor puts a space where the font changes (表 1)
        for (String s : List.of("表1碳储量", "表3各年份人为CO2排放", "自然保护地", "非保护地", "方法", "数据来源与可追溯性", "国家公园")) {
            assertTrue(flat.contains(s), s);
        }
        assertSameCellsInPdf(html, pdfText);
        // tables.md and the command's output are Chinese too
        String md = Files.readString(out.resolve("tables.md"));
        assertTrue(md.contains("## 表1 碳储量") && md.contains("| 占比（%） |"), md);
    }

    @Test
    void pdfFontsAreEmbeddedAndFiguresKeepTheirText() throws Exception {
        Path out = assess("zh");
        PdfReader reader = new PdfReader(out.resolve("report.pdf").toString());
        try {
            int fonts = 0;
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                PdfDictionary res = reader.getPageN(p).getAsDict(PdfName.RESOURCES);
                PdfDictionary fd = res == null ? null : res.getAsDict(PdfName.FONT);
                if (fd == null) {
                    continue;
                }
                for (PdfName key : fd.getKeys()) {
                    PdfDictionary font = fd.getAsDict(key);
                    assertEquals(PdfName.TYPE0, font.getAsName(PdfName.SUBTYPE), "page " + p + " font " + key + ": " + font);
                    PdfDictionary cid = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
                    assertNotNull(cid.getAsDict(PdfName.FONTDESCRIPTOR).get(PdfName.FONTFILE2), "embedded font file of " + key);
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
            assertEquals(0, reader.getPageSize(1).getWidth() - 595, 1, "A4");
        } finally {
            reader.close();
        }
        // the map's legend, scale bar and north arrow are text in the PDF, not pixels
        String text = pdfText(out.resolve("report.pdf"));
        assertTrue(Pattern.compile("图\\s*1\\s*carbon").matcher(text).find(), text);
        assertTrue(Pattern.compile("\\d km").matcher(text).find(), "scale bar label as text");
        String raw = new String(Files.readAllBytes(out.resolve("report.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/Subtype/Image"), "rasters as images");
    }

    @Test
    void aFontThatCannotBeUsedLeavesThePdfOutWithAMessageAndKeepsTheRest() throws Exception {
        Fixture.write(dir);
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
        System.setProperty("pacarbon.font", notAFont.toString());
        try {
            Path out = dir.resolve("out-font");
            CliTest.Run r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", out.toString(), "--lang", "zh");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("report.pdf not written") && r.err().contains("font.ttf"), r.err());
            assertFalse(Files.exists(out.resolve("report.pdf")));
            for (String f : List.of("summary.csv", "per_pa.csv", "tables.md", "report.html", "provenance.json")) {
                assertTrue(Files.isRegularFile(out.resolve(f)), f);
            }
            // the last line says so too, and provenance.json lists it for a caller that reads no messages
            assertTrue(r.err().strip().endsWith("Not written: report.pdf (see above; the other outputs are complete)"), r.err());
            com.fasterxml.jackson.databind.JsonNode prov = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve("provenance.json").toFile());
            assertEquals("[\"report.pdf\"]", prov.path("notWritten").toString());

            Path fine = dir.resolve("out-fine"); // with a usable font: nothing is left out
            System.clearProperty("pacarbon.font");
            CliTest.Run r2 = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", fine.toString());
            assertEquals(0, r2.code(), r2.err());
            assertFalse(r2.err().contains("Not written"), r2.err());
            assertEquals("[]", new com.fasterxml.jackson.databind.ObjectMapper().readTree(fine.resolve("provenance.json").toFile())
                    .path("notWritten").toString());
        } finally {
            System.clearProperty("pacarbon.font");
        }
    }

    @Test
    void anUnknownLanguageIsAUsageError() throws Exception {
        Fixture.write(dir);
        CliTest.Run r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", dir.resolve("o").toString(), "--lang", "fr");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lang must be en or zh"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    /**
     * The maps are of each raster layer's last year (a sum of layers has none): the files the command has the run reduce
     * into overviews for them, and no others (by hand from the spec below).
     */
    @Test
    void theMapsAreOfEachLayersLastYear() throws Exception {
        Files.writeString(dir.resolve("spec.json"), """
                {"region": {"path": "region.geojson"},
                 "protectedAreas": {"path": "pas.gpkg", "classField": "category", "classes": [{"value": "np"}]},
                 "layers": [
                   {"key": "carbon", "path": "carbon.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                   {"key": "npp", "year": 2020, "path": "npp_2020.tif", "kind": "density", "unit": "kgC/m2/yr", "group": "uptake"},
                   {"key": "npp", "year": 2010, "path": "npp_2010.tif", "kind": "density", "unit": "kgC/m2/yr", "group": "uptake"},
                   {"key": "co2", "year": 2000, "path": "co2_2000.tif", "kind": "amount", "unit": "t/yr", "group": "emissions"},
                   {"key": "co2", "year": 2005, "path": "sub/co2_2005.tif", "kind": "amount", "unit": "t/yr", "group": "emissions"},
                   {"key": "soil", "path": "soil.tif", "kind": "density", "unit": "kgC/m2", "group": "storage"},
                   {"key": "both", "sum": ["carbon", "soil"], "group": "storage"}]}
                """, StandardCharsets.UTF_8);
        org.pacarbon.carbon.core.AssessmentSpec spec = org.pacarbon.carbon.core.AssessmentSpec.read(dir.resolve("spec.json"));
        java.util.Set<Path> expected = new java.util.HashSet<>();
        for (String f : List.of("carbon.tif", "npp_2020.tif", "sub/co2_2005.tif", "soil.tif")) {
            expected.add(dir.resolve(f).toAbsolutePath().normalize());
        }
        assertEquals(expected, org.pacarbon.report.AssessmentReport.mappedFiles(spec));
    }

    /**
     * The HTML and the PDF are written side by side and paint the same drawings (a chart lays its legend out while it
     * draws: painted twice at once, one of the two documents was lost now and then); a drawing paints for one writer
     * at a time. Four threads paint one drawing 200 times each; the painter counts how many are inside it at once.
     */
    @Test
    void aDrawingIsPaintedByOneWriterAtATime() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        org.pacarbon.report.ReportModel.Drawing d = new org.pacarbon.report.ReportModel.Drawing("chart", 10, 10, g -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            g.fillRect(0, 0, 10, 10);
            Thread.onSpinWait();
            inside.decrementAndGet();
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                    for (int i = 0; i < 200; i++) {
                        java.awt.Graphics2D g = img.createGraphics();
                        d.paint(g);
                        g.dispose();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, most.get(), "painters inside the drawing at once");
    }

    private Path assess(String lang) throws Exception {
        Fixture.write(dir);
        Path out = dir.resolve("out-" + lang);
        CliTest.Run r = CliTest.run("assess", dir.resolve("spec.json").toString(), "--out", out.toString(), "--lang", lang);
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.csv", "per_pa.csv", "tables.md", "report.html", "report.pdf", "provenance.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        return out;
    }

    private static final Pattern TABLE = Pattern.compile("<table><caption>(.*?)</caption>\\n<tr>(.*?)</tr>\\n(.*?)</table>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>");

    /**
     * Checks every category cell of the paper's tables against summary.csv: the shown number, read back, differs from
     * the file's full-precision value by at most half a unit of its last shown digit. Returns how many were checked.
     */
    private static int checkPaperTables(String html, Path out, Map<String, String> categories, List<String[]> measures, String[] captions)
            throws Exception {
        List<Map<String, String>> csv = Fixture.csv(out.resolve("summary.csv"));
        int checked = 0;
        int tables = 0;
        Matcher t = TABLE.matcher(html);
        while (t.find()) {
            String caption = unesc(t.group(1));
            if (!caption.startsWith(captions[0]) && !caption.startsWith(captions[1])) {
                continue;
            }
            tables++;
            List<String> header = cells(t.group(2));
            String layer = null, year = null;
            for (String row : t.group(3).split("</tr>\\n")) {
                List<String> c = cells(row);
                if (c.isEmpty()) {
                    continue;
                }
                if (!c.get(0).isEmpty()) {
                    layer = c.get(0);
                    year = c.get(1);
                }
                String column = null;
                for (String[] m : measures) {
                    if (c.get(2).startsWith(m[0])) {
                        column = m[1];
                    }
                }
                assertNotNull(column, "measure " + c.get(2));
                for (int i = 3; i < header.size(); i++) {
                    String cat = categories.get(header.get(i));
                    assertNotNull(cat, "column " + header.get(i));
                    String l = layer, y = year;
                    Map<String, String> line = csv.stream().filter(m -> m.get("layer").equals(l) && m.get("year").equals(y)
                            && m.get("category").equals(cat)).findFirst().orElseThrow(() -> new AssertionError(l + " " + y + " " + cat));
                    double expected = Double.parseDouble(line.get(column));
                    String shown = c.get(i);
                    assertFalse(shown.contains("e") || shown.contains("E"), "no exponent: " + shown);
                    double[] read = readBack(shown);
                    assertEquals(expected, read[0], read[1], caption + " " + l + " " + y + " " + cat + " " + column + ": " + shown);
                    checked++;
                }
            }
        }
        assertEquals(2, tables, "both paper tables found");
        return checked;
    }

    /**
     * A shown number read back: {value, half a unit of its last shown digit}. Forms: "1,234.5" and "6.4 × 10⁻⁷"
     * (mantissa times a power of ten written in superscripts).
     */
    static double[] readBack(String shown) {
        String s = shown.replace(",", "").strip();
        int exponent = 0;
        int times = s.indexOf('\u00d7');
        if (times > 0) {
            String sup = s.substring(times + 1).strip();
            assertTrue(sup.startsWith("10"), shown);
            StringBuilder e = new StringBuilder();
            for (char ch : sup.substring(2).toCharArray()) {
                int d = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079".indexOf(ch);
                e.append(ch == '\u207b' ? "-" : String.valueOf(d));
            }
            exponent = Integer.parseInt(e.toString());
            s = s.substring(0, times).strip();
        }
        int decimals = s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0;
        double scale = Math.pow(10, exponent);
        return new double[] {Double.parseDouble(s) * scale, 0.5 * Math.pow(10, -decimals) * scale * (1 + 1e-9)};
    }

    /** Every cell of the HTML's tables appears in the PDF's text. */
    private static void assertSameCellsInPdf(String html, String pdfText) {
        String flat = pdfText.replaceAll("\\s+", "");
        Matcher t = TABLE.matcher(html);
        int n = 0;
        while (t.find()) {
            for (String row : t.group(3).split("</tr>\\n")) {
                for (String c : cells(row)) {
                    assertTrue(flat.contains(c.replaceAll("\\s+", "")), "PDF lacks table cell '" + c + "'");
                    n++;
                }
            }
        }
        assertTrue(n > 100, "cells compared: " + n);
    }

    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = CELL.matcher(row);
        while (m.find()) {
            out.add(unesc(m.group(1)));
        }
        return out;
    }

    private static String unesc(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            StringBuilder b = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                b.append(x.getTextFromPage(p)).append('\n');
            }
            return b.toString();
        } finally {
            reader.close();
        }
    }
}
