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
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Product status handler: every status is logged; every error (also one only meant for the log, such as an
 * exception thrown by a view) is shown in an error dialog whose details hold the stack trace.
 */
public final class ErrorStatusHandler extends AbstractStatusHandler {
    /**
     * True while an error dialog is being opened or is open. JFace's ErrorDialog logs instead of opening in
     * automated mode, and that log entry comes back here: without this guard each dialog would beget the next.
     */
    private static boolean showing;

    /** What the last dialog showed: the same error echoed back by the log listener is not shown twice. */
    private static Object lastShown;

    @Override
    @NonNullByDefault({})
    public void handle(StatusAdapter statusAdapter, int style) {
        IStatus status = statusAdapter.getStatus();
        if (status.getMessage() != null && status.getMessage().startsWith(Messages.Error_title)) {
            // JFace echoing one of our own dialogs (it logs them in automated mode): already in the log. Logging it
            // again would come back through the workbench's log listener, endlessly.
            return;
        }
        if ((style & StatusManager.LOG) != 0) {
            // The workbench's log listener hands this status back to us with style NONE: it is shown then.
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
        Object key = status.getException() != null ? status.getException() : status.getMessage();
        if (showing || key.equals(lastShown)) {
            return; // already logged; one dialog at a time, and never the same error twice in a row
        }
        showing = true;
        lastShown = key;
        try {
            Shell shell = display.getActiveShell();
            ErrorDialog.openError(shell, Messages.Error_title, null, withDetails(status)); // null: the status message, once
        } catch (RuntimeException dialogFailed) {
            // The status is in the log already. A dialog that cannot open (JFace refuses in automated test mode)
            // must not report itself again: that would come back here, endlessly.
        } finally {
            showing = false;
        }
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
