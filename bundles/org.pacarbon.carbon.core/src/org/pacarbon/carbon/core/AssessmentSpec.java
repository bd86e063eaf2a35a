package org.pacarbon.carbon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
        SpecJson.checkKeys(file, "", root, TOP);
        String title = SpecJson.shown(file, root, "title", "PA carbon assessment");

        JsonNode r = SpecJson.require(file, root, "region", "");
        SpecJson.checkKeys(file, "region.", r, REGION);
        Region region;
        if (SpecJson.present(r, "mask") == SpecJson.present(r, "path")) {
            throw new SpecException(file + ": region needs exactly one of \"path\" (polygons) or \"mask\" (raster)");
        }
        region = new Region(SpecJson.path(file, base, r, "path"), SpecJson.optText(r, "layer"), SpecJson.optText(r, "crs"),
                SpecJson.path(file, base, r, "mask"),
                SpecJson.optText(r, "variable"));

        JsonNode p = SpecJson.require(file, root, "protectedAreas", "");
        SpecJson.checkKeys(file, "protectedAreas.", p, PAS);
        List<PaClass> classes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode cs = SpecJson.require(file, p, "classes", "protectedAreas.");
        if (!cs.isArray() || cs.isEmpty()) {
            throw new SpecException(file + ": protectedAreas.classes must be a non-empty list");
        }
        for (JsonNode c : cs) {
            SpecJson.checkKeys(file, "protectedAreas.classes[].", c, CLASS);
            String value = SpecJson.requireText(file, c, "value", "protectedAreas.classes[].");
            String key = SpecJson.text(c, "key", value);
            if (!keys.add(key) || List.of("region", "protected", "unprotected").contains(key)) {
                throw new SpecException(file + ": class key '" + key + "' is used twice or is reserved (region, protected, unprotected)");
            }
            if (classes.stream().anyMatch(x -> x.value().equals(value))) {
                throw new SpecException(file + ": class value '" + value + "' is listed twice in protectedAreas.classes");
            }
            classes.add(new PaClass(value, key, SpecJson.shown(file, c, "label", key)));
        }
        Path paPath = SpecJson.path(file, base, p, "path");
        if (paPath == null) {
            throw new SpecException(file + ": protectedAreas.path is missing");
        }
        ProtectedAreas pas = new ProtectedAreas(paPath, SpecJson.optText(p, "layer"), SpecJson.optText(p, "crs"),
                SpecJson.requireText(file, p, "classField", "protectedAreas."), SpecJson.optText(p, "nameField"), SpecJson.optText(p, "idField"), classes);

        Grid grid = null;
        if (root.has("grid")) {
            JsonNode g = root.get("grid");
            SpecJson.checkKeys(file, "grid.", g, GRID);
            JsonNode cellSize = SpecJson.require(file, g, "cellSize", "grid.");
            if (!cellSize.isNumber()) {
                throw new SpecException(file + ": grid.cellSize must be a number, not " + cellSize);
            }
            grid = new Grid(SpecJson.requireText(file, g, "crs", "grid."), cellSize.asDouble());
            if (!(grid.cellSize() > 0) || !Double.isFinite(grid.cellSize()) || grid.cellSize() > 1e7) {
                throw new SpecException(file + ": grid.cellSize must be a positive number");
            }
        }

        List<Layer> layers = new ArrayList<>();
        JsonNode ls = SpecJson.require(file, root, "layers", "");
        if (!ls.isArray() || ls.isEmpty()) {
            throw new SpecException(file + ": layers must be a non-empty list");
        }
        Set<String> seen = new LinkedHashSet<>();
        java.util.Map<String, String> groupOfKey = new java.util.HashMap<>();
        for (JsonNode l : ls) {
            SpecJson.checkKeys(file, "layers[].", l, LAYER);
            String key = SpecJson.requireText(file, l, "key", "layers[].");
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
            String group = SpecJson.optText(l, "group");
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
                layers.add(new Layer(key, SpecJson.shown(file, l, "label", key), null, null, null, null, group, year, sum, null, null, null, null));
                continue;
            }
            Path path = SpecJson.path(file, base, l, "path");
            if (path == null) {
                throw new SpecException(file + ": layer '" + key + "' needs \"path\" (or \"sum\")");
            }
            String kind = SpecJson.requireText(file, l, "kind", "layers[" + key + "].");
            if (!kind.equals("density") && !kind.equals("amount")) {
                throw new SpecException(file + ": layer '" + key + "': kind must be \"density\" or \"amount\", not \"" + kind + "\"");
            }
            String unit = SpecJson.requireText(file, l, "unit", "layers[" + key + "].");
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
            layers.add(new Layer(key, SpecJson.shown(file, l, "label", key), path, SpecJson.optText(l, "variable"), kind, unit, group, year, null,
                    SpecJson.optText(l, "crs"), nodata, band, SpecJson.optText(l, "time")));
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
}
