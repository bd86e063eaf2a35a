package org.pacarbon.tracker.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.ui.common.FormRows;
import org.pacarbon.tracker.core.Evidence;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Asks for the evidence to link: type, file or URL, label, and for maps an extent. */
final class EvidenceDialog extends TitleAreaDialog {
    static final String ID = TrackerView.ID + ".evidenceDialog";
    private Combo type;
    private Text target;
    private Text label;
    private Text extent;
    private boolean typeChosen;
    private Evidence.Type resultType;
    private String resultTarget;
    private String resultLabel;
    private String resultExtent;

    EvidenceDialog(Shell parent) {
        super(parent);
    }

    @Override
    @NonNullByDefault({})
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.EvDlg_title);
        shell.setData(TrackerView.WIDGET_ID_KEY, ID);
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.EvDlg_title);
        setMessage(Messages.EvDlg_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = FormRows.grid(area);
        target = FormRows.text(c, Messages.Ev_target, ID + ".target", 1);
        ((GridData) target.getLayoutData()).widthHint = 380;
        target.addListener(SWT.Modify, e -> {
            if (!typeChosen && !target.getText().isBlank()) {
                type.select(Evidence.Type.guess(target.getText().strip()).ordinal());
            }
            validate();
        });
        FormRows.browse(c, Messages.EvDlg_browse, target, SWT.OPEN, "provenance.json;*.csv;*.md;*.html;*.pamap", "*.*");
        type = FormRows.choice(c, Messages.Ev_type, ID + ".type");
        for (Evidence.Type t : Evidence.Type.values()) {
            type.add(typeName(t)); // the entries follow the order of Evidence.Type (the selection is by ordinal)
        }
        type.select(Evidence.Type.FILE.ordinal());
        type.addListener(SWT.Selection, e -> typeChosen = true);
        label = FormRows.text(c, Messages.Ev_label, ID + ".label", 2);
        extent = FormRows.text(c, Messages.Ev_extent, ID + ".extent", 1);
        extent.setMessage(Messages.Ev_extentHint);
        Button fromMap = new Button(c, SWT.PUSH);
        fromMap.setText(Messages.EvDlg_mapExtent);
        double[] e = EvidenceOpener.mapExtent();
        fromMap.setEnabled(e != null);
        fromMap.addListener(SWT.Selection, ev -> {
            double[] x = EvidenceOpener.mapExtent();
            if (x != null) {
                extent.setText(String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", x[0], x[1], x[2], x[3]));
            }
        });
        return area;
    }

    @Override
    @NonNullByDefault({})
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setData(TrackerView.WIDGET_ID_KEY, ID + ".ok");
        validate();
    }

    private void validate() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String t = target.getText().strip();
        String problem = null;
        if (t.isEmpty()) {
            problem = Messages.EvDlg_needTarget;
        } else if (Evidence.Type.guess(t) != Evidence.Type.URL && !Files.exists(Path.of(t))) {
            problem = NLS.bind(Messages.EvDlg_missing, t);
        }
        setErrorMessage(t.isEmpty() ? null : problem);
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        resultType = Evidence.Type.values()[type.getSelectionIndex()];
        resultTarget = target.getText().strip();
        resultLabel = label.getText().strip();
        resultExtent = extent.getText().strip();
        super.okPressed();
    }

    /** The name of an evidence type in the user's language. */
    static String typeName(Evidence.Type t) {
        return switch (t) {
            case RUN -> Messages.EvType_run;
            case TABLE -> Messages.EvType_table;
            case MAP -> Messages.EvType_map;
            case FILE -> Messages.EvType_file;
            case URL -> Messages.EvType_url;
        };
    }

    Evidence.Type type() {
        return resultType;
    }

    String target() {
        return resultTarget;
    }

    String label() {
        return resultLabel;
    }

    String extent() {
        return resultExtent;
    }
}
