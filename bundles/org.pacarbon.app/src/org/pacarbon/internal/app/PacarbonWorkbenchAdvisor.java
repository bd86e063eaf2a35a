package org.pacarbon.internal.app;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.statushandlers.StatusManager;
import org.pacarbon.app.AppIds;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Workbench advisor: Map perspective first, window layout remembered, no exception lost. */
public final class PacarbonWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    @NonNullByDefault({})
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    /**
     * The platform's "General" preference page (editor open modes, heap status, in-place editors) is about an IDE, not
     * this workbench: the preferences show the product's own pages.
     */
    @Override
    public void postStartup() {
        super.postStartup();
        getWorkbenchConfigurer().getWorkbench().getPreferenceManager().remove("org.eclipse.ui.preferencePages.Workbench"); //$NON-NLS-1$
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        // a branded product may choose another first perspective (org.eclipse.ui/defaultPerspectiveId in its
        // plugin_customization.ini); this product opens on the map
        String id = org.eclipse.ui.PlatformUI.getPreferenceStore().getString(org.eclipse.ui.IWorkbenchPreferenceConstants.DEFAULT_PERSPECTIVE_ID);
        if (id != null && !id.isBlank() && org.eclipse.ui.PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(id) != null) {
            return id;
        }
        return AppIds.PERSPECTIVE_MAP;
    }

    @Override
    @NonNullByDefault({})
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new PacarbonWindowAdvisor(configurer);
    }

    /** An exception escaping the event loop goes to the log and to an error dialog, never lost. */
    @Override
    @NonNullByDefault({})
    public void eventLoopException(Throwable exception) {
        IStatus status = new Status(IStatus.ERROR, Activator.PLUGIN_ID, Messages.Error_unexpected, exception);
        StatusManager.getManager().handle(status, StatusManager.LOG | StatusManager.SHOW);
    }
}
