package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Shell;
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
        IllegalStateException boom = new IllegalStateException("raster has no CRS: demo.tif");
        StatusManager.getManager().handle(new Status(IStatus.ERROR, Activator.PLUGIN_ID, "Reading demo.tif failed", boom),
                StatusManager.LOG);
        Shell dialog = robot.find(Shell.class, s -> s.getText().equals(Messages.Error_title), "error dialog");
        assertTrue(dialog.isVisible());
        dialog.close();
        robot.flush();
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
