package org.pacarbon.toolbox.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The translations of a tool's parameter labels and hints, kept where the tool's name already is: the contributing
 * bundle's {@code plugin_<language>.properties}. Keys: {@code param.<tool id>.<name>} (label) and
 * {@code param.<tool id>.<name>.hint}, or {@code param.<name>} / {@code param.<name>.hint} for every tool of the
 * bundle. A missing key keeps the text the tool gives (English).
 */
final class ToolTexts {
    private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();

    private ToolTexts() {
    }

    static Param localized(String toolId, Class<?> toolClass, Param p, Locale locale) {
        Properties t = texts(toolClass, locale);
        if (t.isEmpty()) {
            return p;
        }
        String label = first(t, "param." + toolId + "." + p.name(), "param." + p.name());
        String hint = first(t, "param." + toolId + "." + p.name() + ".hint", "param." + p.name() + ".hint");
        if (label == null && hint == null) {
            return p;
        }
        return new Param(p.name(), label != null ? label : p.label(), p.type(), hint != null ? hint : p.description(),
                p.required(), p.defaultText(), p.unit(), p.choices(), p.min(), p.max(), p.of());
    }

    static String choice(String toolId, Class<?> toolClass, Param p, String value, Locale locale) {
        String own = first(texts(toolClass, locale), "choice." + toolId + "." + p.name() + "." + value, "choice." + p.name() + "." + value);
        return own != null ? own : value;
    }

    /**
     * A result text (table or chart title, column name, note) in the user's language: {@code result.<slug>} of the
     * bundle's translation (slug as in file names: "Gap by region" is {@code result.gap_by_region}); a title that
     * starts with a translated phrase ("PA ranking by total") keeps the rest as it is; else the text itself.
     */
    static String result(Class<?> toolClass, String text, Locale locale) {
        Properties t = texts(toolClass, locale);
        if (t.isEmpty() || text == null || text.isBlank()) {
            return text;
        }
        String whole = first(t, "result." + ToolRunner.slug(text));
        if (whole != null) {
            return whole;
        }
        String[] words = text.strip().split(" ");
        for (int k = words.length - 1; k >= 1; k--) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
            String own = first(t, "result." + ToolRunner.slug(head));
            if (own != null) {
                return own + " " + String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
            }
        }
        return text;
    }

    static String help(String toolId, Class<?> toolClass, String help, String description, Locale locale) {
        if (locale.getLanguage().isEmpty() || "en".equals(locale.getLanguage())) {
            return help;
        }
        String own = first(texts(toolClass, locale), "help." + toolId);
        return own != null ? own : description.isBlank() ? help : description;
    }

    private static @Nullable String first(Properties t, String... keys) {
        for (String k : keys) {
            String v = t.getProperty(k);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /**
     * plugin_<lang>.properties, then plugin_<lang>_<COUNTRY>.properties over it, of the bundle that holds the tool's
     * class (found from the class: library bundles such as this one have no bundle context to look others up); empty
     * for English or outside OSGi.
     */
    private static Properties texts(Class<?> toolClass, Locale locale) {
        if (toolClass == null || locale.getLanguage().isEmpty() || "en".equals(locale.getLanguage())) {
            return new Properties();
        }
        Bundle b = FrameworkUtil.getBundle(toolClass);
        if (b == null) {
            return new Properties();
        }
        return CACHE.computeIfAbsent(b.getSymbolicName() + "|" + locale, k -> {
            Properties p = new Properties();
            for (String suffix : List.of("_" + locale.getLanguage(), "_" + locale.getLanguage() + "_" + locale.getCountry())) {
                URL u = b.getEntry("plugin" + suffix + ".properties");
                if (u != null) {
                    try (InputStream in = u.openStream()) {
                        p.load(in);
                    } catch (IOException e) {
                        // a bundle without a readable translation keeps its English texts
                    }
                }
            }
            return p;
        });
    }
}
