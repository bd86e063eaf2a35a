package org.pacarbon.internal.app;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

/** Help &gt; Contents (F1): opens the User Guide view. */
final class HelpContentsAction extends Action {
    static final String ID = "org.pacarbon.app.helpContents"; //$NON-NLS-1$

    private final IWorkbenchWindow window;

    HelpContentsAction(IWorkbenchWindow window) {
        super(Messages.Help_contents);
        this.window = window;
        setId(ID);
        setAccelerator(org.eclipse.swt.SWT.F1);
    }

    @Override
    public void run() {
        try {
            window.getActivePage().showView(UserGuideView.ID);
        } catch (PartInitException e) {
            MessageDialog.openError(window.getShell(), Messages.Help_contents, e.getMessage());
        }
    }
}
