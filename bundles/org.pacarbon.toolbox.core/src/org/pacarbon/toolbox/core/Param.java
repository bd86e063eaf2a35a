package org.pacarbon.toolbox.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed parameter of a tool. The same declaration drives the CLI ({@code --name value}), the form the
 * workbench generates, and validation. Build with the static factories and the {@code with...} methods.
 *
 * @param name        key on the command line and in saved runs (letters, digits, dashes)
 * @param label       what the form shows
 * @param type        the kind of value
 * @param description one line of help
 * @param required    whether a value must be given (there is no default)
 * @param defaultText the default, in text form, or ""
 * @param unit        for numbers: the unit (shown, and part of the help)
 * @param choices     for CHOICE: the allowed values
 * @param min         for numbers: the least allowed value
 * @param max         for numbers: the greatest allowed value
 * @param of          for FIELD: the name of the VECTOR parameter whose fields are offered; for TEXT: the FILE
 *                    parameter of an assessment spec whose layer keys are offered ({@link #layerOf})
 */
public record Param(String name, String label, Type type, String description, boolean required, String defaultText,
        String unit, List<String> choices, double min, double max, String of) {

    /** Kinds of parameter values. */
    public enum Type {
        /** a raster file (GeoTIFF, NetCDF; NetCDF variable as FILE#variable) */
        RASTER,
        /** a vector file (GeoPackage, Shapefile, GeoJSON) */
        VECTOR,
        /** a field of a vector parameter */
        FIELD,
        /** a list of class codes or names: "1,2,5" */
        CLASS_LIST,
        /** a number with a unit */
        NUMBER,
        /** a list of years: "2000,2010,2020" or "2000-2020" */
        YEAR_LIST,
        /** one of a fixed set of values */
        CHOICE,
        /** true or false */
        BOOLEAN,
        /** an existing input file other than a raster or vector: a table (CSV), a spec (JSON) */
        FILE,
        /** a folder the tool writes into (made if missing) */
        OUTPUT_FOLDER,
        /** a file the tool writes */
        OUTPUT_FILE,
        /** free text */
        TEXT
    }

    public Param {
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be lower case letters, digits, dashes");
        }
    }

    public static Param of(String name, String label, Type type, String description) {
        return new Param(name, label, type, description, true, "", "", List.of(), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, "");
    }

    /** Optional, with this default (in text form; "" for no value). */
    public Param withDefault(String text) {
        return new Param(name, label, type, description, false, text, unit, choices, min, max, of);
    }

    public Param withUnit(String u) {
        return new Param(name, label, type, description, required, defaultText, u, choices, min, max, of);
    }

    public Param withRange(double lo, double hi) {
        return new Param(name, label, type, description, required, defaultText, unit, choices, lo, hi, of);
    }

    public Param withChoices(String... c) {
        return new Param(name, label, type, description, required, defaultText, unit, List.of(c), min, max, of);
    }

    /**
     * For TEXT parameters that name a layer of an assessment spec: the FILE parameter holding the spec, whose layer keys
     * a form offers in a list (the value may still be typed).
     */
    public Param layerOf(String specParam) {
        return new Param(name, label, type, description, required, defaultText, unit, choices, min, max, specParam);
    }

    /** For FIELD parameters: the vector parameter the field belongs to. */
    public Param ofVector(String vectorParam) {
        return new Param(name, label, type, description, required, defaultText, unit, choices, min, max, vectorParam);
    }

    /**
     * Checks a value in text form and returns it typed: Path, Double, Boolean, String, List&lt;String&gt; (class
     * lists) or List&lt;Integer&gt; (years). Relative paths are resolved against {@code cwd}.
     */
    public Object parse(String text, Path cwd) throws ToolException {
        String t = text == null ? "" : text.strip();
        String where = "parameter --" + name + " (" + label + ")";
        switch (type) {
            case RASTER:
            case VECTOR:
            case FILE: {
                String file = t;
                String suffix = "";
                int hash = t.lastIndexOf('#');
                if (type == Type.RASTER && hash > 0) { // NetCDF variable
                    file = t.substring(0, hash);
                    suffix = t.substring(hash);
                }
                Path p = cwd.resolve(file).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new ToolException(where + ": file " + p + " does not exist");
                }
                return suffix.isEmpty() ? p : Path.of(p + suffix);
            }
            case OUTPUT_FOLDER:
            case OUTPUT_FILE:
                return cwd.resolve(t).normalize();
            case NUMBER: {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ToolException(where + ": '" + t + "' is not a number");
                }
                if (!(v >= min && v <= max)) {
                    throw new ToolException(where + ": " + t + " is outside " + min + " .. " + max
                            + (unit.isEmpty() ? "" : " " + unit));
                }
                return v;
            }
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no") || t.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new ToolException(where + ": '" + t + "' is not true or false");
            case CHOICE:
                for (String c : choices) {
                    if (c.equalsIgnoreCase(t)) {
                        return c;
                    }
                }
                throw new ToolException(where + ": '" + t + "' is not one of " + String.join(", ", choices));
            case CLASS_LIST: {
                List<String> l = new ArrayList<>();
                for (String s : t.split("[,;]")) {
                    if (!s.isBlank()) {
                        l.add(s.strip());
                    }
                }
                if (l.isEmpty()) {
                    throw new ToolException(where + ": the list is empty");
                }
                return List.copyOf(l);
            }
            case YEAR_LIST: {
                List<Integer> years = new ArrayList<>();
                try {
                    for (String s : t.split("[,;\\s]+")) {
                        if (s.isBlank()) {
                            continue;
                        }
                        if (s.matches("\\d{4}-\\d{4}")) {
                            int a = Integer.parseInt(s.substring(0, 4));
                            int b = Integer.parseInt(s.substring(5));
                            for (int y = a; y <= b; y++) {
                                years.add(y);
                            }
                        } else {
                            years.add(Integer.parseInt(s));
                        }
                    }
                } catch (NumberFormatException e) {
                    throw new ToolException(where + ": '" + t + "' is not a list of years like 2000,2010 or 2000-2020");
                }
                if (years.isEmpty()) {
                    throw new ToolException(where + ": no years given");
                }
                return List.copyOf(years);
            }
            default:
                return t;
        }
    }

    /** One line for {@code ./pacarbon tools}. */
    public String usage() {
        StringBuilder sb = new StringBuilder("--").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT));
        if (!unit.isEmpty()) {
            sb.append(" [").append(unit).append(']');
        }
        if (!choices.isEmpty()) {
            sb.append(" (").append(String.join("|", choices)).append(')');
        }
        sb.append(required ? "  required" : defaultText.isEmpty() ? "  optional" : "  default " + defaultText);
        sb.append(": ").append(description);
        return sb.toString();
    }
}
