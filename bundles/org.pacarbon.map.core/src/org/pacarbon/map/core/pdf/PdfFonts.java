package org.pacarbon.map.core.pdf;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The TrueType fonts that PDFs of this product embed (subset, Identity-H, so every character is selectable text):
 * a Latin font and a font with Chinese characters, found in this order: the {@code pacarbon.font} system property or
 * the {@code PACARBON_FONT} environment variable (a .ttf, or a .ttc with {@code ,N} for its N-th face), then the usual
 * places on Linux, Windows and macOS. PDFs are never written with the PDF viewer's standard fonts, which are not
 * embedded and have no Chinese.
 */
public final class PdfFonts {
    /** Fonts with Chinese characters (and Latin ones), best first. */
    static final List<String> CJK = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0",
            "C:/Windows/Fonts/msyh.ttc,0",
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc,0",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/STHeiti Light.ttc,0");
    /** Latin fonts, best first. */
    static final List<String> LATIN = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "C:/Windows/Fonts/arial.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf",
            "/Library/Fonts/Arial.ttf");

    private final BaseFont latin;
    private @Nullable BaseFont cjk;
    /** Finds the Chinese font when first needed (reading a 16 MB font file is not free). */
    private java.util.function.@Nullable Supplier<@Nullable BaseFont> cjkSearch;

    private PdfFonts(BaseFont latin, @Nullable BaseFont cjk, java.util.function.@Nullable Supplier<@Nullable BaseFont> cjkSearch) {
        this.latin = latin;
        this.cjk = cjk;
        this.cjkSearch = cjkSearch;
    }

    /**
     * Finds and loads the fonts.
     *
     * @param needChinese whether the text is Chinese (then a font with Chinese characters is required)
     * @throws IOException naming what was looked for when no usable font is found
     */
    public static PdfFonts find(boolean needChinese) throws IOException {
        String key = needChinese + "|" + System.getProperty("pacarbon.font", System.getenv("PACARBON_FONT"));
        synchronized (FOUND) {
            PdfFonts known = FOUND.get(key);
            if (known == null) {
                known = search(needChinese);
                FOUND.put(key, known);
            }
            return known;
        }
    }

    /** Fonts found before, by need and setting: a font file (16 MB for a Chinese one) is read once per run. */
    private static final java.util.Map<String, PdfFonts> FOUND = new java.util.HashMap<>();

    private static PdfFonts search(boolean needChinese) throws IOException {
        String chosen = System.getProperty("pacarbon.font", System.getenv("PACARBON_FONT"));
        List<String> tried = new ArrayList<>();
        BaseFont given = null;
        if (chosen != null && !chosen.isBlank()) {
            given = load(chosen.strip(), tried);
            if (given == null) {
                throw new IOException(chosen + " (PACARBON_FONT): not a TrueType font that can be embedded");
            }
        }
        BaseFont latin = given != null ? given : first(LATIN, tried);
        BaseFont cjk = given != null && given.charExists('\u4e2d') ? given : needChinese || latin == null ? first(CJK, tried) : null;
        if (latin == null) {
            latin = cjk;
        }
        if (needChinese && cjk == null) {
            throw new IOException("no font with Chinese characters found for the PDF (looked for " + String.join(", ", tried)
                    + "); install one (Debian: apt-get install fonts-wqy-zenhei) or set PACARBON_FONT to a .ttf or .ttc file");
        }
        if (latin == null) {
            throw new IOException("no TrueType font found for the PDF (looked for " + String.join(", ", tried)
                    + "); set PACARBON_FONT to a .ttf or .ttc file");
        }
        return new PdfFonts(latin, cjk, cjk != null ? null : () -> first(CJK, new ArrayList<>()));
    }

    private static @Nullable BaseFont first(List<String> candidates, List<String> tried) {
        for (String c : candidates) {
            BaseFont f = load(c, tried);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static @Nullable BaseFont load(String spec, List<String> tried) {
        String file = spec.replaceFirst(",\\d+$", "");
        tried.add(file);
        if (!Files.isRegularFile(Path.of(file))) {
            return null;
        }
        String name = file.toLowerCase(Locale.ROOT).endsWith(".ttc") && !spec.matches(".*,\\d+$") ? spec + ",0" : spec;
        try {
            BaseFont f = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            f.setSubset(true);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The font for Latin text. */
    public BaseFont latin() {
        return latin;
    }

    /** The font with Chinese characters, or null when none was found. */
    public synchronized @Nullable BaseFont cjk() {
        java.util.function.Supplier<@Nullable BaseFont> search = cjkSearch;
        if (cjk == null && search != null) {
            cjk = search.get();
            cjkSearch = null;
        }
        return cjk;
    }

    /** Whether the Latin font lacks a character of the text (then the Chinese font is needed for it). */
    public boolean needsOther(String text) {
        return text != null && text.chars().anyMatch(c -> !inLatin((char) c));
    }

    /** Whether the Latin font draws a character (white space counts as drawn by either font). */
    public boolean inLatin(char c) {
        return Character.isWhitespace(c) || latin.charExists(c);
    }

    /** The font for a text: the Latin font when it has every character, else the Chinese one (if any). */
    public BaseFont forText(String text) {
        BaseFont chinese = needsOther(text) ? cjk() : null;
        return chinese != null ? chinese : latin;
    }

    /**
     * Maps the fonts a Graphics2D drawing asks for to the embedded ones: to the Chinese font when {@code chinese},
     * else to the Latin one.
     */
    public FontMapper mapper(boolean chinese) {
        BaseFont found = chinese ? cjk() : null;
        BaseFont f = found != null ? found : latin;
        return new FontMapper() {
            @Override
            @NonNullByDefault({})
            public BaseFont awtToPdf(java.awt.Font font) {
                return f;
            }

            @Override
            @NonNullByDefault({})
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, size);
            }
        };
    }
}
