package org.pacarbon.carbon.core;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the values of a spec's JSON: required and optional texts and paths, titles by language, and unknown keys
 * refused with the likely intended one named.
 */
final class SpecJson {
    private SpecJson() {
    }

    static boolean present(JsonNode node, String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    static void checkKeys(Path file, String where, JsonNode node, Set<String> allowed) throws SpecException {
        if (!node.isObject()) {
            throw new SpecException(file + ": " + (where.isEmpty() ? "the spec" : where.substring(0, where.length() - 1)) + " must be a JSON object");
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String best = null;
                int bestD = Integer.MAX_VALUE;
                for (String a : allowed) {
                    int d = distance(k.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
                    if (d < bestD) {
                        bestD = d;
                        best = a;
                    }
                }
                throw new SpecException(file + ": unknown key '" + where + k + "'"
                        + (bestD <= 3 ? " (did you mean '" + best + "'?)" : "") + "; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static JsonNode require(Path file, JsonNode node, String key, String where) throws SpecException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(file + ": missing key '" + where + key + "'");
        }
        return v;
    }

    static String requireText(Path file, JsonNode node, String key, String where) throws SpecException {
        JsonNode v = require(file, node, key, where);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new SpecException(file + ": '" + where + key + "' must be a non-empty text");
        }
        return v.asText();
    }

    /**
     * A title or label: a text, or texts by language ({@code {"en": "National parks", "zh": "国家公园"}}); the
     * English one (else the first) is the default, reports in another language take theirs ({@link #inLanguage}).
     */
    static String shown(Path file, JsonNode node, String key, String dflt) throws SpecException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isObject()) {
            if (v.isEmpty()) {
                throw new SpecException(file + ": \"" + key + "\" has no text (expected a text or {\"en\": ..., \"zh\": ...})");
            }
            for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) v::fields) {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new SpecException(file + ": \"" + key + "\" in language '" + e.getKey() + "' must be a non-empty text");
                }
            }
            return v.has("en") ? v.get("en").asText() : v.elements().next().asText();
        }
        if (!v.isValueNode()) {
            throw new SpecException(file + ": \"" + key + "\" must be a text or {\"en\": ..., \"zh\": ...}, not " + v);
        }
        return v.asText();
    }

    static String text(JsonNode node, String key, String dflt) {
        String v = optText(node, key);
        return v == null ? dflt : v;
    }

    static @Nullable String optText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static @Nullable Path path(Path file, Path base, JsonNode node, String key) throws SpecException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new SpecException(file + ": \"" + key + "\" must be a file path, not " + v);
        }
        Path p = Path.of(v.asText());
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }
}
