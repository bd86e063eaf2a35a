package org.pacarbon.tracker.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A research agenda: key issues, each with research questions. Read from a small JSON definition:
 *
 * <pre>
 * {"id": "pa-carbon", "title": "...", "titleZh": "...", "source": "...",
 *  "issues": [{"code": "K1", "title": "...", "titleZh": "...", "description": "...",
 *              "questions": [{"code": "Q1", "title": "...", "titleZh": "...", "description": "..."}]}]}
 * </pre>
 *
 * Institutes add their own through the extension point {@code org.pacarbon.tracker.core.frameworks}.
 */
public record Framework(String id, String title, String titleZh, String source, List<Node> issues) {

    /** A key issue (with questions) or a research question (without). */
    public record Node(String code, String title, String titleZh, String description, List<Node> questions) {
    }

    /** The built-in framework of the paper: 3 key issues, 14 research questions, in English and Chinese. */
    public static Framework builtin() {
        try (InputStream in = Framework.class.getResourceAsStream("/frameworks/pa-carbon.json")) {
            if (in == null) {
                throw new IllegalStateException("frameworks/pa-carbon.json is missing from org.pacarbon.tracker.core");
            }
            return read(in, "frameworks/pa-carbon.json");
        } catch (IOException | TrackerException e) {
            throw new IllegalStateException("the built-in framework is broken: " + e.getMessage(), e);
        }
    }

    /** Reads and checks a definition; {@code name} (a file name) appears in error messages. */
    public static Framework read(InputStream in, String name) throws IOException, TrackerException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new TrackerException("framework " + name + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TrackerException("framework " + name + " is empty or not a JSON object");
        }
        String id = text(root, "id", name, true);
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new TrackerException("framework " + name + ": id '" + id + "' may only hold letters, digits, . _ -");
        }
        Set<String> codes = new HashSet<>();
        List<Node> issues = new ArrayList<>();
        JsonNode is = root.path("issues");
        if (!is.isArray() || is.isEmpty()) {
            throw new TrackerException("framework " + name + " has no \"issues\" array");
        }
        for (JsonNode i : is) {
            List<Node> qs = new ArrayList<>();
            for (JsonNode q : i.path("questions")) {
                qs.add(node(q, name, codes, List.of()));
            }
            issues.add(node(i, name, codes, qs));
        }
        return new Framework(id, text(root, "title", name, true), text(root, "titleZh", name, false),
                text(root, "source", name, false), List.copyOf(issues));
    }

    private static Node node(JsonNode n, String name, Set<String> codes, List<Node> questions) throws TrackerException {
        String code = text(n, "code", name, true);
        if (!codes.add(code)) {
            throw new TrackerException("framework " + name + ": code " + code + " is used twice");
        }
        return new Node(code, text(n, "title", name, true), text(n, "titleZh", name, false),
                text(n, "description", name, false), List.copyOf(questions));
    }

    private static String text(JsonNode n, String key, String name, boolean required) throws TrackerException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw new TrackerException("framework " + name + ": an entry has no \"" + key + "\"");
            }
            return "";
        }
        return v.asText().strip();
    }

    /** Number of research questions. */
    public int questionCount() {
        return issues.stream().mapToInt(i -> i.questions().size()).sum();
    }
}
