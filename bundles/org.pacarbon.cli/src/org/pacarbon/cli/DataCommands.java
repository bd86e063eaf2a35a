package org.pacarbon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pacarbon.cli.Commands.UsageException;
import org.pacarbon.gis.core.GisException;

/**
 * The commands that make or draw data rather than assess it: {@code figure} (a map document as a figure),
 * {@code bench-data} and {@code bench-render} (the benchmark's inputs and map timings) and {@code fuzz} (malformed
 * inputs through the real commands). Same conventions as {@link Commands}: a one-line cause and a non-zero code.
 */
final class DataCommands {
    private final PrintStream out;
    private final Path cwd;

    DataCommands(PrintStream out, Path cwd) {
        this.out = out;
        this.cwd = cwd;
    }

    private Path path(String s) {
        return Commands.resolve(cwd, s);
    }

    private static Map<String, String> options(List<String> args, List<String> positional, String... names) throws UsageException {
        return Commands.options(args, positional, names);
    }

    int benchRender(List<String> rest) throws UsageException, GisException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(rest, pos, "--size");
        if (pos.size() != 2 || o.containsKey("--help")) {
            out.println("usage: ./pacarbon bench-render RASTER PAS [--size 1200x800]\n"
                    + "Times the first draw and redraws of RASTER with the PA outlines on top (see bench/map.sh).");
            return pos.size() == 2 ? 0 : 2;
        }
        String[] wh = o.getOrDefault("--size", "1200x800").split("x");
        org.pacarbon.cli.demo.RenderBench.run(path(pos.get(0)), path(pos.get(1)), Integer.parseInt(wh[0]),
                Integer.parseInt(wh[1]), out);
        return 0;
    }

    int figure(List<String> args) throws UsageException, GisException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(args, pos, "--out", "--dpi");
        if (o.containsKey("--help")) {
            out.println("usage: ./pacarbon figure MAP.pamap --out fig.png|fig.svg|fig.pdf [--dpi 144]\n"
                    + "Draws the map document (layers, styles, extent; see demo/output/figures/*.pamap) with title, legend,\n"
                    + "scale bar, north arrow and credits.");
            return 0;
        }
        if (pos.size() != 1 || !o.containsKey("--out")) {
            throw new UsageException("usage: ./pacarbon figure MAP.pamap --out fig.png|fig.svg|fig.pdf [--dpi N]");
        }
        double dpi;
        try {
            dpi = Double.parseDouble(o.getOrDefault("--dpi", "144"));
        } catch (NumberFormatException e) {
            throw new UsageException("--dpi must be a number");
        }
        if (!(dpi >= 36 && dpi <= 1200)) {
            throw new UsageException("--dpi must be between 36 and 1200");
        }
        Path doc = path(pos.get(0));
        Path target = path(o.get("--out"));
        org.pacarbon.map.core.MapDocument d = org.pacarbon.map.core.MapDocument.read(doc);
        d.toFigure(doc.toAbsolutePath().getParent(), 900, 640).write(target, dpi / 72);
        out.println(target);
        return 0;
    }

    int benchData(List<String> args) throws UsageException, GisException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(args, pos, "--size", "--pas");
        if (o.containsKey("--help") || pos.size() != 1) {
            out.println("usage: ./pacarbon bench-data DIR [--size 150m|300m|1km|small|paper|continent] [--pas N]\n"
                    + "Writes synthetic China-scale benchmark inputs (tiled DEFLATE Float32 GeoTIFF, N polygons (default 500),\n"
                    + "spec) to DIR and prints the spec's path. 'paper' writes the paper-scale set instead: biomass 300 m,\n"
                    + "vSOC 250 m, NPP 500 m and CO2 1 km for 5 years each, 460 polygons. 'continent' is the Spark benchmark's\n"
                    + "input: 40000 x 20000 cells of 100 m (800 million) and 20000 polygons unless --pas says otherwise.");
            return o.containsKey("--help") ? 0 : 2;
        }
        String size = o.getOrDefault("--size", "1km");
        int pas;
        try {
            pas = Integer.parseInt(o.getOrDefault("--pas", "500"));
        } catch (NumberFormatException e) {
            throw new UsageException("--pas must be a whole number");
        }
        if (pas < 1 || pas > 1_000_000) {
            throw new UsageException("--pas must be from 1 to 1000000");
        }
        Path dir = path(pos.get(0));
        Path spec = switch (size) {
            case "150m" -> org.pacarbon.cli.demo.BenchData.generate(dir, 33400, 26600, 150, pas);
            case "300m" -> org.pacarbon.cli.demo.BenchData.generate(dir, 16700, 13300, 300, pas);
            case "1km" -> org.pacarbon.cli.demo.BenchData.generate(dir, 5000, 4000, 1000, pas);
            case "small" -> org.pacarbon.cli.demo.BenchData.generate(dir, 1000, 800, 5000, pas);
            case "paper" -> org.pacarbon.cli.demo.BenchData.paper(dir);
            case "continent" -> org.pacarbon.cli.demo.BenchData.generate(dir, 40000, 20000, 100, o.containsKey("--pas") ? pas : 20000);
            default -> throw new UsageException("--size must be 150m, 300m, 1km, small, paper or continent");
        };
        out.println(spec);
        return 0;
    }

    int fuzz(List<String> args) throws UsageException, IOException {
        List<String> pos = new ArrayList<>();
        Map<String, String> o = options(args, pos, "--cases", "--seed", "--family", "--work", "--timeout");
        if (o.containsKey("--help") || !pos.isEmpty()) {
            out.println("usage: ./pacarbon fuzz [--cases N per family (100)] [--seed S (1)] [--family F,F] [--work DIR] [--timeout MS (30000)]\n"
                    + "Runs malformed variants of a small valid assessment through the real commands (families: "
                    + String.join(", ", org.pacarbon.cli.fuzz.Fuzz.FAMILIES) + ").\nEvery case must succeed or end with"
                    + " one clear line naming the file; failing cases are kept in the work folder with fuzz-case.txt.");
            return o.containsKey("--help") ? 0 : 2;
        }
        int cases;
        long seed;
        long timeout;
        try {
            cases = Integer.parseInt(o.getOrDefault("--cases", "100"));
            seed = Long.parseLong(o.getOrDefault("--seed", "1"));
            timeout = Long.parseLong(o.getOrDefault("--timeout", "30000"));
        } catch (NumberFormatException e) {
            throw new UsageException("--cases, --seed and --timeout take whole numbers");
        }
        List<String> families = o.containsKey("--family") ? List.of(o.get("--family").split(",")) : org.pacarbon.cli.fuzz.Fuzz.FAMILIES;
        Path work = o.containsKey("--work") ? path(o.get("--work")) : Files.createTempDirectory("pacarbon-fuzz");
        org.pacarbon.cli.fuzz.Fuzz fz = new org.pacarbon.cli.fuzz.Fuzz(work, timeout);
        int failures = 0;
        try {
            for (String fam : families) {
                long t0 = System.nanoTime();
                List<org.pacarbon.cli.fuzz.Fuzz.Case> cs = fz.run(fam, cases, seed);
                out.println(org.pacarbon.cli.fuzz.Fuzz.summary(fam, cs, k -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        + String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9));
                for (org.pacarbon.cli.fuzz.Fuzz.Case c : cs) {
                    if (org.pacarbon.cli.fuzz.Fuzz.failure(c.outcome())) {
                        failures++;
                        String line = c.err().lines().filter(l -> !l.startsWith("  ") && !l.isBlank()).findFirst().orElse("");
                        out.println("  " + c.outcome() + " seed " + c.seed() + " exit " + c.code() + ": " + line.replaceAll("(.{300}).+", "$1..."));
                    }
                }
            }
        } finally {
            fz.close();
        }
        out.println("work folder: " + work + (failures > 0 ? " (failing cases kept there)" : ""));
        return failures > 0 ? 1 : 0;
    }

    /** The output folder is never an input, never the folder of an input, never a file. */
}
