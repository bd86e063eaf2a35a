package org.pacarbon.internal.app;

import org.eclipse.ui.IPageLayout;
import org.pacarbon.app.AppIds;

/** What every PA-Carbon perspective offers in Window menus. */
final class Perspectives {
    private Perspectives() {
    }

    static void addShortcuts(IPageLayout layout) {
        layout.addPerspectiveShortcut(AppIds.PERSPECTIVE_MAP);
        layout.addPerspectiveShortcut(AppIds.PERSPECTIVE_ASSESSMENT);
        layout.addPerspectiveShortcut(AppIds.PERSPECTIVE_RESEARCH);
        for (String view : new String[] {AppIds.VIEW_MAP, AppIds.VIEW_LAYERS, AppIds.VIEW_LEGEND, AppIds.VIEW_CATALOG, AppIds.VIEW_ATTRIBUTES,
                AppIds.VIEW_TOOLBOX, AppIds.VIEW_RESULTS, AppIds.VIEW_TRACKER, IPageLayout.ID_PROGRESS_VIEW}) {
            layout.addShowViewShortcut(view);
        }
    }
}
