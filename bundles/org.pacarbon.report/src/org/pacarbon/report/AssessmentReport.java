package org.pacarbon.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.InputDigests;
import org.pacarbon.carbon.core.Reports;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.zonal.core.CellAreas;

/**
 * The assessment report for people, in English or Chinese: tables.md, report.html and report.pdf with the same
 * content (title and data statement, the maps of the run's layers, Tables 1-3 like the paper's, growth charts, the
 * top PAs per layer, the methods as the spec defines them, warnings, provenance). Written beside the machine outputs
 * through {@link Reports#write}.
 */
public final class AssessmentReport {
    /** How many PAs the top lists hold. */
    public static final int TOP = 20;

    private AssessmentReport() {
    }

    /**
     * The raster files the report draws maps of (each layer's last year), as the run opens them: a caller that makes the
     * maps' overviews from the rows the run reads ({@code Overviews.tap}) needs them for these files only.
     */
    public static java.util.Set<java.nio.file.Path> mappedFiles(org.pacarbon.carbon.core.AssessmentSpec spec) {
        java.util.Set<java.nio.file.Path> files = new java.util.HashSet<>();
        for (org.pacarbon.carbon.core.AssessmentSpec.Layer l : ReportFigures.mapped(spec)) {
            files.add(l.filePath().toAbsolutePath().normalize());
        }
        return files;
    }

    /**
     * The report's documents for {@link Reports#write}. The PDF is skipped with a message to {@code log} when no
     * usable font is found (the other outputs are still written).
     *
     * @param language "en" or "zh"
     */
    public static List<Reports.Document> documents(Assessment.Result r, String language, String version, Consumer<String> log) {
        ReportText tx = ReportText.of(language);
        List<Reports.Document> docs = new ArrayList<>();
        docs.add(new Reports.Document("tables.md", f -> Files.writeString(f, markdown(r, tx), StandardCharsets.UTF_8)));
        ReportModel model;
        try {
            model = model(r, tx, version, log);
        } catch (RuntimeException e) { // the assessment's results are kept whatever happens to the report
            log.accept("report.html and report.pdf not written: " + e);
            return docs;
        }
        docs.add(new Reports.Document("report.html", f -> kept(f, log, () -> HtmlReport.write(model, f))));
        docs.add(new Reports.Document("report.pdf", f -> kept(f, log, () -> PdfReport.write(model, f))));
        return docs;
    }

    private interface Writing {
        void run() throws IOException;
    }

    /** Writes a report document; when it fails, the document is left out with a message and the run goes on. */
    private static void kept(java.nio.file.Path f, Consumer<String> log, Writing w) throws IOException {
        try {
            w.run();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(f);
            log.accept(f.getFileName() + " not written: " + (e instanceof IOException ? e.getMessage() : e.toString()));
        }
    }

    /** Tables 1-3 and the growth tables as Markdown, in a language ("en" or "zh"). */
    public static String markdown(Assessment.Result r, String language) {
        return markdown(r, ReportText.of(language));
    }

    static String markdown(Assessment.Result r, ReportText tx) {
        return ReportTables.markdown(tx.title(r.spec()), ReportTables.paperTables(r, tx), r.warnings(), tx.t("section.notes"));
    }

