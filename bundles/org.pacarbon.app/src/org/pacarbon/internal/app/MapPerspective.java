package org.pacarbon.internal.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.pacarbon.app.AppIds;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Map perspective: catalog and layers on the left, legend (and identify results) below them, the map in the centre. */
public final class MapPerspective implements IPerspectiveFactory {
    @Override
    @NonNullByDefault({})
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("map.left", IPageLayout.LEFT, 0.24f, editor); //$NON-NLS-1$
        left.addView(AppIds.VIEW_LAYERS);
        left.addView(AppIds.VIEW_CATALOG);
        IFolderLayout below = layout.createFolder("map.legend", IPageLayout.BOTTOM, 0.62f, "map.left"); //$NON-NLS-1$ //$NON-NLS-2$
        below.addView(AppIds.VIEW_LEGEND);
        below.addPlaceholder(AppIds.VIEW_IDENTIFY); // identify results beside the legend, as in QGIS's panel; the map keeps its size
        layout.addStandaloneView(AppIds.VIEW_MAP, true, IPageLayout.RIGHT, 0.76f, editor); // with its title: the toolbar (export, copy, open/save map)
        layout.addPlaceholder(AppIds.VIEW_ATTRIBUTES, IPageLayout.BOTTOM, 0.7f, AppIds.VIEW_MAP); // opened from the Layers view
        Perspectives.addShortcuts(layout);
    }
}
