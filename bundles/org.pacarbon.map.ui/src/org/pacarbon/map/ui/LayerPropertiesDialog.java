package org.pacarbon.map.ui;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.LayerInfo;
import org.pacarbon.map.core.MapLayer;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Layer Properties: source, CRS, extent, size, nodata, unit, a sample of the values and the style ({@link LayerInfo}). */
final class LayerPropertiesDialog extends Dialog {
    private final String layer;
    private final List<String[]> rows;

    private LayerPropertiesDialog(Shell parent, String layer, List<String[]> rows) {
        super(parent);
        this.layer = layer;
        this.rows = rows;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Reads the layer's properties in a job (the value sample reads the file), then shows them. */
    static void open(Shell shell, MapView map, MapLayer l) {
        Job job = Job.create(Messages.Properties + " " + l.name(), (IProgressMonitor monitor) -> { //$NON-NLS-1$
            try {
                List<String[]> rows = LayerInfo.describe(l, map.crs());
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        new LayerPropertiesDialog(shell, l.name(), rows).open();
                    }
                });
            } catch (GisException | RuntimeException e) {
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell, Messages.Properties, e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    @Override
    @NonNullByDefault({})
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.PropertiesOf + " " + layer); //$NON-NLS-1$
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Table table = Tables.create(area, SWT.MULTI, LayersView.ID + ".properties", null, new int[] {110, 520}, 320); //$NON-NLS-1$
        for (String[] r : rows) {
            new TableItem(table, SWT.NONE).setText(new String[] {Messages.core(r[0]), r[1].equals("yes") || r[1].equals("no") ? Messages.core(r[1]) : r[1]}); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return area;
    }

    @Override
    @NonNullByDefault({})
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