    /** The report's content. */
    static ReportModel model(Assessment.Result r, ReportText tx, String version, Consumer<String> log) {
        AssessmentSpec spec = r.spec();
        ReportModel m = new ReportModel(tx.title(spec), tx.language());
        m.add(new ReportModel.Heading(1, tx.title(spec)));
        long pas = r.paRows().stream().map(Assessment.PaRow::paId).distinct().count();
        Path regionFile = spec.region().path() != null ? spec.region().path() : spec.region().mask();
        m.add(new ReportModel.Para(tx.t("statement", version, LocalDate.now().toString(), String.valueOf(Reports.inputFiles(r).size()),
                regionFile == null ? "-" : regionFile.getFileName().toString(), String.valueOf(pas),
                String.valueOf(spec.protectedAreas().classes().size()))));
        String description = spec.json().path("description").asText("");
        if (!description.isBlank()) {
            m.add(new ReportModel.Para(tx.t("statement.description", description)));
        }
        m.add(new ReportModel.Heading(2, tx.t("section.summary")));
        List<String> summary = summary(r, tx);
        if (!summary.isEmpty()) {
            m.add(new ReportModel.Bullets(summary));
        }
        List<ReportModel.Drawing> figures = ReportFigures.figures(r, tx, version, log);
        if (!figures.isEmpty()) {
            m.add(new ReportModel.Heading(2, tx.t("section.figures")));
            figures.forEach(m::add);
        }
        m.add(new ReportModel.Heading(2, tx.t("section.tables")));
        ReportTables.paperTables(r, tx).forEach(m::add);
        List<ReportModel.Drawing> charts = ReportCharts.growth(r, tx);
        if (!charts.isEmpty()) {
            m.add(new ReportModel.Heading(2, tx.t("section.charts")));
            charts.forEach(m::add);
        }
        List<ReportModel.Table> top = ReportTables.topPas(r, tx, TOP);
        if (!top.isEmpty()) {
            m.add(new ReportModel.Heading(2, tx.t("section.top")));
            top.forEach(m::add);
        }
        m.add(new ReportModel.Heading(2, tx.t("section.methods")));
        methods(r, tx).forEach(p -> m.add(new ReportModel.Para(p)));
        m.add(new ReportModel.Heading(2, tx.t("section.notes")));
        m.add(new ReportModel.Bullets(r.warnings().isEmpty() ? List.of(tx.t("notes.none")) : r.warnings()));
        m.add(new ReportModel.Heading(2, tx.t("section.provenance")));
        m.add(new ReportModel.Para(tx.t("prov.version", version, System.getProperty("java.version"))));
        List<String> inputs = new ArrayList<>();
        for (Path f : Reports.inputFiles(r)) {
            try {
                inputs.add(tx.t("prov.input", f.toAbsolutePath().toString(), String.format(tx.locale(), "%,d", Files.size(f)),
                        InputDigests.sha256(f)));
            } catch (IOException e) {
                inputs.add(f + ": " + e.getMessage());
            }
        }
        m.add(new ReportModel.Bullets(inputs));
        m.add(new ReportModel.Para(tx.t("prov.timings", r.timingsMs().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("geometry:")).map(e -> e.getKey() + " " + tx.n(e.getValue() / 1000.0) + " s")
                .collect(Collectors.joining(", ")))));
        m.add(new ReportModel.Para(tx.t("footer")));
        return m;
    }

    /** One line per layer (last year): the PAs' share of the region's area and of the layer's total. */
    private static List<String> summary(Assessment.Result r, ReportText tx) {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (Assessment.Row x : r.rows()) {
            last.merge(x.layer(), java.util.Objects.requireNonNullElse(x.year(), Integer.MIN_VALUE), Math::max);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : last.entrySet()) {
            Integer year = e.getValue() == Integer.MIN_VALUE ? null : e.getValue();
            Assessment.Row region = ReportTables.find(r.rows(), e.getKey(), year, "region");
            Assessment.Row prot = ReportTables.find(r.rows(), e.getKey(), year, "protected");
            if (region == null || prot == null || !(region.validAreaKm2() > 0)) {
                continue;
            }
            String name = tx.layer(r.spec(), e.getKey()) + (year == null ? "" : " " + year);
            out.add(tx.t("summary.share", name, tx.pct(100 * prot.validAreaKm2() / region.validAreaKm2()), tx.pct(prot.sharePct()),
                    tx.layer(r.spec(), e.getKey())));
        }
        return out;
    }

    /** The methods text, from the spec and the layers' grids. */
    private static List<String> methods(Assessment.Result r, ReportText tx) {
        AssessmentSpec spec = r.spec();
        List<String> out = new ArrayList<>();
        out.add(tx.t("methods.categories", spec.protectedAreas().classes().stream()
                .map(c -> tx.category(spec, c.key(), c.label())).collect(Collectors.joining(" > "))));
        AssessmentSpec.Grid grid = spec.grid();
        out.add(grid == null ? tx.t("methods.coverage") : tx.t("methods.commonGrid", grid.crs(), tx.n(grid.cellSize())));
        out.add(tx.t("methods.units"));
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (AssessmentSpec.Layer l : spec.layers()) {
            String name = tx.layer(spec, l.key());
            if (done.put(l.key() + (l.sum() == null ? "" : "+"), true) != null) {
                continue;
            }
            if (l.sum() != null) {
                out.add(tx.t("methods.sum", name, l.parts().stream().map(k -> tx.layer(spec, k)).collect(Collectors.joining(" + "))));
                continue;
            }
            try (RasterSource src = RasterFiles.open(l.filePath(), Assessment.request(spec, l))) {
                GridSpec g = src.grid();
                boolean geographic = CrsSupport.isGeographic(src.crs());
                double k = geographic ? 1 : CellAreas.metresPerUnit(src.crs());
                String cell = Objects.equals(tx.n(Math.abs(g.dx()) * k), tx.n(Math.abs(g.dy()) * k)) ? tx.n(Math.abs(g.dx()) * k)
                        : tx.n(Math.abs(g.dx()) * k) + " × " + tx.n(Math.abs(g.dy()) * k);
                long years = spec.layers().stream().filter(x -> x.key().equals(l.key())).count();
                String file = l.filePath().getFileName() + (years > 1 ? " (+" + (years - 1) + ")" : "");
                out.add(tx.t("methods.layer", name, file, String.valueOf(g.width()), String.valueOf(g.height()), cell,
                        geographic ? "°" : "m", CrsSupport.label(src.crs()),
                        tx.t(l.isDensity() ? "methods.kind.density" : "methods.kind.amount"), l.unit() == null ? "-" : l.unit()));
            } catch (GisException | IOException | RuntimeException e) {
                out.add(name + ": " + l.filePath().getFileName() + " (" + e.getMessage() + ")");
            }
        }
        if ("en".equals(tx.language()) && !r.layerNotes().isEmpty()) {
            out.add(tx.t("methods.read", r.layerNotes().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "))));
        }
        return out;
    }
}
