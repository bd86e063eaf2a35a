package org.pacarbon.test.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.Widget;

/**
 * Finds visible UI texts without a Chinese translation, for the tests that run the workbench with {@code -nl zh_CN}:
 * labels, buttons, groups, tabs, tool bar items, column headings, hints, tool tips, menu items, window titles and the
 * entries of read-only choice lists. A text needs a translation when it holds no Chinese character and an English word
 * that is not a code (units, file names, format names and abbreviations are allowed). Data (tree and table rows, the
 * contents of text fields) is not UI text and is not looked at.
 */
public final class ChineseTexts {
    /** Codes and names that stay as they are in Chinese too. */
    private static final Set<String> ALLOWED = Set.of("PA", "PAs", "km", "m", "yr", "ha", "kgC", "PgC", "MgC", "tCO2", "gC",
            "dpi", "pt", "px", "Sen", "Carbon", "Workbench", "Eclipse", "OK", "viridis");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    /**
     * Texts of bundles that only the UI test harness adds (org.eclipse.ui.ide, org.eclipse.ui.editors,
     * org.eclipse.ui.workbench.texteditor: text editor navigation, line delimiters, the IDE's Progress view and key
     * assist); the product does not contain these bundles, so its users never see them.
     */
    private static final List<String> HARNESS_ONLY = List.of("Next Annotation", "Previous Annotation", "Previous Edit Location",
            "Next Edit Location", "Open File", "Convert Line Delimiters", "Windows (CRLF", "Unix (LF", "Show Active Keybindings",
            "Progress");

    private final List<String> missing = new ArrayList<>();

    /** The texts found so far that need a translation, each with where it was seen. */
    public List<String> missing() {
        return missing;
    }

    /** Whether a visible text needs a translation. */
    public static boolean untranslated(String text) {
        if (text == null || text.isBlank() || text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return false;
        }
        String plain = text.replace("&", "");
        if (HARNESS_ONLY.stream().anyMatch(plain::startsWith)) {
            return false;
        }
        for (String token : plain.split("[\\s()\\[\\]{}:;,!?<>\"'=+*|\u2026]+")) {
            if (token.isEmpty() || token.matches(".*[/._\\\\\\d@#%-].*") || token.matches("[A-Z]{2,}s?") || ALLOWED.contains(token)) {
                continue; // paths, file names, units with digits, numbers, abbreviations, allowed codes
            }
            if (WORD.matcher(token).find()) {
                return true;
            }
        }
        return false;
    }

    private void note(String where, Widget w, String text) {
        if (untranslated(text)) {
            String entry = where + ": " + w.getClass().getSimpleName() + " '" + text.replace("\n", " | ") + "'";
            if (!missing.contains(entry)) {
                missing.add(entry);
            }
        }
    }

    /** Looks at every visible widget under {@code w}. */
    public ChineseTexts walk(Widget w, String where) {
        if (w.isDisposed() || (w instanceof Control c && !c.isVisible())) {
            return this;
        }
        if (w instanceof Shell s) {
            note(where, w, s.getText());
        } else if (w instanceof Label l) {
            note(where, w, l.getText());
        } else if (w instanceof CLabel l) {
            note(where, w, l.getText());
        } else if (w instanceof Button b) {
            note(where, w, b.getText());
        } else if (w instanceof Group g) {
            note(where, w, g.getText());
        } else if (w instanceof Text t) {
            note(where, w, t.getMessage());
        } else if (w instanceof Combo c && (c.getStyle() & SWT.READ_ONLY) != 0) {
            for (String item : c.getItems()) {
                note(where, w, item);
            }
        }
        if (w instanceof Control c) {
            note(where, w, c.getToolTipText());
        }
        if (w instanceof CTabFolder f) {
            for (CTabItem i : f.getItems()) {
                note(where, i, i.getText());
                note(where, i, i.getToolTipText());
            }
        } else if (w instanceof ToolBar bar) {
            for (ToolItem i : bar.getItems()) {
                note(where, i, i.getText());
                note(where, i, i.getToolTipText());
            }
        } else if (w instanceof Tree tree) {
            for (TreeColumn col : tree.getColumns()) {
                note(where, col, col.getText());
            }
        } else if (w instanceof Table table) {
            for (TableColumn col : table.getColumns()) {
                note(where, col, col.getText());
            }
        }
        if (w instanceof Composite c) {
            for (Control child : c.getChildren()) {
                walk(child, where);
            }
        }
        return this;
    }

    /** Looks at every item of a menu and its sub-menus (filled as when shown). */
    public ChineseTexts walkMenu(Menu menu, String where) {
        if (menu == null) {
            return this;
        }
        menu.notifyListeners(SWT.Show, new Event()); // menu managers fill their items when shown
        for (MenuItem item : menu.getItems()) {
            String text = item.getText().replaceAll("\t.*$", ""); // without the key binding
            note(where, item, text);
            if (item.getMenu() != null) {
                walkMenu(item.getMenu(), where + " > " + text.replace("&", ""));
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        return this;
    }
}
