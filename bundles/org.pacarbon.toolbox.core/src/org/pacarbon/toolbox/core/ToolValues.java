package org.pacarbon.toolbox.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/** The checked, typed values of a run, by parameter name; absent optional parameters have no entry. */
public final class ToolValues {
    private final Map<String, Object> values;
    private final Map<String, String> texts;

    ToolValues(Map<String, Object> values, Map<String, String> texts) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Path path(String name) {
        return (Path) values.get(name);
    }

    public double number(String name) {
        return (Double) values.get(name);
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    public @Nullable String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /**
     * The text of a parameter that always has a value (required, or with a default); the runner checks it before the
     * tool runs.
     */
    public String required(String name) {
        String t = text(name);
        if (t == null) {
            throw new IllegalArgumentException("parameter " + name + " has no value");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> years(String name) {
        return (List<Integer>) values.get(name);
    }

    /** The values as the user gave them (for the run's record and re-runs). */
    public Map<String, String> texts() {
        return texts;
    }
}
