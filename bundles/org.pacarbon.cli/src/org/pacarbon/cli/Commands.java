package org.pacarbon.cli;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.MeasureEngine;
import org.pacarbon.carbon.core.Reports;
import org.pacarbon.report.AssessmentReport;
import org.pacarbon.carbon.core.SpecException;
import org.pacarbon.cli.demo.DemoData;
import org.pacarbon.gis.core.GisException;

/**
 * The headless commands of {@code ./pacarbon}. Each prints a one-line cause and returns a non-zero code on
 * bad input (1) or bad usage (2); {@code --help} works on every command.
 */
public final class Commands {
    /** Version printed in outputs and provenance. */
    public static final String VERSION = "0.1.0";

    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;
    private @Nullable Engines engines;

    /** Opens the measuring engine that {@code assess --engine NAME [--master URL]} names (other than "local"). */
    @FunctionalInterface
    public interface Engines {
        /**
         * @return the engine, or {@code null} when this class path has no engine of that name
         * @throws IllegalArgumentException when the master is not one the engine can use (its message says why)
         */
        @Nullable MeasureEngine open(String name, @Nullable String master, java.util.function.Consumer<String> log);
    }

    /** Lets {@code assess --engine} use more engines than the local one (the Spark job jar's main does). */
    public Commands withEngines(Engines e) {
        this.engines = e;
        return this;
    }

