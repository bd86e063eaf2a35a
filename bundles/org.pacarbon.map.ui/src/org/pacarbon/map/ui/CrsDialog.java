package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.map.core.MapCrs;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The map's CRS: suggestions (CGCS2000, China Albers, UTM, ...) and a search of the EPSG database by code or name
 * (in a job, as one types); an EPSG code, a WKT or a PROJ string typed in the box is taken as it is.
 */
final class CrsDialog extends TitleAreaDialog {
    private final String current;
    private Text query;
    private Table table;
    private Job search;
    private CoordinateReferenceSystem chosen;

    CrsDialog(Shell parent, @Nullable String current) {
        super(parent);
        this.current = current;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        getShell().setText(Messages.CrsTitle);
        setTitle(Messages.CrsTitle);
        setMessage(Messages.CrsMessage + (current == null ? "" : "  (" + current + ")")); //$NON-NLS-1$ //$NON-NLS-2$
        Composite area = (Composite) super.createDialogArea(parent);
        query = new Text(area, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        query.setData(MapView.WIDGET_ID_KEY, MapView.ID + ".crs.query"); //$NON-NLS-1$
        query.setMessage(Messages.CrsSearch);
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = Tables.create(area, SWT.SINGLE, MapView.ID + ".crs.table", new String[] {Messages.CrsName, Messages.CrsDefinition}, //$NON-NLS-1$
                new int[] {380, 240}, 260);
        show(MapCrs.suggestions());
        query.addListener(SWT.Modify, e -> searchLater());
        table.addListener(SWT.DefaultSelection, e -> okPressed());
        return area;
    }

    private void show(List<MapCrs.Choice> choices) {
        table.removeAll();
        for (MapCrs.Choice c : choices) {
            TableItem i = new TableItem(table, SWT.NONE);
            i.setText(new String[] {c.label(), c.definition()});
            i.setData(c);
        }
    }

    /** Searches the EPSG database for the typed words in a job, a moment after the last key. */
    private void searchLater() {
        String q = query.getText().trim();
        if (search != null) {
            search.cancel();
        }
        if (q.length() < 2) {
            show(MapCrs.suggestions());
            return;
        }
        search = Job.create(Messages.CrsSearching, (IProgressMonitor monitor) -> {
            List<MapCrs.Choice> found;
            try {
                found = MapCrs.search(q, 200);
            } catch (GisException e) {
                found = List.of();
            }
            List<MapCrs.Choice> result = found;
            if (!monitor.isCanceled() && !table.isDisposed()) {
                table.getDisplay().asyncExec(() -> {
                    if (!table.isDisposed() && q.equals(query.getText().trim())) {
                        show(result);
                        setErrorMessage(null);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        search.schedule(250);
    }

    @Override
    protected void okPressed() {
        String def = table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof MapCrs.Choice c ? c.definition()
                : query.getText().trim();
        try {
            chosen = CrsSupport.parse(def, null);
        } catch (GisException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }

    @Override
    @NonNullByDefault({})
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.CrsApply, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The CRS chosen (after OK). */
    CoordinateReferenceSystem chosen() {
        return chosen;
    }

    @Override
    public boolean close() {
        if (search != null) {
            search.cancel();
        }
        return super.close();
    }
}
