package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/** Default styles of raster layers by file name, contributed through {@code org.pacarbon.map.core.styles}. */
public final class DefaultStyles {
    /** Id of the extension point. */
    public static final String EXTENSION_POINT = "org.pacarbon.map.core.styles";

    private DefaultStyles() {
    }

    /**
     * A rule: files whose lower-case name matches {@code pattern} get this ramp; {@code min}/{@code max} NaN mean
     * the 2-98 % stretch of the values.
     */
    public record Rule(Pattern pattern, String label, String ramp, double min, double max, boolean log, String unit,
            String bundle) {
    }

    /** Every contributed rule, in registry order; rules that are wrong are skipped (see {@link #problems()}). */
    public static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        read(out, new ArrayList<>());
        return out;
    }

    /** What is wrong with contributed rules (a bad pattern, an unknown ramp, a min that is not a number). */
    public static List<String> problems() {
        List<String> problems = new ArrayList<>();
        read(new ArrayList<>(), problems);
        return problems;
    }

    private static void read(List<Rule> out, List<String> problems) {
        IExtensionRegistry reg = RegistryFactory.getRegistry();
        if (reg == null) {
            return;
        }
        for (IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
            String bundle = e.getContributor().getName();
            try {
                String ramp = e.getAttribute("ramp");
                ColorRamp.preset(ramp);
                out.add(new Rule(Pattern.compile(e.getAttribute("match")), e.getAttribute("label") == null ? "" : e.getAttribute("label"),
                        ramp, number(e.getAttribute("min")), number(e.getAttribute("max")),
                        Boolean.parseBoolean(e.getAttribute("log")), e.getAttribute("unit") == null ? "" : e.getAttribute("unit"),
                        bundle));
            } catch (IllegalArgumentException | NullPointerException ex) { // a bad pattern, ramp or number
                problems.add("style rule of " + bundle + " (" + e.getAttribute("match") + "): " + ex.getMessage());
            }
        }
    }

    private static double number(@Nullable String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
    }

    /** The first rule for a file name, or null. */
    public static @Nullable Rule forFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (Rule r : rules()) {
            if (r.pattern().matcher(n).matches()) {
                return r;
            }
        }
        return null;
    }
}
