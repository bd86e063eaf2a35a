package org.pacarbon.carbon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the outputs of an assessment: the machine-readable summary.csv, per_pa.csv and provenance.json, and the
 * documents for people that the caller adds (tables.md, report.html, report.pdf: see the report bundle). All files are
 * written into a hidden temporary folder inside the output folder and moved into place only when all are complete,
 * provenance.json last: a failed run leaves no partial output that looks complete.
 */
public final class Reports {
    /** Columns of summary.csv. */
    public static final String SUMMARY_HEADER =
            "group,layer,year,category,total,total_unit,share_pct,per_area,per_area_unit,ratio_to_region,valid_area_km2";
    /** Columns of per_pa.csv. */
    public static final String PER_PA_HEADER =
            "pa_id,name,class,layer,year,total,total_unit,per_area,per_area_unit,valid_area_km2,area_km2";

    /** Writes one document of the outputs into the file it is given (which it may leave unwritten to skip it). */
    @FunctionalInterface
    public interface DocumentWriter {
        void write(Path file) throws IOException;
    }

    /** A document for people written beside the machine outputs, e.g. {@code report.pdf}. */
    public record Document(String name, DocumentWriter writer) {
    }

    private Reports() {
    }

    /** Writes the machine outputs and {@code documents} to {@code dir} (created if needed); see {@link #writeOutputs}. */
    public static void write(Assessment.Result r, Path dir, String version, List<Document> documents) throws IOException {
        writeOutputs(r, dir, version, documents);
    }

    /**
     * Writes the machine outputs and {@code documents} to {@code dir} (created if needed).
     *
     * @return the names of the documents left unwritten (a writer may skip its file, e.g. a PDF without a usable font:
     *         it says why itself); they are also listed in provenance.json ({@code notWritten})
     */
    public static List<String> writeOutputs(Assessment.Result r, Path dir, String version, List<Document> documents) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".partial-");
        try {
            List<String> names = new ArrayList<>(List.of("summary.csv", "per_pa.csv"));
            Files.writeString(tmp.resolve("summary.csv"), summaryCsv(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("per_pa.csv"), perPaCsv(r), StandardCharsets.UTF_8);
            writeSideBySide(documents, tmp);
            List<String> notWritten = new ArrayList<>();
            for (Document d : documents) {
                (Files.isRegularFile(tmp.resolve(d.name())) ? names : notWritten).add(d.name());
            }
            Files.writeString(tmp.resolve("provenance.json"), provenance(r, version, notWritten), StandardCharsets.UTF_8);
            names.add("provenance.json");
            for (String name : names) {
                Files.move(tmp.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return notWritten;
        } finally {
            try (var s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Writes the documents into {@code dir} on as many threads as there are cores (each document is its own file; the
     * HTML and the PDF report take about as long each, most of it code run for the first time). Every document is
     * finished before this returns or throws (the first failure, in the documents' order), so that none is still
     * being written when the caller removes the folder; an interrupt is kept for the caller, as when one thread wrote
     * them one after the other.
     */
    private static void writeSideBySide(List<Document> documents, Path dir) throws IOException {
        int threads = Math.min(documents.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (Document d : documents) {
                d.writer().write(dir.resolve(d.name()));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-writer");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> written = new ArrayList<>();
        for (Document d : documents) {
            written.add(pool.submit(() -> {
                d.writer().write(dir.resolve(d.name()));
                return null;
            }));
        }
        pool.shutdown();
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> f : written) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    static String csv(String s) {
        return org.pacarbon.gis.core.io.Csv.field(s);
    }

    /** summary.csv text. */
    public static String summaryCsv(Assessment.Result r) {
        StringBuilder b = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (Assessment.Row x : r.rows()) {
            b.append(String.join(",", csv(x.group()), csv(x.layer()), java.util.Objects.toString(x.year(), ""), csv(x.category()),
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
                    java.util.Objects.toString(x.year(), ""), num(x.total()), csv(x.totalUnit()), num(x.perArea()),
                    csv(x.perAreaUnit()), num(x.validAreaKm2()), num(x.areaKm2()))).append('\n');
        }
        return b.toString();
    }

    /** provenance.json text: inputs with SHA-256, the spec, the software version, timings, the engine, warnings. */
    public static String provenance(Assessment.Result r, String version) throws IOException {
        return provenance(r, version, List.of());
    }

    /** provenance.json text, with the documents of the run that were not written ({@code notWritten}). */
    public static String provenance(Assessment.Result r, String version, List<String> notWritten) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("software", "PA-Carbon Workbench");
        root.put("version", version);
        root.put("created", Instant.now().toString());
        root.put("java", System.getProperty("java.version"));
        root.put("specFile", r.spec().file().toAbsolutePath().toString());
        root.set("spec", r.spec().json());
        ArrayNode inputs = root.putArray("inputs");
        for (Path f : inputFiles(r)) {
            ObjectNode in = inputs.addObject();
            in.put("path", f.toAbsolutePath().toString());
            in.put("bytes", Files.size(f));
            in.put("sha256", InputDigests.sha256(f));
        }
        ObjectNode t = root.putObject("timingsMs");
        r.timingsMs().forEach(t::put);
        root.set("engine", m.valueToTree(r.engine()));
        ObjectNode ln = root.putObject("layers");
        r.layerNotes().forEach(ln::put);
        ArrayNode w = root.putArray("warnings");
        r.warnings().forEach(w::add);
        ArrayNode nw = root.putArray("notWritten");
        notWritten.forEach(nw::add);
        return m.writeValueAsString(root) + "\n";
    }

    /** The input files of a run, with a shapefile's side files, sorted by path. */
    public static List<Path> inputFiles(Assessment.Result r) {
        List<Path> out = new ArrayList<>();
        for (Path p : r.inputs().stream().distinct().sorted(Comparator.comparing(Path::toString)).toList()) {
            out.addAll(withSidecars(p));
        }
        return out;
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

    /**
     * Computes the SHA-256 of a spec's input files (a shapefile's side files too) on a background thread, for the
     * provenance written at the end: the files are hashed while the report, single-threaded, is made, instead of after
     * it. Files that are missing are skipped (the provenance's own call says so).
     */
    public static void digestInBackground(AssessmentSpec spec) {
        List<Path> files = new ArrayList<>();
        AssessmentSpec.Region region = spec.region();
        for (Path p : new Path[] { region.path(), region.mask(), spec.protectedAreas().path() }) {
            if (p != null) {
                files.addAll(withSidecars(p));
            }
        }
        for (AssessmentSpec.Layer l : spec.layers()) {
            if (l.sum() == null) {
                files.add(l.filePath());
            }
        }
        InputDigests.inBackground(files);
    }
}
