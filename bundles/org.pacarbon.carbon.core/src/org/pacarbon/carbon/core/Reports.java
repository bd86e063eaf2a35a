package org.pacarbon.carbon.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the outputs of an assessment: summary.csv, per_pa.csv, tables.md, report.html, provenance.json.
 * All files are written into a hidden temporary folder inside the output folder and moved into place only
 * when all are complete, provenance.json last: a failed run leaves no partial output that looks complete.
 */
public final class Reports {
    /** Columns of summary.csv. */
    public static final String SUMMARY_HEADER =
            "group,layer,year,category,total,total_unit,share_pct,per_area,per_area_unit,ratio_to_region,valid_area_km2";
    /** Columns of per_pa.csv. */
    public static final String PER_PA_HEADER =
            "pa_id,name,class,layer,year,total,total_unit,per_area,per_area_unit,valid_area_km2,area_km2";

    private Reports() {
    }

    /** Writes all outputs to {@code dir} (created if needed). */
    public static void write(Assessment.Result r, Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".partial-");
        try {
            Files.writeString(tmp.resolve("summary.csv"), summaryCsv(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("per_pa.csv"), perPaCsv(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("tables.md"), tablesMarkdown(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), html(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("provenance.json"), provenance(r, version), StandardCharsets.UTF_8);
            for (String name : List.of("summary.csv", "per_pa.csv", "tables.md", "report.html", "provenance.json")) {
                Files.move(tmp.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** summary.csv text. */
    public static String summaryCsv(Assessment.Result r) {
        StringBuilder b = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (Assessment.Row x : r.rows()) {
            b.append(String.join(",", csv(x.group()), csv(x.layer()), x.year() == null ? "" : x.year().toString(), csv(x.category()),
                    num(x.total()), csv(x.totalUnit()), num(x.sharePct()), num(x.perArea()), csv(x.perAreaUnit()),
                    num(x.ratioToRegion()), num(x.validAreaKm2()))).append('\n');
        }
        return b.toString();
    }

    /** per_pa.csv text. */
    public static String perPaCsv(Assessment.Result r) {
        StringBuilder b = new StringBuilder(PER_PA_HEADER).append('\n');
        for (Assessment.PaRow x : r.paRows()) {
            b.append(String.join(",", csv(x.paId()), csv(x.name()), csv(x.paClass()), csv(x.layer()),
                    x.year() == null ? "" : x.year().toString(), num(x.total()), csv(x.totalUnit()), num(x.perArea()),
                    csv(x.perAreaUnit()), num(x.validAreaKm2()), num(x.areaKm2()))).append('\n');
        }
        return b.toString();
    }

    /** A table: header and rows of cells. */
    record Table(String title, List<String> header, List<List<String>> rows) {
    }

    /** The paper's three tables (storage; uptake by year; emissions by year) and the growth first -> last year. */
    static List<Table> tables(Assessment.Result r) {
        List<Table> out = new ArrayList<>();
        List<String> cats = r.categories();
        String[] titles = {"Table 1. Carbon storage", "Table 2. Carbon uptake (NPP) by year", "Table 3. Anthropogenic CO2 emissions by year"};
        for (int g = 0; g < AssessmentSpec.GROUPS.size(); g++) {
            String group = AssessmentSpec.GROUPS.get(g);
            List<Assessment.Row> rows = r.rows().stream().filter(x -> x.group().equals(group)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Assessment.Row any = rows.get(0);
            List<String> header = new ArrayList<>(List.of("layer", "year", "measure"));
            for (String c : cats) {
                header.add(r.categoryLabels().get(c));
            }
            List<List<String>> body = new ArrayList<>();
            Map<String, List<Assessment.Row>> byLayer = rows.stream().collect(Collectors.groupingBy(
                    x -> x.layer() + "\u0000" + (x.year() == null ? "" : x.year()), LinkedHashMap::new, Collectors.toList()));
            for (List<Assessment.Row> lr : byLayer.values()) {
                Assessment.Row first = lr.get(0);
                String year = first.year() == null ? "" : first.year().toString();
                body.add(line(first.layer(), year, "total (" + first.totalUnit() + ")", cats, lr, x -> fmt(x.total(), 4)));
                body.add(line("", "", "share (%)", cats, lr, x -> fmt(x.sharePct(), 2)));
                body.add(line("", "", "per area (" + first.perAreaUnit() + ")", cats, lr, x -> fmt(x.perArea(), 4)));
                body.add(line("", "", "ratio to region", cats, lr, x -> fmt(x.ratioToRegion(), 3)));
                body.add(line("", "", "valid area (km2)", cats, lr, x -> fmt(x.validAreaKm2(), 0)));
            }
            out.add(new Table(titles[g] + " (" + any.totalUnit() + ")", header, body));
            // growth, first -> last year, per layer
            Map<String, TreeSet<Integer>> years = new LinkedHashMap<>();
            for (Assessment.Row x : rows) {
                if (x.year() != null) {
                    years.computeIfAbsent(x.layer(), k -> new TreeSet<>()).add(x.year());
                }
            }
            for (Map.Entry<String, TreeSet<Integer>> e : years.entrySet()) {
                if (e.getValue().size() < 2) {
                    continue;
                }
                int y0 = e.getValue().first(), y1 = e.getValue().last();
                List<String> gh = new ArrayList<>(List.of("layer", "measure"));
                for (String c : cats) {
                    gh.add(r.categoryLabels().get(c));
                }
                List<List<String>> gb = new ArrayList<>();
                List<String> total = new ArrayList<>(List.of(e.getKey(), "total growth " + y0 + "-" + y1 + " (%)"));
                List<String> perArea = new ArrayList<>(List.of("", "per-area growth " + y0 + "-" + y1 + " (%)"));
                List<String> cagr = new ArrayList<>(List.of("", "compound annual growth (%/yr)"));
                for (String c : cats) {
                    Assessment.Row a = find(rows, e.getKey(), y0, c), b = find(rows, e.getKey(), y1, c);
                    total.add(a == null || b == null ? "" : fmt(100 * (b.total() / a.total() - 1), 2));
                    perArea.add(a == null || b == null ? "" : fmt(100 * (b.perArea() / a.perArea() - 1), 2));
                    cagr.add(a == null || b == null ? "" : fmt(100 * (Math.pow(b.total() / a.total(), 1.0 / (y1 - y0)) - 1), 3));
                }
                gb.add(total);
                gb.add(perArea);
                gb.add(cagr);
                out.add(new Table("Growth of " + e.getKey() + ", " + y0 + " to " + y1, gh, gb));
            }
        }
        return out;
    }

    private static Assessment.Row find(List<Assessment.Row> rows, String layer, int year, String cat) {
        return rows.stream().filter(x -> x.layer().equals(layer) && x.year() != null && x.year() == year && x.category().equals(cat))
                .findFirst().orElse(null);
    }

    private static List<String> line(String layer, String year, String measure, List<String> cats, List<Assessment.Row> lr,
            java.util.function.Function<Assessment.Row, String> f) {
        List<String> l = new ArrayList<>(List.of(layer, year, measure));
        for (String c : cats) {
            l.add(lr.stream().filter(x -> x.category().equals(c)).findFirst().map(f).orElse(""));
        }
        return l;
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (decimals > 0 && v != 0 && Math.abs(v) < Math.pow(10, -decimals + 1)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** tables.md text. */
    public static String tablesMarkdown(Assessment.Result r) {
        StringBuilder b = new StringBuilder("# ").append(r.spec().title()).append("\n\n");
        b.append("Categories: ").append(r.categories().stream().map(c -> c + " = " + r.categoryLabels().get(c))
                .collect(Collectors.joining("; "))).append(". PA classes are disjoint (earlier classes take precedence where PAs overlap).\n\n");
        for (Table t : tables(r)) {
            b.append("## ").append(t.title()).append("\n\n| ").append(String.join(" | ", t.header())).append(" |\n|");
            for (int i = 0; i < t.header().size(); i++) {
                b.append(i < 3 ? "---|" : "---:|");
            }
            b.append('\n');
            for (List<String> row : t.rows()) {
                b.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            b.append('\n');
        }
        if (!r.warnings().isEmpty()) {
            b.append("## Notes\n\n");
            for (String w : r.warnings()) {
                b.append("- ").append(w).append('\n');
            }
        }
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** report.html text (self-contained). */
    public static String html(Assessment.Result r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.spec().title())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px}"
                        + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef3ea}caption{font-weight:bold;text-align:left}</style>"
                        + "</head><body>\n<h1>").append(esc(r.spec().title())).append("</h1>\n");
        for (Table t : tables(r)) {
            b.append("<table><caption>").append(esc(t.title())).append("</caption><tr>");
            for (String h : t.header()) {
                b.append("<th>").append(esc(h)).append("</th>");
            }
            b.append("</tr>\n");
            for (List<String> row : t.rows()) {
                b.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    b.append(i < t.header().size() - r.categories().size() ? "<td>" : "<td class=\"n\">").append(esc(row.get(i))).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        if (!r.warnings().isEmpty()) {
            b.append("<h2>Notes</h2><ul>");
            r.warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<p>Per-PA figures: per_pa.csv. Inputs, checksums and timings: provenance.json.</p></body></html>\n");
        return b.toString();
    }

    /** provenance.json text: inputs with SHA-256, the spec, the software version, timings, warnings. */
    public static String provenance(Assessment.Result r, String version) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("software", "PA-Carbon Workbench");
        root.put("version", version);
        root.put("created", Instant.now().toString());
        root.put("java", System.getProperty("java.version"));
        root.put("specFile", r.spec().file().toAbsolutePath().toString());
        root.set("spec", r.spec().json());
        ArrayNode inputs = root.putArray("inputs");
        for (Path p : r.inputs().stream().distinct().sorted(Comparator.comparing(Path::toString)).toList()) {
            for (Path f : withSidecars(p)) {
                ObjectNode in = inputs.addObject();
                in.put("path", f.toAbsolutePath().toString());
                in.put("bytes", Files.size(f));
                in.put("sha256", sha256(f));
            }
        }
        ObjectNode t = root.putObject("timingsMs");
        r.timingsMs().forEach(t::put);
        ObjectNode ln = root.putObject("layers");
        r.layerNotes().forEach(ln::put);
        ArrayNode w = root.putArray("warnings");
        r.warnings().forEach(w::add);
        return m.writeValueAsString(root) + "\n";
    }

    private static List<Path> withSidecars(Path p) {
        List<Path> out = new ArrayList<>(List.of(p));
        String name = p.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
            String base = name.substring(0, name.length() - 4);
            for (String ext : List.of(".dbf", ".prj", ".shx", ".cpg")) {
                Path s = p.resolveSibling(base + ext);
                if (Files.isRegularFile(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
