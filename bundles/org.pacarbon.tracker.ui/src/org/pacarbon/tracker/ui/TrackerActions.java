package org.pacarbon.tracker.ui;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.actions.ActionFactory;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerIO;
import org.pacarbon.tracker.core.TrackerStore;

/**
 * The tracker view's actions: add and delete a work item (toolbar, context menu, Insert and Delete), export to JSON,
 * CSV or Markdown and import from JSON or CSV (view menu), expand all, refresh (F5).
 */
final class TrackerActions {
    private final TrackerView view;
    final Action add;
    final Action delete;

    TrackerActions(TrackerView view, IActionBars bars, MenuManager context) {
        this.view = view;
        ISharedImages images = view.getSite().getWorkbenchWindow().getWorkbench().getSharedImages();
        add = action(Messages.Action_add, view::addTask);
        add.setToolTipText(Messages.Action_addTip);
        add.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        delete = action(Messages.Action_delete, view::deleteTask);
        delete.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_DELETE));
        Action export = action(Messages.Action_export, this::exportDialog);
        Action importAction = action(Messages.Action_import, this::importDialog);
        Action refresh = action(Messages.Action_refresh, view::reload);
        Action expand = action(Messages.Action_expand, () -> view.tree().viewer().expandAll());
        IToolBarManager tb = bars.getToolBarManager();
        tb.add(add);
        tb.add(delete);
        IMenuManager menu = bars.getMenuManager();
        menu.add(export);
        menu.add(importAction);
        menu.add(new Separator());
        menu.add(expand);
        menu.add(refresh);
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        bars.setGlobalActionHandler(ActionFactory.REFRESH.getId(), refresh);
        context.add(add);
        context.add(delete);
        context.add(new Separator());
        context.add(expand);
        context.add(refresh);
        bars.updateActionBars();
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    private void exportDialog() {
        TrackerStore store = view.store();
        if (store == null) {
            return;
        }
        FileDialog d = new FileDialog(view.getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.json", "*.csv", "*.md"});
        d.setFileName("research-tracker.json");
        d.setOverwrite(true);
        String out = d.open();
        if (out == null) {
            return;
        }
        try {
            Path p = Path.of(out);
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                TrackerIO.exportCsv(store, p);
            } else if (n.endsWith(".md")) {
                TrackerIO.exportMarkdown(store, p, view.locale());
            } else {
                TrackerIO.exportJson(store, p);
            }
            MessageDialog.openInformation(view.getSite().getShell(), Messages.Error_title, NLS.bind(Messages.Export_done, p));
        } catch (TrackerException e) {
            MessageDialog.openError(view.getSite().getShell(), Messages.Error_title, e.getMessage());
        }
    }

    private void importDialog() {
        TrackerStore store = view.store();
        if (store == null) {
            return;
        }
        FileDialog d = new FileDialog(view.getSite().getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.json;*.csv"});
        String in = d.open();
        if (in == null) {
            return;
        }
        try {
            Path p = Path.of(in);
            int added = p.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? TrackerIO.importCsv(store, p)[0]
                    : TrackerIO.importJson(store, p);
            OperationHistoryFactory.getOperationHistory().dispose(view.undoContext(), true, true, false);
            view.reload();
            MessageDialog.openInformation(view.getSite().getShell(), Messages.Error_title, NLS.bind(Messages.Import_done, p, added));
        } catch (TrackerException e) {
            MessageDialog.openError(view.getSite().getShell(), Messages.Error_title, e.getMessage());
        }
    }
}
