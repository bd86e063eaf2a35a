package org.pacarbon.toolbox.ui;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.pacarbon.toolbox.core.Tool;

/**
 * Where the toolbox's runs write: the results of each run below the workspace's {@code runs} folder, and outputs
 * given as relative paths below the preference's output folder or the workspace's {@code output} folder, never the
 * program's install folder (the working directory of a desktop start).
 */
final class ToolOutputs {
    private ToolOutputs() {
    }

    /** Folder for the results of runs from the workbench. */
    static Path runsDir() {
        try {
            if (Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet()) {
                URL u = Platform.getInstanceLocation().getURL();
                return Path.of(u.toURI()).resolve("runs");
            }
        } catch (Exception e) {
            // the user's default workspace below
        }
        return Path.of(System.getProperty("user.home"), ".pacarbon", "workspace", "runs");
    }

    static Path cwd() {
        return Path.of(System.getProperty("pacarbon.cwd", System.getProperty("user.dir")));
    }

    /**
     * Where outputs given as relative paths (the tools' defaults, such as {@code assessment} or
     * {@code gap_hotspots.tif}) are written: the output folder of the preferences, else the workspace's
     * {@code output} folder; never the program's install folder (the working directory of a desktop start).
     */
    static Path outputBase() {
        String pref = "";
        try {
            pref = Platform.getPreferencesService().getString("org.pacarbon.app", "outputFolder", "", null);
        } catch (RuntimeException e) {
            // no preference service: the workspace below
        }
        return pref == null || pref.isBlank() ? runsDir().getParent().resolve("output") : Path.of(pref);
    }

    /** The values with relative output paths made absolute below {@link #outputBase()}. */
    static Map<String, String> withOutputsPlaced(Tool tool, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>(values);
        for (org.pacarbon.toolbox.core.Param p : tool.params()) {
            String v = out.get(p.name());
            if ((p.type() == org.pacarbon.toolbox.core.Param.Type.OUTPUT_FILE || p.type() == org.pacarbon.toolbox.core.Param.Type.OUTPUT_FOLDER)
                    && v != null && !v.isBlank()) {
                try {
                    Path given = Path.of(v.strip());
                    if (!given.isAbsolute()) {
                        out.put(p.name(), outputBase().resolve(given).normalize().toString());
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // left as typed: the runner names the bad path
                }
            }
        }
        return out;
    }
}
