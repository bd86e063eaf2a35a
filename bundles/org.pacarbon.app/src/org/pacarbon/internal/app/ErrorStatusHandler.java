package org.pacarbon.internal.app;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.AbstractStatusHandler;
import org.eclipse.ui.statushandlers.StatusAdapter;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * Product status handler: every status is logged; every error (also one only meant for the log, such as an
 * exception thrown by a view) is shown in an error dialog whose details hold the stack trace.
 */
public final class ErrorStatusHandler extends AbstractStatusHandler {

    @Override
    public void handle(StatusAdapter statusAdapter, int style) {
        IStatus status = statusAdapter.getStatus();
        if ((style & StatusManager.LOG) != 0 || status.getSeverity() == IStatus.ERROR) {
            ILog.of(Activator.class).log(status);
        }
        boolean show = (style & (StatusManager.SHOW | StatusManager.BLOCK)) != 0 || status.getSeverity() == IStatus.ERROR;
        if (show && PlatformUI.isWorkbenchRunning()) {
            Display display = PlatformUI.getWorkbench().getDisplay();
            if (!display.isDisposed()) {
                display.asyncExec(() -> open(display, status));
            }
        }
    }

    private static void open(Display display, IStatus status) {
        Shell shell = display.getActiveShell();
        ErrorDialog.openError(shell, Messages.Error_title, status.getMessage(), withDetails(status));
    }

    /** Adds the exception's stack trace lines as children, so the dialog's Details button shows them. */
    static IStatus withDetails(IStatus status) {
        Throwable exception = status.getException();
        if (exception == null || status.isMultiStatus()) {
            return status;
        }
        MultiStatus details = new MultiStatus(status.getPlugin(), status.getCode(), status.getMessage(), exception);
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        for (String line : trace.toString().split("\\R")) { //$NON-NLS-1$
            details.add(new Status(status.getSeverity(), status.getPlugin(), line.replace("\t", "    "))); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return details;
    }
}
