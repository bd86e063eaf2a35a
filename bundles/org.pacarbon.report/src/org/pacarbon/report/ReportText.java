package org.pacarbon.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import com.fasterxml.jackson.databind.JsonNode;

import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.gis.core.text.Numbers;

/**
 * The report's words and numbers in one language (English or Simplified Chinese): headings and phrases from
 * {@code report.properties} / {@code report_zh.properties}, names of categories and layers (the spec's text in that
 * language, else the paper's term for a well-known key, else the spec's default text), and numbers through the
 * project's one formatter ({@link Numbers}: four significant digits, grouped thousands, never an exponent).
 */
public final class ReportText {
    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.pacarbon.report.report", locale, ReportText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of a language: "zh" (Simplified Chinese) or anything else (English). */
    public static ReportText of(String language) {
        return new ReportText("zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    /** The texts of a locale's language. */
    public static ReportText of(Locale locale) {
        return of(locale.getLanguage());
    }

    /** "en" or "zh". */
    public String language() {
        return bundle.getString("lang");
    }

    public Locale locale() {
        return locale;
    }

    /** A phrase with its arguments put in. */
    public String t(String key, Object... args) {
        String p = bundle.getString(key);
        return args.length == 0 ? p : new MessageFormat(p, locale).format(args);
    }

    /** A number as a person reads it. */
    public String n(double v) {
        return Numbers.format(v, locale);
    }

    /** A share in per cent with its sign, e.g. "6.45 %". */
    public String pct(double v) {
        return Numbers.percent(v, locale) + " %";
    }

    /** A share or growth in per cent without the sign (the column says "%"). */
    public String p(double v) {
        return Numbers.percent(v, locale);
    }

    /** The name of a category (region, a class key, protected, unprotected). */
    public String category(AssessmentSpec spec, String key, String defaultLabel) {
        switch (key) {
            case "region", "protected", "unprotected":
                return t("category." + key);
            default:
                break;
        }
        JsonNode classes = spec.json().path("protectedAreas").path("classes");
        for (JsonNode c : classes) {
            String k = c.hasNonNull("key") ? c.get("key").asText() : c.path("value").asText();
            if (k.equals(key)) {
                String own = AssessmentSpec.inLanguage(c.get("label"), language());
                if (own != null) {
                    return own;
                }
            }
        }
        return term("class." + key, defaultLabel);
    }

    /** The name of a layer (without its year). */
    public String layer(AssessmentSpec spec, String key) {
        String dflt = key;
        for (AssessmentSpec.Layer l : spec.layers()) {
            if (l.key().equals(key)) {
                dflt = l.label();
                break;
            }
        }
        for (JsonNode l : spec.json().path("layers")) {
            if (key.equals(l.path("key").asText())) {
                String own = AssessmentSpec.inLanguage(l.get("label"), language());
                if (own != null) {
                    return own;
                }
            }
        }
        // a layer without a label of its own (the label is its key) takes the paper's term in every language
        return dflt.equals(key) && bundle.containsKey("layer." + key) ? bundle.getString("layer." + key) : term("layer." + key, dflt);
    }

    /** The report's title. */
    public String title(AssessmentSpec spec) {
        String own = AssessmentSpec.inLanguage(spec.json().get("title"), language());
        return own != null ? own : spec.title();
    }

    private String term(String key, String dflt) {
        return !"en".equals(language()) && bundle.containsKey(key) ? bundle.getString(key) : dflt;
    }
}
