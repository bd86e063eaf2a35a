package org.pacarbon.test.ui;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension: when a UI test fails, saves a screenshot to
 * {@code target/screenshots/<class>.<method>.png} (relative to the test bundle's folder). Every UI test also runs
 * with the {@link UiWatchdog}, which reports the longest time our code blocked the UI thread in one event.
 */
public final class ScreenshotOnFailure implements TestWatcher, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ScreenshotOnFailure.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Display display = Display.getDefault();
        String name = context.getRequiredTestClass().getSimpleName() + '.' + context.getRequiredTestMethod().getName();
        context.getStore(NS).put("watchdog", UiWatchdog.start(display.getThread(), name)); //$NON-NLS-1$
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getStore(NS).remove("watchdog") instanceof UiWatchdog w) { //$NON-NLS-1$
            UiWatchdog.Block b = w.stop();
            if (b.millis() > 200) {
                System.err.println("UI watchdog: " + b.test() + " blocked the UI thread for " + b.millis() + " ms in " + b.frames()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            }
        }
    }

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
