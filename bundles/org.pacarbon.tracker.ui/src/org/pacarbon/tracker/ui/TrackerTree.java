package org.pacarbon.tracker.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TreeItem;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Kind;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerStore;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The tracker's tree and its columns: the items as last read (by id, with their children and rolled-up progress),
 * which of them a filter shows, overdue items red and bold, blocked ones on amber, done ones grey; the user's own
 * expansion comes back when a filter is cleared, new items are revealed. Files and URLs dropped on a row become that
 * item's evidence ({@code map.pamap#minx,miny,maxx,maxy}: a map at an extent).
 */
final class TrackerTree {
    /** Links dropped evidence to an item. */
    interface EvidenceSink {
        boolean link(long id, Evidence.Type type, String target, String label, String extent);
    }

    private final TreeViewer viewer;
    private final Font bold;
    private final Color blockedBg = new Color(255, 224, 178);
    private final Color overdueFg = new Color(183, 28, 28);
    private final Color doneFg = new Color(110, 110, 110);
    private final Map<Long, Item> items = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private Map<Long, Double> progress = Map.of();
    private Set<Long> visible = Set.of();
    private List<Long> roots = List.of();
    private Set<Long> known = new HashSet<>();
    private Object[] expandedBeforeFilter;

    TrackerTree(Composite parent, String widgetId, Locale locale, Font bold, EvidenceSink sink) {
        this.bold = bold;
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        viewer.getTree().setData(TrackerView.WIDGET_ID_KEY, widgetId);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            @NonNullByDefault({})
            public Object[] getElements(Object input) {
                return roots.stream().filter(visible::contains).toArray();
            }

            @Override
            @NonNullByDefault({})
            public Object[] getChildren(Object parent) {
                return children.getOrDefault((Long) parent, List.of()).stream().filter(visible::contains).toArray();
            }

            @Override
            @NonNullByDefault({})
            public Object getParent(Object element) {
                Item i = items.get((Long) element);
                return i == null || i.parentId() == 0 ? null : i.parentId();
            }

            @Override
            @NonNullByDefault({})
            public boolean hasChildren(Object element) {
                return getChildren(element).length > 0;
            }
        });
        column(Messages.Col_title, 330, i -> i.code() + "  " + i.title(locale));
        column(Messages.Col_status, 90, i -> Labels.status(i.status()));
        column(Messages.Col_priority, 70, i -> Labels.priority(i.priority()));
        column(Messages.Col_owner, 90, Item::owner);
        column(Messages.Col_due, 96, Item::dueText);
        column(Messages.Col_progress, 70, i -> String.format(Locale.ROOT, "%.0f %%", 100 * progress.getOrDefault(i.id(), 0.0)));
        // the title column takes the width the others leave
        viewer.getTree().addListener(SWT.Resize, e -> {
            org.eclipse.swt.widgets.TreeColumn[] cols = viewer.getTree().getColumns();
            int rest = 0;
            for (int k = 1; k < cols.length; k++) {
                rest += cols[k].getWidth();
            }
            int w = viewer.getTree().getClientArea().width - rest;
            cols[0].setWidth(Math.max(220, w));
        });
        viewer.addDoubleClickListener(e -> {
            Item i = selected();
            if (i != null) {
                viewer.setExpandedState(i.id(), !viewer.getExpandedState(i.id()));
            }
        });
        dropEvidence(sink);
        viewer.getTree().addListener(SWT.Dispose, e -> {
            blockedBg.dispose();
            overdueFg.dispose();
            doneFg.dispose();
        });
    }

    TreeViewer viewer() {
        return viewer;
    }

    private interface Text1 {
        String of(Item i);
    }

    private void column(String title, int width, Text1 text) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @NonNullByDefault({})
            public String getText(Object element) {
                Item i = items.get((Long) element);
                return i == null ? "" : text.of(i);
            }

            @Override
            @NonNullByDefault({})
            public Color getForeground(Object element) {
                Item i = items.get((Long) element);
                if (i == null) {
                    return null;
                }
                if (i.overdue(LocalDate.now())) {
                    return overdueFg;
                }
                return i.status() == Status.DONE ? doneFg : null;
            }

            @Override
            @NonNullByDefault({})
            public Color getBackground(Object element) {
                Item i = items.get((Long) element);
                return i != null && i.status() == Status.BLOCKED ? blockedBg : null;
            }

            @Override
            @NonNullByDefault({})
            public Font getFont(Object element) {
                Item i = items.get((Long) element);
                return i != null && (i.kind() == Kind.ISSUE || i.kind() == Kind.FRAMEWORK || i.overdue(LocalDate.now()))
                        ? bold : null;
            }

            @Override
            @NonNullByDefault({})
            public String getToolTipText(Object element) {
                Item i = items.get((Long) element);
                return i == null ? null : i.description();
            }
        });
    }

    private void dropEvidence(EvidenceSink sink) {
        DropTarget drop = new DropTarget(viewer.getTree(), DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance(), TextTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            @NonNullByDefault({})
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
                    event.detail = DND.DROP_LINK;
                }
            }

            @Override
            @NonNullByDefault({})
            public void dragOver(DropTargetEvent event) {
                event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
            }

            @Override
            @NonNullByDefault({})
            public void drop(DropTargetEvent event) {
                if (!(event.item instanceof TreeItem ti) || !(ti.getData() instanceof Long id)) {
                    return;
                }
                List<String> targets = new ArrayList<>();
                if (event.data instanceof String[] files) {
                    targets.addAll(List.of(files));
                } else if (event.data instanceof String text) {
                    text.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(targets::add);
                }
                for (String t : targets) {
                    String extent = "";
                    String target = t;
                    // "map.pamap#minx,miny,maxx,maxy": a map document at an extent
                    int hash = t.lastIndexOf('#');
                    if (hash > 0 && t.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".pamap")) {
                        target = t.substring(0, hash);
                        extent = t.substring(hash + 1);
                    }
                    sink.link(id, Evidence.Type.guess(target), target, "", extent);
                }
                viewer.setSelection(new StructuredSelection(id), true);
            }
        });
    }

    /** Takes the items as read from the file (tree order) with their rolled-up progress. */
    void load(List<Item> all) {
        items.clear();
        children.clear();
        List<Long> r = new ArrayList<>();
        for (Item i : all) {
            items.put(i.id(), i);
            if (i.parentId() == 0) {
                r.add(i.id());
            } else {
                children.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i.id());
            }
        }
        roots = r;
        progress = TrackerStore.progress(all);
    }

    /** Every item as last read. */
    Map<Long, Item> items() {
        return items;
    }

    /**
     * Shows the items {@code matches} found and their ancestors (every item when {@code filtered} is false), keeping
     * the user's expansion; {@code input} is the tree's input (the file).
     */
    void show(List<Item> matches, boolean filtered, Object input) {
        Set<Long> v = new HashSet<>();
        for (Item i : matches) {
            for (long id = i.id(); id != 0 && v.add(id);) {
                Item x = items.get(id);
                id = x == null ? 0 : x.parentId();
            }
        }
        visible = v;
        Object[] expanded = viewer.getExpandedElements();
        if (filtered && expandedBeforeFilter == null) {
            expandedBeforeFilter = expanded; // the user's own expansion, back when the filter is cleared
        } else if (!filtered && expandedBeforeFilter != null) {
            expanded = expandedBeforeFilter;
            expandedBeforeFilter = null;
        }
        viewer.setInput(input);
        viewer.setExpandedElements(expanded);
        for (Long id : items.keySet()) { // items that appeared since the last look (added here or by another program)
            if (!known.contains(id) && visible.contains(id)) {
                viewer.expandToLevel(id, 0);
            }
        }
        known = new HashSet<>(items.keySet());
        if (filtered) {
            viewer.expandAll();
        }
    }

    /** The selected item (as last read), or null. */
    @Nullable Item selected() {
        IStructuredSelection s = viewer.getStructuredSelection();
        return s.getFirstElement() instanceof Long id ? items.get(id) : null;
    }

    /** Selects and reveals an item. */
    void select(long id) {
        viewer.setSelection(new StructuredSelection(id), true);
    }

    Map<Long, Double> progress() {
        return progress;
    }
}
