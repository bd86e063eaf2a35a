package org.pacarbon.map.ui;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.ui.common.FormRows;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Export the map as a figure (title, legend, scale bar, north arrow, credits): PNG at a chosen resolution, SVG
 * or PDF. The choices are remembered for the next export.
 */
final class ExportDialog extends TitleAreaDialog {
    static final String ID = MapView.ID + ".export";
    /** The last choices, in the workspace's preferences (they outlive the session). */
    private static org.osgi.service.prefs.Preferences settings() {
        return org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.pacarbon.map.ui").node("export");
    }
    private Text title;
    private Text credits;
    private Combo format;
    private Text dpi;
    private Text file;
    private Path chosen;
    private String chosenTitle;
    private String chosenCredits;
    private double chosenDpi;

    ExportDialog(Shell parent) {
        super(parent);
    }

    @Override
    @NonNullByDefault({})
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.ExportFigure);
        shell.setData(MapView.WIDGET_ID_KEY, ID);
    }

    private static String remembered(String key, String dflt) {
        return settings().get(key, dflt);
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.ExportFigure);
        setMessage(Messages.ExportMsg);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = FormRows.grid(area);
        title = field(c, Messages.FigTitle, "title", remembered("title", "Map"));
        credits = field(c, Messages.Credits, "credits", remembered("credits", "Made with PA-Carbon Workbench"));
        format = FormRows.choice(c, Messages.Format, ID + ".format");
        format.setItems("PNG", "SVG", "PDF");
        format.select(Math.max(0, format.indexOf(remembered("format", "PNG"))));
        format.addListener(SWT.Selection, e -> {
            String f = file.getText();
            int dot = f.lastIndexOf('.');
            if (dot > 0) {
                file.setText(f.substring(0, dot + 1) + format.getText().toLowerCase(Locale.ROOT));
            }
            dpi.setEnabled(!format.getText().equals("SVG"));
        });
        // the preference's figure resolution (General preferences) until the user chose one here
        int prefDpi = org.eclipse.core.runtime.Platform.getPreferencesService().getInt("org.pacarbon.app", "figureDpi", 300, null);
        dpi = field(c, Messages.Dpi, "dpi", remembered("dpi", Integer.toString(prefDpi)));
        file = FormRows.text(c, Messages.File, ID + ".file", 1);
        file.setText(remembered("file", Path.of(System.getProperty("user.home"), "map.png").toString()));
        file.addListener(SWT.Modify, e -> validate());
        FormRows.browse(c, "...", file, SWT.SAVE, "*.png", "*.svg", "*.pdf");
        return area;
    }

    private Text field(Composite c, String label, String key, String value) {
        Text t = FormRows.text(c, label, ID + "." + key, 2);
        t.setText(value);
        ((GridData) t.getLayoutData()).widthHint = 360;
        t.addListener(SWT.Modify, e -> validate());
        return t;
    }

    private boolean validate() {
        String problem = null;
        String f = file == null ? "" : file.getText().strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty() || !(f.endsWith(".png") || f.endsWith(".svg") || f.endsWith(".pdf"))) {
            problem = Messages.FileExt;
        }
        try {
            double d = Double.parseDouble(dpi == null ? "150" : dpi.getText().strip());
            if (!(d >= 36 && d <= 1200)) {
                problem = Messages.DpiRange;
            }
        } catch (NumberFormatException e) {
            problem = Messages.DpiNumber;
        }
        setErrorMessage(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        }
        return problem == null;
    }

    @Override
    @NonNullByDefault({})
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText(Messages.ExportButton);
        getButton(IDialogConstants.OK_ID).setData(MapView.WIDGET_ID_KEY, ID + ".ok");
        validate();
    }

    @Override
    protected void okPressed() {
        if (!validate()) {
            return;
        }
        chosen = Path.of(file.getText().strip());
        chosenTitle = title.getText().strip();
        chosenCredits = credits.getText().strip();
        chosenDpi = Double.parseDouble(dpi.getText().strip());
        org.osgi.service.prefs.Preferences p = settings();
        p.put("title", chosenTitle);
        p.put("credits", chosenCredits);
        p.put("format", format.getText());
        p.put("dpi", dpi.getText().strip());
        p.put("file", chosen.toString());
        try {
            p.flush();
        } catch (org.osgi.service.prefs.BackingStoreException e) {
            // remembered for this session only
        }
        super.okPressed();
    }

    Path file() {
        return chosen;
    }

    String figureTitle() {
        return chosenTitle;
    }

    String credits() {
        return chosenCredits;
    }

    double dpi() {
        return chosenDpi;
    }
}
