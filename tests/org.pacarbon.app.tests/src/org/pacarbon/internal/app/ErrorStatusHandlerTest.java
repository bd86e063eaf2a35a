package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.statushandlers.StatusManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** An error reported only to the log still reaches the user as an error dialog with the stack trace. */
@ExtendWith(ScreenshotOnFailure.class)
public final class ErrorStatusHandlerTest {

    /** The product's status handler is the one the workbench uses. */
    @Test
    public void errorLoggedOnlyIsShownInDialogWithDetails() {
        Robot robot = new Robot();
        boolean automated = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = false; // the test harness turns dialogs into log entries; we want the real one
        try {
            showsDialog(robot);
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
        }
    }

    private static void showsDialog(Robot robot) {
        List<String> texts = new ArrayList<>();
        Robot.ModalHandle dialog = robot.onModal(s -> s.getText().equals(Messages.Error_title), shell -> {
            Button details = findButton(shell, "Details >>");
            details.notifyListeners(SWT.Selection, new Event());
            collectTexts(shell, texts);
            shell.close();
        }, "titled '" + Messages.Error_title + "'");
        IllegalStateException boom = new IllegalStateException("raster has no CRS: demo.tif");
        StatusManager.getManager().handle(new Status(IStatus.ERROR, Activator.PLUGIN_ID, "Reading demo.tif failed", boom),
                StatusManager.LOG);
        dialog.await();
        assertTrue(texts.contains("Reading demo.tif failed"), "dialog texts: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("raster has no CRS: demo.tif")), "details: " + texts);
        robot.flush();
    }

    private static Button findButton(Control control, String text) {
        if (control instanceof Button b && text.equals(Robot.textOf(b))) {
            return b;
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                Button found = findButton(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collectTexts(Control control, List<String> texts) {
        String t = Robot.textOf(control);
        if (t != null) {
            texts.add(t);
        }
        if (control instanceof org.eclipse.swt.widgets.List list) {
            texts.addAll(Arrays.asList(list.getItems()));
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                collectTexts(child, texts);
            }
        }
    }

    /** When JFace refuses to open dialogs (automated mode), an error is logged a bounded number of times, not endlessly. */
    @Test
    public void refusedDialogDoesNotLoop() {
        Robot robot = new Robot();
        java.util.concurrent.atomic.AtomicInteger entries = new java.util.concurrent.atomic.AtomicInteger();
        org.eclipse.core.runtime.ILogListener counter = (status, plugin) -> entries.incrementAndGet();
        org.eclipse.core.runtime.Platform.addLogListener(counter);
        boolean automated = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = true;
        try {
            StatusManager.getManager().handle(new Status(IStatus.ERROR, Activator.PLUGIN_ID, "boom", new IllegalStateException("boom")),
                    StatusManager.LOG);
            long end = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < end) {
                robot.flush();
            }
            assertTrue(entries.get() >= 1 && entries.get() <= 5, "log entries: " + entries.get());
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
            org.eclipse.core.runtime.Platform.removeLogListener(counter);
        }
    }

    /** The details of a status with an exception list the exception and its stack frames. */
    @Test
    public void detailsCarryTheStackTrace() {
        IStatus status = ErrorStatusHandler.withDetails(new Status(IStatus.ERROR, Activator.PLUGIN_ID, "msg",
                new IllegalArgumentException("unknown unit 'kgC/ha'")));
        assertTrue(status.isMultiStatus());
        assertEquals("java.lang.IllegalArgumentException: unknown unit 'kgC/ha'", status.getChildren()[0].getMessage());
        assertTrue(Arrays.stream(status.getChildren()).anyMatch(s -> s.getMessage().contains("ErrorStatusHandlerTest")));
    }
}
