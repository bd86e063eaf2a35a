package org.pacarbon.tracker.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Frameworks;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Kind;
import org.pacarbon.tracker.core.Query;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerStore;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The research tracker: the framework tree (key issue, question, work items) with status, priority, owner, due
 * date and rolled-up progress ({@link TrackerTree}); a filter bar; a form for the selected item with its evidence,
 * notes and history ({@link ItemEditor}); the actions ({@link TrackerActions}); the panel of a file that cannot be
 * opened ({@link DamagedPanel}). Edits are undoable. Files and URLs dropped on an item become its evidence. Another
 * program's changes to the file (the CLI) show up by themselves.
 */
public final class TrackerView extends ViewPart {
    public static final String ID = "org.pacarbon.views.tracker";
    /** Key of the robot's widget ids, as in the other views. */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId";

    private TrackerStore store;
    private Path file;
    private Composite stack;
    private Composite main;
    private TrackerTree tree;
    private TrackerActions actions;
    private DamagedPanel problem;
    private ItemEditor editor;
    private Text search;
    private Combo statusFilter;
    private Combo ownerFilter;
    private Label count;
    private Font bold;
    private final IUndoContext undoContext = new ObjectUndoContext(this, "Research tracker");
    private long dataVersion = -1;
    private final Locale locale = Locale.getDefault();

