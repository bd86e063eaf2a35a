package org.pacarbon.carbon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An assessment described by a JSON spec (see the README): region, PA classes in order of precedence,
 * layers. Parsing is strict: an unknown key (a typo) is an error naming the key and the likely intended one.
 * Relative paths are relative to the spec file.
 */
public record AssessmentSpec(Path file, String title, Region region, ProtectedAreas protectedAreas, @Nullable Grid grid,
        List<Layer> layers, JsonNode json) {

    /** The study region: a polygon file (all its features, unioned) or a raster mask (valid, non-zero cells). */
    public record Region(@Nullable Path path, @Nullable String layer, @Nullable String crs, @Nullable Path mask,
            @Nullable String maskVariable) {
    }

    /** One PA class: features whose class field equals {@code value}; reported as {@code key}. */
    public record PaClass(String value, String key, String label) {
    }

    /** The PA polygons and their classes, in order of precedence. */
    public record ProtectedAreas(Path path, @Nullable String layer, @Nullable String crs, String classField, @Nullable String nameField,
            @Nullable String idField,
            List<PaClass> classes) {
    }

    /** The optional common grid. */
    public record Grid(String crs, double cellSize) {
    }

    /** One layer: a raster file, or the sum of other layers. */
    public record Layer(String key, String label, @Nullable Path path, @Nullable String variable, @Nullable String kind,
            @Nullable String unit, String group, @Nullable Integer year, @Nullable List<String> sum, @Nullable String crs,
            @Nullable Float nodata, @Nullable Integer band, @Nullable String time) {
        /** @return whether the layer is a per-area density (else a per-cell amount) */
        public boolean isDensity() {
            return "density".equals(kind);
        }

        /** @return the file of a file layer (not a sum of layers) */
        public Path filePath() {
            return need(path, "file");
        }

        /** @return the unit of a file layer (not a sum of layers) */
        public String fileUnit() {
            return need(unit, "unit");
        }

        /** @return the kind of a file layer (not a sum of layers) */
        public String fileKind() {
            return need(kind, "kind");
        }

        /** @return the layers a sum layer adds up; none for a file layer */
        public List<String> parts() {
            List<String> s = sum;
            return s == null ? List.of() : s;
        }

        /** @return the year, or 0 when the layer has none (unit factors that do not depend on the year) */
        public int yearOrZero() {
            Integer y = year;
            return y == null ? 0 : y;
        }

        private <T> T need(@Nullable T value, String what) {
            if (value == null) {
                throw new IllegalStateException("layer '" + key + "' is a sum of layers and has no " + what);
            }
            return value;
        }

        /** @return the key with the year, e.g. "npp 2020" */
        public String display() {
            return year == null ? key : key + " " + year;
        }
    }

    private static final Set<String> TOP = Set.of("title", "region", "protectedAreas", "grid", "layers", "description");
    private static final Set<String> REGION = Set.of("path", "layer", "crs", "mask", "variable");
    private static final Set<String> PAS = Set.of("path", "layer", "crs", "classField", "nameField", "idField", "classes");
    private static final Set<String> CLASS = Set.of("value", "key", "label");
    private static final Set<String> GRID = Set.of("crs", "cellSize");
    private static final Set<String> LAYER = Set.of("key", "label", "path", "variable", "kind", "unit", "group", "year", "sum",
            "crs", "nodata", "band", "time");
    /** Groups of the report tables. */
    public static final List<String> GROUPS = List.of("storage", "uptake", "emissions");

    /** Reads and checks a spec file. */
    public static AssessmentSpec read(Path file) throws SpecException {
        if (!Files.isRegularFile(file)) {
            throw new SpecException(file + ": spec file not found");
        }
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper();
            mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new SpecException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() != null ? e.getLocation().getLineNr() : "?") + ")", e);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(file + ": the spec must be a JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        checkKeys(file, "", root, TOP);
        String title = shown(file, root, "title", "PA carbon assessment");

        JsonNode r = require(file, root, "region", "");
        checkKeys(file, "region.", r, REGION);
        Region region;
        if (present(r, "mask") == present(r, "path")) {
            throw new SpecException(file + ": region needs exactly one of \"path\" (polygons) or \"mask\" (raster)");
        }
        region = new Region(path(file, base, r, "path"), optText(r, "layer"), optText(r, "crs"), path(file, base, r, "mask"),
                optText(r, "variable"));

        JsonNode p = require(file, root, "protectedAreas", "");
        checkKeys(file, "protectedAreas.", p, PAS);
        List<PaClass> classes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode cs = require(file, p, "classes", "protectedAreas.");
        if (!cs.isArray() || cs.isEmpty()) {
            throw new SpecException(file + ": protectedAreas.classes must be a non-empty list");
        }
        for (JsonNode c : cs) {
            checkKeys(file, "protectedAreas.classes[].", c, CLASS);
            String value = requireText(file, c, "value", "protectedAreas.classes[].");
            String key = text(c, "key", value);
            if (!keys.add(key) || List.of("region", "protected", "unprotected").contains(key)) {
                throw new SpecException(file + ": class key '" + key + "' is used twice or is reserved (region, protected, unprotected)");
            }
            if (classes.stream().anyMatch(x -> x.value().equals(value))) {
                throw new SpecException(file + ": class value '" + value + "' is listed twice in protectedAreas.classes");
            }
            classes.add(new PaClass(value, key, shown(file, c, "label", key)));
        }
        Path paPath = path(file, base, p, "path");
        if (paPath == null) {
            throw new SpecException(file + ": protectedAreas.path is missing");
        }
        ProtectedAreas pas = new ProtectedAreas(paPath, optText(p, "layer"), optText(p, "crs"),
                requireText(file, p, "classField", "protectedAreas."), optText(p, "nameField"), optText(p, "idField"), classes);

        Grid grid = null;
        if (root.has("grid")) {
            JsonNode g = root.get("grid");
            checkKeys(file, "grid.", g, GRID);
            JsonNode cellSize = require(file, g, "cellSize", "grid.");
            if (!cellSize.isNumber()) {
                throw new SpecException(file + ": grid.cellSize must be a number, not " + cellSize);
            }
            grid = new Grid(requireText(file, g, "crs", "grid."), cellSize.asDouble());
            if (!(grid.cellSize() > 0) || !Double.isFinite(grid.cellSize()) || grid.cellSize() > 1e7) {
                throw new SpecException(file + ": grid.cellSize must be a positive number");
            }
        }

        List<Layer> layers = new ArrayList<>();
        JsonNode ls = require(file, root, "layers", "");
        if (!ls.isArray() || ls.isEmpty()) {
            throw new SpecException(file + ": layers must be a non-empty list");
        }
        Set<String> seen = new LinkedHashSet<>();
        java.util.Map<String, String> groupOfKey = new java.util.HashMap<>();
        for (JsonNode l : ls) {
            checkKeys(file, "layers[].", l, LAYER);
            String key = requireText(file, l, "key", "layers[].");
            Integer year = null;
            if (l.has("year") && !l.get("year").isNull()) {
                JsonNode y = l.get("year");
                if (!y.isIntegralNumber() || !y.canConvertToInt() || y.asInt() < 1800 || y.asInt() > 2300) {
                    throw new SpecException(file + ": layer '" + key + "': year must be a whole year from 1800 to 2300, not " + y);
                }
                year = y.asInt();
            }
            String id = key + (year == null ? "" : "@" + year);
            if (!seen.add(id)) {
                throw new SpecException(file + ": layer '" + key + "'" + (year == null ? "" : " year " + year) + " is given twice");
            }
            String group = optText(l, "group");
            if (group == null || !GROUPS.contains(group)) {
                throw new SpecException(file + ": layer '" + key + "': group must be one of " + GROUPS + ", not " + group);
            }
            String otherGroup = groupOfKey.putIfAbsent(key, group);
            if (otherGroup != null && !otherGroup.equals(group)) {
                throw new SpecException(file + ": layer key '" + key + "' is used in two groups (" + otherGroup + " and " + group + ")");
            }
            List<String> sum = null;
            if (l.has("sum")) {
                sum = new ArrayList<>();
                for (JsonNode s : l.get("sum")) {
                    sum.add(s.asText());
                }
                if (sum.size() < 2) {
                    throw new SpecException(file + ": layer '" + key + "': sum needs at least two layer keys");
                }
                layers.add(new Layer(key, shown(file, l, "label", key), null, null, null, null, group, year, sum, null, null, null, null));
                continue;
            }
            Path path = path(file, base, l, "path");
            if (path == null) {
                throw new SpecException(file + ": layer '" + key + "' needs \"path\" (or \"sum\")");
            }
            String kind = requireText(file, l, "kind", "layers[" + key + "].");
            if (!kind.equals("density") && !kind.equals("amount")) {
                throw new SpecException(file + ": layer '" + key + "': kind must be \"density\" or \"amount\", not \"" + kind + "\"");
            }
            String unit = requireText(file, l, "unit", "layers[" + key + "].");
            QuantityUnit u;
            try {
                u = QuantityUnit.parse(unit);
            } catch (IllegalArgumentException e) {
                throw new SpecException(file + ": layer '" + key + "': " + e.getMessage());
            }
            if (u.isDensity() != kind.equals("density")) {
                throw new SpecException(file + ": layer '" + key + "': unit '" + unit + "' is " + (u.isDensity() ? "per area" : "not per area")
                        + " but kind is \"" + kind + "\"");
            }
            if (!group.equals("storage") && !u.isRate()) {
                throw new SpecException(file + ": layer '" + key + "': group " + group + " needs a rate unit (per yr or per s), not '" + unit + "'");
            }
            if (group.equals("storage") && u.isRate()) {
                throw new SpecException(file + ": layer '" + key + "': group storage needs a stock unit, not the rate '" + unit + "'");
            }
            Float nodata = null;
            if (l.has("nodata") && !l.get("nodata").isNull()) {
                JsonNode nd = l.get("nodata");
                if (!nd.isNumber() || !Double.isFinite(nd.asDouble()) || Math.abs(nd.asDouble()) > Float.MAX_VALUE) {
                    throw new SpecException(file + ": layer '" + key + "': nodata must be a number, not " + nd
                            + " (leave it out when the file declares its own)");
                }
                nodata = (float) nd.asDouble();
            }
            Integer band = null;
            if (l.has("band")) {
                JsonNode b = l.get("band");
                if (!b.canConvertToInt() || !b.isIntegralNumber() || b.asInt() < 1) {
                    throw new SpecException(file + ": layer '" + key + "': band must be a whole number from 1, not " + b);
                }
                band = b.asInt();
            }
            layers.add(new Layer(key, shown(file, l, "label", key), path, optText(l, "variable"), kind, unit, group, year, null,
                    optText(l, "crs"), nodata, band, optText(l, "time")));
        }
        for (Layer l : layers) {
            if (l.sum() != null) {
                if (new HashSet<>(l.parts()).size() != l.parts().size()) {
                    throw new SpecException(file + ": layer '" + l.key() + "' sums " + l.sum() + ": a layer may appear once (it would be counted twice)");
                }
                QuantityUnit firstUnit = null;
                String firstKey = null;
                for (String part : l.parts()) {
                    Layer pl = layers.stream().filter(o -> o.key().equals(part) && o.sum() == null
                            && java.util.Objects.equals(o.year(), l.year())).findFirst().orElse(null);
                    if (pl == null) {
                        continue;
                    }
                    QuantityUnit u = QuantityUnit.parse(pl.fileUnit());
                    if (firstUnit == null) {
                        firstUnit = u;
                        firstKey = part;
                    } else if (u.isDensity() != firstUnit.isDensity() || u.isRate() != firstUnit.isRate()
                            || !java.util.Objects.equals(u.element(), firstUnit.element())) {
                        throw new SpecException(file + ": layer '" + l.key() + "' sums '" + firstKey + "' (" + firstUnit.text() + ") and '" + part
                                + "' (" + u.text() + "), which are not the same quantity (mass element, per area or per cell, rate or stock)");
                    }
                }
                for (String part : l.parts()) {
                    boolean found = layers.stream().anyMatch(o -> o.key().equals(part) && o.sum() == null
                            && java.util.Objects.equals(o.year(), l.year()) && o.group().equals(l.group()));
                    if (!found) {
                        throw new SpecException(file + ": layer '" + l.key() + "' sums '" + part
                                + "', which is not a file layer of the same group and year");
                    }
                }
            }
        }
        return new AssessmentSpec(file, title, region, pas, grid, layers, root);
    }

    private static boolean present(JsonNode node, String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private static void checkKeys(Path file, String where, JsonNode node, Set<String> allowed) throws SpecException {
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

    private static int distance(String a, String b) {
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

    private static JsonNode require(Path file, JsonNode node, String key, String where) throws SpecException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(file + ": missing key '" + where + key + "'");
        }
        return v;
    }

    private static String requireText(Path file, JsonNode node, String key, String where) throws SpecException {
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
    private static String shown(Path file, JsonNode node, String key, String dflt) throws SpecException {
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

    /**
     * The text of a title or label in a language, when the spec gives one ({@code {"en": ..., "zh": ...}}); else null.
     *
     * @param value the spec's JSON value of the title or label (a text or an object by language)
     */
    public static @Nullable String inLanguage(@Nullable JsonNode value, String language) {
        if (value == null || !value.isObject() || !value.hasNonNull(language)) {
            return null;
        }
        return value.get(language).asText();
    }

    private static String text(JsonNode node, String key, String dflt) {
        String v = optText(node, key);
        return v == null ? dflt : v;
    }

    private static @Nullable String optText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static @Nullable Path path(Path file, Path base, JsonNode node, String key) throws SpecException {
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
