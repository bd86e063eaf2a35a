package org.pacarbon.internal.app;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.pacarbon.app.AppIds;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Research perspective: the research-framework tracker, with the results that serve as evidence. */
public final class ResearchPerspective implements IPerspectiveFactory {
    @Override
    @NonNullByDefault({})
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(AppIds.VIEW_TRACKER, IPageLayout.TOP, 0.65f, editor);
        layout.addView(AppIds.VIEW_RESULTS, IPageLayout.BOTTOM, 0.74f, AppIds.VIEW_TRACKER);
        Perspectives.addShortcuts(layout);
    }
}
