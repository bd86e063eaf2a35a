package org.pacarbon.internal.app;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Window advisor: title, size, perspective bar, status line and progress indicator. */
final class PacarbonWindowAdvisor extends WorkbenchWindowAdvisor {

    PacarbonWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
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
}
