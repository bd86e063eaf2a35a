package org.pacarbon.internal.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Help &gt; Contents: the user guide that ships in this bundle ({@code help/guide.md}, {@code help/guide_zh.md} for
 * Chinese), shown in the workbench with its headings and lists (no browser needed, so it works on every platform and
 * offline).
 */
public final class UserGuideView extends ViewPart {
    public static final String ID = "org.pacarbon.views.guide"; //$NON-NLS-1$

    private StyledText text;
    private final List<Font> fonts = new ArrayList<>();

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setData("org.pacarbon.widgetId", ID + ".text"); //$NON-NLS-1$ //$NON-NLS-2$
        text.setMargins(16, 12, 16, 12);
        show(guide());
    }

    /** The guide's Markdown in the user's language (Chinese when the workbench runs in Chinese, else English). */
    static String guide() {
        boolean zh = Platform.getNL() != null && Platform.getNL().toLowerCase(Locale.ROOT).startsWith("zh"); //$NON-NLS-1$
        Bundle b = Platform.getBundle("org.pacarbon.app"); //$NON-NLS-1$
        URL url = b == null ? null : FileLocator.find(b, new org.eclipse.core.runtime.Path(zh ? "help/guide_zh.md" : "help/guide.md")); //$NON-NLS-1$ //$NON-NLS-2$
        if (url == null) {
            return "# PA-Carbon Workbench\n\nThe user guide is missing from this installation (help/guide.md in org.pacarbon.app)."; //$NON-NLS-1$
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "# PA-Carbon Workbench\n\nThe user guide cannot be read: " + e.getMessage(); //$NON-NLS-1$
        }
    }

    /** Shows Markdown headings (#, ##) large and bold, list items ("- ", "1. ") indented with a bullet. */
    private void show(String markdown) {
        StringBuilder sb = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        FontData base = text.getFont().getFontData()[0];
        Font h1 = font(base, 6), h2 = font(base, 3);
        for (String line : markdown.split("\n")) { //$NON-NLS-1$
            int start = sb.length();
            if (line.startsWith("# ")) { //$NON-NLS-1$
                sb.append(line.substring(2)).append('\n');
                styles.add(range(start, sb.length() - start - 1, h1));
            } else if (line.startsWith("## ")) { //$NON-NLS-1$
                sb.append('\n').append(line.substring(3)).append('\n');
                styles.add(range(start + 1, sb.length() - start - 2, h2));
            } else if (line.startsWith("- ")) { //$NON-NLS-1$
                sb.append("  \u2022 ").append(line.substring(2)).append('\n'); //$NON-NLS-1$
            } else if (line.matches("\\d+\\. .*")) { //$NON-NLS-1$
                sb.append("  ").append(line).append('\n'); //$NON-NLS-1$
            } else {
                sb.append(line).append('\n');
            }
        }
        text.setText(sb.toString());
        text.setStyleRanges(styles.toArray(StyleRange[]::new));
    }

    private Font font(FontData base, int bigger) {
        Font f = new Font(text.getDisplay(), new FontData(base.getName(), base.getHeight() + bigger, SWT.BOLD));
        fonts.add(f);
        return f;
    }

    private static StyleRange range(int start, int length, Font font) {
        StyleRange r = new StyleRange();
        r.start = start;
        r.length = Math.max(0, length);
        r.font = font;
        r.fontStyle = SWT.BOLD;
        return r;
    }

    /** The text shown (for tests). */
    String shownText() {
        return text.getText();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void dispose() {
        fonts.forEach(Font::dispose);
        super.dispose();
    }
}
