package org.pacarbon.toolbox.core;

import java.util.Locale;

/**
 * The user's language as the workbench has it: the {@code -nl} of the Eclipse runtime ({@code osgi.nl}, which does
 * not change the JVM's default locale), else the JVM's default locale (the headless commands).
 */
public final class Languages {
    private Languages() {
    }

    public static Locale user() {
        String nl = System.getProperty("osgi.nl");
        return nl == null || nl.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(nl.strip().replace('_', '-'));
    }

    /** "zh" when the user's language is Chinese, else "en": the languages of the reports. */
    public static String report() {
        return "zh".equals(user().getLanguage()) ? "zh" : "en";
    }
}
