package org.pacarbon.internal.app;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Window advisor: title, size (maximized on the first start; later as the user left it), perspective bar, status line
 * and progress indicator.
 */
final class PacarbonWindowAdvisor extends WorkbenchWindowAdvisor {
    /** System property: {@code false} keeps the first window at 1280 x 800 (automatic UI tests want one layout). */
    static final String MAXIMIZE_FIRST = "pacarbon.window.maximizeFirst"; //$NON-NLS-1$
    private boolean restored;

    PacarbonWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    @NonNullByDefault({})
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PacarbonActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setShowProgressIndicator(true);
        // a branded product built on this application (an institute's) shows its own name
        org.eclipse.core.runtime.IProduct product = org.eclipse.core.runtime.Platform.getProduct();
        configurer.setTitle(product != null && !org.pacarbon.app.AppIds.PRODUCT.equals(product.getId()) && product.getName() != null
                ? product.getName() : Messages.App_title);
    }

    @Override
    public void postWindowRestore() {
        restored = true; // the window of the last session, with its size and place
    }

    @Override
    public void postWindowOpen() {
        if (!restored && !"false".equalsIgnoreCase(System.getProperty(MAXIMIZE_FIRST))) { //$NON-NLS-1$
            org.eclipse.swt.widgets.Shell shell = getWindowConfigurer().getWindow().getShell();
            shell.setBounds(shell.getMonitor().getClientArea()); // the whole screen also where no window manager maximizes
            shell.setMaximized(true);
        }
    }
}