    /** The tracker file: as {@link TrackerStore#defaultFile}, in the workbench's workspace. */
    public static Path defaultFile() {
        Path workspace = null;
        try {
            if (Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet()) {
                workspace = Path.of(Platform.getInstanceLocation().getURL().toURI());
            }
        } catch (Exception e) {
            // no workspace: the user's default one
        }
        return TrackerStore.defaultFile(workspace);
    }

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(WIDGET_ID_KEY, ID);
        stack = new Composite(parent, SWT.NONE);
        StackLayout sl = new StackLayout();
        stack.setLayout(sl);
        FontData fd = parent.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        createMain(stack);
        problem = new DamagedPanel(stack, this, bold);
        UndoRedoActionGroup undo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undo.fillActionBars(getViewSite().getActionBars());
        OperationHistoryFactory.getOperationHistory().addOperationHistoryListener(historyListener);
        actions = new TrackerActions(this, getViewSite().getActionBars(), menuManager);
        open(defaultFile());
        parent.getDisplay().timerExec(2000, this::poll);
    }

    private void createMain(Composite parent) {
        main = new Composite(parent, SWT.NONE);
        main.setLayout(new GridLayout(4, false));
        search = new Text(main, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        search.setMessage(Messages.Filter_search);
        search.setData(WIDGET_ID_KEY, ID + ".search");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> refreshTree());
        statusFilter = new Combo(main, SWT.READ_ONLY);
        statusFilter.setData(WIDGET_ID_KEY, ID + ".statusFilter");
        statusFilter.add(Messages.Filter_allStatuses);
        for (Status s : Status.values()) {
            statusFilter.add(Labels.status(s));
        }
        statusFilter.add(Messages.Filter_overdue);
        statusFilter.select(0);
        statusFilter.addListener(SWT.Selection, e -> refreshTree());
        ownerFilter = new Combo(main, SWT.READ_ONLY);
        ownerFilter.setData(WIDGET_ID_KEY, ID + ".ownerFilter");
        ownerFilter.add(Messages.Filter_allOwners);
        ownerFilter.select(0);
        ownerFilter.addListener(SWT.Selection, e -> refreshTree());
        count = new Label(main, SWT.NONE);
        count.setData(WIDGET_ID_KEY, ID + ".count");
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        SashForm sash = new SashForm(main, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        tree = new TrackerTree(sash, ID + ".tree", locale, bold, this::linkEvidence);
        tree.viewer().addSelectionChangedListener(e -> editor.show(selected()));
        tree.viewer().getTree().addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.INSERT) {
                addTask();
            } else if (e.keyCode == SWT.DEL) {
                deleteTask();
            } else if (e.keyCode == SWT.F5) {
                reload();
            }
        });
        MenuManager menu = new MenuManager();
        tree.viewer().getTree().setMenu(menu.createContextMenu(tree.viewer().getTree()));
        menuManager = menu;
        editor = new ItemEditor(sash, this);
        sash.setWeights(58, 42);
    }

    private MenuManager menuManager;

    /** Opens a tracker file (closing the one shown); a damaged file shows what is wrong and offers the backup. */
    public void open(Path f) {
        if (store != null) {
            store.close();
            store = null;
        }
        file = f.toAbsolutePath();
        OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        StackLayout sl = (StackLayout) stack.getLayout();
        try {
            store = TrackerStore.open(file);
            List<String> problems = Frameworks.loadContributed(store);
            sl.topControl = main;
            stack.layout(true, true);
            dataVersion = -1;
            reload();
            tree.viewer().expandAll();
            setContentDescription(NLS.bind(Messages.File_label, file));
            if (!problems.isEmpty()) {
                MessageDialog.openWarning(getSite().getShell(), Messages.Error_title, String.join("\n", problems));
            }
        } catch (TrackerException e) {
            problem.show(e);
            sl.topControl = problem.control;
            stack.layout(true, true);
            setContentDescription(NLS.bind(Messages.File_label, file));
        }
    }

    /** The open store, or null when the file could not be opened. */
    public @Nullable TrackerStore store() {
        return store;
    }

    /** The open tracker file's store, for parts shown only while a file is open (the item form). */
    TrackerStore openStore() {
        TrackerStore s = store();
        if (s == null) {
            throw new IllegalStateException("no tracker file is open");
        }
        return s;
    }

    public Path file() {
        return file;
    }

    /** Reads the file again and redraws, keeping the selection. */
    public void reload() {
        if (store == null || tree.viewer().getTree().isDisposed()) {
            return;
        }
        try {
            dataVersion = store.dataVersion();
            List<Item> all = store.items();
            tree.load(all);
            Set<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            all.stream().map(Item::owner).filter(o -> !o.isEmpty()).forEach(owners::add);
            String owner = ownerFilter.getSelectionIndex() > 0 ? ownerFilter.getText() : null;
            ownerFilter.removeAll();
            ownerFilter.add(Messages.Filter_allOwners);
            owners.forEach(ownerFilter::add);
            ownerFilter.select(owner == null ? 0 : Math.max(0, ownerFilter.indexOf(owner)));
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
            return;
        }
        refreshTree();
    }

    private Query query() {
        Set<Status> st = EnumSet.noneOf(Status.class);
        int s = statusFilter.getSelectionIndex();
        boolean overdue = s == Status.values().length + 1;
        if (s >= 1 && s <= Status.values().length) {
            st.add(Status.values()[s - 1]);
        }
        String owner = ownerFilter.getSelectionIndex() > 0 ? ownerFilter.getText() : "";
        return new Query(st, owner, "", "", search.getText().strip(), overdue);
    }

    private void refreshTree() {
        if (store == null) {
            return;
        }
        Query q = query();
        List<Item> matches;
        try { // with no filter every item is shown: the items read by reload() are enough
            matches = q.isAll() ? List.copyOf(tree.items().values()) : store.query(q);
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
            return;
        }
        tree.show(matches, !q.isAll(), file);
        count.setText(NLS.bind(Messages.Filter_count, matches.size(), tree.items().size()));
        count.getParent().layout();
        editor.show(selected());
        Item sel = selected();
        boolean task = sel != null && sel.kind() == Kind.TASK;
        actions.delete.setEnabled(task);
        actions.add.setEnabled(sel != null && (sel.kind() == Kind.QUESTION || task));
    }

    /** The selected item (as now in the file), or null. */
    public @Nullable Item selected() {
        return tree.selected();
    }

    /** Selects and reveals an item. */
    public void select(long id) {
        tree.select(id);
    }

    @Nullable Item item(long id) {
        return tree.items().get(id);
    }

    TrackerTree tree() {
        return tree;
    }

    Locale locale() {
        return locale;
    }

    Font boldFont() {
        return bold;
    }

    /** Undo and Redo (menu, Ctrl+Z/Ctrl+Y) change the file too: the tree, the form and its evidence list follow. */
    private final org.eclipse.core.commands.operations.IOperationHistoryListener historyListener = event -> {
        int type = event.getEventType();
        if ((type == org.eclipse.core.commands.operations.OperationHistoryEvent.UNDONE
                || type == org.eclipse.core.commands.operations.OperationHistoryEvent.REDONE)
                && event.getOperation().hasContext(undoContext) && tree != null && !tree.viewer().getTree().isDisposed()) {
            tree.viewer().getTree().getDisplay().asyncExec(this::reload);
        }
    };

    /** Runs an edit through the undo history and shows the result; returns false (after saying why) if it failed. */
    boolean execute(IUndoableOperation op) {
        IOperationHistory h = OperationHistoryFactory.getOperationHistory();
        try {
            h.execute(op, null, null);
            return true;
        } catch (ExecutionException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title,
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            return false;
        } finally {
            reload();
        }
    }

    IUndoContext undoContext() {
        return undoContext;
    }

    /** Adds a work item under the selected question or work item and puts the cursor in its title. */
    public void addTask() {
        Item sel = selected();
        if (store == null || sel == null || (sel.kind() != Kind.QUESTION && sel.kind() != Kind.TASK)) {
            return;
        }
        Ops.AddTask op = new Ops.AddTask(store, undoContext, sel.id(), Messages.New_task);
        if (execute(op)) {
            tree.viewer().setExpandedState(sel.id(), true);
            select(op.added);
            editor.focusTitle();
        }
    }

    void deleteTask() {
        Item sel = selected();
        if (store == null || sel == null || sel.kind() != Kind.TASK) {
            return;
        }
        if (!MessageDialog.openConfirm(getSite().getShell(), Messages.Delete_title,
                NLS.bind(Messages.Delete_confirm, sel.code(), sel.title()))) {
            return;
        }
        try {
            store.delete(sel.id());
            OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
        }
        reload();
        if (sel.parentId() != 0) {
            select(sel.parentId());
        }
    }

    /** Links evidence to an item (undoable). */
    public boolean linkEvidence(long id, Evidence.Type type, String target, String label, String extent) {
        Item i = tree.items().get(id);
        if (store == null || i == null) {
            return false;
        }
        if (type != Evidence.Type.URL && !Files.exists(Path.of(target))) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, NLS.bind(Messages.EvDlg_missing, target));
            return false;
        }
        return execute(new Ops.AddEvidence(store, undoContext, id, type, target, label, extent));
    }

    /** Reloads when another program (the CLI, a second workbench) changed the file. */
    private void poll() {
        if (tree == null || tree.viewer().getTree().isDisposed()) {
            return;
        }
        if (store != null && !editor.isEditing()) {
            try {
                if (store.dataVersion() != dataVersion) {
                    reload();
                }
            } catch (TrackerException e) {
                // the next poll tries again; edits report their own errors
            }
        }
        tree.viewer().getTree().getDisplay().timerExec(2000, this::poll);
    }

    @Override
    public void setFocus() {
        if (store != null) {
            tree.viewer().getTree().setFocus();
        } else {
            problem.control.setFocus();
        }
    }

    @Override
    public void dispose() {
        OperationHistoryFactory.getOperationHistory().removeOperationHistoryListener(historyListener);
        OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        if (store != null) {
            store.close();
        }
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
