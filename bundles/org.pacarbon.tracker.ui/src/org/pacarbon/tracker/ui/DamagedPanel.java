package org.pacarbon.tracker.ui;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerStore;

/**
 * What the tracker view shows instead of the tree when its file cannot be opened: the problem, "Restore from backup"
 * (when there is a backup: the damaged file is set aside, never deleted) and "Try again".
 */
final class DamagedPanel {
    final Composite control;
    private final Label text;
    private final Button restore;

    DamagedPanel(Composite parent, TrackerView view, Font bold) {
        control = new Composite(parent, SWT.NONE);
        control.setLayout(new GridLayout(2, false));
        Label title = new Label(control, SWT.WRAP);
        title.setText(Messages.Damaged_title);
        title.setFont(bold);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        text = new Label(control, SWT.WRAP);
        text.setData(TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".problem");
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.widthHint = 500;
        text.setLayoutData(gd);
        restore = new Button(control, SWT.PUSH);
        restore.setText(Messages.Damaged_restore);
        restore.setData(TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".restore");
        restore.addListener(SWT.Selection, e -> {
            try {
                Path aside = TrackerStore.restoreFromBackup(view.file());
                view.open(view.file());
                MessageDialog.openInformation(view.getSite().getShell(), Messages.Error_title, NLS.bind(Messages.Damaged_restored, aside));
            } catch (TrackerException ex) {
                text.setText(ex.getMessage());
                control.layout(true, true);
            }
        });
        Button retry = new Button(control, SWT.PUSH);
        retry.setText(Messages.Damaged_retry);
        retry.setData(TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".retry");
        retry.addListener(SWT.Selection, e -> view.open(view.file()));
    }

    /** Shows why the file could not be opened; Restore only when the file has a backup. */
    void show(TrackerException e) {
        text.setText(e.getMessage());
        restore.setEnabled(e instanceof TrackerException.Damaged d && d.backup() != null);
    }
}
