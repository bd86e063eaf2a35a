package org.pacarbon.ui.common;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The rows the product's dialogs are made of, on a grid of three columns: a label, a field (one or two columns wide)
 * and, beside a one-column field, a button. Fields carry the id the UI robot finds them by ({@link #WIDGET_ID_KEY}).
 */
public final class FormRows {
    /** Data key of a widget's id for the UI robot (the same key in every bundle). */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId"; //$NON-NLS-1$

    private FormRows() {
    }

    /** A form of three columns filling {@code area}. */
    public static Composite grid(Composite area) {
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return c;
    }

    /** A labelled text field {@code span} columns wide (2: the rest of the row; 1: a button follows). */
    public static Text text(Composite form, String label, String id, int span) {
        new Label(form, SWT.NONE).setText(label);
        Text t = new Text(form, SWT.BORDER);
        t.setData(WIDGET_ID_KEY, id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return t;
    }

    /** A labelled read-only choice, the rest of the row wide. */
    public static Combo choice(Composite form, String label, String id) {
        new Label(form, SWT.NONE).setText(label);
        Combo c = new Combo(form, SWT.READ_ONLY);
        c.setData(WIDGET_ID_KEY, id);
        c.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        return c;
    }

    /**
     * A button beside a one-column field that fills it from a file dialog ({@code SWT.OPEN} or {@code SWT.SAVE}: then
     * an existing file is confirmed before it is chosen).
     */
    public static Button browse(Composite form, String text, Text field, int style, String... filters) {
        Button b = new Button(form, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(form.getShell(), style);
            d.setFilterExtensions(filters);
            d.setOverwrite((style & SWT.SAVE) != 0);
            String f = d.open();
            if (f != null) {
                field.setText(f);
            }
        });
        return b;
    }
}
