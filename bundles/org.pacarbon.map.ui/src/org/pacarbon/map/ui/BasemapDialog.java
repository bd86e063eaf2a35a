package org.pacarbon.map.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.map.core.LayerSource;
import org.pacarbon.map.core.LayerSources;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * File &gt; Add Basemap: the layers the service sources offer (the shipped, offline Natural Earth countries and
 * coastlines, a graticule, known tile services) to tick, and any XYZ tile URL to type; the URL typed last is
 * remembered. The chosen service URIs are the result.
 */
final class BasemapDialog extends TitleAreaDialog {
    private static final String LAST_URL = "lastTileUrl"; //$NON-NLS-1$
    private Table offers;
    private Text url;
    private final List<String> chosen = new ArrayList<>();

    BasemapDialog(Shell parent) {
        super(parent);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        getShell().setText(Messages.BasemapTitle);
        setTitle(Messages.BasemapTitle);
        setMessage(Messages.BasemapMessage);
        Composite area = (Composite) super.createDialogArea(parent);
        offers = Tables.create(area, SWT.CHECK, MapView.ID + ".basemap.offers", new String[] {Messages.BasemapLayer}, //$NON-NLS-1$
                new int[] {520}, 150);
        for (LayerSource.Offer o : LayerSources.offers()) {
            TableItem i = new TableItem(offers, SWT.NONE);
            i.setText(Messages.offer(o.uri(), o.title()));
            i.setData(o.uri());
            i.setChecked(o.uri().startsWith("basemap:countries") || o.uri().startsWith("basemap:coastlines")); //$NON-NLS-1$ //$NON-NLS-2$
        }
        Label l = new Label(area, SWT.WRAP);
        l.setText(Messages.BasemapUrl);
        url = new Text(area, SWT.BORDER);
        url.setData(MapView.WIDGET_ID_KEY, MapView.ID + ".basemap.url"); //$NON-NLS-1$
        url.setMessage(Messages.BasemapUrlHint);
        url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        url.setText(settings().get(LAST_URL, "")); //$NON-NLS-1$
        url.addListener(SWT.Modify, e -> check());
        return area;
    }

    private void check() {
        String u = url.getText().strip();
        boolean ok = u.isEmpty() || u.contains("{z}") && u.contains("{x}") && u.contains("{y}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        setErrorMessage(ok ? null : Messages.BasemapBadUrl);
        getButton(IDialogConstants.OK_ID).setEnabled(ok);
    }

    @Override
    protected void okPressed() {
        chosen.clear();
        for (TableItem i : offers.getItems()) {
            if (i.getChecked()) {
                chosen.add((String) i.getData());
            }
        }
        String u = url.getText().strip();
        if (!u.isEmpty()) {
            chosen.add(u.regionMatches(true, 0, "xyz:", 0, 4) ? u : "xyz:" + u); //$NON-NLS-1$ //$NON-NLS-2$
        }
        settings().put(LAST_URL, u);
        try {
            settings().flush();
        } catch (org.osgi.service.prefs.BackingStoreException e) {
            // remembered for this session only
        }
        super.okPressed();
    }

    /** The service URIs to add, in the table's order, the typed tiles last. */
    List<String> chosen() {
        return chosen;
    }

    /** The last tile URL, in the workspace's preferences. */
    private static org.osgi.service.prefs.Preferences settings() {
        return org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.pacarbon.map.ui").node("basemap"); //$NON-NLS-1$ //$NON-NLS-2$
    }
}
