package org.pacarbon.test.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-side watchdog of the UI thread: samples its stack every 5 ms and measures how long our production code (an
 * {@code org.pacarbon} class that is not test code) runs without a break inside one dispatch of an SWT event or an
 * async runnable, i.e. how long a UI action of the product blocks the UI thread. Code the test itself runs on the UI
 * thread (a test calling an API directly) is not counted. The longest block of each test and of the run so far are
 * written to {@code target/ui-watchdog.txt}; the robot tests report it (issue #15 asks for at most 200 ms).
 */
public final class UiWatchdog {
    /** One measured block: how long, in which test, and the production frames on top when it was longest. */
    public record Block(long millis, String test, List<String> frames, List<String> hot) {
    }

    private static final long PERIOD_MS = 5;
    private static Block longest = new Block(0, "", List.of(), List.of());
    private static final List<String> perTest = new ArrayList<>();

    private final Thread ui;
    private final String test;
    private volatile boolean running = true;
    private final Thread sampler;
    private Block worst;

    private UiWatchdog(Thread ui, String test) {
        this.ui = ui;
        this.test = test;
        this.worst = new Block(0, test, List.of(), List.of());
        this.sampler = new Thread(this::sample, "pacarbon-ui-watchdog"); //$NON-NLS-1$
        sampler.setDaemon(true);
    }

    /** Starts watching {@code ui} for the test {@code test}. */
    public static UiWatchdog start(Thread ui, String test) {
        UiWatchdog w = new UiWatchdog(ui, test);
        w.sampler.start();
        return w;
    }

    /** Stops, records this test's longest block and writes the report; returns the test's longest block. */
    public Block stop() {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (UiWatchdog.class) {
            perTest.add(String.format(Locale.ROOT, "%6d ms  %s", worst.millis(), test)); //$NON-NLS-1$
            if (worst.millis() > longest.millis()) {
                longest = worst;
            }
            write();
        }
        return worst;
    }

    /** The longest block seen in this test run so far. */
    public static synchronized Block longest() {
        return longest;
    }

    private void sample() {
        long start = -1;
        int startDepth = -1;
        List<String> frames = List.of();
        java.util.Map<String, Integer> hot = new java.util.HashMap<>(); // where the current block is, sample by sample
        while (running) {
            StackTraceElement[] st = ui.getStackTrace();
            int dispatch = dispatchFrame(st);
            List<String> prod = dispatch < 0 ? List.of() : productionFrames(st, dispatch);
            long now = System.nanoTime();
            if (!prod.isEmpty() && (start < 0 || st.length - dispatch == startDepth)) {
                if (start < 0) {
                    start = now;
                    startDepth = st.length - dispatch;
                    hot.clear();
                }
                frames = prod;
                hot.merge(deepest(st), 1, Integer::sum);
                long ms = (now - start) / 1_000_000;
                if (ms > worst.millis()) {
                    worst = new Block(ms, test, frames, hot.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                            .map(e -> e.getValue() + " x " + e.getKey()).toList());
                }
            } else {
                start = -1;
                startDepth = -1;
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The innermost frame outside the JDK (where the UI thread is working), with its caller. */
    private static String deepest(StackTraceElement[] st) {
        for (int i = 0; i < st.length; i++) {
            String c = st[i].getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                return st[i] + (i + 1 < st.length ? " <- " + st[i + 1] : ""); //$NON-NLS-1$ //$NON-NLS-2$
            }
        }
        return st.length > 0 ? st[0].toString() : "?"; //$NON-NLS-1$
    }

    /** Index of the most recent frame that dispatches an SWT event or an async/timer runnable; -1 when none. */
    private static int dispatchFrame(StackTraceElement[] st) {
        for (int i = 0; i < st.length; i++) {
            String c = st[i].getClassName(), m = st[i].getMethodName();
            if ((c.equals("org.eclipse.swt.widgets.EventTable") && m.equals("sendEvent")) //$NON-NLS-1$ //$NON-NLS-2$
                    || (c.equals("org.eclipse.swt.widgets.RunnableLock") && m.equals("run")) //$NON-NLS-1$ //$NON-NLS-2$
                    || (c.equals("org.eclipse.swt.widgets.Display") && m.equals("runTimer"))) { //$NON-NLS-1$ //$NON-NLS-2$
                return i;
            }
        }
        return -1;
    }

    /** Our production frames above the dispatch frame, most recent first; none when test code is among them. */
    private static List<String> productionFrames(StackTraceElement[] st, int dispatch) {
        List<String> out = new ArrayList<>();
        for (int i = dispatch - 1; i >= 0; i--) {
            String c = st[i].getClassName();
            if (!c.startsWith("org.pacarbon.")) { //$NON-NLS-1$
                continue;
            }
            if (c.startsWith("org.pacarbon.test.") || c.endsWith("Test") || c.contains("Test$") || c.contains(".tests.")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                return List.of();
            }
        }
        for (int i = 0; i < dispatch && out.size() < 6; i++) {
            if (st[i].getClassName().startsWith("org.pacarbon.")) { //$NON-NLS-1$
                out.add(st[i].toString());
            }
        }
        return out;
    }

    private static void write() {
        StringBuilder sb = new StringBuilder("Longest block of the UI thread by PA-Carbon code in one event or runnable\n"); //$NON-NLS-1$
        sb.append(String.format(Locale.ROOT, "%d ms in %s%n", longest.millis(), longest.test())); //$NON-NLS-1$
        longest.frames().forEach(f -> sb.append("    at ").append(f).append('\n')); //$NON-NLS-1$
        if (!longest.hot().isEmpty()) {
            sb.append("  where it was, samples per innermost frame:\n"); //$NON-NLS-1$
            longest.hot().forEach(f -> sb.append("    ").append(f).append('\n')); //$NON-NLS-1$
        }
        sb.append("\nPer test:\n"); //$NON-NLS-1$
        perTest.forEach(l -> sb.append(l).append('\n'));
        try {
            Path f = Path.of(System.getProperty("pacarbon.screenshots", "target/screenshots")).resolveSibling("ui-watchdog.txt"); //$NON-NLS-1$ //$NON-NLS-2$
            Files.createDirectories(f.toAbsolutePath().getParent());
            Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a report only
        }
    }
}
