package org.pacarbon.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacarbon.cli.Commands.UsageException;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolRunner;

/** {@code ./pacarbon tools} and {@code ./pacarbon run TOOL --param value ...}: the toolbox on the command line. */
final class ToolCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    ToolCommands(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
    }

    int list(List<String> args) throws ToolException {
        List<String> problems = new ArrayList<>();
        List<ToolDescriptor> tools = ToolRegistry.tools(problems);
        String category = null;
        for (ToolDescriptor d : tools) {
            if (!d.category().equals(category)) {
                category = d.category();
                out.println(category + ":");
            }
            out.println("  " + d.id() + "  " + d.name() + (d.description().isEmpty() ? "" : " - " + d.description()));
            Tool t = d.create();
            for (Param p : t.params()) {
                out.println("      " + p.usage());
            }
        }
        out.println(tools.size() + " tools. Run one with: ./pacarbon run TOOL --param value ... [--results DIR]");
        problems.forEach(p -> err.println("pacarbon tools: warning: " + p));
        return 0;
    }

    int run(List<String> args) throws UsageException, ToolException {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new UsageException("usage: ./pacarbon run TOOL --param value ... [--results DIR]  (./pacarbon tools lists them)");
        }
        ToolDescriptor d = ToolRegistry.find(args.get(0));
        Map<String, String> given = new LinkedHashMap<>();
        Path results = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                Tool t = d.create();
                out.println(d.id() + ": " + d.name() + "\n" + t.help() + "\nParameters:");
                t.params().forEach(p -> out.println("  " + p.usage()));
                out.println("  --results DIR  optional: write the tables (CSV, Markdown) and run.json there");
                return 0;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected '" + a + "': parameters are --name value");
            }
            String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
                throw new UsageException("--" + name + " needs a value");
            }
            if (name.equals("results")) {
                results = cwd.resolve(value).normalize();
            } else {
                given.put(name, value);
            }
        }
        long[] last = {0};
        int[] total = {0};
        int[] done = {0};
        Progress progress = new Progress() {
            @Override
            public void begin(String task, int units) {
                total[0] = units;
                done[0] = 0;
                err.println("  " + task);
            }

            @Override
            public void worked(int units) {
                done[0] += units;
                long now = System.nanoTime();
                if (total[0] > 0 && now - last[0] > 2_000_000_000L) {
                    last[0] = now;
                    err.printf("  %3.0f %%%n", 100.0 * done[0] / total[0]);
                }
            }

            @Override
            public void message(String line) {
                err.println("  " + line);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        ToolResult r = ToolRunner.run(d, given, cwd, results, progress);
        for (Object item : r.items()) {
            if (item instanceof ToolResult.Table t) {
                out.println(ToolRunner.markdown(t));
            } else if (item instanceof ToolResult.Raster x) {
                out.println("Raster: " + x.title() + " -> " + x.file());
            } else if (item instanceof ToolResult.Vector x) {
                out.println("Layer: " + x.title() + " -> " + x.file());
            } else if (item instanceof String s) {
                out.println(s);
            }
        }
        if (results != null) {
            out.println("Results written to " + results);
        }
        return 0;
    }
}
