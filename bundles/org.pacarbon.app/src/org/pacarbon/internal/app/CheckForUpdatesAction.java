package org.pacarbon.internal.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.pacarbon.update.UpdateException;
import org.pacarbon.update.Updates;

/**
 * Help &gt; Check for Updates: looks for newer versions of the installed features on the update site set in the
 * preferences (an institute's branding plug-in presets it in its {@code plugin_customization.ini}), lists them and, if
 * the user agrees, installs them and offers a restart. The checking and installing run in jobs with progress and
 * cancel; the p2 work itself is {@link Updates}, the same as {@code ./pacarbon update}.
 */
final class CheckForUpdatesAction extends Action {
    static final String ID = "org.pacarbon.app.checkForUpdates"; //$NON-NLS-1$

    private final IWorkbenchWindow window;

    CheckForUpdatesAction(IWorkbenchWindow window) {
        super(Messages.Update_action);
        this.window = window;
        setId(ID);
        setToolTipText(Messages.Update_tooltip);
    }

    @Override
    public void run() {
        List<URI> sites = sites(Activator.getDefault().getPreferenceStore().getString(PreferenceInitializer.UPDATE_SITE));
        if (sites.isEmpty()) {
            if (MessageDialog.openQuestion(shell(), Messages.Update_title, Messages.Update_noSite)) {
                PreferencesUtil.createPreferenceDialogOn(shell(), "org.pacarbon.app.preferences", null, null).open(); //$NON-NLS-1$
            }
            return;
        }
        schedule(Messages.Update_checking, monitor -> {
            Updates updates = Updates.ofRunningInstallation();
            Updates.Plan plan = updates.check(sites, monitor);
            ui(() -> offer(updates, plan));
        });
    }

    /** The p2 work of a job: what it finds goes to the UI thread itself; an UpdateException becomes an error dialog. */
    @FunctionalInterface
    private interface Work {
        void run(IProgressMonitor monitor) throws UpdateException;
    }

    /** Runs {@code work} in a user job (progress and cancel); a cancel ends it quietly, a problem in a dialog. */
    private void schedule(String name, Work work) {
        Job job = Job.create(name, (IProgressMonitor monitor) -> {
            try {
                work.run(monitor);
            } catch (UpdateException e) {
                ui(() -> MessageDialog.openError(shell(), Messages.Update_title, e.getMessage()));
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    private void offer(Updates updates, Updates.Plan plan) {
        String where = plan.sites().stream().map(URI::toString).collect(Collectors.joining(", ")); //$NON-NLS-1$
        if (plan.changes().isEmpty()) {
            MessageDialog.openInformation(shell(), Messages.Update_title, NLS.bind(Messages.Update_current, where));
            return;
        }
        String list = plan.changes().stream().map(c -> "  " + c).collect(Collectors.joining("\n")); //$NON-NLS-1$ //$NON-NLS-2$
        if (!MessageDialog.openQuestion(shell(), Messages.Update_title, NLS.bind(Messages.Update_found, where, list))) {
            return;
        }
        schedule(Messages.Update_installing, monitor -> {
            updates.install(plan, monitor);
            ui(() -> {
                if (MessageDialog.openQuestion(shell(), Messages.Update_title, Messages.Update_restart)) {
                    PlatformUI.getWorkbench().restart();
                }
            });
        });
    }

    /** The sites of the preference: URLs or folders, separated by spaces, commas or new lines. */
    static List<URI> sites(String preference) {
        List<URI> out = new ArrayList<>();
        for (String s : preference.trim().split("[\\s,]+")) { //$NON-NLS-1$
            if (s.isEmpty()) {
                continue;
            }
            out.add(Updates.site(s, null));
        }
        return out;
    }

    private Shell shell() {
        return window.getShell();
    }

    private static void ui(Runnable r) {
        Display d = PlatformUI.getWorkbench().getDisplay();
        if (!d.isDisposed()) {
            d.asyncExec(r);
        }
    }
}
