package org.pacarbon.internal.app;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.app.AppIds;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stands in for a view whose feature is built by another issue. It says so plainly on screen:
 * it is a placeholder, not a finished view.
 */
public final class PlaceholderView extends ViewPart {
    private Label label;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        label = new Label(parent, SWT.WRAP);
        label.setText(NLS.bind(Messages.Placeholder_text, getPartName()));
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label.setData(AppIds.WIDGET_ID_KEY, getViewSite().getId() + ".placeholder"); //$NON-NLS-1$
        parent.setData(AppIds.WIDGET_ID_KEY, getViewSite().getId());
    }

    @Override
    public void setFocus() {
        label.setFocus();
    }
}
