package org.pacarbon.test.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

/**
 * A small UI robot for tests that run on the UI thread of the real workbench (Tycho's UI harness),
 * standing in for SWTBot, which cannot be had here.
 *
 * <p>Finders look through every open shell and wait, running the event loop, until a widget matches or
 * the timeout passes; a miss fails with a message that says what was looked for and what was there.
 * Actions send the same SWT events a user's gesture sends (selection, modify, default selection) and then
 * run the event loop, so listeners behave as in real use. {@link #drag} posts real mouse events.</p>
 */
public final class Robot {
    /** Default time a finder or a wait allows. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Display display;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** Creates a robot on the current (UI) thread's display. */
    public Robot() {
        this.display = Objects.requireNonNull(Display.getCurrent(), "Robot must be used on the UI thread"); //$NON-NLS-1$
    }

    /** Sets the timeout of finders and waits; returns this robot. */
    public Robot withTimeout(Duration newTimeout) {
        this.timeout = newTimeout;
        return this;
    }

    /** @return the display the robot drives */
    public Display display() {
        return display;
    }

    // ---------------------------------------------------------------- waiting

    /** Runs pending UI events until none is left. */
    public void flush() {
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Runs the event loop until {@code condition} holds; fails with {@code description} after the timeout. */
    public void waitUntil(BooleanSupplier condition, String description) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + description); //$NON-NLS-1$ //$NON-NLS-2$
            }
            if (!display.readAndDispatch()) {
                sleep(10);
            }
        }
        flush();
    }

    /** Waits until the job manager is idle (all Jobs finished), running the event loop meanwhile. */
    public void waitForJobs() {
        waitUntil(() -> Job.getJobManager().isIdle(), "all jobs to finish; running: " + runningJobs()); //$NON-NLS-1$
    }

    private static String runningJobs() {
        List<String> names = new ArrayList<>();
        for (Job job : Job.getJobManager().find(null)) {
            names.add(job.getName() + '(' + job.getState() + ')');
        }
        return names.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- finding

    /** Finds a widget of the given type matching {@code predicate}, waiting up to the timeout. */
    public <T extends Widget> T find(Class<T> type, Predicate<? super T> predicate, String description) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Shell shell : display.getShells()) {
                T match = search(shell, type, predicate);
                if (match != null) {
                    return match;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No " + type.getSimpleName() + " " + description + " within " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                        + timeout.toMillis() + " ms. Visible texts: " + visibleTexts()); //$NON-NLS-1$
            }
            if (!display.readAndDispatch()) {
                sleep(10);
            }
        }
    }

    /** Finds a widget whose {@code getData(key)} equals {@code value}. */
    public <T extends Widget> T byData(Class<T> type, String key, Object value) {
        return find(type, w -> value.equals(w.getData(key)), "with data " + key + "=" + value); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** Finds a widget whose text (label, button, text field, item) equals {@code text}, ignoring mnemonics. */
    public <T extends Widget> T byText(Class<T> type, String text) {
        return find(type, w -> text.equals(textOf(w)), "with text '" + text + "'"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** Finds the control that follows a label with the given text in the same parent (form fields). */
    public <T extends Control> T byLabel(Class<T> type, String labelText) {
        return find(type, w -> {
            Composite parent = w.getParent();
            if (parent == null) {
                return false;
            }
            Control[] siblings = parent.getChildren();
            for (int i = 1; i < siblings.length; i++) {
                if (siblings[i] == w) {
                    for (int j = i - 1; j >= 0; j--) {
                        if (siblings[j] instanceof Label label) {
                            return labelText.equals(strip(label.getText()));
                        }
                    }
                }
            }
            return false;
        }, "labelled '" + labelText + "'"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** Shows (opening if needed) the view with the given id on the active page and returns it. */
    public IViewPart view(String viewId) {
        try {
            IViewPart part = page().showView(viewId);
            flush();
            return part;
        } catch (PartInitException e) {
            throw new AssertionError("Cannot open view " + viewId + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    /** Switches the active window to the perspective with the given id. */
    public IWorkbenchPage perspective(String perspectiveId) {
        try {
            IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(perspectiveId,
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow());
            flush();
            waitUntil(() -> perspectiveId.equals(page.getPerspective().getId()), "perspective " + perspectiveId); //$NON-NLS-1$
            return page;
        } catch (WorkbenchException e) {
            throw new AssertionError("Cannot open perspective " + perspectiveId + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    /** @return the active workbench page */
    public IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static <T extends Widget> T search(Widget widget, Class<T> type, Predicate<? super T> predicate) {
        if (widget.isDisposed()) {
            return null;
        }
        if (type.isInstance(widget) && isShowing(widget) && predicate.test(type.cast(widget))) {
            return type.cast(widget);
        }
        for (Widget child : children(widget)) {
            T match = search(child, type, predicate);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    private static boolean isShowing(Widget widget) {
        return !(widget instanceof Control control) || control.isVisible();
    }

    private static List<Widget> children(Widget widget) {
        List<Widget> result = new ArrayList<>();
        if (widget instanceof Composite composite) {
            result.addAll(List.of(composite.getChildren()));
        }
        if (widget instanceof Tree tree) {
            result.addAll(List.of(tree.getItems()));
        } else if (widget instanceof TreeItem item) {
            result.addAll(List.of(item.getItems()));
        } else if (widget instanceof Table table) {
            result.addAll(List.of(table.getItems()));
        } else if (widget instanceof org.eclipse.swt.widgets.ToolBar bar) {
            result.addAll(List.of(bar.getItems()));
        } else if (widget instanceof org.eclipse.swt.custom.CTabFolder folder) {
            result.addAll(List.of(folder.getItems()));
        }
        return result;
    }

    /** The visible text of a widget, without mnemonic ampersands, or {@code null}. */
    public static String textOf(Widget w) {
        String text = null;
        if (w instanceof Label l) {
            text = l.getText();
        } else if (w instanceof Button b) {
            text = b.getText();
        } else if (w instanceof Text t) {
            text = t.getText();
        } else if (w instanceof Combo c) {
            text = c.getText();
        } else if (w instanceof Item i) {
            text = i.getText();
        } else if (w instanceof Shell s) {
            text = s.getText();
        } else if (w instanceof org.eclipse.swt.custom.CLabel c) {
            text = c.getText();
        }
        return text == null ? null : strip(text);
    }

    private static String strip(String text) {
        return text.replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private String visibleTexts() {
        List<String> texts = new ArrayList<>();
        for (Shell shell : display.getShells()) {
            collect(shell, texts);
        }
        return texts.size() > 60 ? texts.subList(0, 60) + "..." : texts.toString(); //$NON-NLS-1$
    }

    private static void collect(Widget w, List<String> texts) {
        String t = textOf(w);
        if (t != null && !t.isBlank() && isShowing(w)) {
            texts.add(w.getClass().getSimpleName() + ":'" + t + "'"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        for (Widget c : children(w)) {
            collect(c, texts);
        }
    }

    // ---------------------------------------------------------------- modal dialogs

    /**
     * Handles a modal shell that the next action will open. A modal dialog runs its own event loop, so the
     * test's code (below it on the UI thread's stack) cannot look at it; this polls from a timer, which runs
     * inside that nested loop, and hands the shell to {@code handler} (which should close it). Wait on the
     * returned handle afterwards: it rethrows what the handler threw and fails if no such shell appeared.
     */
    public ModalHandle onModal(Predicate<Shell> which, java.util.function.Consumer<Shell> handler, String description) {
        ModalHandle handle = new ModalHandle(description);
        long end = System.nanoTime() + timeout.toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && which.test(shell)) {
                    try {
                        handler.accept(shell);
                    } catch (Throwable t) {
                        handle.failure = t;
                        if (!shell.isDisposed()) {
                            shell.close();
                        }
                    }
                    handle.done = true;
                    return;
                }
            }
            if (System.nanoTime() < end) {
                display.timerExec(50, poll[0]);
            } else {
                handle.done = true;
                handle.failure = new AssertionError("No modal shell " + description + " within " + timeout.toMillis() //$NON-NLS-1$ //$NON-NLS-2$
                        + " ms. Visible texts: " + visibleTexts()); //$NON-NLS-1$
            }
        };
        display.timerExec(50, poll[0]);
        return handle;
    }

    /** The outcome of {@link #onModal}. */
    public final class ModalHandle {
        private final String description;
        volatile boolean done;
        volatile Throwable failure;

        ModalHandle(String description) {
            this.description = description;
        }

        /** Waits until the shell was handled; rethrows the handler's failure. */
        public void await() {
            waitUntil(() -> done, "modal shell " + description); //$NON-NLS-1$
            if (failure instanceof AssertionError a) {
                throw a;
            }
            if (failure != null) {
                throw new AssertionError("Handler of modal shell " + description + " failed: " + failure, failure); //$NON-NLS-1$ //$NON-NLS-2$
            }
        }
    }

    // ---------------------------------------------------------------- acting

    /** Clicks a button: toggles check/radio buttons like a user would, then sends Selection. */
    public void click(Button button) {
        if ((button.getStyle() & SWT.CHECK) != 0 || (button.getStyle() & SWT.TOGGLE) != 0) {
            button.setSelection(!button.getSelection());
        } else if ((button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
                    b.setSelection(b == button);
                }
            }
        }
        notify(button, SWT.Selection);
    }

    /** Types into a text field: sets its text and sends Modify, as a user's typing does; then Default selection if {@code enter}. */
    public void type(Text text, String value, boolean enter) {
        text.setFocus();
        text.setText(value);
        notify(text, SWT.Modify);
        if (enter) {
            notify(text, SWT.DefaultSelection);
        }
    }

    /** Selects the entry of a combo with the given text. */
    public void select(Combo combo, String entry) {
        int index = combo.indexOf(entry);
        if (index < 0) {
            throw new AssertionError("Combo has no entry '" + entry + "': " + List.of(combo.getItems())); //$NON-NLS-1$ //$NON-NLS-2$
        }
        combo.select(index);
        notify(combo, SWT.Selection);
    }

    /** Selects a tree item (and sends Selection to its tree); {@code open} also sends Default selection (double-click). */
    public void select(TreeItem item, boolean open) {
        Tree tree = item.getParent();
        tree.setSelection(item);
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Selection, e);
        if (open) {
            tree.notifyListeners(SWT.DefaultSelection, e);
        }
        flush();
    }

    /** Selects a table row (and sends Selection to its table). */
    public void select(TableItem item) {
        Table table = item.getParent();
        table.setSelection(item);
        Event e = new Event();
        e.item = item;
        table.notifyListeners(SWT.Selection, e);
        flush();
    }

    /** Drags with the real mouse (posted events) from the centre of one control to the centre of another. */
    public void drag(Control from, Control to) {
        Point a = centre(from);
        Point b = centre(to);
        post(SWT.MouseMove, a.x, a.y, 0);
        post(SWT.MouseDown, a.x, a.y, 1);
        for (int i = 1; i <= 10; i++) {
            post(SWT.MouseMove, a.x + (b.x - a.x) * i / 10, a.y + (b.y - a.y) * i / 10, 0);
            sleep(20);
            flush();
        }
        post(SWT.MouseUp, b.x, b.y, 1);
        flush();
    }

    private static Point centre(Control control) {
        Rectangle r = control.getBounds();
        return control.getParent() == null ? new Point(r.x + r.width / 2, r.y + r.height / 2)
                : control.getParent().toDisplay(r.x + r.width / 2, r.y + r.height / 2);
    }

    private void post(int type, int x, int y, int button) {
        Event e = new Event();
        e.type = type;
        e.x = x;
        e.y = y;
        e.button = button;
        display.post(e);
    }

    private void notify(Widget widget, int eventType) {
        widget.notifyListeners(eventType, new Event());
        flush();
    }

    // ---------------------------------------------------------------- evidence

    /** Saves a PNG of the whole screen (all shells) and returns its path. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // GTK paints on its frame clock: an event loop with nothing to dispatch can return before the last redraw
        // reached the screen (the assessment screenshot showed the map's previous picture), so settle a moment
        flush();
        display.update();
        long settle = System.nanoTime() + 300_000_000L;
        waitUntil(() -> System.nanoTime() >= settle, "the screen to settle");
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }
}
