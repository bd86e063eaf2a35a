package org.pacarbon.internal.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.pacarbon.app.AppIds;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Assessment perspective: toolbox on the left, map in the centre, results below, layers on the right. */
public final class AssessmentPerspective implements IPerspectiveFactory {
    @Override
    @NonNullByDefault({})
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(AppIds.VIEW_TOOLBOX, IPageLayout.LEFT, 0.3f, editor);
        layout.addView(AppIds.VIEW_MAP, IPageLayout.TOP, 0.6f, editor);
        IFolderLayout bottom = layout.createFolder("assessment.bottom", IPageLayout.BOTTOM, 0.6f, AppIds.VIEW_MAP); //$NON-NLS-1$
        bottom.addView(AppIds.VIEW_RESULTS);
        bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        layout.addView(AppIds.VIEW_LAYERS, IPageLayout.RIGHT, 0.78f, AppIds.VIEW_MAP);
        Perspectives.addShortcuts(layout);
    }
}
