package org.pacarbon.toolbox.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.pacarbon.toolbox.core.ToolResult;

/** One run of a tool: what was asked, when, how it ended, where its results are. */
final class RunRecord {
    final String toolId;
    final String toolName;
    final Map<String, String> params;
    final Instant started;
    final Path resultsDir;
    volatile String status = "running";
    volatile ToolResult result;

    RunRecord(String toolId, String toolName, Map<String, String> params, Instant started, Path resultsDir) {
        this.toolId = toolId;
        this.toolName = toolName;
        this.params = Map.copyOf(params);
        this.started = started;
        this.resultsDir = resultsDir;
    }

    String paramsText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() > 0 ? " " : "").append("--").append(k).append(' ').append(v));
        return sb.toString();
    }
}
