package org.pacarbon.toolbox.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** The toolbox's list of tools: by category, filtered by the search box (name, description, id), tooltips naming the plug-in. */
final class ToolTree {
    private ToolTree() {
    }

    /** The tree of the tools {@code all} gives (read again on each refresh), filtered by {@code search}. */
    static TreeViewer create(Composite parent, Text search, java.util.function.Supplier<List<ToolDescriptor>> all) {
        TreeViewer tools = new TreeViewer(parent, SWT.BORDER | SWT.SINGLE);
        tools.getTree().setData(ToolboxView.WIDGET_ID_KEY, ToolboxView.ID + ".tree");
        tools.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tools.setContentProvider(new ITreeContentProvider() {
            @Override
            @NonNullByDefault({})
            public Object[] getElements(Object input) {
                return all.get().stream().map(ToolDescriptor::category).distinct().toArray();
            }

            @Override
            @NonNullByDefault({})
            public Object[] getChildren(Object parent) {
                return parent instanceof String cat ? all.get().stream().filter(d -> d.category().equals(cat)).toArray() : new Object[0];
            }

            @Override
            @NonNullByDefault({})
            public Object getParent(Object element) {
                return element instanceof ToolDescriptor d ? d.category() : null;
            }

            @Override
            @NonNullByDefault({})
            public boolean hasChildren(Object element) {
                return element instanceof String;
            }
        });
        tools.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @NonNullByDefault({})
            public String getText(Object element) {
                return element instanceof ToolDescriptor d ? d.name() : element.toString();
            }

            @Override
            @NonNullByDefault({})
            public String getToolTipText(Object element) {
                return element instanceof ToolDescriptor d ? d.description() + " (" + d.id() + ", " + d.bundle() + ")" : null;
            }
        });
        tools.addFilter(new ViewerFilter() {
            @Override
            @NonNullByDefault({})
            public boolean select(org.eclipse.jface.viewers.Viewer v, Object parent, Object element) {
                String q = search.getText().strip().toLowerCase(Locale.ROOT);
                if (q.isEmpty()) {
                    return true;
                }
                if (element instanceof ToolDescriptor d) {
                    return (d.name() + " " + d.description() + " " + d.id()).toLowerCase(Locale.ROOT).contains(q);
                }
                return all.get().stream().anyMatch(d -> d.category().equals(element)
                        && (d.name() + " " + d.description() + " " + d.id()).toLowerCase(Locale.ROOT).contains(q));
            }
        });
        return tools;
    }
}
