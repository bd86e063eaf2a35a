package org.pacarbon.toolbox.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jdt.annotation.Nullable;

/** Checks parameters, runs a tool and writes its tables, text and a record of the run. Used by CLI and UI alike. */
public final class ToolRunner {
    private ToolRunner() {
    }

    /**
     * Checks the values given in text form against the tool's parameters: unknown names, missing required
     * values, and each value's type; absent optional ones take their default.
     */
    public static ToolValues check(Tool tool, Map<String, String> given, Path cwd) throws ToolException {
        Map<String, Param> byName = new LinkedHashMap<>();
        tool.params().forEach(p -> byName.put(p.name(), p));
        for (String k : given.keySet()) {
            if (!byName.containsKey(k)) {
                throw new ToolException("unknown parameter --" + k + " (parameters: --"
                        + String.join(", --", byName.keySet()) + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Param p : tool.params()) {
            String t = given.get(p.name());
            if (t == null || t.isBlank()) {
                if (p.required()) {
                    missing.add("--" + p.name() + " (" + p.label() + ")");
                    continue;
                }
                t = p.defaultText();
                if (t.isEmpty()) {
                    continue;
                }
            }
            values.put(p.name(), p.parse(t, cwd));
            texts.put(p.name(), t);
        }
        if (!missing.isEmpty()) {
            throw new ToolException("missing " + String.join(", ", missing));
        }
        // an output is never one of the inputs (writing it would replace the data the run reads)
        for (Param out : tool.params()) {
            if ((out.type() == Param.Type.OUTPUT_FILE || out.type() == Param.Type.OUTPUT_FOLDER) && values.get(out.name()) instanceof Path o) {
                Path on = o.toAbsolutePath().normalize();
                for (Param in : tool.params()) {
                    if ((in.type() == Param.Type.RASTER || in.type() == Param.Type.VECTOR || in.type() == Param.Type.FILE)
                            && values.get(in.name()) instanceof Path i && i.toAbsolutePath().normalize().equals(on)) {
                        throw new ToolException(on + ": the output --" + out.name() + " is also the input --" + in.name()
                                + " (expected another file, so the input is kept)");
                    }
                }
                if (out.type() == Param.Type.OUTPUT_FILE && java.nio.file.Files.isDirectory(on)) {
                    throw new ToolException(on + ": the output --" + out.name() + " is a folder (expected a file name)");
                }
            }
        }
        return new ToolValues(values, texts);
    }

    /** Runs a tool and, when {@code outDir} is not null, writes its outputs there (see {@link #write}). */
    public static ToolResult run(ToolDescriptor d, Map<String, String> given, Path cwd, @Nullable Path outDir, Progress progress)
            throws ToolException {
        Tool tool = d.create();
        ToolValues v = check(tool, given, cwd);
        Instant start = Instant.now();
        ToolResult r;
        try {
            r = tool.run(v, progress);
        } catch (java.util.concurrent.CancellationException e) {
            // engines (zonal, resampling) stop with this unchecked exception at their next check
            throw new ToolException.Cancelled();
        }
        if (progress.isCancelled()) {
            throw new ToolException.Cancelled();
        }
        if (outDir != null) {
            write(d, v, r, outDir, start);
        }
        return r;
    }

    /** Writes each table as CSV (units in the header) and Markdown, the text as log.txt, and run.json. */
    public static List<Path> write(ToolDescriptor d, ToolValues v, ToolResult r, Path dir, Instant start)
            throws ToolException {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder();
            for (Object item : r.items()) {
                if (item instanceof ToolResult.Table t) {
                    String base = slug(t.title());
                    written.add(atomicWrite(dir.resolve(base + ".csv"), csv(t)));
                    written.add(atomicWrite(dir.resolve(base + ".md"), markdown(t)));
                } else if (item instanceof String s) {
                    text.append(s).append('\n');
                }
            }
            if (text.length() > 0) {
                written.add(atomicWrite(dir.resolve("log.txt"), text.toString()));
            }
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode run = m.createObjectNode();
            run.put("tool", d.id());
            run.put("name", d.name());
            run.put("bundle", d.bundle());
            run.put("started", start.toString());
            run.put("finished", Instant.now().toString());
            ObjectNode params = run.putObject("parameters");
            v.texts().forEach(params::put);
            ArrayNode outs = run.putArray("outputs");
            for (Object item : r.items()) {
                if (item instanceof ToolResult.Raster x) {
                    outs.add(x.file().toString());
                } else if (item instanceof ToolResult.Vector x) {
                    outs.add(x.file().toString());
                }
            }
            written.forEach(p -> outs.add(p.toString()));
            written.add(atomicWrite(dir.resolve("run.json"), m.writeValueAsString(run) + "\n"));
        } catch (IOException e) {
            throw new ToolException("cannot write the results into " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** A file name from a title: lower case letters, digits and underscores. */
    public static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return s.isEmpty() ? "table" : s;
    }

    static String cell(@Nullable Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double x) {
            return Double.isNaN(x) ? "" : Double.toString(x);
        }
        return o.toString();
    }

    /** CSV with a header of "name [unit]". */
    public static String csv(ToolResult.Table t) {
        StringBuilder sb = new StringBuilder();
        List<String> head = t.columns().stream().map(c -> c.unit().isEmpty() ? c.name() : c.name() + " [" + c.unit() + "]")
                .toList();
        sb.append(String.join(",", head.stream().map(ToolRunner::quote).toList())).append('\n');
        for (List<Object> row : t.rows()) {
            sb.append(String.join(",", row.stream().map(ToolRunner::cell).map(ToolRunner::quote).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return org.pacarbon.gis.core.io.Csv.field(s);
    }

    /** A Markdown table with the title as heading; numbers right-aligned, as people read them (the project's one number formatter). */
    public static String markdown(ToolResult.Table t) {
        StringBuilder sb = new StringBuilder("### ").append(t.title()).append("\n\n|");
        for (ToolResult.Column c : t.columns()) {
            sb.append(' ').append(c.unit().isEmpty() ? c.name() : c.name() + " (" + c.unit() + ")").append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < t.columns().size(); i++) {
            boolean num = !t.rows().isEmpty() && t.rows().get(0).get(i) instanceof Number;
            sb.append(num ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            sb.append('|');
            for (Object o : row) {
                String s = o instanceof Double x ? org.pacarbon.gis.core.text.Numbers.format(x, Locale.ROOT) : cell(o);
                sb.append(' ').append(s.replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Path atomicWrite(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