    public Commands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.cwd = Path.of(System.getProperty("pacarbon.cwd", System.getProperty("user.dir")));
    }

    private static final String USAGE = """
            usage: ./pacarbon <command> [options]

            Commands:
              assess SPEC.json --out DIR   run the assessment described by SPEC.json; write summary.csv, per_pa.csv,
                                           tables.md, report.html, report.pdf and provenance.json to DIR [--lang en|zh]
              demo [--dir DIR] [--out DIR] make the illustrative demo data set in DIR (default ./demo/data) if missing,
                                           assess it into --out (default ./demo/output) and print Tables 1-3 [--lang en|zh]
              figure MAP.pamap --out F     draw a map document as a figure: F.png, F.svg or F.pdf [--dpi N, PNG/PDF]
              tools                        list the toolbox's tools with their parameters
              run TOOL --param value ...   run a tool (./pacarbon run TOOL --help) [--results DIR]
              tracker list|show|add|update|delete|export|import|framework|restore
                                           the research tracker: 3 key issues, 14 questions, work items, evidence
              version                      print the version
              help                         this text

            Without a command, ./pacarbon starts the workbench. Every command takes --help; --verbose also prints the
            libraries' log lines (otherwise in ~/.pacarbon/logs/pacarbon-cli.log).
            """;

    /** Runs a command line; returns the exit code. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return 0;
        }
        String cmd = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            switch (cmd) {
                case "assess":
                    return assess(rest);
                case "demo":
                    return demo(rest);
                case "figure":
                    return data().figure(rest);
                case "tools":
                    return new ToolCommands(out, err, cwd).list(rest);
                case "run":
                    return new ToolCommands(out, err, cwd).run(rest);
                case "tracker":
                    return new TrackerCommand(out, err, this::path).run(rest);
                case "bench-render":
                    return data().benchRender(rest);
                case "bench-data":
                    return data().benchData(rest);
                case "fuzz":
                    return data().fuzz(rest);
                case "version":
                    out.println("PA-Carbon Workbench " + VERSION);
                    return 0;
                default:
                    err.println("pacarbon: unknown command '" + cmd + "' (try ./pacarbon help)");
                    return 2;
            }
        } catch (UsageException e) {
            err.println("pacarbon " + cmd + ": " + e.getMessage());
            return 2;
        } catch (org.pacarbon.toolbox.core.ToolException.Cancelled e) {
            err.println("pacarbon " + cmd + ": cancelled");
            return 130;
        } catch (SpecException | GisException | org.pacarbon.tracker.core.TrackerException
                | org.pacarbon.toolbox.core.ToolException e) {
            err.println("pacarbon " + cmd + ": error: " + oneLine(e.getMessage()));
            return 1;
        } catch (IOException e) {
            err.println("pacarbon " + cmd + ": error: " + GisException.describe(e));
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("pacarbon " + cmd + ": error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB heap); give more with PACARBON_VMARGS=-Xmx8g");
            return 3;
        } catch (RuntimeException | Error e) {
            err.println("pacarbon " + cmd + ": internal error: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    /** An error message as one line: control characters and line breaks as spaces, at most 600 characters. */
    static String oneLine(String m) {
        String s = m == null ? "" : m.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return s.length() > 600 ? s.substring(0, 597) + "..." : s;
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Options that take no value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--strict");

    static Map<String, String> options(List<String> args, List<String> positional, String... names) throws UsageException {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                o.put("--help", "");
            } else if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!List.of(names).contains(name)) {
                    throw new UsageException("unknown option " + name + " (options: " + String.join(", ", names) + ")");
                }
                if (FLAGS.contains(name) && !a.contains("=")) {
                    o.put(name, "true");
                    continue;
                }
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : null);
                if (value == null) {
                    throw new UsageException(name + " needs a value");
                }
                o.put(name, value);
            } else {
                positional.add(a);
            }
        }
        return o;
    }

    private Path path(String s) {
        return resolve(cwd, s);
    }

    /** A path given on the command line, relative to the folder the user started in. */
    static Path resolve(Path cwd, String s) {
        Path p = Path.of(s);
        return p.isAbsolute() ? p : cwd.resolve(p).normalize();
    }

    private DataCommands data() {
        return new DataCommands(out, cwd);
    }

    private int assess(List<String> args) throws UsageException, SpecException, GisException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(args, pos, "--out", "--strict", "--lang", "--engine", "--master");
        if (o.containsKey("--help")) {
            out.println("usage: ./pacarbon assess SPEC.json --out DIR [--strict] [--lang en|zh] [--engine local|spark --master URL]\n"
                    + "Runs the assessment of SPEC.json (see README: region, protectedAreas with classes in order of precedence,\n"
                    + "layers with kind density|amount, unit, group storage|uptake|emissions, optional year) and writes\n"
                    + "summary.csv and per_pa.csv (full precision), tables.md, report.html and report.pdf (maps, Tables 1-3, growth\n"
                    + "charts, top PAs, methods, provenance) and provenance.json into DIR.\n"
                    + "--strict refuses invalid PA polygons instead of repairing them (each repair is reported with its area change).\n"
                    + "--lang en|zh: the language of the tables and the report (default: the system's, English unless Chinese).\n"
                    + "--engine spark --master local[N]|spark://HOST:PORT measures the rasters on Apache Spark (README: \"Running on a\n"
                    + "Spark cluster\"); the outputs are the same as with the default --engine local (this machine's cores).");
            return 0;
        }
        if (pos.size() != 1 || !o.containsKey("--out")) {
            throw new UsageException("usage: ./pacarbon assess SPEC.json --out DIR");
        }
        if (o.get("--out").isBlank()) {
            throw new UsageException("--out is empty (expected a folder for the outputs)");
        }
        Path spec = path(pos.get(0));
        Path dir = path(o.get("--out"));
        String lang = lang(o);
        Assessment.Result r;
        try (MeasureEngine engine = engine(o)) {
            r = runAssessment(spec, dir, "true".equals(o.get("--strict")), lang, engine);
        }
        out.print(AssessmentReport.markdown(r, lang));
        out.println("Outputs written to " + dir);
        return 0;
    }

    /** The report language of --lang (en or zh); without it, Chinese when the system's language is, else English. */
    static String lang(Map<String, String> o) throws UsageException {
        String l = o.getOrDefault("--lang", "zh".equals(java.util.Locale.getDefault().getLanguage()) ? "zh" : "en");
        if (!l.equals("en") && !l.equals("zh")) {
            throw new UsageException("--lang must be en or zh, not " + l);
        }
        return l;
    }

    /** The engine of --engine and --master: the local one unless another is named. */
    private MeasureEngine engine(Map<String, String> o) throws UsageException {
        String name = o.getOrDefault("--engine", "local");
        String master = o.get("--master");
        if (name.equals("local")) {
            if (master != null) {
                throw new UsageException("--master is for --engine spark (the local engine uses this machine's cores)");
            }
            return MeasureEngine.LOCAL;
        }
        if (!name.equals("spark")) {
            throw new UsageException("--engine must be local or spark, not " + name);
        }
        MeasureEngine e;
        try {
            e = engines == null ? null : engines.open(name, master, line -> err.println("  " + line));
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
        if (e == null) {
            throw new UsageException("--engine spark needs the Spark job jar: run it through ./pacarbon (which starts the job jar"
                    + " with the Spark libraries) or spark-submit (README: \"Running on a Spark cluster\")");
        }
        return e;
    }

    private Assessment.Result runAssessment(Path specFile, Path dir, boolean strict, String lang)
            throws SpecException, GisException, IOException {
        return runAssessment(specFile, dir, strict, lang, MeasureEngine.LOCAL);
    }

    private Assessment.Result runAssessment(Path specFile, Path dir, boolean strict, String lang,
            MeasureEngine engine) throws SpecException, GisException, IOException {
        warmUpCrs();
        AssessmentSpec spec = AssessmentSpec.read(specFile);
        checkOutput(spec, dir);
        // the report's maps draw from overviews made of the rows the assessment reads: each file is decoded once (and
        // only the files mapped are reduced: of a layer with years, the last year)
        java.util.Set<Path> mapped = AssessmentReport.mappedFiles(spec);
        Assessment.Result r = Assessment.run(spec, line -> err.println("  " + line), null, strict, engine,
                src -> mapped.contains(src.file().toAbsolutePath().normalize()) ? org.pacarbon.map.core.Overviews.tap(src) : src);
        Reports.digestInBackground(spec); // while the report is made (one core); earlier, it slowed the engine's pass
        List<String> notWritten = Reports.writeOutputs(r, dir, VERSION, AssessmentReport.documents(r, lang, VERSION, line -> err.println("  " + line)));
        if (!notWritten.isEmpty()) { // said above with the reason; repeated here for whoever reads only the end
            err.println("Not written: " + String.join(", ", notWritten) + " (see above; the other outputs are complete)");
        }
        return r;
    }

    /**
     * Starts Apache SIS's CRS database (Derby, the EPSG tables) on another thread while this one reads the spec and
     * opens the first vector file (SQLite): the two start-ups overlap instead of following each other.
     */
    private static void warmUpCrs() {
        Thread t = new Thread(() -> {
            try {
                org.pacarbon.gis.core.crs.CrsSupport.parse("EPSG:4326", null);
            } catch (GisException | RuntimeException e) {
                // the real use reports it
            }
        }, "crs-warm-up");
        t.setDaemon(true);
        t.start();
    }

    static void checkOutput(AssessmentSpec spec, Path dir) throws SpecException {
        Path out = dir.toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SpecException(out + ": --out is a file (expected a folder for the outputs)");
        }
        List<Path> inputs = new ArrayList<>(List.of(spec.file()));
        if (spec.region().path() != null) {
            inputs.add(spec.region().path());
        }
        if (spec.region().mask() != null) {
            inputs.add(spec.region().mask());
        }
        inputs.add(spec.protectedAreas().path());
        spec.layers().stream().filter(l -> l.path() != null).forEach(l -> inputs.add(l.path()));
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            if (i.equals(out) || out.equals(i.getParent())) {
                throw new SpecException(out + ": --out is " + (i.equals(out) ? "the input " : "the folder of the input ") + i
                        + " (expected a folder of its own, so that no input is overwritten)");
            }
        }
    }

    private int demo(List<String> args) throws UsageException, SpecException, GisException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(args, pos, "--dir", "--out", "--lang");
        if (o.containsKey("--help")) {
            out.println("usage: ./pacarbon demo [--dir DIR] [--out DIR] [--lang en|zh]\n"
                    + "Makes the ILLUSTRATIVE demo data set (a real China outline; made-up parks, reserves and layers) in DIR\n"
                    + "(default demo/data) unless it is there, runs the full assessment into --out (default demo/output)\n"
                    + "and prints Tables 1-3.");
            return 0;
        }
        if (!pos.isEmpty()) {
            throw new UsageException("unexpected argument " + pos.get(0));
        }
        Path dir = path(o.getOrDefault("--dir", "demo/data"));
        Path outDir = path(o.getOrDefault("--out", "demo/output"));
        Path spec = dir.resolve("spec.json");
        if (!Files.isRegularFile(spec)) {
            err.println("  making the illustrative demo data set in " + dir);
            DemoData.generate(dir);
        }
        String lang = lang(o);
        Assessment.Result r = runAssessment(spec, outDir, false, lang);
        List<Path> figures = org.pacarbon.cli.demo.DemoFigures.write(dir, outDir.resolve("figures"));
        out.println("ILLUSTRATIVE DEMO DATA - not real measurements.");
        out.print(AssessmentReport.markdown(r, lang));
        out.println("Outputs written to " + outDir + "; figures (PNG, SVG, PDF): " + figures.size() + " in " + outDir.resolve("figures"));
        return 0;
    }
}
