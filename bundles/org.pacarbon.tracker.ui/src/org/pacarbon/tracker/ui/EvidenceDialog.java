package org.pacarbon.tracker.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText(Messages.Ev_target);
        target = new Text(c, SWT.BORDER);
        target.setData(TrackerView.WIDGET_ID_KEY, ID + ".target");
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 380;
        target.setLayoutData(gd);
        target.addListener(SWT.Modify, e -> {
            if (!typeChosen && !target.getText().isBlank()) {
                type.select(Evidence.Type.guess(target.getText().strip()).ordinal());
            }
            validate();
        });
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.EvDlg_browse);
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"provenance.json;*.csv;*.md;*.html;*.pamap", "*.*"});
            String f = d.open();
            if (f != null) {
                target.setText(f);
            }
        });
        new Label(c, SWT.NONE).setText(Messages.Ev_type);
        type = new Combo(c, SWT.READ_ONLY);
        type.setData(TrackerView.WIDGET_ID_KEY, ID + ".type");
        for (Evidence.Type t : Evidence.Type.values()) {
            type.add(typeName(t)); // the entries follow the order of Evidence.Type (the selection is by ordinal)
        }
        type.select(Evidence.Type.FILE.ordinal());
        type.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        type.addListener(SWT.Selection, e -> typeChosen = true);
        new Label(c, SWT.NONE).setText(Messages.Ev_label);
        label = new Text(c, SWT.BORDER);
        label.setData(TrackerView.WIDGET_ID_KEY, ID + ".label");
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(c, SWT.NONE).setText(Messages.Ev_extent);
        extent = new Text(c, SWT.BORDER);
        extent.setData(TrackerView.WIDGET_ID_KEY, ID + ".extent");
        extent.setMessage(Messages.Ev_extentHint);
        extent.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
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
