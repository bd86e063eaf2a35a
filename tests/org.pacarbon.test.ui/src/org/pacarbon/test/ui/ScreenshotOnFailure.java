package org.pacarbon.test.ui;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension: when a UI test fails, saves a screenshot to
 * {@code target/screenshots/<class>.<method>.png} (relative to the test bundle's folder).
 */
public final class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Display display = Display.getCurrent();
        if (display == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + '.' + context.getRequiredTestMethod().getName();
        Path file = Path.of(System.getProperty("pacarbon.screenshots", "target/screenshots"), name + ".png"); //$NON-NLS-1$ //$NON-NLS-2$
        try {
            new Robot().screenshot(file);
            System.err.println("Screenshot of the failure: " + file.toAbsolutePath()); //$NON-NLS-1$
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
