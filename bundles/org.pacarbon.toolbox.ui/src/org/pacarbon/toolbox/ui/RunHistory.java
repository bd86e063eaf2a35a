package org.pacarbon.toolbox.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tool history that outlives the workbench: every finished run leaves a {@code run.json} in its results folder
 * below the workspace's {@code runs} folder, and the history is read back from them at start (newest first). A
 * damaged or foreign {@code run.json} is skipped; nothing is written here.
 */
final class RunHistory {
    /** At most this many runs are read back. */
    static final int LIMIT = 200;

    private RunHistory() {
    }

    /** The finished runs found below {@code runsDir}, newest first. */
    static List<RunRecord> load(Path runsDir) {
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return out;
        }
        ObjectMapper m = new ObjectMapper();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path file = dir.resolve("run.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    JsonNode n = m.readTree(file.toFile());
                    Map<String, String> params = new LinkedHashMap<>();
                    n.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                    String tool = n.path("tool").asText("");
                    if (tool.isEmpty()) {
                        continue;
                    }
                    RunRecord r = new RunRecord(tool, n.path("name").asText(tool), params, Instant.parse(n.path("started").asText()), dir);
                    r.status = "done";
                    out.add(r);
                } catch (IOException | RuntimeException e) {
                    // not a run we can show: skipped
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing((RunRecord r) -> r.started).reversed());
        return out.size() > LIMIT ? new ArrayList<>(out.subList(0, LIMIT)) : out;
    }
}
